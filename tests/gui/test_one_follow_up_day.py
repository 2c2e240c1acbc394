"""One day for the next follow-up: the note's promise, the application window, Today and
the reminder always name the same day (docs/advice.md, "Follow-up timing" (Your promise)
and "Time: two clocks"; [002, 003]). The composer offers the plan's day; a later promise
moves every view with it; a promise that is not allowed is refused with the reason and the
earliest day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import peewee
import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.note_checks import Severity
from followthrough.domain.note_tasks import NoteMedium
from followthrough.domain.wording import full_day
from followthrough.services.scheduler import ReminderScheduler
from followthrough.store.followups import DECISION_PASSED, FOLLOW_UP
from followthrough.store.models import Contact, Interview, InterviewParticipant, Reminder
from followthrough.store.queries import create_application
from followthrough.ui.common.ask import Ask
from followthrough.ui.notes.composer import NoteComposerDialog
from followthrough.ui.notes.flow import NoteFlow
from followthrough.ui.shell.main_window import MainWindow

FOLLOW_UP_KINDS = (FOLLOW_UP, DECISION_PASSED)


def _interview(clock: FakeClock) -> tuple[int, Interview, Contact]:
    """Thursday 19 Nov, 11:00-12:00 in Chicago; Dana prefers e-mail; nothing said about a
    decision. The clock says Friday 20 Nov, 16:00 in Berlin."""
    app = create_application(clock, "Acme Robotics", "Data Engineer")
    ended = clock.now() - timedelta(hours=22)
    interview = Interview.create(
        application=app,
        starts_at=ended - timedelta(hours=1),
        ends_at=ended,
        time_zone="America/Chicago",
    )
    dana = Contact.create(
        name="Dana Lee",
        title="Engineering Manager",
        email="dana.lee@acme.example",
        preferred_method="email",
        created_at=clock.now(),
    )
    InterviewParticipant.create(interview=interview, contact=dana)
    return app.id, interview, dana


def _second_interviewer(interview: Interview, clock: FakeClock) -> Contact:
    sam = Contact.create(name="Sam Ortiz", title="Staff Engineer", created_at=clock.now())
    InterviewParticipant.create(interview=interview, contact=sam)
    return sam


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def _follow_up_reminder() -> Reminder:
    return Reminder.get(Reminder.kind.in_(FOLLOW_UP_KINDS) & Reminder.done_at.is_null())


def _shown_everywhere(
    qtbot: QtBot, window: MainWindow, application_id: int, day: date, how: str
) -> None:
    """Today, the application window and the stored reminder all say ``day``."""
    qtbot.waitUntil(
        lambda: _follow_up_reminder().body.startswith(f"{how} {_day(day)}"), timeout=10000
    )
    window.refresh()
    qtbot.waitUntil(
        lambda: any(
            entry.item.day == day and entry.item.kind in FOLLOW_UP_KINDS
            for entry in window.today_page.todo.current.upcoming
        ),
        timeout=10000,
    )
    detail = window.open_application(application_id)
    detail.reload()
    qtbot.waitUntil(lambda: _day(day) in detail.next_follow_up.text(), timeout=10000)
    assert f"Next: {how.lower()} them {_day(day)}" in detail.next_follow_up.text()


def test_the_promise_the_window_today_and_the_reminder_agree(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    save_failures: list[tuple[str, str]],
) -> None:
    application_id, interview, dana = _interview(clock)
    sam = _second_interviewer(interview, clock)
    monkeypatch.setattr(NoteComposerDialog, "open_url", staticmethod(lambda _url: True))
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_args: True))
    window = make_window()
    scheduler = ReminderScheduler(window.context.runner, clock)
    window.attach_scheduler(scheduler)
    with qtbot.waitSignal(scheduler.planned, timeout=10000):
        scheduler.start()

    # The plan: five working days after Thursday, by e-mail (Dana's preference).
    planned = date(2026, 11, 26)
    _shown_everywhere(qtbot, window, application_id, planned, "Email")

    # The composer offers that very day as the promise.
    window.notes.open(interview.id, dana.id)
    qtbot.waitUntil(lambda: (interview.id, dana.id) in NoteFlow.open_composers, timeout=10000)
    composer = NoteFlow.open_composers[(interview.id, dana.id)]
    assert composer.promise.isChecked()
    assert composer.promise_date.date() == QDate(2026, 11, 26)
    assert _day(planned) in composer.promise_help.text()
    assert full_day(planned) in composer.editor.toPlainText()  # the note says it too

    # A promise too soon is refused, with the reason and the earliest day.
    composer.promise_date.setDate(QDate(2026, 11, 21))
    assert "Too early" in composer.promise_help.text()
    assert _day(date(2026, 11, 23)) in composer.promise_help.text()
    composer.send_email()
    assert "Change the promised day first" in composer.error.text()
    assert Reminder.select().where(Reminder.kind.in_(FOLLOW_UP_KINDS)).count() == 1
    # The checks list it as a problem too, and the error goes once the day is fixed.
    composer.run_checks()
    assert any(f.check == "promise" for f in composer.findings)
    assert "Too early" in composer.findings_list.item(0).text()
    composer.promise_date.setDate(QDate(2026, 11, 28))  # a Saturday: allowed, said so
    assert composer.error.isHidden()
    assert "a Saturday: the call or e-mail comes on Mon 30 Nov" in composer.promise_help.text()
    composer.run_checks()
    # Allowed, with advice: a weekend day is kept on the Monday.
    [weekend] = [f for f in composer.findings if f.check == "promise"]
    assert weekend.severity is Severity.ADVICE and "Mon 30 Nov" in weekend.message
    composer.promise_date.setDate(QDate(2026, 11, 30))
    composer.run_checks()
    assert not any(f.check == "promise" for f in composer.findings)

    # A later promise, sent: every view moves to it.
    promised = date(2026, 11, 27)
    composer.promise_date.setDate(QDate(2026, 11, 27))
    assert composer.promise_problem() is None
    assert _day(promised) in composer.promise_help.text()
    with qtbot.waitSignal(scheduler.planned, timeout=10000):
        composer.finish_requested.emit(composer.draft(), True, NoteMedium.EMAIL, date(2026, 11, 20))
    _shown_everywhere(qtbot, window, application_id, promised, "Email")

    # The second interviewer's note offers the day the first one promised, and says so
    # when the two would differ.
    composer.close()
    window.notes.open(interview.id, sam.id)
    qtbot.waitUntil(lambda: (interview.id, sam.id) in NoteFlow.open_composers, timeout=10000)
    second = NoteFlow.open_composers[(interview.id, sam.id)]
    assert second.promise_date.date() == QDate(2026, 11, 27)
    assert "Dana Lee" not in second.promise_help.text()
    # A later day: the earlier promise already made still sets the plan, and it says so.
    second.promise_date.setDate(QDate(2026, 12, 1))
    assert second.promise_help.text().startswith(
        "The follow-up reminder will come on Fri 27 Nov, the day Dana Lee's note already promised"
    )
    # An earlier (allowed) day would move the plan: Dana's later promise is named.
    second.promise_date.setDate(QDate(2026, 11, 26))
    help_text = second.promise_help.text()
    assert help_text.startswith("The follow-up reminder for this application will come on Thu 26")
    assert "Dana Lee's note promised Fri 27 Nov" in help_text
    assert save_failures == []


def test_the_offered_promise_is_one_the_note_may_make(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    """A decision the day after the interview puts the call two days after it, but a
    note may promise nothing before the fourth day: the composer offers the first day it
    may promise, never one it would then refuse."""
    from followthrough.store.notes import load_note_context
    from followthrough.ui.notes.composer import default_promise

    _application_id, interview, dana = _interview(clock)  # Thursday 19 Nov, Chicago
    interview.decision_expected_on = date(2026, 11, 20)
    interview.save()
    note = load_note_context(interview.id, dana.id)
    assert note.planned_follow_up == date(2026, 11, 23)  # Monday: the working day after
    offered = default_promise(note)
    assert offered == date(2026, 11, 23)  # the fourth day after: allowed as it is
    assert note.follow_up_facts is not None
    from followthrough.domain.cadence import promise_problem

    assert promise_problem(note.follow_up_facts, offered) is None
    # Decided the day of the interview: the call would be Friday, the promise Monday.
    interview.decision_expected_on = date(2026, 11, 19)
    interview.save()
    note = load_note_context(interview.id, dana.id)
    assert note.planned_follow_up == date(2026, 11, 20)
    assert note.follow_up_facts is not None
    offered = default_promise(note)
    assert offered == date(2026, 11, 23)
    assert promise_problem(note.follow_up_facts, offered) is None
