"""Small pieces of wording shared by the window, the commands and the domain's texts."""

from __future__ import annotations

from datetime import date


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 interview``, ``3 interviews``, ``2 people``, ``1,200 applications``."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {word}"


def short_day(day: date) -> str:
    """``Tue 1 Dec``: how a day reads in lists and sentences (no leading zero)."""
    return f"{day:%a} {day.day} {day:%b}"


def long_day(day: date) -> str:
    """``Tue 1 Dec 2026``."""
    return f"{short_day(day)} {day:%Y}"
