"""The command line writes days as the window does and durations a person can read."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from followthrough.__main__ import duration_words, moment_words
from followthrough.domain.wording import EnglishDayWords, use_day_words

TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.fixture
def in_2026() -> Iterator[None]:
    previous = use_day_words(EnglishDayWords(lambda: date(2026, 11, 20)))
    yield
    use_day_words(previous)


@pytest.mark.usefixtures("in_2026")
def test_a_due_time_reads_like_the_window_with_its_zone() -> None:
    text = moment_words(datetime(2026, 12, 1, 9, 30, tzinfo=UTC), TOKYO)
    assert text == "Tue 1 Dec 18:30 JST"


@pytest.mark.usefixtures("in_2026")
def test_a_due_time_in_another_year_carries_its_year() -> None:
    text = moment_words(datetime(2024, 3, 5, 1, 0, tzinfo=UTC), TOKYO)
    assert text == "Tue 5 Mar 2024 10:00 JST"


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (0.004, "in under a second"),
        (0.96, "in under a second"),
        (2.44, "in 2.4 s"),
        (185.2, "in 3 min 5 s"),
    ],
)
def test_a_demo_run_says_how_long_it_took_in_words(seconds: float, expected: str) -> None:
    assert duration_words(seconds) == expected
    assert "0.0 s" not in duration_words(seconds)
