"""Days outside 1970-2200 are typing mistakes: refused with a sentence, not stored."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from followthrough.domain.cadence import Channel, Outcome
from followthrough.domain.interviews import InterviewDraft, interview_problems
from followthrough.domain.validation import (
    EARLIEST_DAY,
    LATEST_DAY,
    application_problems,
    day_problem,
)
from followthrough.store.touchpoints import TouchpointInput, touchpoint_problem


@pytest.mark.parametrize(
    ("day", "ok"),
    [
        (date(1969, 12, 31), False),
        (EARLIEST_DAY, True),
        (date(2026, 12, 1), True),
        (LATEST_DAY, True),
        (date(2201, 1, 1), False),
        (date(1, 1, 2), False),
        (None, True),
    ],
)
def test_the_accepted_days(day: date | None, ok: bool) -> None:
    problem = day_problem(day, "The day")
    assert (problem is None) is ok
    if not ok:
        assert problem == "The day must lie between 1970 and 2200."


def test_each_form_refuses_a_day_out_of_range() -> None:
    draft = InterviewDraft(1, date(20, 11, 3), time(10), time(11), "Europe/Berlin")
    assert "interview day" in interview_problems(draft).messages["day"]
    later = InterviewDraft(
        1, date(2026, 11, 3), time(10), time(11), "Europe/Berlin", decision_on=date(9999, 1, 1)
    )
    assert "decision date" in interview_problems(later).messages["decision"]
    assert "applied" in application_problems("Acme", "", date(1900, 1, 1))["applied_on"]
    contact = TouchpointInput(
        application_id=1,
        channel=Channel.PHONE,
        answered=True,
        outcome=Outcome.NEW_TIMEFRAME,
        new_decision_on=date(3000, 1, 1),
        notes="",
        contact_id=None,
        at=datetime(2026, 11, 20, 10, tzinfo=UTC),
    )
    problem = touchpoint_problem(contact, datetime(2026, 11, 21, tzinfo=UTC))
    assert problem is not None and "new decision date" in problem
