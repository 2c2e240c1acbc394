"""Their words understood: timeframes as interviewers say them, read with a fixed clock.

docs/advice.md, "Follow-up timing" (Their rhythm and their words): do not chase before the
stated timeframe has passed [000]; "1-2 weeks" means waiting the two weeks [002] — so a
range takes its later end.
"""

from __future__ import annotations

from datetime import date

import pytest

from followthrough.domain.spoken_timeframes import read_timeframe

# Said on a Wednesday in December.
SAID = date(2026, 12, 2)

UNDERSTOOD = [
    # Ranges take the later end [000, 002].
    ("in one to two weeks", date(2026, 12, 16), "later end"),
    ("They'll decide in one to two weeks", date(2026, 12, 16), "later end"),
    ("1-2 weeks", date(2026, 12, 16), "later end"),
    ("two or three weeks", date(2026, 12, 23), "later end"),
    ("a week or two", date(2026, 12, 16), "later end"),
    ("between 5 and 10 days", date(2026, 12, 12), "later end"),
    ("3 to 1 weeks", date(2026, 12, 23), "later end"),
    # Counts.
    ("within two weeks", date(2026, 12, 16), ""),
    ("a couple of weeks", date(2026, 12, 16), ""),
    ("couple weeks", date(2026, 12, 16), ""),
    ("in a few weeks", date(2026, 12, 23), ""),
    ("two weeks or so", date(2026, 12, 16), ""),
    ("in 10 days", date(2026, 12, 12), ""),
    ("a month", date(2027, 1, 2), ""),
    # Working days skip the weekend.
    ("within 10 working days", date(2026, 12, 16), "working days"),
    ("we'll let you know in 3 business days", date(2026, 12, 7), "working days"),
    # Weeks and weekdays.
    ("end of next week", date(2026, 12, 11), ""),
    ("by the end of the week", date(2026, 12, 4), ""),
    ("We hope to make a decision by the end of the week", date(2026, 12, 4), ""),
    ("next week", date(2026, 12, 11), ""),
    ("early next week", date(2026, 12, 8), ""),
    ("by Friday", date(2026, 12, 4), ""),
    ("next Friday", date(2026, 12, 11), ""),
    ("by Monday", date(2026, 12, 7), ""),
    ("Wednesday", date(2026, 12, 9), ""),
    ("tomorrow", date(2026, 12, 3), ""),
    # Days of the month and dates.
    ("by the 15th", date(2026, 12, 15), ""),
    ("by the 1st", date(2027, 1, 1), ""),
    ("Dec 15", date(2026, 12, 15), ""),
    ("15 December", date(2026, 12, 15), ""),
    ("December 1st", date(2027, 12, 1), ""),
    ("Feb 29", date(2028, 2, 29), ""),
    # Month parts map to stated days.
    ("mid-December", date(2026, 12, 15), "15th"),
    ("early February", date(2027, 2, 10), "10th"),
    ("late January", date(2027, 1, 31), ""),
    ("by the end of the month", date(2026, 12, 31), ""),
    ("end of next month", date(2027, 1, 31), "end of next month"),
    # The turn of the year.
    ("early in the new year", date(2027, 1, 15), "15 January"),
    ("after the holidays", date(2027, 1, 7), "turn of the year"),
    ("before Christmas", date(2026, 12, 24), "24 December"),
    ("by the holidays", date(2026, 12, 24), "24 December"),
    # Parts of next month.
    ("early next month", date(2027, 1, 10), "10th"),
    ("mid next month", date(2027, 1, 15), "15th"),
    ("late next month", date(2027, 1, 31), ""),
    # A day named by its number is never the day it is said on.
    ("by the 2nd", date(2027, 1, 2), ""),
    ("December 2", date(2027, 12, 2), ""),
]

REFUSED = [
    "ASAP",
    "soon",
    "shortly",
    "after the board meeting",
    "when the budget is approved",
    "next quarter",
    "Q1",
    "in 0 days",
    "by Feb 30",
    "the 32nd",
    "",
    "   ",
    "we'll see",
    "in some weeks",
]


@pytest.mark.parametrize(("phrase", "expected", "how"), UNDERSTOOD)
def test_common_timeframes_are_read_as_a_day(phrase: str, expected: date, how: str) -> None:
    reading = read_timeframe(phrase, SAID)
    assert reading is not None, phrase
    assert reading.day == expected
    assert how in reading.how


@pytest.mark.parametrize("phrase", REFUSED)
def test_what_is_not_understood_is_said_so(phrase: str) -> None:
    assert read_timeframe(phrase, SAID) is None


def test_the_reading_is_shown_for_the_person_to_accept() -> None:
    reading = read_timeframe("end of next week", SAID)
    assert reading is not None
    assert reading.explain() == "by Fri 11 Dec, a working day"
    weekend = read_timeframe("between 5 and 10 days", SAID)
    assert weekend is not None
    assert weekend.explain().startswith("by Sat 12 Dec, a Saturday")


def test_a_range_never_reads_as_its_early_end() -> None:
    """The early end would make the app call before the window is over [000]."""
    for phrase in ("one to two weeks", "1-2 weeks", "a week or two", "2 or 3 weeks"):
        reading = read_timeframe(phrase, SAID)
        assert reading is not None
        assert (reading.day - SAID).days >= 14


def test_christmas_said_on_or_after_it_names_no_day() -> None:
    for said_on in (date(2026, 12, 24), date(2026, 12, 28)):
        assert read_timeframe("before Christmas", said_on) is None


def test_a_month_part_may_be_the_day_it_is_said_on() -> None:
    reading = read_timeframe("mid-December", date(2026, 12, 15))
    assert reading is not None and reading.day == date(2026, 12, 15)


def test_there_are_at_least_thirty_phrases_in_the_table() -> None:
    assert len(UNDERSTOOD) + len(REFUSED) >= 30
