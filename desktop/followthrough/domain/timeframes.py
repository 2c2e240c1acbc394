"""Turning what an interviewer said ("within two weeks") into dates."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from followthrough.domain.wording import translate


class WindowUnit(StrEnum):
    DAYS = "days"
    WORKING_DAYS = "working_days"
    WEEKS = "weeks"

    def phrase(self, count: int) -> str:
        """ "1 week", "3 working days", in the user's language."""
        one = count == 1
        if self is WindowUnit.DAYS:
            text = (
                translate("timeframes", "{count} day")
                if one
                else translate("timeframes", "{count} days")
            )
        elif self is WindowUnit.WORKING_DAYS:
            text = (
                translate("timeframes", "{count} working day")
                if one
                else translate("timeframes", "{count} working days")
            )
        else:
            text = (
                translate("timeframes", "{count} week")
                if one
                else translate("timeframes", "{count} weeks")
            )
        return text.format(count=count)


def add_working_days(start: date, count: int) -> date:
    """The date ``count`` working days (Monday to Friday) after ``start``."""
    if count < 0:
        raise ValueError("count must not be negative")
    day = start
    remaining = count
    while remaining:
        day += timedelta(days=1)
        if day.weekday() < 5:
            remaining -= 1
    return day


def date_within(start: date, count: int, unit: WindowUnit) -> date:
    """The last day of "within ``count`` ``unit``" counted from ``start`` (the interview day)."""
    if count <= 0:
        raise ValueError("a timeframe needs a positive number")
    if unit is WindowUnit.DAYS:
        return start + timedelta(days=count)
    if unit is WindowUnit.WEEKS:
        return start + timedelta(weeks=count)
    return add_working_days(start, count)
