"""Turning "within two weeks" into a date: working days skip weekends, windows count from the
interview day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followthrough.domain.timeframes import WindowUnit, add_working_days, date_within

FRIDAY = date(2026, 11, 20)
SATURDAY = date(2026, 11, 21)
SUNDAY = date(2026, 11, 22)
MONDAY = date(2026, 11, 23)
THURSDAY = date(2026, 11, 19)


def test_the_named_days_are_the_weekdays_they_claim_to_be() -> None:
    # Guards the tables below: they rely on these being a real Thu..Mon run.
    assert [d.weekday() for d in (THURSDAY, FRIDAY, SATURDAY, SUNDAY, MONDAY)] == [3, 4, 5, 6, 0]


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (FRIDAY, 0, FRIDAY),  # nothing to add: the day itself, even on a Friday
        (SATURDAY, 0, SATURDAY),
        (FRIDAY, 1, MONDAY),  # the weekend is skipped
        (SATURDAY, 1, MONDAY),
        (SUNDAY, 1, MONDAY),
        (THURSDAY, 1, FRIDAY),
        (THURSDAY, 2, MONDAY),
        (FRIDAY, 5, date(2026, 11, 27)),  # a full working week: the next Friday
        (MONDAY, 4, date(2026, 11, 27)),
        (MONDAY, 5, date(2026, 11, 30)),
        (date(2026, 11, 18), 10, date(2026, 12, 2)),  # two working weeks, Wed to Wed
        (FRIDAY, 6, date(2026, 11, 30)),
    ],
)
def test_add_working_days_skips_weekends(start: date, count: int, expected: date) -> None:
    assert add_working_days(start, count) == expected


def test_add_working_days_refuses_a_negative_count() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_working_days(FRIDAY, -1)


@pytest.mark.parametrize(
    ("count", "unit", "expected"),
    [
        (1, WindowUnit.DAYS, SATURDAY),  # calendar days do not skip weekends
        (3, WindowUnit.DAYS, MONDAY),
        (10, WindowUnit.DAYS, date(2026, 11, 30)),
        (1, WindowUnit.WEEKS, date(2026, 11, 27)),
        (2, WindowUnit.WEEKS, date(2026, 12, 4)),
        (6, WindowUnit.WEEKS, date(2027, 1, 1)),  # across the year end
        (1, WindowUnit.WORKING_DAYS, MONDAY),
        (3, WindowUnit.WORKING_DAYS, date(2026, 11, 25)),
        (10, WindowUnit.WORKING_DAYS, date(2026, 12, 4)),
    ],
)
def test_date_within_counts_from_the_interview_day(
    count: int, unit: WindowUnit, expected: date
) -> None:
    assert date_within(FRIDAY, count, unit) == expected


def test_date_within_working_days_from_a_weekend_starts_on_monday() -> None:
    assert date_within(SATURDAY, 1, WindowUnit.WORKING_DAYS) == MONDAY
    assert date_within(SATURDAY, 1, WindowUnit.DAYS) == SUNDAY


@pytest.mark.parametrize("unit", list(WindowUnit))
@pytest.mark.parametrize("count", [0, -1, -14])
def test_date_within_needs_a_positive_number(count: int, unit: WindowUnit) -> None:
    with pytest.raises(ValueError, match="positive"):
        date_within(FRIDAY, count, unit)


@pytest.mark.parametrize(
    ("unit", "count", "phrase"),
    [
        (WindowUnit.DAYS, 1, "1 day"),
        (WindowUnit.DAYS, 3, "3 days"),
        (WindowUnit.WORKING_DAYS, 1, "1 working day"),
        (WindowUnit.WORKING_DAYS, 5, "5 working days"),
        (WindowUnit.WEEKS, 1, "1 week"),
        (WindowUnit.WEEKS, 2, "2 weeks"),
    ],
)
def test_units_read_as_they_were_said(unit: WindowUnit, count: int, phrase: str) -> None:
    assert unit.phrase(count) == phrase


def test_units_are_stored_by_their_values() -> None:
    assert [u.value for u in WindowUnit] == ["days", "working_days", "weeks"]
    assert WindowUnit("working_days") is WindowUnit.WORKING_DAYS


dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
counts = st.integers(min_value=1, max_value=400)


@given(start=dates, count=counts)
def test_working_days_never_land_on_a_weekend(start: date, count: int) -> None:
    result = add_working_days(start, count)
    assert result.weekday() < 5
    assert result > start
    # Exactly ``count`` working days lie in (start, result].
    between = (start + timedelta(days=n) for n in range(1, (result - start).days + 1))
    assert sum(1 for d in between if d.weekday() < 5) == count
    # Never more than a weekend's worth of extra days per week.
    assert (result - start).days <= count + 2 * (count // 5 + 1)


@given(start=dates, count=st.integers(min_value=0, max_value=400))
def test_working_days_are_monotonic(start: date, count: int) -> None:
    # One more working day is always later; a later start never gives an earlier end.
    assert add_working_days(start, count + 1) > add_working_days(start, count)
    assert add_working_days(start + timedelta(days=1), count) >= add_working_days(start, count)


@given(start=dates, count=counts)
def test_working_day_windows_agree_with_add_working_days(start: date, count: int) -> None:
    assert date_within(start, count, WindowUnit.WORKING_DAYS) == add_working_days(start, count)
    assert date_within(start, count, WindowUnit.WEEKS) == date_within(
        start, 7 * count, WindowUnit.DAYS
    )
