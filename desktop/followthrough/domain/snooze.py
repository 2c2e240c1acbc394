"""When a snoozed reminder comes back, and until when reminders are paused.

Pure: the current instant and the user's time zone are passed in. Short snoozes are fixed
durations on the time line (15 minutes are 15 minutes even across a daylight-saving
change); "tomorrow morning" is a wall-clock time on the next calendar day in the user's
zone, converted to UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

DEFAULT_MORNING = time(9, 0)


class SnoozeChoice(Enum):
    """How long a due reminder is put off."""

    FIFTEEN_MINUTES = "15-minutes"
    ONE_HOUR = "1-hour"
    TOMORROW_MORNING = "tomorrow-morning"


class PauseChoice(Enum):
    """How long no reminder is shown at all."""

    ONE_HOUR = "1-hour"
    UNTIL_TOMORROW = "until-tomorrow"


def _aware(now: datetime) -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("a timezone-aware instant is needed")
    return now.astimezone(UTC)


def next_morning(now: datetime, zone: ZoneInfo, morning: time = DEFAULT_MORNING) -> datetime:
    """``morning`` (local wall-clock time in ``zone``) on the calendar day after ``now``'s
    local day, in UTC.

    It is always the next calendar day, also shortly after midnight. A morning that does
    not exist that day (inside a spring-forward gap) is moved forward by the gap; one
    that happens twice (autumn) is the first of the two.
    """
    local_day = _aware(now).astimezone(zone).date()
    wall = datetime.combine(local_day + timedelta(days=1), morning.replace(tzinfo=None))
    return wall.replace(tzinfo=zone, fold=0).astimezone(UTC)


def snooze_until(
    choice: SnoozeChoice,
    now: datetime,
    zone: ZoneInfo,
    morning: time = DEFAULT_MORNING,
) -> datetime:
    """When a reminder snoozed at ``now`` is shown again (UTC)."""
    start = _aware(now)
    if choice is SnoozeChoice.FIFTEEN_MINUTES:
        return start + timedelta(minutes=15)
    if choice is SnoozeChoice.ONE_HOUR:
        return start + timedelta(hours=1)
    return next_morning(start, zone, morning)


def pause_until(
    choice: PauseChoice,
    now: datetime,
    zone: ZoneInfo,
    morning: time = DEFAULT_MORNING,
) -> datetime:
    """Until when reminders stay quiet when paused at ``now`` (UTC)."""
    start = _aware(now)
    if choice is PauseChoice.ONE_HOUR:
        return start + timedelta(hours=1)
    return next_morning(start, zone, morning)
