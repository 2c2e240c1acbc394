"""Small things a walkthrough found: clipped empty pages, "0 interview(s)", a closed
stage's reason lower-cased into a sentence, the unsaved-changes question without Save,
and the search box that Enter and Down did nothing in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from zoneinfo import ZoneInfo

import peewee
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.ui.common.widgets import WrappedText
from followthrough.ui.shell.main_window import PAGES, MainWindow
from tests.helpers.pages import open_page


@pytest.fixture
def larger_font(qapp: QApplication) -> Iterator[None]:
    """The font grows after the window was built (a larger system font, a theme)."""
    before = qapp.font()
    bigger = qapp.font()
    bigger.setPointSizeF(bigger.pointSizeF() * 1.5)
    yield lambda: qapp.setFont(bigger)  # type: ignore[misc]
    qapp.setFont(before)


def test_the_empty_pages_show_their_whole_description_at_1100_by_720(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    make_window: Callable[[], MainWindow],
    larger_font: Callable[[], None],
) -> None:
    window = make_window()
    window.resize(1100, 720)
    larger_font()
    for index, name in enumerate(PAGES):
        open_page(qtbot, window, index)
        page = window.stack.currentWidget()
        assert page.showing_empty_state, name  # type: ignore[attr-defined]
        text = page.empty.explanation  # type: ignore[attr-defined]
        qtbot.waitUntil(text.isVisible)
        QApplication.processEvents()
        assert text.height() >= text.heightForWidth(WrappedText.WIDTH), name
        where = QRect(text.mapTo(window, QPoint(0, 0)), text.size())
        assert window.rect().contains(where), name


def test_wrapped_text_grows_with_a_new_text_and_font(qtbot: QtBot) -> None:
    text = WrappedText("One line")
    qtbot.addWidget(text)
    one_line = text.minimumHeight()
    text.setText("Many words that wrap over several lines at this width. " * 4)
    assert text.minimumHeight() > one_line
    assert text.minimumHeight() == text.heightForWidth(WrappedText.WIDTH)


@pytest.mark.parametrize(("interviews", "expected"), [(0, "no interviews"), (2, "2 interviews")])
def test_the_delete_question_counts_interviews_in_words(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    interviews: int,
    expected: str,
) -> None:
    from datetime import date, time

    from followthrough.domain.interviews import InterviewDraft
    from followthrough.store.interviews import save_interview
    from followthrough.store.queries import create_application
    from followthrough.ui.common.ask import Ask

    application = create_application(clock, "Acme")
    for round_ in range(1, interviews + 1):
        save_interview(
            InterviewDraft(
                application.id, date(2026, 11, 10 + round_), time(10), time(11), "Europe/Berlin"
            ),
            clock,
        )
    window = make_window()
    detail = window.open_application(application.id)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=5000)
    asked: list[str] = []
    monkeypatch.setattr(
        Ask, "confirm", staticmethod(lambda _p, _title, text, _go: asked.append(text) or False)
    )
    detail.delete()
    assert len(asked) == 1
    assert expected in asked[0]
    assert "(s)" not in asked[0] and "0 interview" not in asked[0]


def test_a_closed_stage_names_its_reason_in_a_sentence(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    from followthrough.domain.stages import ClosureReason, Stage
    from followthrough.store.queries import change_stage, create_application

    application = create_application(clock, "Acme")
    change_stage(application.id, Stage.WITHDRAWN, clock, clock.now().date(), ClosureReason.WITHDREW)
    window = make_window()
    detail = window.open_application(application.id)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=5000)
    text = detail.stage_label.text()
    assert text.startswith("Withdrawn — I withdrew")
    assert "i withdrew" not in text


def test_closing_a_changed_application_offers_save_which_saves_and_closes(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from followthrough.store.models import Application
    from followthrough.store.queries import create_application
    from followthrough.ui.common.ask import Ask, Unsaved

    application = create_application(clock, "Acme", "Analyst")
    window = make_window()
    detail = window.open_application(application.id)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=5000)
    monkeypatch.setattr(Ask, "unsaved_changes", staticmethod(lambda _p: Unsaved.SAVE))
    detail.form.role_title.setText("Data Analyst")
    with qtbot.waitSignal(detail.changed, timeout=5000):
        detail.close()
    qtbot.waitUntil(lambda: not detail.isVisible(), timeout=5000)
    assert Application.get_by_id(application.id).role_title == "Data Analyst"


def test_save_from_the_question_keeps_the_window_open_when_it_cannot_save(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    save_failures: list[tuple[str, str]],
) -> None:
    from followthrough.domain.errors import UserError
    from followthrough.store.queries import create_application
    from followthrough.ui.applications import detail_dialog
    from followthrough.ui.common.ask import Ask, Unsaved

    application = create_application(clock, "Acme", "Analyst")
    window = make_window()
    detail = window.open_application(application.id)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=5000)
    monkeypatch.setattr(Ask, "unsaved_changes", staticmethod(lambda _p: Unsaved.SAVE))
    # A form that cannot be saved: the message shows, the window stays.
    detail.form.company.setText("")
    detail.close()
    assert detail.isVisible() and detail.form.errors["company"].isVisible()
    # A save that fails: the failure is told, the window stays with what was typed.
    detail.form.company.setText("Acme Corp")

    def refuse(*_args: object) -> None:
        raise UserError("The disk is full.")

    monkeypatch.setattr(detail_dialog, "update_application", refuse)
    detail.close()
    qtbot.waitUntil(lambda: bool(save_failures), timeout=5000)
    assert detail.isVisible() and detail.form.company.text() == "Acme Corp"
    # Cancel keeps editing; Discard closes.
    monkeypatch.setattr(Ask, "unsaved_changes", staticmethod(lambda _p: Unsaved.CANCEL))
    detail.close()
    assert detail.isVisible()
    monkeypatch.setattr(Ask, "unsaved_changes", staticmethod(lambda _p: Unsaved.DISCARD))
    detail.close()
    assert not detail.isVisible()


def test_save_from_the_question_accepts_a_dialog_as_its_own_save(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog

    from followthrough.ui.common.ask import Ask, Unsaved
    from followthrough.ui.contacts.dialog import ContactDialog

    monkeypatch.setattr(Ask, "unsaved_changes", staticmethod(lambda _p: Unsaved.SAVE))
    dialog = ContactDialog(None, [], ZoneInfo("Europe/Berlin"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.phone.setText("abc")
    dialog.form.changed.emit()
    dialog.reject()  # Save, but no name and no phone number: stays open, saying so
    assert dialog.isVisible() and dialog.form.errors["name"].isVisible()
    dialog.form.name.setText("Dana Lee")
    dialog.form.phone.setText("555 1234")
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_enter_in_the_application_search_opens_the_only_result_and_down_leads_to_the_list(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    from PySide6.QtCore import Qt

    from followthrough.store.queries import create_application

    for company in ("Acme", "Initech", "Globex"):
        create_application(clock, company)
    window = make_window()
    page = window.applications_page
    open_page(qtbot, window, "Applications")
    opened: list[int] = []
    page.open_application.disconnect()  # only what is asked for, no window
    page.open_application.connect(opened.append)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "e")  # several results, none chosen: Enter waits
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert opened == []
    page.search.setText("Initech")
    assert page.model.rowCount() == 1
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert len(opened) == 1
    page.search.clear()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus() or QApplication.focusWidget() is page.table
    assert page.table.currentIndex().row() == 0
    first = page.model.row_at(0).application_id
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Enter)  # the current row, chosen with Down
    assert opened[-1] == first and len(opened) == 2


def test_enter_and_down_in_the_people_search(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    from PySide6.QtCore import Qt

    from followthrough.store.contacts import ContactFields, save_contact

    for name in ("Dana Lee", "Sam Cole"):
        save_contact(ContactFields(name), clock)
    window = make_window()
    page = window.contacts_page
    open_page(qtbot, window, "Contacts")
    opened: list[int] = []
    page.open_contact.disconnect()  # only what is asked for, no dialog
    page.open_contact.connect(opened.append)
    page.search.setText("Sam")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert len(opened) == 1
    page.search.clear()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.table
    assert page.table.currentIndex().row() == 0


def test_escape_in_the_application_window_asks_about_unsaved_changes(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Escape hid the window without a question and the edits were gone (review)."""
    from PySide6.QtCore import Qt

    from followthrough.store.queries import create_application
    from followthrough.ui.common.ask import Ask, Unsaved

    application = create_application(clock, "Acme", "Analyst")
    window = make_window()
    detail = window.open_application(application.id)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=5000)
    asked: list[str] = []

    def answer(choice: Unsaved) -> Callable[[object], Unsaved]:
        def ask(_parent: object) -> Unsaved:
            asked.append(choice.name)
            return choice

        return ask

    detail.form.role_title.setText("Data Analyst")
    monkeypatch.setattr(Ask, "unsaved_changes", staticmethod(answer(Unsaved.CANCEL)))
    qtbot.keyClick(detail, Qt.Key.Key_Escape)
    assert asked == ["CANCEL"] and detail.isVisible()
    assert detail.form.role_title.text() == "Data Analyst"
    monkeypatch.setattr(Ask, "unsaved_changes", staticmethod(answer(Unsaved.DISCARD)))
    qtbot.keyClick(detail, Qt.Key.Key_Escape)
    assert asked == ["CANCEL", "DISCARD"]  # asked once, not again by the close
    qtbot.waitUntil(lambda: not detail.isVisible(), timeout=5000)


def test_enter_and_down_in_the_search_go_to_the_board_when_it_is_shown(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    """On the Board tab, Down chose a row of the hidden list and Enter opened it (review)."""
    from PySide6.QtCore import Qt

    from followthrough.store.queries import create_application

    ids = {c: create_application(clock, c).id for c in ("Acme", "Initech", "Globex")}
    window = make_window()
    page = window.applications_page
    open_page(qtbot, window, "Applications")
    page.views.setCurrentWidget(page.board)
    opened: list[int] = []
    page.open_application.disconnect()
    page.open_application.connect(opened.append)
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    focused = QApplication.focusWidget()
    column = next(c for c in page.board.columns.values() if c.view is focused)
    assert column.view.currentIndex().row() == 0
    assert not page.table.selectionModel().hasSelection()
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # the card chosen with Down
    card = column.model.row_at(0)
    assert opened == [card.application_id]
    page.search.setText("Initech")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # the only card shown
    assert opened[1:] == [ids["Initech"]]
