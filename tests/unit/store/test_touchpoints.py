"""Touchpoints: each rule of what can be logged, the filled news closing the application,
what they feed the follow-up plan, and the call sheet's facts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import peewee
import pytest

from followthrough.domain.cadence import Channel, Outcome
from followthrough.domain.clock import FakeClock
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.domain.stages import ClosureReason, Stage, StageError
from followthrough.store import touchpoints as touchpoints_module
from followthrough.store.followups import DECISION_PASSED, FOLLOW_UP, planned_reminders
from followthrough.store.interviews import save_interview
from followthrough.store.models import Application, Contact, StageEvent, Touchpoint
from followthrough.store.queries import change_stage, create_application
from followthrough.store.reminders import ReminderSpec
from followthrough.store.touchpoints import (
    TouchpointError,
    TouchpointInput,
    call_sheet_facts,
    log_touchpoint,
    save_intro_line,
    touchpoint_problem,
    touchpoints_of,
)

BERLIN = "Europe/Berlin"
TODAY = date(2026, 11, 20)  # the clock fixture's Friday
INTERVIEW_DAY = date(2026, 11, 10)  # a Tuesday
# Tuesday 17 November, 10:00 in Berlin: a week after the interview, before "now".
CALLED_AT = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)
DANA = PersonDraft(
    name="Dana Lee", title="Head of Data", phone="+49 30 5550100", preferred_method="phone"
)
SAM = PersonDraft(name="Sam Roe", title="Engineer", email="sam@acme.example.com")


def interview(application_id: int, **changes: Any) -> InterviewDraft:
    base = InterviewDraft(
        application_id=application_id,
        day=INTERVIEW_DAY,
        start=time(10, 0),
        end=time(11, 0),
        time_zone=BERLIN,
        people=(DANA,),
        next_step="Case study with the team",
    )
    return replace(base, **changes)


def touch(application_id: int, **changes: Any) -> TouchpointInput:
    base = TouchpointInput(
        application_id=application_id,
        channel=Channel.PHONE,
        answered=True,
        outcome=Outcome.STILL_CANDIDATE,
        new_decision_on=None,
        notes="",
        contact_id=None,
        at=CALLED_AT,
    )
    return replace(base, **changes)


@pytest.fixture
def application_id(database: peewee.SqliteDatabase, clock: FakeClock) -> int:
    application = create_application(clock, "Acme", "Data Analyst")
    save_interview(interview(application.id), clock)
    return int(application.id)


def reminders_of(application_id: int) -> list[ReminderSpec]:
    return [s for s in planned_reminders() if s.application_id == application_id]


# --- The rules of what can be logged ------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        # A reply is by definition an answer.
        ({"channel": Channel.REPLY, "answered": False}, "A reply is an answer"),
        # Nobody picked up when a voicemail was left.
        ({"channel": Channel.VOICEMAIL, "answered": True}, "nobody picked up"),
        # Without an answer there is no news.
        ({"answered": False, "outcome": Outcome.STILL_CANDIDATE}, "Only an answer"),
        ({"answered": False, "outcome": Outcome.FILLED}, "Only an answer"),
        # A new timeframe needs its date, not before the day of the contact.
        ({"outcome": Outcome.NEW_TIMEFRAME}, "Enter the new date"),
        (
            {"outcome": Outcome.NEW_TIMEFRAME, "new_decision_on": date(2026, 11, 16)},
            "cannot be before the day",
        ),
        # ... and a date goes with that outcome only.
        ({"new_decision_on": date(2026, 12, 4)}, "goes with the “new timeframe”"),
        # What has not happened yet cannot be logged.
        ({"at": datetime(2026, 11, 20, 15, 1, tzinfo=UTC)}, "still ahead"),
    ],
)
def test_a_touchpoint_against_the_rules_is_refused_and_nothing_is_written(
    application_id: int, clock: FakeClock, changes: dict[str, Any], message: str
) -> None:
    data = touch(application_id, **changes)
    problem = touchpoint_problem(data, clock.now())
    assert problem is not None and message in problem
    with pytest.raises(TouchpointError, match=message):
        log_touchpoint(data, clock, TODAY)
    assert Touchpoint.select().count() == 0


@pytest.mark.parametrize(
    "changes",
    [
        {"channel": Channel.REPLY, "answered": True},
        {"channel": Channel.REPLY, "answered": True, "outcome": Outcome.NO_NEWS},
        {"channel": Channel.VOICEMAIL, "answered": False, "outcome": Outcome.NO_NEWS},
        {"channel": Channel.PHONE, "answered": False, "outcome": Outcome.NO_NEWS},
        {"channel": Channel.EMAIL, "answered": False, "outcome": Outcome.NO_NEWS},
        {"channel": Channel.EMAIL, "answered": True, "outcome": Outcome.STILL_CANDIDATE},
        # The new date may be the very day of the contact (on the clock it was entered with).
        {
            "outcome": Outcome.NEW_TIMEFRAME,
            "new_decision_on": date(2026, 11, 17),
            "at": datetime(2026, 11, 17, 0, 30, tzinfo=UTC),
        },
        {"outcome": Outcome.NEW_TIMEFRAME, "new_decision_on": date(2026, 12, 4)},
        # Right now is not "ahead".
        {"at": datetime(2026, 11, 20, 15, 0, tzinfo=UTC)},
    ],
)
def test_a_touchpoint_within_the_rules_is_stored_as_entered(
    application_id: int, clock: FakeClock, changes: dict[str, Any]
) -> None:
    data = touch(application_id, notes="  Spoke to the assistant  ", **changes)
    assert touchpoint_problem(data, clock.now()) is None
    touchpoint_id = log_touchpoint(data, clock, TODAY)
    stored = Touchpoint.get_by_id(touchpoint_id)
    assert stored.application.id == application_id
    assert (stored.channel, stored.answered, stored.outcome) == (
        data.channel.value,
        data.answered,
        data.outcome.value,
    )
    assert stored.happened_at == data.at
    assert stored.new_decision_on == data.new_decision_on
    assert stored.notes == "Spoke to the assistant"


def test_the_day_of_a_touchpoint_is_read_on_the_clock_it_was_entered_with(
    application_id: int, clock: FakeClock
) -> None:
    # 00:30 on the 18th in Berlin is still the 17th in UTC: the 18th counts.
    at = datetime(2026, 11, 18, 0, 30, tzinfo=ZoneInfo(BERLIN))
    data = touch(
        application_id, at=at, outcome=Outcome.NEW_TIMEFRAME, new_decision_on=date(2026, 11, 17)
    )
    assert touchpoint_problem(data, clock.now()) is not None
    assert (
        touchpoint_problem(replace(data, new_decision_on=date(2026, 11, 18)), clock.now()) is None
    )


def test_strings_are_accepted_for_channel_and_outcome(application_id: int) -> None:
    data = touch(application_id, channel="voicemail", answered=False, outcome="no_news")
    assert (data.channel, data.outcome) == (Channel.VOICEMAIL, Outcome.NO_NEWS)
    with pytest.raises(ValueError):
        touch(application_id, channel="fax")


def test_unknown_application_or_person_is_refused(application_id: int, clock: FakeClock) -> None:
    with pytest.raises(TouchpointError, match="no longer exists"):
        log_touchpoint(touch(application_id + 99), clock, TODAY)
    with pytest.raises(TouchpointError, match="no longer in your contacts"):
        log_touchpoint(touch(application_id, contact_id=999), clock, TODAY)
    assert Touchpoint.select().count() == 0


# --- "Filled" closes the application [003] --------------------------------------------------


def test_filled_news_closes_the_application_with_a_stage_event(
    application_id: int, clock: FakeClock
) -> None:
    dana = Contact.get(Contact.name == "Dana Lee")
    log_touchpoint(touch(application_id, outcome=Outcome.FILLED, contact_id=dana.id), clock, TODAY)
    application = Application.get_by_id(application_id)
    assert application.stage == Stage.FILLED.value
    assert application.closure_reason == ClosureReason.FILLED.value
    assert application.closed_on == TODAY
    event = StageEvent.select().order_by(StageEvent.id.desc()).first()
    assert (event.from_stage, event.to_stage, event.closure_reason) == (
        Stage.INTERVIEWING.value,
        Stage.FILLED.value,
        ClosureReason.FILLED.value,
    )
    assert event.happened_at == clock.now()
    # Closed: no more follow-ups are planned for it.
    assert reminders_of(application_id) == []


@pytest.mark.parametrize("stage", [Stage.ACCEPTED, Stage.FILLED])
def test_filled_news_leaves_a_stage_that_cannot_become_filled(
    application_id: int, clock: FakeClock, stage: Stage
) -> None:
    if stage is Stage.ACCEPTED:
        change_stage(application_id, Stage.OFFER, clock, TODAY)
    reason = ClosureReason.FILLED if stage is Stage.FILLED else None
    change_stage(application_id, stage, clock, TODAY, reason)
    events = StageEvent.select().count()
    log_touchpoint(touch(application_id, outcome=Outcome.FILLED), clock, TODAY)
    assert Application.get_by_id(application_id).stage == stage.value
    assert StageEvent.select().count() == events
    assert Touchpoint.select().count() == 1


def test_the_touchpoint_and_the_closing_are_one_transaction(
    application_id: int, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> None:
        raise StageError("no")

    monkeypatch.setattr(touchpoints_module, "change_stage", refuse)
    with pytest.raises(StageError):
        log_touchpoint(touch(application_id, outcome=Outcome.FILLED), clock, TODAY)
    assert Touchpoint.select().count() == 0
    assert Application.get_by_id(application_id).stage == Stage.INTERVIEWING.value


# --- Touchpoints feed the follow-up plan ----------------------------------------------------


def test_an_unanswered_voicemail_moves_the_follow_up_later(
    application_id: int, clock: FakeClock
) -> None:
    # No timeframe: five working days after Tue 10 Nov is Tue 17 Nov, 09:30 in Berlin.
    (before,) = reminders_of(application_id)
    assert before.kind == FOLLOW_UP
    assert before.due_at == datetime(2026, 11, 17, 8, 30, tzinfo=UTC)
    log_touchpoint(
        touch(application_id, channel=Channel.VOICEMAIL, answered=False, outcome=Outcome.NO_NEWS),
        clock,
        TODAY,
    )
    (after,) = reminders_of(application_id)
    # One unanswered attempt: wait a week from it [003].
    assert after.kind == FOLLOW_UP
    assert after.due_at == datetime(2026, 11, 24, 8, 30, tzinfo=UTC)
    assert after.due_at > before.due_at
    assert "no answer" in after.body
    assert after.subject_key != before.subject_key


def test_a_new_timeframe_sets_the_follow_up_after_the_new_date(
    application_id: int, clock: FakeClock
) -> None:
    log_touchpoint(
        touch(application_id, outcome=Outcome.NEW_TIMEFRAME, new_decision_on=date(2026, 12, 4)),
        clock,
        TODAY,
    )
    (after,) = reminders_of(application_id)
    # They will decide by Friday 4 December: the next working day, Monday 7, at 09:30.
    assert after.due_at == datetime(2026, 12, 7, 8, 30, tzinfo=UTC)
    assert "later said" in after.body


def test_deleting_a_touchpoint_restores_the_plan(application_id: int, clock: FakeClock) -> None:
    (before,) = reminders_of(application_id)
    touchpoint_id = log_touchpoint(
        touch(application_id, channel=Channel.VOICEMAIL, answered=False, outcome=Outcome.NO_NEWS),
        clock,
        TODAY,
    )
    Touchpoint.delete_by_id(touchpoint_id)  # as deleting its application does
    assert reminders_of(application_id) == [before]
    assert before.kind in (FOLLOW_UP, DECISION_PASSED)


# --- Reading them back ----------------------------------------------------------------------


def test_touchpoints_are_listed_newest_first_with_a_summary(
    application_id: int, clock: FakeClock
) -> None:
    dana = Contact.get(Contact.name == "Dana Lee")
    first = CALLED_AT
    log_touchpoint(
        touch(application_id, channel=Channel.VOICEMAIL, answered=False, outcome=Outcome.NO_NEWS),
        clock,
        TODAY,
    )
    log_touchpoint(
        touch(
            application_id,
            channel=Channel.REPLY,
            contact_id=dana.id,
            outcome=Outcome.NEW_TIMEFRAME,
            new_decision_on=date(2026, 12, 4),
            notes="Budget sign-off pending",
            at=first + timedelta(days=1),
        ),
        clock,
        TODAY,
    )
    log_touchpoint(
        touch(
            application_id,
            channel=Channel.EMAIL,
            answered=False,
            outcome=Outcome.NO_NEWS,
            contact_id=dana.id,
            at=first + timedelta(days=2),
        ),
        clock,
        TODAY,
    )
    lines = touchpoints_of(application_id)
    assert [line.summary for line in lines] == [
        "E-mailed Dana Lee: no reply yet",
        "Dana Lee got back to you: new decision date Fri 4 Dec",
        "Left a voicemail for Acme",
    ]
    assert [line.at for line in lines] == [first + timedelta(days=d) for d in (2, 1, 0)]
    assert lines[1].contact_name == "Dana Lee" and lines[1].contact_id == dana.id
    assert lines[1].notes == "Budget sign-off pending"
    assert lines[2].contact_id is None and lines[2].contact_name == ""
    Touchpoint.delete_by_id(lines[0].touchpoint_id)
    assert [line.touchpoint_id for line in touchpoints_of(application_id)] == [
        lines[1].touchpoint_id,
        lines[2].touchpoint_id,
    ]
    assert touchpoints_of(application_id + 99) == []


@pytest.mark.parametrize(
    ("changes", "summary"),
    [
        ({}, "Called Acme: still a candidate"),
        ({"answered": False, "outcome": Outcome.NO_NEWS}, "Called Acme: no answer"),
        ({"outcome": Outcome.NO_NEWS}, "Called Acme: no news yet"),
        ({"outcome": Outcome.FILLED}, "Called Acme: the position is filled"),
        ({"channel": Channel.EMAIL}, "E-mailed Acme: still a candidate"),
    ],
)
def test_summaries_say_what_happened(
    application_id: int, clock: FakeClock, changes: dict[str, Any], summary: str
) -> None:
    log_touchpoint(touch(application_id, **changes), clock, TODAY)
    assert [line.summary for line in touchpoints_of(application_id)] == [summary]


# --- The call sheet -------------------------------------------------------------------------


def test_call_sheet_facts_come_from_the_latest_interview(
    application_id: int, clock: FakeClock
) -> None:
    dana = Contact.get(Contact.name == "Dana Lee")
    save_interview(
        interview(
            application_id,
            day=date(2026, 11, 16),
            round=2,
            people=(SAM, replace(DANA, contact_id=dana.id)),
            next_step="Reference check",
            decision_on=date(2026, 11, 27),
            check_back_when="Friday after next",
            check_back_method="phone",
        ),
        clock,
    )
    log_touchpoint(
        touch(application_id, contact_id=dana.id, at=datetime(2026, 11, 19, 9, tzinfo=UTC)),
        clock,
        TODAY,
    )
    facts = call_sheet_facts(application_id)
    assert (facts.company, facts.role_title, facts.intro_line) == ("Acme", "Data Analyst", "")
    # Dana's stated preference decides the channel, so she is the one to reach: first.
    assert [(p.name, p.title, p.phone, p.email, p.preferred_method) for p in facts.people] == [
        ("Dana Lee", "Head of Data", "+49 30 5550100", "", "phone"),
        ("Sam Roe", "Engineer", "", "sam@acme.example.com", None),
    ]
    assert {p.company for p in facts.people} == {"Acme"}
    assert facts.people[0].contact_id == dana.id
    assert facts.channel is Channel.PHONE
    assert (facts.interview_day, facts.interview_round) == (date(2026, 11, 16), 2)
    assert (facts.next_step, facts.decision_on) == ("Reference check", date(2026, 11, 27))
    assert (facts.check_back_when, facts.check_back_method) == ("Friday after next", "phone")
    assert facts.last_touchpoint is not None
    assert facts.last_touchpoint.summary == "Called Dana Lee: still a candidate"


def test_call_sheet_facts_without_an_interview(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Bluebird", "")
    facts = call_sheet_facts(application.id)
    assert facts.people == ()
    assert facts.interview_day is None and facts.next_step == "" and facts.decision_on is None
    with pytest.raises(TouchpointError):
        call_sheet_facts(application.id + 1)
    # The user's name, once given for their notes, is known to the call sheet too.
    assert facts.sender_name == ""
    from followthrough.store import settings as options

    options.put(options.SENDER_NAME, "Alex Kim")
    assert call_sheet_facts(application.id).sender_name == "Alex Kim"


def test_a_touchpoint_from_an_earlier_round_is_not_the_last_contact(
    application_id: int, clock: FakeClock
) -> None:
    log_touchpoint(touch(application_id), clock, TODAY)
    save_interview(interview(application_id, day=date(2026, 11, 19), round=2), clock)
    assert call_sheet_facts(application_id).last_touchpoint is None


def test_with_now_a_round_still_ahead_is_not_the_one_followed_up(
    application_id: int, clock: FakeClock
) -> None:
    save_interview(
        interview(application_id, day=date(2026, 11, 26), round=2, next_step="Final round"),
        clock,
    )
    assert call_sheet_facts(application_id).interview_round == 2
    facts = call_sheet_facts(application_id, clock.now())
    assert (facts.interview_round, facts.interview_day) == (1, INTERVIEW_DAY)
    assert facts.next_step == "Case study with the team"
    # Before any interview has begun there is nothing said to follow up on.
    early = call_sheet_facts(application_id, datetime(2026, 11, 1, tzinfo=UTC))
    assert early.interview_day is None and early.people == ()


def test_the_intro_line_is_kept_per_application(application_id: int, clock: FakeClock) -> None:
    other = create_application(clock, "Bluebird")
    save_intro_line(application_id, "  It's Alex,   the analyst who\nrebuilt the churn model. ")
    assert call_sheet_facts(application_id).intro_line == (
        "It's Alex, the analyst who rebuilt the churn model."
    )
    assert call_sheet_facts(other.id).intro_line == ""
    save_intro_line(application_id, "")
    assert call_sheet_facts(application_id).intro_line == ""
    with pytest.raises(TouchpointError):
        save_intro_line(other.id + 1, "Hi")
