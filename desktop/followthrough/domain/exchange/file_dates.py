"""Days as other programs and people write them in a spreadsheet.

ISO (2026-11-20, with or without a time after it), numbers with slashes, dots or dashes
(11/20/2026, 20.11.2026, 20-11-26), month names in English ("Nov 20, 2026", "20 Nov
2026", "20-Nov-2026", "Friday, November 20, 2026") and spreadsheet serial numbers (46346).
Whether 03/04/2026 is the 3rd of April or March 4 cannot be told from the value: it is
decided for the whole file from its other values with slashes or dashes (a 20/11/2026
says days come first, an 11/20/2026 months), else asked (``DateOrder``); when they
disagree the person is asked too. Days with dots (20.11.2026) are written day first
wherever dots are used, so they are read so and say nothing about the slashed ones.
Read by patterns, not by the locale's ``strptime``, so the result does not depend on the
computer's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
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
_NUMERIC = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})" + _TAIL)
DOT = "."
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


def _numbers(text: str) -> tuple[int, int, int, str] | None:
    """A numeric day's parts as written (first, second, year, separator), or None."""
    found = _NUMERIC.match(text)
    if found is None:
        return None
    return int(found.group(1)), int(found.group(3)), _year(found.group(4)), found.group(2)


def _flipped(order: DateOrder) -> DateOrder:
    return DateOrder.MONTH_FIRST if order is DateOrder.DAY_FIRST else DateOrder.DAY_FIRST


def _numeric_day(parts: tuple[int, int, int, str], order: DateOrder) -> date | None:
    first, second, year, _separator = parts
    if order is DateOrder.MONTH_FIRST:
        first, second = second, first
    return _made(year, second, first)


def read_day(text: str, order: DateOrder) -> date | None:
    """The day ``text`` writes, numbers with slashes or dashes in ``order`` (with dots:
    day first); None when it is not a day (or no real one: 31/02)."""
    value = text.strip().casefold()
    if not value:
        return None
    found = _ISO.match(value)
    if found:
        return _made(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    parts = _numbers(value)
    if parts is not None:
        return _numeric_day(parts, DateOrder.DAY_FIRST if parts[3] == DOT else order)
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


@dataclass(frozen=True)
class MissedDay:
    """A value the chosen order cannot read, though the other order can: the day it
    would be, that order, and whether it is written with dots (always read day first)."""

    day: date
    order: DateOrder
    dotted: bool


def missed_day(text: str, order: DateOrder) -> MissedDay | None:
    """Why ``read_day(text, order)`` found no day, when the other order would find one."""
    parts = _numbers(text.strip().casefold())
    if parts is None:
        return None
    dotted = parts[3] == DOT
    used = DateOrder.DAY_FIRST if dotted else order
    if _numeric_day(parts, used) is not None:
        return None
    other = _flipped(used)
    day = _numeric_day(parts, other)
    return None if day is None else MissedDay(day, other, dotted)


# Examples kept of each order's proof, to show the person.
_EXAMPLES = 3


@dataclass(frozen=True)
class DateEvidence:
    """What a column's days with slashes or dashes say about their order: examples of
    those that read only day first (20/11/2026) and only month first (11/20/2026), and
    whether some read both ways (03/04/2026). Days with dots say nothing: they are day
    first by custom."""

    day_first: tuple[str, ...] = ()
    month_first: tuple[str, ...] = ()
    ambiguous: bool = False

    @property
    def conflict(self) -> bool:
        """Some days prove one order and others the other: the person must choose."""
        return bool(self.day_first and self.month_first)

    @property
    def order(self) -> DateOrder | None:
        """The order the deciding days agree on; None when none decides or they
        disagree."""
        if self.conflict:
            return None
        if self.day_first:
            return DateOrder.DAY_FIRST
        return DateOrder.MONTH_FIRST if self.month_first else None


def date_evidence(values: Iterable[str]) -> DateEvidence:
    """What ``values`` (a column of days) say about the order of day and month."""
    day_first: list[str] = []
    month_first: list[str] = []
    ambiguous = False
    for text in values:
        value = text.strip()
        parts = _numbers(value)
        if parts is None or parts[3] == DOT:
            continue
        first, second, _year, _separator = parts
        if first > 12 >= second:
            _keep_example(day_first, value)
        elif second > 12 >= first:
            _keep_example(month_first, value)
        elif first != second and first <= 12 and second <= 12:
            ambiguous = True
    return DateEvidence(tuple(day_first), tuple(month_first), ambiguous)


def _keep_example(examples: list[str], value: str) -> None:
    if len(examples) < _EXAMPLES and value not in examples:
        examples.append(value)
