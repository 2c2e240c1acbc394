"""Days as other programs and people write them in a spreadsheet.

ISO (2026-11-20, with or without a time after it), numbers with slashes, dots or dashes
(11/20/2026, 20.11.2026, 20-11-26), month names in English ("Nov 20, 2026", "20 Nov
2026", "20-Nov-2026", "Friday, November 20, 2026") and spreadsheet serial numbers (46346).
Whether 03/04/2026 is the 3rd of April or March 4 cannot be told from the value: it is
decided for the whole file from its other values (a 20/11/2026 says days come first),
else asked (``DateOrder``). Read by patterns, not by the locale's ``strptime``, so the
result does not depend on the computer's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum


class DateOrder(StrEnum):
    DAY_FIRST = "day_first"  # 03/04/2026 is 3 April (most of the world)
    MONTH_FIRST = "month_first"  # 03/04/2026 is March 4 (the United States)


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
# Values are compared case-folded: a time after the day ("T19:17:05Z") starts with "t".
_TAIL = r"(?:[ t,].*)?\Z"
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TAIL)
_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})" + _TAIL)
_WEEKDAY = r"(?:[a-z]+\.?,?\s+)?"
_NAMED_MONTH_FIRST = re.compile(
    _WEEKDAY + r"([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TAIL
)
_NAMED_DAY_FIRST = re.compile(
    _WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\.?[\s\-]+([a-z]{3,9})\.?,?[\s\-]+(\d{4}|\d{2})" + _TAIL
)
# Spreadsheet serial days: 25569 is 1 January 1970, 80000 is in 2119.
_SERIAL = re.compile(r"(\d{5})(?:\.\d+)?\Z")
_SERIAL_ZERO = date(1899, 12, 30)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        return year + (2000 if year < 70 else 1900)
    return year


def _made(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _numbers(text: str) -> tuple[int, int, int] | None:
    """A numeric day's parts as written (first, second, year), or None."""
    found = _NUMERIC.match(text)
    if found is None:
        return None
    return int(found.group(1)), int(found.group(2)), _year(found.group(3))


def read_day(text: str, order: DateOrder) -> date | None:
    """The day ``text`` writes; None when it is not a day (or no real one: 31/02)."""
    value = text.strip().casefold()
    if not value:
        return None
    found = _ISO.match(value)
    if found:
        return _made(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    parts = _numbers(value)
    if parts is not None:
        first, second, year = parts
        if order is DateOrder.MONTH_FIRST:
            first, second = second, first
        return _made(year, second, first)
    found = _NAMED_MONTH_FIRST.match(value)
    if found and found.group(1) in _MONTHS:
        return _made(int(found.group(3)), _MONTHS[found.group(1)], int(found.group(2)))
    found = _NAMED_DAY_FIRST.match(value)
    if found and found.group(2) in _MONTHS:
        return _made(_year(found.group(3)), _MONTHS[found.group(2)], int(found.group(1)))
    found = _SERIAL.match(value)
    if found and 25569 <= int(found.group(1)) <= 80000:
        return _SERIAL_ZERO + timedelta(days=int(found.group(1)))
    return None


def order_from_values(values: Iterable[str]) -> tuple[DateOrder | None, bool]:
    """What a file's days say about their order: (the order a value proves — None when
    none does, or values prove both —, whether some value is ambiguous: 03/04/2026)."""
    day_first = month_first = ambiguous = False
    for text in values:
        parts = _numbers(text.strip())
        if parts is None:
            continue
        first, second, _ = parts
        if first > 12 >= second:
            day_first = True
        elif second > 12 >= first:
            month_first = True
        elif first != second and first <= 12 and second <= 12:
            ambiguous = True
    if day_first == month_first:
        return None, ambiguous
    return (DateOrder.DAY_FIRST if day_first else DateOrder.MONTH_FIRST), ambiguous
