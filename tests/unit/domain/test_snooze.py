"""Snooze and pause instants: fixed durations on the time line, "tomorrow morning" on the
wall clock of the user's zone, including the days Berlin changes its clocks."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followthrough.domain.snooze import (
    PauseChoice,
    SnoozeChoice,
    next_morning,
    pause_until,
    snooze_until,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def berlin(*args: int, fold: int = 0) -> datetime:
    return datetime(*args, tzinfo=BERLIN, fold=fold)  # type: ignore[misc]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


# 2026: Berlin springs forward on Sunday 29 March (02:00 CET -> 03:00 CEST) and falls back
# on Sunday 25 October (03:00 CEST -> 02:00 CET).
@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # An ordinary November evening: 09:00 CET is 08:00 UTC.
        (berlin(2026, 11, 20, 18, 0), utc(2026, 11, 21, 8, 0)),
        # Already tomorrow in Berlin though still the 20th in UTC: the day after that.
        (berlin(2026, 11, 21, 0, 30), utc(2026, 11, 22, 8, 0)),
        # Early morning counts as today: "tomorrow" is the next calendar day.
        (berlin(2026, 11, 21, 6, 0), utc(2026, 11, 22, 8, 0)),
        # The evening before spring-forward: the morning is in summer time already.
        (berlin(2026, 3, 28, 20, 0), utc(2026, 3, 29, 7, 0)),
        # In the night of spring-forward, before the change.
        (berlin(2026, 3, 29, 1, 30), utc(2026, 3, 30, 7, 0)),
        # The evening before fall-back: the morning is in winter time again.
        (berlin(2026, 10, 24, 20, 0), utc(2026, 10, 25, 8, 0)),
        # In the repeated hour of fall-back, either time round.
        (berlin(2026, 10, 25, 2, 30, fold=0), utc(2026, 10, 26, 8, 0)),
        (berlin(2026, 10, 25, 2, 30, fold=1), utc(2026, 10, 26, 8, 0)),
    ],
)
def test_tomorrow_morning_is_nine_on_the_next_local_day(now: datetime, expected: datetime) -> None:
    result = snooze_until(SnoozeChoice.TOMORROW_MORNING, now, BERLIN)
    assert result == expected
    assert result.tzinfo is UTC
    local = result.astimezone(BERLIN)
    assert (local.date(), local.time()) == (now.date() + timedelta(days=1), time(9, 0))


def test_the_night_before_spring_forward_is_an_hour_shorter() -> None:
    now = berlin(2026, 3, 28, 21, 0)
    assert snooze_until(SnoozeChoice.TOMORROW_MORNING, now, BERLIN) - now == timedelta(hours=11)
    autumn = berlin(2026, 10, 24, 21, 0)
    later = snooze_until(SnoozeChoice.TOMORROW_MORNING, autumn, BERLIN)
    assert later - autumn == timedelta(hours=13)


def test_a_morning_inside_the_spring_gap_moves_forward_by_the_gap() -> None:
    # 02:30 does not exist in Berlin on 29 March 2026; it becomes 03:30 CEST.
    result = next_morning(berlin(2026, 3, 28, 12, 0), BERLIN, time(2, 30))
    assert result == utc(2026, 3, 29, 1, 30)
    assert result.astimezone(BERLIN).time() == time(3, 30)


def test_a_morning_that_happens_twice_is_the_first_one() -> None:
    # 02:30 happens twice in Berlin on 25 October 2026: first in summer time (00:30 UTC).
    result = next_morning(berlin(2026, 10, 24, 12, 0), BERLIN, time(2, 30))
    assert result == utc(2026, 10, 25, 0, 30)


def test_the_morning_time_can_be_chosen() -> None:
    now = berlin(2026, 11, 20, 18, 0)
    result = snooze_until(SnoozeChoice.TOMORROW_MORNING, now, BERLIN, morning=time(7, 45))
    assert result == utc(2026, 11, 21, 6, 45)


@pytest.mark.parametrize(
    ("now", "choice", "expected"),
    [
        (utc(2026, 11, 20, 15, 0), SnoozeChoice.FIFTEEN_MINUTES, utc(2026, 11, 20, 15, 15)),
        (utc(2026, 11, 20, 15, 0), SnoozeChoice.ONE_HOUR, utc(2026, 11, 20, 16, 0)),
        # Across spring-forward: 01:50 CET plus 15 minutes is 03:05 CEST.
        (berlin(2026, 3, 29, 1, 50), SnoozeChoice.FIFTEEN_MINUTES, utc(2026, 3, 29, 1, 5)),
        # Across fall-back: 02:30 CEST plus one hour is 02:30 CET.
        (berlin(2026, 10, 25, 2, 30, fold=0), SnoozeChoice.ONE_HOUR, utc(2026, 10, 25, 1, 30)),
    ],
)
def test_short_snoozes_are_fixed_durations(
    now: datetime, choice: SnoozeChoice, expected: datetime
) -> None:
    result = snooze_until(choice, now, BERLIN)
    assert result == expected
    assert result.tzinfo is UTC


def test_fifteen_minutes_across_spring_forward_read_as_an_hour_and_a_quarter() -> None:
    result = snooze_until(SnoozeChoice.FIFTEEN_MINUTES, berlin(2026, 3, 29, 1, 50), BERLIN)
    assert result.astimezone(BERLIN).time() == time(3, 5)


def test_pause_for_an_hour_and_until_tomorrow() -> None:
    now = berlin(2026, 3, 28, 22, 10)
    assert pause_until(PauseChoice.ONE_HOUR, now, BERLIN) == utc(2026, 3, 28, 22, 10)
    assert pause_until(PauseChoice.UNTIL_TOMORROW, now, BERLIN) == utc(2026, 3, 29, 7, 0)
    assert pause_until(PauseChoice.UNTIL_TOMORROW, now, BERLIN, time(8, 0)) == utc(
        2026, 3, 29, 6, 0
    )


def test_the_zone_decides_which_day_tomorrow_is() -> None:
    now = utc(2026, 11, 21, 2, 0)  # 03:00 on the 21st in Berlin, 21:00 on the 20th in New York
    assert snooze_until(SnoozeChoice.TOMORROW_MORNING, now, BERLIN) == utc(2026, 11, 22, 8, 0)
    assert snooze_until(SnoozeChoice.TOMORROW_MORNING, now, NEW_YORK) == utc(2026, 11, 21, 14, 0)


def test_naive_instants_are_refused() -> None:
    naive = datetime(2026, 11, 20, 15, 0)  # noqa: DTZ001
    with pytest.raises(ValueError, match="timezone-aware"):
        snooze_until(SnoozeChoice.ONE_HOUR, naive, BERLIN)
    with pytest.raises(ValueError, match="timezone-aware"):
        pause_until(PauseChoice.UNTIL_TOMORROW, naive, BERLIN)


@given(
    now=st.datetimes(
        min_value=datetime(2000, 1, 1),  # noqa: DTZ001
        max_value=datetime(2037, 12, 31),  # noqa: DTZ001
        timezones=st.just(UTC),
    ),
    zone=st.sampled_from([BERLIN, NEW_YORK, ZoneInfo("Australia/Lord_Howe"), ZoneInfo("UTC")]),
    choice=st.sampled_from(list(SnoozeChoice)),
)
def test_a_snooze_always_ends_later_and_tomorrow_is_the_next_day(
    now: datetime, zone: ZoneInfo, choice: SnoozeChoice
) -> None:
    result = snooze_until(choice, now, zone)
    assert result > now
    assert result.tzinfo is UTC
    if choice is SnoozeChoice.TOMORROW_MORNING:
        local = result.astimezone(zone)
        assert local.date() == now.astimezone(zone).date() + timedelta(days=1)
        assert local.time() == time(9, 0)  # none of these zones changes clocks at 09:00
