"""What they said, entered as they said it: the decision in their words (read and offered,
kept either way) and the rhythm or day to check back (stored and followed by the plan).
docs/advice.md, "Follow-up timing" (Their rhythm and their words): never before their
timeframe [000, 002]; never more often than they said [003].
"""

from __future__ import annotations

from datetime import date, time

import peewee
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from followthrough.domain.cadence import FollowUp
from followthrough.domain.clock import FakeClock
from followthrough.domain.interviews import InterviewDraft
from followthrough.store.followups import follow_up_plan
from followthrough.store.interviews import load_interview_draft, save_interview
from followthrough.store.queries import create_application
from followthrough.ui.interviews.dialogs import InterviewDialog

WEDNESDAY = date(2026, 12, 2)


def dialog_for(qtbot: QtBot, application_id: int = 1) -> InterviewDialog:
    draft = InterviewDraft(application_id, WEDNESDAY, time(10), time(11), "Europe/Berlin")
    dialog = InterviewDialog("Interview", draft, [])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_their_words_are_read_and_offered(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot)
    assert dialog.decision_reading.isHidden()
    qtbot.keyClicks(dialog.decision_phrase, "They'll decide in one to two weeks")
    assert dialog.decision_reading.text() == (
        "→ by Wed 16 Dec, a working day (the later end of the range)."
    )
    assert dialog.use_reading.isEnabled()
    assert dialog.value().decision_on is None  # offered, not imposed
    dialog.use_reading.click()
    value = dialog.value()
    assert (value.decision_on, value.decision_said) == (
        date(2026, 12, 16),
        "They'll decide in one to two weeks",
    )
    assert dialog.decision_reading.text().endswith("that is the date above.")


def test_words_not_understood_are_said_so_and_kept(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot)
    qtbot.keyClicks(dialog.decision_phrase, "after the board meeting")
    assert dialog.decision_reading.text().startswith("Not understood")
    assert not dialog.use_reading.isEnabled()
    value = dialog.value()
    assert (value.decision_on, value.decision_said) == (None, "after the board meeting")


def test_how_often_to_check_back_is_entered_and_shown(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot)
    assert dialog.value().check_back_every_days is None
    dialog.check_back_kind.setCurrentIndex(dialog.check_back_kind.findData("every"))
    dialog.check_back_count.setValue(2)
    dialog.check_back_unit.setCurrentIndex(dialog.check_back_unit.findData(7))
    assert dialog.value().check_back_every_days == 14
    assert "every 2 weeks" in dialog.checklist.text()
    dialog.check_back_kind.setCurrentIndex(dialog.check_back_kind.findData("on"))
    dialog.check_back_on.setDate(QDate(2026, 12, 14))
    value = dialog.value()
    assert (value.check_back_every_days, value.check_back_on) == (None, date(2026, 12, 14))
    assert "on Mon 14 Dec" in dialog.checklist.text()


def test_the_plan_follows_what_was_entered(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Acme", "Analyst")
    dialog = dialog_for(qtbot, application.id)
    dialog.check_back_kind.setCurrentIndex(dialog.check_back_kind.findData("every"))
    dialog.check_back_count.setValue(3)
    dialog.check_back_unit.setCurrentIndex(dialog.check_back_unit.findData(7))
    interview_id = save_interview(dialog.value(), clock)
    assert load_interview_draft(interview_id).check_back_every_days == 21
    plan = follow_up_plan(application.id)
    assert plan is not None and isinstance(plan.step, FollowUp)
    # Three weeks after Wednesday 2 Dec, not the default five working days [003].
    assert plan.step.due.date() == date(2026, 12, 23)
    assert plan.facts.check_back_every_days == 21
