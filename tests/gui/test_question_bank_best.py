"""The question bank's best answer, chosen and seen: every time a question was asked is a
choice in a list; the one kept as the best is marked in it and named under the answer to
reuse, and the button says so for it (the walkthrough: a click gave no sign at all, and
with several answers there was no telling which one would be kept)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import peewee
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.debriefs.record import AskedQuestion, DebriefDraft, HowItWent
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.store.debriefs.bank import question_bank
from followthrough.store.debriefs.records import save_debrief
from followthrough.store.interviews import save_interview
from followthrough.store.queries import create_application
from followthrough.ui.debriefs.bank import QuestionBankDialog
from followthrough.ui.shell.main_window import MainWindow

QUESTION = "How do you prioritise competing requests?"


def _asked(clock: FakeClock, company: str, day: date, answer: str, how: HowItWent) -> None:
    interview = save_interview(
        InterviewDraft(
            application_id=create_application(clock, company).id,
            day=day,
            start=time(10),
            end=time(11),
            time_zone="Europe/Berlin",
            people=(PersonDraft("Dana Lee"),),
        ),
        clock,
    )
    save_debrief(
        interview,
        DebriefDraft(questions=(AskedQuestion(QUESTION, answer, how),)),
        clock.now(),
    )


def _three_answers(clock: FakeClock) -> None:
    _asked(clock, "Harbor Learning", date(2026, 11, 19), "Impact against effort.", HowItWent.WELL)
    _asked(clock, "Cedar Robotics", date(2026, 11, 12), "Ask my manager.", HowItWent.POORLY)
    _asked(clock, "Summit Foods", date(2026, 11, 5), "A weighted scoring sheet.", HowItWent.OKAY)


def _rows(dialog: QuestionBankDialog) -> list[str]:
    return [dialog.answers.item(row).text() for row in range(dialog.answers.count())]


def test_the_best_answer_is_chosen_from_the_list_and_marked(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    _three_answers(clock)
    window = make_window()
    window.debriefs.open_bank()
    qtbot.waitUntil(lambda: window.debriefs._bank is not None, timeout=5000)
    dialog = window.debriefs._bank
    assert isinstance(dialog, QuestionBankDialog)
    # None kept yet: the latest that went well is reused, and the label says how to choose.
    assert dialog.best.toPlainText() == "Impact against effort."
    assert "Choose the one to reuse below" in dialog.best_source.text()
    assert not any(text.startswith("★") for text in _rows(dialog))
    assert dialog.answers.currentRow() == 0  # the answer reused is the one chosen
    assert dialog.best_button.text() == "&Keep this answer as the best"

    # Choose Summit Foods' answer, the third, and keep it.
    dialog.answers.setCurrentRow(2)
    assert dialog.best_button.isEnabled()
    dialog.best_button.click()
    qtbot.waitUntil(lambda: dialog.best.toPlainText() == "A weighted scoring sheet.", timeout=5000)
    rows = _rows(dialog)
    assert rows[2].startswith("★ Kept as the best — Summit Foods, Thu 5 Nov")
    assert dialog.answers.item(2).font().bold() and not dialog.answers.item(0).font().bold()
    assert not rows[0].startswith("★") and not rows[1].startswith("★")
    assert dialog.best_source.text() == (
        "★ Kept as the best: your answer at Summit Foods, Thu 5 Nov."
    )
    # The kept answer is the one chosen, and the button says it is kept.
    assert dialog.answers.currentRow() == 2
    assert dialog.best_button.text() == "Kept as the best"
    assert not dialog.best_button.isEnabled()
    # Another answer chosen: the button offers to keep that one instead.
    dialog.answers.setCurrentRow(1)
    assert dialog.best_button.isEnabled()
    assert dialog.best_button.text() == "&Keep this answer as the best"
    dialog.best_button.click()
    qtbot.waitUntil(lambda: dialog.best.toPlainText() == "Ask my manager.", timeout=5000)
    assert [text.startswith("★") for text in _rows(dialog)] == [False, True, False]
    assert [q.best_answer.answer for q in question_bank() if q.best_answer] == ["Ask my manager."]
    dialog.close()


def test_an_empty_answer_cannot_be_kept(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    _asked(clock, "Harbor Learning", date(2026, 11, 19), "Impact against effort.", HowItWent.WELL)
    _asked(clock, "Cedar Robotics", date(2026, 11, 12), "", HowItWent.POORLY)
    dialog = QuestionBankDialog(question_bank())
    qtbot.addWidget(dialog)
    dialog.answers.setCurrentRow(1)
    assert "(no answer written)" in _rows(dialog)[1]
    assert not dialog.best_button.isEnabled()
    assert dialog.best_button.toolTip() == "No answer was written that time"
    with qtbot.assertNotEmitted(dialog.mark_best):
        dialog.best_button.click()
