"""How dates and times read in the app."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QTimeZone


def system_zone() -> ZoneInfo:
    """The computer's IANA time zone (UTC if Qt reports one Python does not know)."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def day_text(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def time_text(instant: datetime, zone: ZoneInfo) -> str:
    return instant.astimezone(zone).strftime("%H:%M")


def instant_text(instant: datetime, zone: ZoneInfo) -> str:
    local = instant.astimezone(zone)
    return f"{local:%a} {local.day} {local:%b} {local:%H:%M}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 interview``, ``3 interviews``, ``2 people``."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {word}"
