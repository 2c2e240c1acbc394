"""A person records an application and a panel interview through the widgets, then finds
it in the list, the board, Today and both calendar views, and closes it with a reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.stages import Stage
from followthrough.store.models import (
    Application,
    Contact,
    ContactRole,
    Interview,
    InterviewParticipant,
)
from followthrough.ui.applications.detail_dialog import ApplicationDetailDialog
from followthrough.ui.applications.forms import StageChangeDialog
from followthrough.ui.applications.new_dialog import NewApplicationDialog
from followthrough.ui.common.locale_words import to_qdate
from followthrough.ui.interviews.dialogs import InterviewDialog, PersonDialog
from followthrough.ui.shell.main_window import MainWindow
from tests.helpers.pages import open_page

PANEL = [
    ("Dana Lee", "Head of Data", "dana.lee@acme.example", "email"),
    ("Sam Okafor", "Senior Analyst", "", None),
]


def _save(dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Save) or box.button(
        QDialogButtonBox.StandardButton.Ok
    )
    assert button is not None
    button.click()


@pytest.fixture
def user(qtbot: QtBot, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Answers the modal dialogs the way a person would type into them."""
    script: dict[str, object] = {"closing_stage": Stage.WITHDRAWN, "seen": []}
    interview_day = (clock.now() + timedelta(days=1)).date()

    def fill_person(dialog: PersonDialog) -> bool:
        name, title, email, method = PANEL[len(script["people"])]  # type: ignore[arg-type]
        script["people"].append(name)  # type: ignore[attr-defined]
        qtbot.keyClicks(dialog.name, name)
        qtbot.keyClicks(dialog.title, title)
        qtbot.keyClicks(dialog.email, email)
        dialog.method.setCurrentIndex(dialog.method.findData(method))
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    def run(dialog: QDialog) -> bool:
        script["seen"].append(type(dialog).__name__)  # type: ignore[attr-defined]
        qtbot.addWidget(dialog)
        if isinstance(dialog, NewApplicationDialog):
            qtbot.keyClicks(dialog.company, "Acme")
            qtbot.keyClicks(dialog.role_title, "Data Analyst")
            _save(dialog)
        elif isinstance(dialog, InterviewDialog):
            script["people"] = []
            dialog.day.setDate(to_qdate(interview_day))
            dialog.start.setTime(QTime(14, 0))
            dialog.end.setTime(QTime(15, 0))
            dialog.zone.setCurrentText("America/Chicago")
            for _ in PANEL:
                dialog.add_new.click()
            qtbot.keyClicks(dialog.next_step, "Panel with the team")
            dialog.decision_within.setChecked(True)
            dialog.within_count.setValue(2)
            dialog.within_unit.setCurrentIndex(dialog.within_unit.findData("weeks"))
            script["checklist"] = dialog.checklist.text()
            _save(dialog)
        elif isinstance(dialog, StageChangeDialog):
            dialog.target.setCurrentIndex(dialog.target.findData(script["closing_stage"]))
            dialog.accept()  # no reason chosen yet: must be refused
            script["refused"] = dialog.error.text()
            assert dialog.result() != QDialog.DialogCode.Accepted
            dialog.reason.setCurrentIndex(dialog.reason.findData("accepted_elsewhere"))
            dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(MainWindow, "exec_dialog", staticmethod(run))
    monkeypatch.setattr(ApplicationDetailDialog, "exec_dialog", staticmethod(run))
    monkeypatch.setattr(InterviewDialog, "exec_person_dialog", staticmethod(fill_person))
    script["day"] = interview_day
    return script


