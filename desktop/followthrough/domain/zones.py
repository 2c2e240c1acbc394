"""Time zone names: which ones exist, and which one this computer is set to."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


def zone_known(name: str) -> bool:
    # A region's folder ("America") is an OSError where zones come from the tzdata package.
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def zone_or(name: object, fallback: ZoneInfo) -> ZoneInfo:
    """The zone called ``name``; ``fallback`` (the user's clock) when there is none such:
    a time is then shown once, on the user's clock, rather than not at all."""
    return ZoneInfo(name) if isinstance(name, str) and zone_known(name) else fallback


def computer_zone_name() -> str:
    """The computer's IANA zone as the system tells Python ($TZ, /etc/localtime,
    /etc/timezone), else "UTC". (The app prefers Qt's answer, which works everywhere.)"""
    return told_computer_zone() or "UTC"


def told_computer_zone() -> str | None:
    """The computer's IANA zone where the system names it to Python; None where it does
    not (Windows, a copied /etc/localtime)."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    timezone_file = Path("/etc/timezone")
    if timezone_file.is_file():
        candidates.append(timezone_file.read_text(errors="replace").strip())
    for name in candidates:
        if name and zone_known(name):
            return name
    return None


def zone_names() -> list[str]:
    """Every zone name this computer knows, sorted (for a picker)."""
    return sorted(n for n in available_timezones() if "/" in n and not n.startswith("Etc/"))


def _folded(text: str) -> str:
    """A zone name as typed or listed, compared: any case, spaces for underscores."""
    return "_".join(text.split()).casefold()


def zones_named(typed: str, names: Iterable[str]) -> list[str]:
    """The zones of ``names`` that ``typed`` names: the one whose whole name it is, else
    those whose city (the name's last part) it is; in any case, with spaces or
    underscores ("tokyo" → Asia/Tokyo, "new york" → America/New_York). Several when a
    city is in more than one zone's name (Indianapolis); none when nothing fits."""
    wanted = _folded(typed)
    if not wanted:
        return []
    listed = list(names)
    whole = [name for name in listed if _folded(name) == wanted]
    if whole:
        return whole[:1]
    return [name for name in listed if _folded(name.rsplit("/", 1)[-1]) == wanted]


def zone_named(typed: str, names: Iterable[str]) -> str:
    """The one zone of ``names`` that ``typed`` names (``zones_named``), else ``typed``
    as it was typed (to be checked, and refused, as it is)."""
    found = zones_named(typed, names)
    return found[0] if len(found) == 1 else typed.strip()
