"""Two clocks: theirs decides when *they* can be reached, the user's when the *user* is
told, and every time shown says whose it is (docs/advice.md, "Time: two clocks").

A follow-up call is planned inside the interviewer's working hours on their clock ("call
at 09:30 their time"); the reminder of it comes inside the user's own hours on the user's
clock, at the call itself when that falls inside them, else before it: the last quarter
of an hour of the user's day (a call in the user's evening), or of the day before (a call
in the user's night). Where the two clocks differ, a time is written with both:
"Tue 16 Dec 18:30 (09:30 in Los Angeles)".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from followthrough.domain.wording import clock_time, short_day

# How long before the end of the user's hours a reminder of a later call comes.
BEFORE_DAY_ENDS = timedelta(minutes=15)


@dataclass(frozen=True)
class UserHours:
    """When the user may be reminded, on their own clock: from ``start`` until ``end``."""

    start: time = time(9, 0)
    end: time = time(17, 0)

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError("the user's hours must start before they end")

    def holds(self, instant: datetime, zone: ZoneInfo) -> bool:
        return self.start <= instant.astimezone(zone).time() < self.end


def _at(day: datetime, clock: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day.date(), clock, zone).astimezone(UTC)


def remind_before(event: datetime, zone: ZoneInfo, hours: UserHours) -> datetime:
    """When to remind the user of something they must do at ``event`` (UTC)."""
    if hours.holds(event, zone):
        return event.astimezone(UTC)
    local = event.astimezone(zone)
    last = (datetime.combine(local.date(), hours.end) - BEFORE_DAY_ENDS).time()
    if local.time() >= hours.end:
        return _at(local, max(last, hours.start), zone)
    previous = local - timedelta(days=1)
    return _at(previous, max(last, hours.start), zone)


def email_in_user_day(planned: datetime, zone: ZoneInfo, hours: UserHours) -> datetime:
    """An e-mail planned at ``planned`` (their working day), written in the user's hours on
    the same day of the user's: as planned when that lies inside them; the start of their
    hours when it is before (07:30 in Los Angeles for 09:30 in Chicago: 09:00); the end of
    them when it is after. Never the evening or the weekend day before, as a reminder
    "before" an early-morning e-mail was."""
    if hours.holds(planned, zone):
        return planned.astimezone(UTC)
    local = planned.astimezone(zone)
    if local.time() < hours.start:
        return _at(local, hours.start, zone)
    return remind_before(planned, zone, hours)


# A call moved to the end of their day comes this long before their hours end.
LAST_CALL_BEFORE_CLOSE = timedelta(minutes=30)


def _minutes_outside(instant: datetime, zone: ZoneInfo, hours: UserHours) -> int:
    """How far ``instant`` lies outside the user's hours on their clock, in minutes (0
    inside them), the shorter way round the clock."""
    if hours.holds(instant, zone):
        return 0
    local = instant.astimezone(zone).time()
    now = local.hour * 60 + local.minute
    start = hours.start.hour * 60 + hours.start.minute
    end = hours.end.hour * 60 + hours.end.minute
    return min((start - now) % 1440, (now - end) % 1440)


def call_for_both(
    call: datetime,
    their_zone: ZoneInfo,
    their_hours: tuple[time, time],
    user_zone: ZoneInfo,
    hours: UserHours,
) -> datetime:
    """A call planned at ``call`` inside their contact hours (``their_hours``: from,
    until, on their clock), moved later on the same day of theirs to a time the user can
    make it: unchanged when it lies inside the user's hours; else the first moment their
    hours and the user's share that day; with none shared (Berlin and Los Angeles), the
    last half hour of their day when that is nearer the user's day than the planned time
    (their 16:30 is 07:30 in Los Angeles, their 09:30 half past midnight)."""
    if hours.holds(call, user_zone):
        return call.astimezone(UTC)
    their_day = call.astimezone(their_zone).date()
    opens = datetime.combine(their_day, their_hours[0], their_zone).astimezone(UTC)
    closes = datetime.combine(their_day, their_hours[1], their_zone).astimezone(UTC)
    user_day = call.astimezone(user_zone).date()
    for offset in (-1, 0, 1):
        day = user_day + timedelta(days=offset)
        starts = datetime.combine(day, hours.start, user_zone).astimezone(UTC)
        ends = datetime.combine(day, hours.end, user_zone).astimezone(UTC)
        shared_from, shared_until = max(opens, starts, call), min(closes, ends)
        if shared_from < shared_until:
            return shared_from
    last = closes - LAST_CALL_BEFORE_CLOSE
    if last > call and _minutes_outside(last, user_zone, hours) < _minutes_outside(
        call, user_zone, hours
    ):
        return last
    return call.astimezone(UTC)


def remind_from(instant: datetime, zone: ZoneInfo, hours: UserHours) -> datetime:
    """The first moment at or after ``instant`` inside the user's hours (for something to
    do from then on, such as writing to a reference)."""
    if hours.holds(instant, zone):
        return instant.astimezone(UTC)
    local = instant.astimezone(zone)
    if local.time() < hours.start:
        return _at(local, hours.start, zone)
    return _at(local + timedelta(days=1), hours.start, zone)


def place_name(zone: ZoneInfo) -> str:
    """ "America/Los_Angeles" -> "Los Angeles"."""
    return zone.key.rsplit("/", 1)[-1].replace("_", " ")


def same_clock(instant: datetime, one: ZoneInfo, other: ZoneInfo) -> bool:
    return instant.astimezone(one).utcoffset() == instant.astimezone(other).utcoffset()


def day_and_time(local: datetime) -> str:
    """``Tue 1 Dec 18:30`` on the clock ``local`` is already on."""
    return f"{short_day(local)} {clock_time(local)}"


def both_clocks(instant: datetime, user_zone: ZoneInfo, their_zone: ZoneInfo) -> str:
    """``instant`` on the user's clock, and on theirs when it shows another time:
    "Tue 16 Dec 18:30 (09:30 in Los Angeles)"; "Tue 16 Dec 09:30" when they agree."""
    text = day_and_time(instant.astimezone(user_zone))
    theirs = their_time(instant, user_zone, their_zone)
    return f"{text} ({theirs})" if theirs else text


def their_time(instant: datetime, user_zone: ZoneInfo, their_zone: ZoneInfo) -> str | None:
    """``instant`` on their clock when it shows another time than the user's: "09:30 in
    Los Angeles" (with the day when that differs too); None when the clocks agree."""
    if same_clock(instant, user_zone, their_zone):
        return None
    mine, theirs = instant.astimezone(user_zone), instant.astimezone(their_zone)
    clock = clock_time(theirs) if theirs.date() == mine.date() else day_and_time(theirs)
    return f"{clock} in {place_name(their_zone)}"