def test_record_a_panel_interview_and_find_it_everywhere(
    qtbot: QtBot, user: dict[str, object], make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        window.new_action.trigger()
    application = Application.get(Application.company == "Acme")
    detail = window.detail_dialogs[application.id]
    qtbot.waitUntil(lambda: detail.detail is not None)

    assert "No interviewers recorded yet" in detail.notes_help.text()
    with qtbot.waitSignal(detail.changed, timeout=10000):
        detail.new_interview_button.click()
    qtbot.waitUntil(lambda: detail.interview_model.rowCount() == 1)
    # The notes tab no longer says nobody was recorded.
    qtbot.waitUntil(lambda: detail.note_model.rowCount() == 2)
    assert detail.notes_help.text().startswith("One personal note to each interviewer")

    # Stored as entered: two interviewers, both new contacts with the interviewer role.
    interview = Interview.get()
    assert interview.time_zone == "America/Chicago"
    assert interview.decision_expected_on == user["day"] + timedelta(weeks=2)  # type: ignore[operator]
    names = sorted(p.contact.name for p in InterviewParticipant.select())
    assert names == ["Dana Lee", "Sam Okafor"]
    assert ContactRole.select().where(ContactRole.role == "interviewer").count() == 2
    assert Contact.get(Contact.name == "Dana Lee").preferred_method == "email"
    # The checklist noticed what was still unknown at that moment.
    assert "still unknown" in str(user["checklist"])
    # The first interview moved the application along.
    assert Application.get_by_id(application.id).stage == Stage.INTERVIEWING.value
    assert (
        "round 1 with Dana Lee, Sam Okafor"
        in detail.timeline.item(detail.timeline.count() - 1).text()
    )
    assert detail.people_model.rowCount() == 2

    # The list: found by an interviewer's name, with the interview as next action.
    open_page(qtbot, window, "Applications")
    page = window.applications_page
    qtbot.waitUntil(
        lambda: page.model.rowCount() == 1 and page.model.index(0, 4).data() == "Interview"
    )
    page.search.setText("okafor")
    assert page.model.rowCount() == 1
    assert page.model.index(0, 4).data() == "Interview"
    page.search.setText("nobody like this")
    assert page.model.rowCount() == 0
    page.search.clear()
    # The board: in the Interviewing column.
    column = page.board.columns[Stage.INTERVIEWING]
    assert column.model.rowCount() == 1
    assert "Acme" in column.model.index(0, 0).data()
    # Today: tomorrow's interview in the next seven days.
    upcoming = window.today_page.todo.current.upcoming
    assert any(e.item.title == "Acme · Data Analyst" for e in upcoming)
    # Month view: a dot on the day; week view: listed with its time.
    calendar = window.calendar_page
    open_page(qtbot, window, "Calendar")
    qtbot.waitUntil(lambda: calendar.calendar.marks(user["day"]).get("interview") == 1)  # type: ignore[arg-type]
    calendar.go_to(user["day"])  # type: ignore[arg-type]
    week = calendar.week
    qtbot.waitUntil(lambda: len(week.shown_items()) >= 1)
    [shown] = [i for i in week.shown_items() if i.title == "Acme · Data Analyst"]
    placed = week.placed(shown)
    assert placed is not None and not placed.all_day

    # Closing without a reason is refused; with one it closes.
    with qtbot.waitSignal(detail.changed, timeout=10000):
        detail.stage_button.click()
    assert "needs a reason" in str(user["refused"])
    stored = Application.get_by_id(application.id)
    assert (stored.stage, stored.closure_reason) == ("withdrawn", "accepted_elsewhere")
    qtbot.waitUntil(lambda: "Withdrawn" in detail.stage_label.text())
    assert user["seen"] == [
        "NewApplicationDialog",
        "InterviewDialog",
        "StageChangeDialog",
    ]


def test_a_board_card_moves_and_closing_asks_for_the_reason(
    qtbot: QtBot,
    user: dict[str, object],
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    from followthrough.store.queries import create_application

    create_application(clock, "Acme", "Data Analyst")
    window = make_window()
    open_page(qtbot, window, "Applications")
    board = window.applications_page.board
    card = board.columns[Stage.APPLIED].model.row_at(0)
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        board.move_requested.emit(card, Stage.INTERVIEWING)
    assert board.columns[Stage.INTERVIEWING].model.rowCount() == 1
    assert user["seen"] == []  # no question for a move that does not close
    card = board.columns[Stage.INTERVIEWING].model.row_at(0)
    menu = board.move_menu(board.columns[Stage.INTERVIEWING], card)
    labels = [a.text() for a in menu.actions()]
    assert "Offer" in labels and "Withdrawn…" in labels and "Applied" not in labels
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        next(a for a in menu.actions() if a.text() == "Withdrawn…").trigger()
    assert user["seen"] == ["StageChangeDialog"]
    assert "needs a reason" in str(user["refused"])
    withdrawn = board.columns[Stage.WITHDRAWN].model
    # Withdrawn now; the board honours the page's "Active" filter, so the card is hidden.
    assert (withdrawn.total_count(), withdrawn.rowCount()) == (1, 0)


def test_deleting_an_application_asks_first_and_keeps_the_people(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from followthrough.demo import fill_demo
    from followthrough.ui.common.ask import Ask

    fill_demo(clock, 3)
    window = make_window()
    application = Application.select().join(Interview).first()
    people_before = Contact.select().count()
    answers = iter([False, True])
    asked: list[str] = []

    def confirm(_parent: object, title: str, _text: str, _action: str) -> bool:
        asked.append(title)
        return next(answers)

    monkeypatch.setattr(Ask, "confirm", staticmethod(confirm))
    detail = window.open_application(application.id)
    qtbot.waitUntil(lambda: detail.detail is not None)
    detail.delete_button.click()  # cancelled
    assert Application.select().where(Application.id == application.id).exists()
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        detail.delete_button.click()
    assert asked == ["Delete this application?"] * 2
    assert not Application.select().where(Application.id == application.id).exists()
    assert Interview.select().where(Interview.application == application.id).count() == 0
    assert Contact.select().count() == people_before
    assert not isinstance(window.findChild(QPushButton, "nonexistent"), QPushButton)
