"""The one next thing to do about an application, for each situation it can be in."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from followthrough.domain.next_action import NextAction, Waiting, next_action, waiting
from followthrough.domain.offers.record import OfferTerms, answer_due
from followthrough.domain.stages import ACTIVE_STAGES, CLOSED_STAGES, Stage

TODAY = date(2026, 11, 20)
INTERVIEW_AT = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
INTERVIEW_DAY = date(2026, 11, 24)


@pytest.mark.parametrize("stage", CLOSED_STAGES)
def test_closed_applications_have_nothing_to_do(stage: Stage) -> None:
    # Not even for an interview or a passed decision date still on record.
    action = next_action(stage, TODAY, INTERVIEW_AT, INTERVIEW_DAY, TODAY - timedelta(days=3))
    assert action == NextAction("")
    assert (action.due_day, action.due_at) == (None, None)


@pytest.mark.parametrize("stage", ACTIVE_STAGES)
def test_an_upcoming_interview_comes_first(stage: Stage) -> None:
    action = next_action(stage, TODAY, INTERVIEW_AT, INTERVIEW_DAY, TODAY - timedelta(days=3))
    assert action == NextAction("Interview", INTERVIEW_DAY, INTERVIEW_AT, "interview")


@pytest.mark.parametrize(
    ("decision_on", "text"),
    [
        (TODAY - timedelta(days=10), "Decision date passed: follow up"),
        (TODAY - timedelta(days=1), "Decision date passed: follow up"),
        # On the day itself the decision is not late yet.
        (TODAY, "Wait for their decision"),
        (TODAY + timedelta(days=14), "Wait for their decision"),
    ],
)
@pytest.mark.parametrize("stage", [s for s in ACTIVE_STAGES if s != Stage.OFFER])
def test_a_decision_date_decides_between_waiting_and_following_up(
    stage: Stage, decision_on: date, text: str
) -> None:
    action = next_action(stage, TODAY, None, None, decision_on)
    assert (action.text, action.due_day, action.kind) == (text, decision_on, "decision")
    assert action.due_at is None
    # Overdue once the day has passed, with a reason either way.
    assert action.overdue == (decision_on < TODAY)
    assert action.why


def test_an_application_without_news_waits_for_a_reply() -> None:
    action = next_action(Stage.APPLIED, TODAY, None, None, None)
    assert action.text == "Wait for a reply; keep applying"
    assert action.due_day is None and not action.overdue and action.why


@pytest.mark.parametrize("stage", [Stage.INTERVIEWING, Stage.REFERENCE_CHECK])
def test_after_interviews_without_a_date_ask_when_they_decide(stage: Stage) -> None:
    action = next_action(stage, TODAY, None, None, None)
    assert (action.text, action.due_day, action.overdue) == (
        "Ask when they will decide",
        None,
        False,
    )


@pytest.mark.parametrize(
    "decision_on", [None, TODAY - timedelta(days=3), TODAY + timedelta(days=3)]
)
def test_an_offer_is_answered_not_waited_for(decision_on: date | None) -> None:
    # They have decided: no "ask when they will decide", no "wait for their decision".
    action = next_action(Stage.OFFER, TODAY, None, None, decision_on)
    assert action.text == "Get the offer in writing and answer it"
    assert "keep applying" in action.why
    assert (action.due_day, action.kind, action.overdue) == (None, "", False)


def test_an_open_offer_names_its_deadline_and_says_when_it_has_passed() -> None:
    """The offer's step names its deadline (on both clocks where they differ); once it
    has passed, it says so and what to do, overdue, rather than the bare advice."""
    terms = OfferTerms(
        answer_by=date(2026, 12, 8), answer_by_time=time(10), answer_by_zone="Asia/Tokyo"
    )
    before = datetime(2026, 12, 7, 12, tzinfo=UTC)
    ahead = next_action(Stage.OFFER, TODAY, None, None, None, answer_due(terms, before, UTC))
    assert ahead.text == "Answer the offer by Tue 8 Dec 01:00 (10:00 in Tokyo)"
    assert (ahead.due_day, ahead.due_at) == (
        date(2026, 12, 8),
        datetime(2026, 12, 8, 1, tzinfo=UTC),
    )
    assert not ahead.overdue and ahead.kind == "offer_answer"
    after = datetime(2026, 12, 8, 2, tzinfo=UTC)
    late = next_action(Stage.OFFER, TODAY, None, None, None, answer_due(terms, after, UTC))
    assert late.text == (
        "Answer the offer: its deadline, Tue 8 Dec 01:00 (10:00 in Tokyo), passed — reply "
        "now or ask for more time"
    )
    assert late.overdue
    # No deadline given: the advice as before.
    none = next_action(Stage.OFFER, TODAY, None, None, None, answer_due(OfferTerms(), after, UTC))
    assert none.text == "Get the offer in writing and answer it"


# -- while waiting to hear back (docs/advice.md, "While you wait") ----------------------------


def test_waiting_counts_from_the_last_contact_or_else_from_applying() -> None:
    quiet = next_action(Stage.APPLIED, TODAY, None, None, None)
    applied = TODAY - timedelta(days=10)
    assert waiting(Stage.APPLIED, quiet, applied, None, TODAY) == Waiting(10, False)
    contact = TODAY - timedelta(days=50)
    wait = waiting(Stage.INTERVIEWING, quiet, applied - timedelta(days=60), contact, TODAY)
    assert wait == Waiting(50, True)
    # Four to six weeks is usual; beyond six, it is longer than usual.
    assert Waiting(41, True).within_usual_wait and not wait.within_usual_wait


def test_no_waiting_words_when_something_is_due_or_nothing_is_awaited() -> None:
    applied = TODAY - timedelta(days=10)
    overdue = NextAction("Call Acme", TODAY - timedelta(days=1), kind="follow_up", overdue=True)
    today = NextAction("Call Acme", TODAY, kind="follow_up")
    later = NextAction("Call Acme", TODAY + timedelta(days=3), kind="follow_up")
    interview = NextAction("Interview", TODAY + timedelta(days=3), kind="interview")
    assert waiting(Stage.APPLIED, overdue, applied, None, TODAY) is None
    assert waiting(Stage.APPLIED, today, applied, None, TODAY) is None
    assert waiting(Stage.APPLIED, interview, applied, None, TODAY) is None
    assert waiting(Stage.OFFER, later, applied, None, TODAY) is None
    assert waiting(Stage.APPLIED, later, None, None, TODAY) is None  # since when: unknown
    assert waiting(Stage.APPLIED, later, applied, None, TODAY) == Waiting(10, False)
