"""When to be reminded to write the debrief: the same day, while it is fresh.

docs/advice.md, Keeping momentum: debrief right away [000, 001, 002, 003]. The reminder
comes a little after the interview ends, inside the user's own hours (their clock, never
in their quiet hours); an interview that ends after those hours is debriefed first thing
next morning. After a week it lapses: by then it is no longer a debrief of a fresh memory
(the form stays open to fill in at any time)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from followthrough.domain.two_clocks import UserHours, remind_from

# Time to get home, or out of the building, before sitting down to write.
AFTER_THE_END = timedelta(minutes=45)
LAPSES_AFTER = timedelta(days=7)
BEFORE_THE_DAY_CLOSES = timedelta(minutes=15)


def debrief_due_at(ends_at: datetime, zone: ZoneInfo, hours: UserHours) -> datetime:
    """When the "debrief while it is fresh" reminder comes, in UTC: shortly after the end,
    moved inside the user's hours (the same evening if the hours allow, else the next
    morning)."""
    if ends_at.tzinfo is None:
        raise ValueError("ends_at needs a time zone")
    soon = ends_at + AFTER_THE_END
    if hours.holds(soon, zone):
        return soon.astimezone(UTC)
    if hours.holds(ends_at, zone):
        # Ends late in the user's day: still today, a little before the day closes (or
        # as it ends, if that is later).
        local_end = ends_at.astimezone(zone)
        closing = datetime.combine(local_end.date(), hours.end, zone) - BEFORE_THE_DAY_CLOSES
        return max(ends_at, closing).astimezone(UTC)
    return remind_from(soon, zone, hours)


def debrief_lapses_at(ends_at: datetime) -> datetime:
    return (ends_at + LAPSES_AFTER).astimezone(UTC)
