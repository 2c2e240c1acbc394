"""A skill's "practise by" day: any day can be typed, one already behind is refused in
words under the skill, what was typed kept (docs/advice.md, Keeping momentum). The
walkthrough saved "Tue 1 Dec" after a Wed 2 Dec interview: Today and What's next then led
with an overdue practice task, ahead of the thank-you note due within 24 hours."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from followthrough.domain.debriefs.record import DebriefDraft, Skill
from followthrough.store.debriefs.records import DebriefContext
from followthrough.ui.debriefs import form
from followthrough.ui.debriefs.form import DebriefDialog
from followthrough.ui.debriefs.rows import SkillRow
from tests.helpers.dates import type_into

TODAY = date(2026, 12, 2)


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(form.ConfirmDiscard, "ask", staticmethod(lambda _box: None))


def _dialog(qtbot: QtBot, draft: DebriefDraft | None = None) -> DebriefDialog:
    context = DebriefContext(
        interview_id=1,
        application_id=1,
        company="Acme",
        role="Data Analyst",
        round=1,
        day=TODAY,
        interviewers=("Priya Raman",),
        draft=draft or DebriefDraft(),
        written_at=None,
        earlier=(),
    )
    dialog = DebriefDialog(context, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _skill_row(dialog: DebriefDialog, index: int = 0) -> SkillRow:
    row = dialog.skills.rows[index]
    assert isinstance(row, SkillRow)
    return row


def test_a_day_gone_by_is_refused_under_the_skill_and_kept(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.tabs.setCurrentIndex(2)
    dialog.skills.add_button.click()
    row = _skill_row(dialog)
    QTest.keyClicks(row.name, "SQL window functions")
    row.has_day.setChecked(True)
    type_into(row.day, "1")  # Tue 1 Dec: the day before the interview
    assert row.day.date() == QDate(2026, 12, 1)
    assert row.error.isHidden()  # not while typing
    row.done.setFocus()  # leaving the day says it
    qtbot.waitUntil(row.done.hasFocus)
    expected = "Tue 1 Dec has passed: practise by today, Wed 2 Dec, or a later day."
    assert not row.error.isHidden() and row.error.text() == expected
    # Saving is refused, on the Skills tab, the day as typed.
    dialog.tabs.setCurrentIndex(0)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert dialog.tabs.currentIndex() == 2
    assert row.day.date() == QDate(2026, 12, 1)
    assert dialog.value().skills == (Skill("SQL window functions", date(2026, 12, 1)),)
    # A right day takes the message away at once, and the debrief saves.
    type_into(row.day, "9")
    assert row.error.isHidden()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value().skills == (Skill("SQL window functions", date(2026, 12, 9)),)


def test_today_a_skill_done_or_no_day_save(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog._add_skill(Skill("Today", TODAY))
    dialog._add_skill(Skill("Done already")).has_day.setChecked(True)
    done = dialog._add_skill(Skill("Done already", date(2026, 11, 30), done=True))
    dialog._add_skill(Skill("No day"))
    assert done.day.date() == QDate(2026, 11, 30)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_day_saved_before_is_left_as_it_was(qtbot: QtBot) -> None:
    """An old debrief opened again: its skill's day is long behind, and not refused."""
    dialog = _dialog(qtbot, DebriefDraft(skills=(Skill("Go", date(2026, 11, 25)),)))
    row = _skill_row(dialog)
    assert row.check()
    dialog.meant_to_say.setPlainText("the migration I led")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    # Moved to another day gone by, it is refused like any other.
    type_into(row.day, "26")
    assert not row.check()
