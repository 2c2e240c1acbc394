"""Reminders follow the facts: planned from interviews and touchpoints, moved, removed."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import peewee

from followthrough.domain.clock import FakeClock
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.store import settings as options
from followthrough.store.followups import (
    DECISION_PASSED,
    FOLLOW_UP,
    MOVE_ON,
    POSITION_FILLED,
    follow_up_plan,
    plan_reminders,
)
from followthrough.store.models import Application, Interview, Reminder, Touchpoint
from followthrough.store.queries import change_stage, create_application

CHICAGO = ZoneInfo("America/Chicago")


def _interview(app: Application, day: date, decision_on: date | None = None) -> Interview:
    start = datetime.combine(day, time(10), CHICAGO)
    return Interview.create(
        application=app,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        time_zone="America/Chicago",
        decision_expected_on=decision_on,
    )


def _open() -> list[tuple[str, datetime]]:
    query = Reminder.active().order_by(Reminder.due_at)
    return [(r.kind, r.due_at.astimezone(CHICAGO)) for r in query]


def _local(day: date, hour: int = 9, minute: int = 30) -> datetime:
    return datetime.combine(day, time(hour, minute), CHICAGO)


def test_a_stated_decision_date_gives_one_reminder_the_next_working_day(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = create_application(clock, "Acme")
    _interview(app, date(2026, 11, 9), decision_on=date(2026, 11, 20))  # a Friday
    plan_reminders()
    # [000]: never before the date; the next working day after it is Monday.
    assert _open() == [(DECISION_PASSED, _local(date(2026, 11, 23)))]


def test_no_timeframe_waits_five_working_days(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = create_application(clock, "Acme")
    _interview(app, date(2026, 11, 16))  # a Monday
    plan_reminders()
    assert _open() == [(FOLLOW_UP, _local(date(2026, 11, 23)))]


def test_planning_again_changes_nothing_and_edits_move_the_reminder(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = create_application(clock, "Acme")
    interview = _interview(app, date(2026, 11, 16))
    plan_reminders()
    assert plan_reminders() == (0, 0)
    interview.decision_expected_on = date(2026, 12, 4)
    interview.save()
    plan_reminders()
    assert _open() == [(DECISION_PASSED, _local(date(2026, 12, 7)))]
    interview.delete_instance()
    plan_reminders()
    assert _open() == []


def test_touchpoints_move_the_plan_and_patience_ends_it(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app = create_application(clock, "Acme")
    _interview(app, date(2026, 11, 2))
    plan_reminders()
    first = _open()
    assert first[0][0] == FOLLOW_UP
    options.put(options.PATIENCE, 1)
    Touchpoint.create(application=app, happened_at=first[0][1].astimezone(UTC), channel="voicemail")
    plan_reminders()
    # One unanswered attempt with patience 1: time to move on.
    assert [kind for kind, _due in _open()] == [MOVE_ON]
    options.put(options.PATIENCE, 3)
    plan_reminders()
    kinds = _open()
    assert [k for k, _ in kinds] == [FOLLOW_UP]
    assert kinds[0][1] > first[0][1] + timedelta(days=6)  # waits a week after the voicemail


def test_filled_and_closed_applications(database: peewee.SqliteDatabase, clock: FakeClock) -> None:
    filled = create_application(clock, "Filled Co")
    closed = create_application(clock, "Closed Co")
    _interview(filled, date(2026, 11, 2))
    _interview(closed, date(2026, 11, 2))
    plan_reminders()
    assert len(_open()) == 2
    Touchpoint.create(
        application=filled,
        happened_at=datetime(2026, 11, 12, 16, tzinfo=UTC),
        channel="reply",
        answered=True,
        outcome="filled",
    )
    change_stage(closed.id, Stage.WITHDRAWN, clock, date(2026, 11, 20), ClosureReason.WITHDREW)
    plan_reminders()
    assert [kind for kind, _due in _open()] == [POSITION_FILLED]


def test_an_offer_is_not_chased(database: peewee.SqliteDatabase, clock: FakeClock) -> None:
    """Moved to Offer, the follow-ups stop: the offer is the user's to answer (the
    walkthrough's offer still said "decision date passed — email them")."""
    app = create_application(clock, "Offer Co")
    _interview(app, date(2026, 11, 2))
    plan_reminders()
    assert len(_open()) == 1
    change_stage(app.id, Stage.OFFER, clock, date(2026, 11, 20))
    plan_reminders()
    assert _open() == []
    assert follow_up_plan(app.id) is None


# -- what the interviewer said reaches the plan (issue: channel, rhythm, moving on) --------


def test_the_interviewers_preferred_method_reaches_the_reminder(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    """[003, 001] the person's "prefers e-mail" wins over the phone default."""
    from followthrough.store.models import Contact, InterviewParticipant

    app = create_application(clock, "Acme")
    interview = _interview(app, date(2026, 11, 16))
    dana = Contact.create(name="Dana", preferred_method="email", created_at=clock.now())
    InterviewParticipant.create(interview=interview, contact=dana)
    plan_reminders()
    reminder = Reminder.get(Reminder.kind == FOLLOW_UP)
    assert reminder.title == "Email Acme to follow up"
    assert reminder.body.startswith("Email Mon 23 Nov")
    dana.preferred_method = "phone"
    dana.save()
    plan_reminders()
    assert Reminder.get(Reminder.kind == FOLLOW_UP).title == "Call Acme to follow up"


def test_moving_on_is_suggested_the_moment_the_last_try_goes_unanswered(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    """[003, 001] with patience 1, one unanswered call is the sign: at once, not weeks on."""
    from followthrough.domain.cadence import Channel, Outcome
    from followthrough.store.touchpoints import TouchpointInput, log_touchpoint

    options.put(options.PATIENCE, 1)
    app = create_application(clock, "Acme")
    _interview(app, date(2026, 11, 16))
    called = datetime(2026, 11, 20, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    log_touchpoint(
        TouchpointInput(
            application_id=app.id,
            channel=Channel.PHONE,
            answered=False,
            outcome=Outcome.NO_NEWS,
            new_decision_on=None,
            notes="",
            contact_id=None,
            at=called,
        ),
        clock,
        date(2026, 11, 20),
    )
    plan_reminders()
    move_on = Reminder.get(Reminder.kind == MOVE_ON)
    assert move_on.due_at == called.astimezone(UTC)


def test_the_next_step_is_stated_ahead_of_time_then_as_overdue(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    from followthrough.store.followups import follow_up_plan, next_step_text

    app = create_application(clock, "Acme")
    _interview(app, date(2026, 11, 16), decision_on=date(2026, 12, 4))  # a Friday
    plan = follow_up_plan(app.id)
    assert plan is not None
    ahead = next_step_text(plan, clock.now())
    # On the user's (Berlin) clock, and the interviewer's: Monday 9:30 in Chicago.
    assert ahead.startswith("Next: call them Mon 7 Dec 16:30 (09:30 in Chicago).")
    assert "decide by Fri 4 Dec" in ahead and "passed" not in ahead
    later = next_step_text(plan, datetime(2026, 12, 7, 16, tzinfo=CHICAGO))
    assert later.startswith("Overdue: call them Mon 7 Dec")
