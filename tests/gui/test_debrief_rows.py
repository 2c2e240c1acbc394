"""The debrief form's question rows as a person types in them: Tab walks each row in
reading order, then the next row (a row added later too), and each answer shows how many
words it has as it is typed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from followthrough.domain.debriefs.record import (
    AskedQuestion,
    DebriefDraft,
    Skill,
    ToldStatement,
    ToldTopic,
)
from followthrough.store.debriefs.records import DebriefContext
from followthrough.ui.debriefs import form
from followthrough.ui.debriefs.form import DebriefDialog
from followthrough.ui.debriefs.rows import QuestionRow


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a changed form asks first (a modal box): here the answer is "Discard"."""
    monkeypatch.setattr(form.ConfirmDiscard, "ask", staticmethod(lambda _box: None))


def _dialog(qtbot: QtBot, draft: DebriefDraft) -> DebriefDialog:
    context = DebriefContext(
        interview_id=1,
        application_id=1,
        company="Acme",
        role="Engineer",
        round=1,
        day=date(2026, 11, 19),
        interviewers=("Dana Lee",),
        draft=draft,
        written_at=None,
        earlier=(),
    )
    dialog = DebriefDialog(context, date(2026, 11, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _question_row_order(row: QWidget) -> list[QWidget]:
    assert isinstance(row, QuestionRow)
    return [row.question, row.answer, row.how, row.themes, row.remove]


def _tab_walk(qtbot: QtBot, start: QWidget, steps: int) -> list[QWidget | None]:
    """Where focus goes, pressing Tab ``steps`` times from ``start``."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    seen: list[QWidget | None] = [start]
    for _ in range(steps):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_walks_each_question_row_in_reading_order_then_the_next(qtbot: QtBot) -> None:
    dialog = _dialog(
        qtbot, DebriefDraft(questions=(AskedQuestion("Why us?"), AskedQuestion("A conflict?")))
    )
    first, second = dialog.questions.rows
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    expected = [*_question_row_order(first), *_question_row_order(second)]
    # Then "Add a question" under the rows, then Save (not Save before the rows).
    expected += [dialog.questions.add_button, save]
    assert _tab_walk(qtbot, first.question, len(expected) - 1) == expected  # type: ignore[attr-defined]
    # A row added later takes its place: after the last row, before "Add a question".
    qtbot.mouseClick(dialog.questions.add_button, Qt.MouseButton.LeftButton)
    third = dialog.questions.rows[2]
    qtbot.waitUntil(third.isVisible)
    assert third.question.hasFocus()  # type: ignore[attr-defined]
    expected = [*_question_row_order(second), *_question_row_order(third)]
    expected.append(dialog.questions.add_button)
    assert _tab_walk(qtbot, second.question, len(expected) - 1) == expected  # type: ignore[attr-defined]
    # Shift+Tab walks back the same way.
    third.question.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(third.question, Qt.Key.Key_Backtab)  # type: ignore[attr-defined]
    assert QApplication.focusWidget() is second.remove  # type: ignore[attr-defined]


def test_a_removed_row_leaves_the_order_whole(qtbot: QtBot) -> None:
    dialog = _dialog(
        qtbot,
        DebriefDraft(
            questions=(AskedQuestion("One?"), AskedQuestion("Two?"), AskedQuestion("Three?"))
        ),
    )
    first, second, third = dialog.questions.rows
    qtbot.mouseClick(second.remove, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    expected = [*_question_row_order(first), *_question_row_order(third)]
    assert _tab_walk(qtbot, first.question, len(expected) - 1) == expected  # type: ignore[attr-defined]


def test_skill_and_told_rows_tab_in_reading_order(qtbot: QtBot) -> None:
    dialog = _dialog(
        qtbot,
        DebriefDraft(
            skills=(Skill("SQL"), Skill("Go")),
            told=(
                ToldStatement(ToldTopic.SALARY, "80k"),
                ToldStatement(ToldTopic.AVAILABILITY, "4w"),
            ),
        ),
    )
    dialog.tabs.setCurrentIndex(2)
    one, two = dialog.skills.rows
    expected: list[QWidget | None] = []
    for row in (one, two):
        expected += [row.name, row.has_day, row.done, row.remove]  # type: ignore[attr-defined]
    expected.append(dialog.skills.add_button)
    # (The day is skipped while "Practise by" is off: it is disabled.)
    assert _tab_walk(qtbot, one.name, len(expected) - 1) == expected  # type: ignore[attr-defined]
    dialog.tabs.setCurrentIndex(3)
    one, two = dialog.told.rows
    expected = []
    for row in (one, two):
        expected += [row.topic, row.said, row.told_to, row.remove]  # type: ignore[attr-defined]
    expected.append(dialog.told.add_button)
    assert _tab_walk(qtbot, one.topic, len(expected) - 1) == expected  # type: ignore[attr-defined]


def test_each_answer_shows_its_word_count_as_it_is_typed(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, DebriefDraft(questions=(AskedQuestion("Why us?", "Your mission."),)))
    row = dialog.questions.rows[0]
    assert isinstance(row, QuestionRow)
    assert row.words.text() == "Words: 2"
    assert row.words.textFormat() is Qt.TextFormat.PlainText
    row.answer.setPlainText("")
    assert row.words.text() == ""
    qtbot.keyClicks(row.answer, "I led the migration of our billing")
    assert row.words.text() == "Words: 7"
    # Saying how long it is never changes what is saved.
    assert dialog.value().questions[0].answer == "I led the migration of our billing"
