"""The playbook after a rejection in the database: states saved, the revisit reminder
planned N months on and taken away on reopening, done and skip (docs/advice.md,
"Keeping momentum" [000, 004])."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import peewee
import pytest

from followthrough.domain.clock import FakeClock
from followthrough.domain.rejection import MonthsError, StepKind, StepState
from followthrough.domain.reminder_kinds import ReminderKind, feature_of
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.store import settings as options
from followthrough.store.applications import application_detail
from followthrough.store.contacts import ContactError
from followthrough.store.models import (
    Contact,
    Interview,
    InterviewParticipant,
    RejectionStep,
    Reminder,
)
from followthrough.store.planning import plan_all, plan_changed
from followthrough.store.queries import change_stage, create_application
from followthrough.store.rejection import (
    load_playbook,
    plan_revisit,
    set_contact_profile,
    set_step_state,
)


def _rejected(clock: FakeClock) -> tuple[int, Contact]:
    """Acme, one interview with Dana, closed as rejected today (Friday 20 Nov 2026)."""
    app = create_application(clock, "Acme", "Analyst")
    dana = Contact.create(name="Dana Lee", email="dana@acme.example", created_at=clock.now())
    interview = Interview.create(
        application=app,
        starts_at=clock.now() - timedelta(days=3),
        ends_at=clock.now() - timedelta(days=3, hours=-1),
        time_zone="Europe/Berlin",
    )
    InterviewParticipant.create(interview=interview, contact=dana)
    change_stage(app.id, Stage.REJECTED, clock, date(2026, 11, 20), ClosureReason.REJECTED)
    return app.id, dana


def _revisits() -> list[Reminder]:
    """The open ones (one whose subject is gone is kept suspended, as the planner does)."""
    return list(
        Reminder.select().where(
            Reminder.kind == ReminderKind.REVISIT_COMPANY,
            Reminder.suspended_at.is_null(),
            Reminder.done_at.is_null(),
            Reminder.dismissed_at.is_null(),
        )
    )


def test_step_states_are_saved_and_shown_in_the_timeline(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app, dana = _rejected(clock)
    playbook = load_playbook(app)
    assert [s.key for s in playbook.steps] == ["thank_you", f"connect:{dana.id}", "revisit"]
    assert playbook.thank_you.to == "dana@acme.example"
    assert playbook.thank_you.body.startswith("Dear Dana,")
    assert RejectionStep.select().count() == 0  # loading writes nothing

    clock.advance(timedelta(minutes=5))
    set_step_state(app, "thank_you", StepState.DONE, clock)
    set_step_state(app, f"connect:{dana.id}", StepState.SKIPPED, clock)
    states = {s.key: s.state for s in load_playbook(app).steps}
    assert states == {
        "thank_you": StepState.DONE,
        f"connect:{dana.id}": StepState.SKIPPED,
        "revisit": StepState.TODO,
    }
    texts = [entry.text for entry in application_detail(app, clock.now()).timeline]
    assert "After the rejection: thank-you sent" in texts
    assert "Skipped connecting with Dana Lee" in texts
    # Back to "to do": the step is offered again, its timeline line goes.
    set_step_state(app, f"connect:{dana.id}", StepState.TODO, clock)
    assert RejectionStep.select().count() == 2
    texts = [entry.text for entry in application_detail(app, clock.now()).timeline]
    assert "Skipped connecting with Dana Lee" not in texts


def test_the_revisit_reminder_comes_n_months_on_moves_and_goes_when_reopened(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app, _dana = _rejected(clock)
    plan_all(clock.now())
    assert _revisits() == []  # nothing until the user asks for it

    plan_revisit(app, 6, clock)
    plan_changed(clock.now())
    (reminder,) = _revisits()
    # 20 May 2027 is a Thursday: the user's usual hour, 09:30 in Berlin (summer time).
    assert reminder.due_at == datetime(2027, 5, 20, 7, 30, tzinfo=UTC)
    assert reminder.title == "Look at Acme again"
    assert reminder.application_id == app
    assert feature_of(reminder.kind, reminder.subject_key) == "rejection"
    playbook = load_playbook(app)
    assert playbook.revisit_at == reminder.due_at
    assert next(s for s in playbook.steps if s.kind is StepKind.REVISIT).months == 6
    texts = [e.text for e in application_detail(app, clock.now()).timeline]
    assert "Reminder to look at Acme again on Thu 20 May 2027" in texts

    # Rescheduled: the same reminder moves.
    plan_revisit(app, 3, clock)
    plan_changed(clock.now())
    (moved,) = _revisits()
    assert moved.id == reminder.id
    assert moved.due_at == datetime(2027, 2, 22, 8, 30, tzinfo=UTC)  # Sat 20 Feb -> Mon

    # Reopened: the pending reminder goes; closed again, it comes back.
    change_stage(app, Stage.INTERVIEWING, clock, date(2026, 11, 20))
    plan_changed(clock.now())
    assert _revisits() == []
    assert load_playbook(app).steps == []
    change_stage(app, Stage.REJECTED, clock, date(2026, 11, 20), ClosureReason.REJECTED)
    plan_changed(clock.now())
    assert len(_revisits()) == 1

    with pytest.raises(MonthsError):
        plan_revisit(app, 25, clock)


@pytest.mark.parametrize("state", [StepState.DONE, StepState.SKIPPED])
def test_done_or_skipped_takes_the_revisit_reminder_away(
    database: peewee.SqliteDatabase, clock: FakeClock, state: StepState
) -> None:
    app, _dana = _rejected(clock)
    plan_revisit(app, 6, clock)
    plan_changed(clock.now())
    assert len(_revisits()) == 1
    set_step_state(app, "revisit", state, clock)
    plan_changed(clock.now())
    assert _revisits() == []
    assert load_playbook(app).revisit_at == datetime(2027, 5, 20, 7, 30, tzinfo=UTC)


def test_the_revisit_follows_the_users_zone(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app, _dana = _rejected(clock)
    options.set_session_zone("America/New_York")
    plan_revisit(app, 6, clock)
    assert load_playbook(app).revisit_at == datetime(2027, 5, 20, 13, 30, tzinfo=UTC)


def test_a_profile_link_is_added_from_the_playbook(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app, dana = _rejected(clock)
    with pytest.raises(ContactError):
        set_contact_profile(dana.id, "linkedin dana")
    set_contact_profile(dana.id, " https://www.linkedin.com/in/dana ")
    (connect,) = [s for s in load_playbook(app).steps if s.kind is StepKind.CONNECT]
    assert connect.linkedin_url == "https://www.linkedin.com/in/dana"


def test_deleting_the_application_deletes_its_steps(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    from followthrough.store.applications import delete_application

    app, _dana = _rejected(clock)
    set_step_state(app, "thank_you", StepState.DONE, clock)
    delete_application(app)
    assert RejectionStep.select().count() == 0


def test_the_demo_has_one_rejected_application_halfway_through_the_playbook(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    from followthrough.demo import fill_demo

    fill_demo(clock, 60)
    (app_id,) = {row.application_id for row in RejectionStep.select()}
    steps = load_playbook(app_id).steps
    states = [step.state for step in steps]
    assert states[:2] == [StepState.DONE, StepState.DONE]
    assert StepState.TODO in states[2:]
    assert steps[0].kind is StepKind.THANK_YOU and steps[1].kind is StepKind.CONNECT
    assert len(_revisits()) == 1  # planned by the demo's own plan


def test_only_references_who_took_part_are_told_how_it_ended(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    """Found by the issue-17 walkthrough: a reference only added to the application (never
    given, warned or contacted) got "Tell Dana Kim how it ended" with thanks "for your
    help along the way". As the references' own outcome reminder: only those involved."""
    from followthrough.domain.references import ReferenceKind
    from followthrough.store.references import add_reference, record_heads_up

    app, _dana = _rejected(clock)
    listed = Contact.create(name="Kim Park", created_at=clock.now())
    warned = Contact.create(name="Sam Ortiz", created_at=clock.now())
    given = Contact.create(name="Lee Chen", created_at=clock.now())
    add_reference(app, listed.id, ReferenceKind.REFERENCE, clock)
    warned_link = add_reference(app, warned.id, ReferenceKind.REFERENCE, clock)
    record_heads_up(warned_link, "email", clock)
    add_reference(app, given.id, ReferenceKind.REFERENCE, clock, given_on=date(2026, 11, 18))
    told = [s.person for s in load_playbook(app).steps if s.kind is StepKind.TELL_REFERENCE]
    assert told == ["Sam Ortiz", "Lee Chen"]
