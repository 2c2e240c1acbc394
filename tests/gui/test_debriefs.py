"""The debrief, driven as a person would: from the reminder or the application, saved,
read back; a later round warned where an answer disagrees; the thank-you composer offers
what was meant to be said; the question bank (docs/advice.md, Keeping momentum)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import peewee
import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.debriefs.record import (
    AskedQuestion,
    DebriefDraft,
    HowItWent,
    ToldStatement,
    ToldTopic,
)
from followthrough.domain.debriefs.reminders import DEBRIEF_DUE, debrief_subject
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.store.debriefs.records import load_debrief, save_debrief
from followthrough.store.interviews import save_interview
from followthrough.store.queries import create_application
from followthrough.store.reminders import DueReminder
from followthrough.ui.debriefs.bank import QuestionBankDialog
from followthrough.ui.debriefs.form import DebriefDialog
from followthrough.ui.shell.main_window import MainWindow


def _interview(clock: FakeClock, app_id: int, day: date, round_: int = 1) -> int:
    return save_interview(
        InterviewDraft(
            application_id=app_id,
            day=day,
            start=time(10),
            end=time(11),
            time_zone="Europe/Berlin",
            round=round_,
            people=(PersonDraft("Dana Lee", "Engineering manager", email="dana@acme.test"),),
        ),
        clock,
    )


class Filled:
    """Stands in for a person at a modal dialog: fills the debrief in, then saves."""

    def __init__(self, fill: Callable[[DebriefDialog], None]) -> None:
        self.fill = fill
        self.shown: list[DebriefDialog] = []

    def __call__(self, dialog: QDialog) -> bool:
        assert isinstance(dialog, DebriefDialog)
        self.shown.append(dialog)
        self.fill(dialog)
        return True


def _type_first_debrief(dialog: DebriefDialog) -> None:
    row = dialog.questions.rows[0]
    row.question.setText("Why do you want to work here?")  # type: ignore[attr-defined]
    row.answer.setPlainText("Your mission, and the team's way of working.")  # type: ignore[attr-defined]
    row.how.setCurrentIndex(row.how.findData(HowItWent.WELL.value))  # type: ignore[attr-defined]
    dialog.meant_to_say.setPlainText("- the migration I led\n- <b>my Go experience</b>")
    dialog._add_told().said.setText("80-85k")
    dialog.rating.setCurrentIndex(dialog.rating.findData(4))


def test_the_debrief_reminder_opens_the_form_and_it_saves(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    save_failures: list[tuple[str, str]],
) -> None:
    app_id = create_application(clock, "Acme", "Engineer").id
    interview = _interview(clock, app_id, date(2026, 11, 20))
    window = make_window()
    person = Filled(_type_first_debrief)
    monkeypatch.setattr(window, "exec_dialog", person)
    reminder = DueReminder(
        7, DEBRIEF_DUE, "Debrief", "", clock.now(), app_id, True, debrief_subject(interview)
    )
    with qtbot.waitSignal(window.context.runner.busy_changed, timeout=5000) as done:
        window._open_reminder(reminder)
        qtbot.waitUntil(lambda: bool(person.shown), timeout=5000)
    assert done.signal_triggered
    dialog = person.shown[0]
    # The header names the round and the interviewer, as plain text.
    qtbot.waitUntil(lambda: load_debrief(interview).written_at is not None, timeout=5000)
    saved = load_debrief(interview).draft
    assert saved.questions[0].question == "Why do you want to work here?"
    assert saved.questions[0].how_it_went is HowItWent.WELL
    assert saved.told == (ToldStatement(ToldTopic.SALARY, "80-85k"),)
    assert saved.rating == 4
    assert save_failures == []
    assert "Dana Lee" in dialog.findChildren(type(dialog.earlier))[0].text()


def test_a_later_round_warns_where_an_answer_disagrees(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    app_id = create_application(clock, "Acme").id
    first = _interview(clock, app_id, date(2026, 11, 12))
    second = _interview(clock, app_id, date(2026, 11, 19), round_=2)
    told = (ToldStatement(ToldTopic.SALARY, "80-85k", "Dana Lee"),)
    save_debrief(first, DebriefDraft(told=told), clock.now())
    dialog = DebriefDialog(load_debrief(second), date(2026, 11, 20))
    qtbot.addWidget(dialog)
    assert "80-85k" in dialog.earlier.text() and "Round 1" in dialog.earlier.text()
    row = dialog._add_told()
    row.said.setText("95k")
    assert not row.warning.isHidden()
    assert "80-85k" in row.warning.text()
    row.said.setText("84,000")
    assert row.warning.isHidden()
    # The user's own words stay text.
    row.said.setText("<b>95k</b>")
    assert row.warning.textFormat().name == "PlainText"


def test_closing_with_changes_asks_before_anything_is_lost(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from followthrough.ui.debriefs import form

    app_id = create_application(clock, "Acme").id
    interview = _interview(clock, app_id, date(2026, 11, 19))
    dialog = DebriefDialog(load_debrief(interview), date(2026, 11, 20))
    qtbot.addWidget(dialog)
    asked: list[str] = []

    def keep_writing(box: object) -> object:
        asked.append("asked")
        return box.defaultButton()  # type: ignore[attr-defined]

    monkeypatch.setattr(form.ConfirmDiscard, "ask", staticmethod(keep_writing))
    dialog.went_well.setPlainText("Good rapport")
    dialog.show()
    dialog.reject()
    assert asked == ["asked"] and dialog.isVisible()


def test_the_composer_offers_what_the_debrief_meant_to_say(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    from followthrough.store.models import InterviewParticipant
    from tests.gui.test_note_composer import _composer

    app_id = create_application(clock, "Acme").id
    interview = _interview(clock, app_id, date(2026, 11, 20))
    save_debrief(
        interview,
        DebriefDraft(meant_to_say="- the migration I led\n- my Go experience"),
        clock.now(),
    )
    contact = InterviewParticipant.get(InterviewParticipant.interview == interview).contact_id
    window = make_window()
    window.notes.open(interview, contact)
    composer = _composer(qtbot, (interview, contact))
    texts = [a.text() for a in composer.debrief_menu.actions()]
    assert texts[:2] == ["the migration I led", "my Go experience"]
    # Two points, two sentences (they were run together).
    for action in composer.debrief_menu.actions()[:2]:
        action.trigger()
    assert composer.wish.toPlainText() == "the migration I led. my Go experience"
    composer.close()


def test_the_question_bank_lists_shared_questions_first_and_keeps_marks(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    from followthrough.store.debriefs.bank import question_bank

    acme = _interview(clock, create_application(clock, "Acme").id, date(2026, 11, 12))
    initech = _interview(clock, create_application(clock, "Initech").id, date(2026, 11, 19))
    save_debrief(
        acme,
        DebriefDraft(
            questions=(
                AskedQuestion("Tell me about yourself", "Ten years of data", HowItWent.WELL),
                AskedQuestion("Design a cache", "LRU", themes=("system design",)),
            )
        ),
        clock.now(),
    )
    save_debrief(
        initech,
        DebriefDraft(questions=(AskedQuestion("tell me about yourself.", "Short story"),)),
        clock.now(),
    )
    dialog = QuestionBankDialog(question_bank())
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "tell me about yourself."
    assert model.index(0, 1).data() == "2"
    assert dialog.best.toPlainText() == "Ten years of data"
    dialog.theme.setCurrentIndex(dialog.theme.findData("system design"))
    assert model.rowCount() == 1 and model.index(0, 0).data() == "Design a cache"
    dialog.theme.setCurrentIndex(0)
    dialog.search.setText("cache")
    assert model.rowCount() == 1
    with qtbot.waitSignal(dialog.practise) as practise:
        dialog.practise_button.click()
    assert practise.args[1] is True
    dialog.search.clear()
    dialog.answers.setCurrentRow(0)
    with qtbot.waitSignal(dialog.mark_best) as best:
        dialog.best_button.click()
    assert isinstance(best.args[0], int)


def test_the_banks_themes_are_one_however_they_were_typed(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    from followthrough.store.debriefs.bank import question_bank

    acme = _interview(clock, create_application(clock, "Acme").id, date(2026, 11, 12))
    initech = _interview(clock, create_application(clock, "Initech").id, date(2026, 11, 19))
    save_debrief(
        acme,
        DebriefDraft(
            questions=(
                AskedQuestion("A conflict you solved?", "The release", themes=("Behavioural",)),
                AskedQuestion("Your weakness?", "Delegating", themes=(" behavioural ",)),
            )
        ),
        clock.now(),
    )
    save_debrief(
        initech,
        DebriefDraft(questions=(AskedQuestion("A failure?", "A demo", themes=("BEHAVIOURAL",)),)),
        clock.now(),
    )
    dialog = QuestionBankDialog(question_bank())
    qtbot.addWidget(dialog)
    themes = [dialog.theme.itemText(i) for i in range(1, dialog.theme.count())]
    assert themes == ["Behavioural"]
    dialog.theme.setCurrentIndex(1)
    assert dialog.model.rowCount() == 3
    assert {dialog.model.index(row, 4).data() for row in range(3)} == {"Behavioural"}
    dialog.theme.setCurrentIndex(0)
    dialog.search.setText("  behavioural ")
    assert dialog.model.rowCount() == 3


def test_an_empty_bank_says_where_questions_come_from(qtbot: QtBot) -> None:
    dialog = QuestionBankDialog([])
    qtbot.addWidget(dialog)
    assert dialog.empty.isVisibleTo(dialog) and "debrief" in dialog.empty.text()
    assert not dialog.best_button.isEnabled()


def test_todays_debrief_row_opens_the_form_from_its_own_button(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from followthrough.store.planning import plan_all
    from tests.gui.test_today_row_actions import _buttons, _click
    from tests.helpers.scheduling import start_scheduler

    app_id = create_application(clock, "Acme").id
    interview = _interview(clock, app_id, date(2026, 11, 20))  # ended this morning
    plan_all(clock.now())
    window = make_window()
    window.resize(1100, 720)
    person = Filled(lambda _dialog: None)
    monkeypatch.setattr(window, "exec_dialog", person)
    scheduler = start_scheduler(window, qtbot, clock)
    panel = window.today_page.todo
    qtbot.waitUntil(
        lambda: any(e.item.kind == DEBRIEF_DUE for e in panel.current.entries()), timeout=5000
    )
    entry = next(e for e in panel.current.entries() if e.item.kind == DEBRIEF_DUE)
    buttons = _buttons(panel, entry)
    assert list(buttons) == ["Open", "Done", "Snooze ▾"]
    _click(panel, qtbot, buttons["Open"])
    qtbot.waitUntil(lambda: bool(person.shown), timeout=5000)
    assert person.shown[0].context.interview_id == interview
    scheduler.stop()


def test_today_lists_a_debrief_from_its_own_day_not_among_the_days_ahead(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    """A debrief reminder for an interview later this week only repeats the interview
    listed there: Today shows it from its day (the calendar shows every day's)."""
    from zoneinfo import ZoneInfo

    from followthrough.store.planning import plan_all
    from followthrough.ui.shell.loading import load_today

    app_id = create_application(clock, "Acme").id
    past = _interview(clock, app_id, date(2026, 11, 20))  # this morning
    ahead = _interview(clock, app_id, date(2026, 11, 24), round_=2)
    plan_all(clock.now())
    agenda = load_today(date(2026, 11, 20), ZoneInfo("UTC"))
    listed = [
        i.subject_key
        for i in [*agenda.overdue, *agenda.today, *agenda.upcoming]
        if i.kind == DEBRIEF_DUE
    ]
    assert listed == [debrief_subject(past)]
    # The interview ahead is listed itself.
    assert any(i.interview_id == ahead for i in agenda.upcoming)
