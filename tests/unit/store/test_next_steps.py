"""An application's next step: the first of its open items in Today's order."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import peewee

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.domain.interviews import InterviewDraft
from followthrough.domain.stages import ClosureReason, Stage, is_closed
from followthrough.domain.today import Section, still_to_do, today_list
from followthrough.store import settings as options
from followthrough.store.agenda import agenda_between, overdue_items
from followthrough.store.applications import application_summaries
from followthrough.store.interviews import save_interview
from followthrough.store.models import Application, Contact, Interview, InterviewParticipant
from followthrough.store.next_steps import action_of, first_items, next_actions
from followthrough.store.notes import plan_note_reminders
from followthrough.store.queries import change_stage, create_application
from followthrough.store.reminders import (
    ReminderSpec,
    agenda_item,
    claim_due,
    dismiss,
    mark_done,
    open_fired,
    sync_reminders,
)

CHICAGO = ZoneInfo("America/Chicago")


def _interview(clock: FakeClock, application: Application, day: date) -> int:
    return save_interview(
        InterviewDraft(
            application_id=application.id,
            day=day,
            start=time(10, 0),
            end=time(11, 0),
            time_zone="America/Chicago",
        ),
        clock,
    )


def test_the_most_urgent_open_item_is_the_next_step(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    now = clock.now()
    acme = create_application(clock, "Acme", "Analyst")
    _interview(clock, acme, now.astimezone(CHICAGO).date() + timedelta(days=3))
    sync_reminders(
        [
            ReminderSpec(
                "follow_up", "follow_up:1", "Call Acme", now - timedelta(days=2), "why", acme.id
            ),
            ReminderSpec(
                "follow_up", "follow_up:2", "Write Acme", now + timedelta(days=1), "", acme.id
            ),
        ],
        ["follow_up"],
    )
    first = next_actions(now, CHICAGO)[acme.id]
    assert (first.text, first.why, first.kind, first.overdue) == (
        "Call Acme",
        "why",
        "follow_up",
        True,
    )
    assert first.due_at == now - timedelta(days=2)
    # Done: the next one comes up; dismissed too: the interview.
    stored = {r.title: r.reminder_id for r in claim_due(now)}
    mark_done(stored["Call Acme"], now)
    assert next_actions(now, CHICAGO)[acme.id].text == "Write Acme"
    second = first_items(now, CHICAGO)[acme.id].item.reminder_id
    assert second is not None
    dismiss(second, now)
    after = next_actions(now, CHICAGO)[acme.id]
    assert (after.text, after.kind, after.overdue) == ("Interview", "interview", False)
    assert "round 1" in after.why
    # The list's row says the same.
    (row,) = application_summaries(now, CHICAGO)
    assert row.next_action == after


def test_a_closed_application_keeps_only_what_is_still_open(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    """No stage advice once closed; a reminder still open (tell a reference how it ended)
    is still the next step."""
    now = clock.now()
    acme = create_application(clock, "Acme")
    change_stage(acme.id, Stage.REJECTED, clock, now.date(), ClosureReason.REJECTED)
    assert application_summaries(now, CHICAGO)[0].next_action.text == ""
    sync_reminders(
        [ReminderSpec("reference_outcome", "reference:1", "Tell Sam", now, "", acme.id)],
        ["reference_outcome"],
    )
    assert application_summaries(now, CHICAGO)[0].next_action.text == "Tell Sam"


def test_on_the_demo_data_the_lists_next_step_is_todays_first_item(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    """For every application: the list's next action is the first item Today shows of it
    (when Today shows one)."""
    fill_demo(clock, 60)
    now = clock.now()
    claim_due(now)  # what the scheduler does at start
    today = now.astimezone(CHICAGO).date()
    agenda = [*overdue_items(today, CHICAGO), *agenda_between(today, today + timedelta(7), CHICAGO)]
    fired = [agenda_item(r, CHICAGO) for r in open_fired()]
    closed = {a.id for a in Application.select() if is_closed(Stage(a.stage))}
    listed = today_list(fired, still_to_do(agenda, closed), today, now)
    first_of: dict[int, object] = {}
    for entry in listed.entries():
        if entry.item.application_id is not None:
            first_of.setdefault(entry.item.application_id, action_of(entry))
    rows = application_summaries(now, CHICAGO)
    compared = 0
    for row in rows:
        if row.application_id in first_of:
            assert row.next_action == first_of[row.application_id], row.company
            compared += 1
    # Most of the demo's live applications have something on Today.
    assert compared >= 10
    # And what is planned is what the list says: not the stage's advice.
    assert any(r.next_action.kind not in ("", "interview", "decision") for r in rows)


def test_a_note_due_tonight_is_not_listed_as_overdue_tomorrow(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    """The walkthrough saw "Note overdue" on tomorrow's row for a note due tonight: the
    deadline falls in the night, so its "overdue" reminder is planned for the next
    morning (never a notification at night). Both reminders are right; Today shows the
    note once, by the reminder that is current: "due" today, until the deadline."""
    options.set_computer_zone("America/Chicago")
    app = create_application(clock, "Acme", "Analyst")
    ended = datetime.combine(date(2026, 11, 19), time(22, 30), CHICAGO)  # deadline: tonight
    interview = Interview.create(
        application=app,
        starts_at=ended - timedelta(hours=1),
        ends_at=ended,
        time_zone="America/Chicago",
    )
    dana = Contact.create(name="Dana Lee", company="Acme", created_at=ended)
    InterviewParticipant.create(interview=interview, contact=dana, role="interviewer")
    plan_note_reminders(clock.now())
    now = clock.now()
    today = now.astimezone(CHICAGO).date()
    agenda = agenda_between(today, today + timedelta(7), CHICAGO)
    kinds = {(i.kind, i.day) for i in agenda if i.kind.startswith("note_")}
    assert kinds == {("note_due_soon", today), ("note_overdue", today + timedelta(1))}
    listed = today_list([], agenda, today, now)
    assert [(e.item.kind, e.section) for e in listed.entries()] == [
        ("note_due_soon", Section.TODAY)
    ]
    action = next_actions(now, CHICAGO)[app.id]
    assert (action.kind, action.due_day, action.overdue) == ("note_due_soon", today, False)
