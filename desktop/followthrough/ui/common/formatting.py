"""How dates and times read in the app."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QTimeZone

from followthrough.domain.two_clocks import both_clocks, day_and_time
from followthrough.domain.wording import clock_time, short_day
from followthrough.domain.zones import zone_or


def computer_zone() -> ZoneInfo:
    """The computer's IANA time zone (UTC if Qt reports one Python does not know)."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return ZoneInfo("UTC")


# The user's own zone, as the preference says (None: the computer's); set at start-up and
# when the preference is saved, so that showing a time never reads the database.
_chosen_zone: ZoneInfo | None = None


def set_user_zone(name: str) -> None:
    """Follow the "Your time zone" preference ("" for the computer's)."""
    global _chosen_zone
    try:
        _chosen_zone = ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError, OSError):
        _chosen_zone = None


def system_zone() -> ZoneInfo:
    """The user's own zone: every time the app shows is on this clock (the preference,
    else the computer's)."""
    return _chosen_zone or computer_zone()


def time_text(instant: datetime, zone: ZoneInfo) -> str:
    return clock_time(instant.astimezone(zone))


def instant_text(instant: datetime, zone: ZoneInfo) -> str:
    return day_and_time(instant.astimezone(zone))


def when_text(at: datetime | None, day: date | None, zone: ZoneInfo) -> str:
    """A step's moment: its day and time on the user's clock when it has a time ("Tue 24
    Nov 10:00"), its day alone when it has none ("Tue 24 Nov"), "" for neither."""
    if at is not None:
        return instant_text(at, zone)
    return short_day(day) if day is not None else ""


def two_clock_text(instant: datetime, zone: ZoneInfo, their_zone_name: str) -> str:
    """``instant`` on the user's clock, and on the other zone's when that shows another
    time: "Tue 15 Dec 18:30 (09:30 in Los Angeles)"."""
    return both_clocks(instant, zone, zone_or(their_zone_name, zone))


def file_day(day: date) -> str:
    """``day`` in a file name the app suggests: ISO (2026-11-21), so saved files sort by
    day and the name holds no "/" as 21/11/2026 would."""
    return day.isoformat()
