"""Alt+letter reaches one thing per window: the & mnemonics of the visible, enabled
buttons, labels with buddies, tabs, group boxes, check boxes and menus of each window
and dialog are unique (Alt+S, Alt+C and Alt+L each reached two things once)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

import peewee
import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.domain.interviews import PersonDraft
from followthrough.domain.references import MessagePurpose, ReferenceKind
from followthrough.store.models import Application, ApplicationReference, Contact, Interview
from followthrough.ui.applications.detail_dialog import ApplicationDetailDialog, DetailPart
from followthrough.ui.applications.next_step import CALL, load_next_step, step_action
from followthrough.ui.interviews.dialogs import PersonDialog
from followthrough.ui.notes.flow import NoteFlow
from followthrough.ui.references.flow import ReferenceFlow
from followthrough.ui.shell.main_window import PAGES, MainWindow
from tests.helpers.pages import open_page


def mnemonic(text: str) -> str | None:
    """The letter after a single "&" ("&&" is a literal ampersand), lower-cased."""
    index = 0
    while index < len(text) - 1:
        if text[index] == "&":
            if text[index + 1] != "&":
                return text[index + 1].casefold()
            index += 1
        index += 1
    return None


def _widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    if isinstance(widget, QAbstractButton):
        yield type(widget).__name__, widget.text()
    elif isinstance(widget, QLabel) and widget.buddy() is not None:
        if widget.buddy().isVisible():
            yield "label", widget.text()
    elif isinstance(widget, QGroupBox):
        yield "group box", widget.title()
    elif isinstance(widget, QTabBar):
        for tab in range(widget.count()):
            if widget.isTabEnabled(tab) and widget.isTabVisible(tab):
                yield "tab", widget.tabText(tab)


def _texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) of everything in ``window`` that Alt+letter can reach now."""
    for widget in window.findChildren(QWidget):
        if widget.window() is window and widget.isVisible() and widget.isEnabled():
            yield from _widget_texts(widget)
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.isVisible():
                yield "menu", action.text()


def clashes(window: QWidget) -> dict[str, list[str]]:
    """Mnemonic -> the texts that share it, for each one used more than once."""
    owners: dict[str, list[str]] = defaultdict(list)
    for what, text in _texts(window):
        letter = mnemonic(text)
        if letter:
            owners[letter].append(f"{what} {text!r}")
    return {letter: texts for letter, texts in owners.items() if len(texts) > 1}


def _every_tab(window: QWidget, name: str) -> dict[str, dict[str, list[str]]]:
    """``clashes`` with each tab of the window's tab widgets shown in turn."""
    found = {name: clashes(window)}
    for tabs in window.findChildren(QTabWidget):
        if tabs.window() is not window or not tabs.isVisible():
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            found[f"{name}, tab {tabs.tabText(index)!r}"] = clashes(window)
        tabs.setCurrentIndex(0)
    return {where: c for where, c in found.items() if c}


def _loaded(qtbot: QtBot, window: MainWindow, application_id: int) -> ApplicationDetailDialog:
    detail = window.open_application(application_id)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=5000)
    return detail


def _call_step_and_references(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> dict[str, dict[str, list[str]]]:
    """The application window as the check missed it: What's next showing a call (its
    button beside the header's), and the References tab with a reference chosen, then a
    network contact (their step buttons only show with someone chosen)."""
    found: dict[str, dict[str, list[str]]] = {}
    now, zone = clock.now(), window.zone
    calls = [
        app.id
        for app in Application.select().order_by(Application.id)
        if step_action(load_next_step(app.id, now, zone).entry) == CALL
    ]
    assert calls, "the demo has an application whose next step is a call"
    detail = _loaded(qtbot, window, calls[0])
    qtbot.waitUntil(lambda: detail.whats_next.button.isVisible(), timeout=5000)
    found.update(_every_tab(detail, "application window, What's next a call"))
    for kind in (ReferenceKind.REFERENCE, ReferenceKind.NETWORK):
        links = ApplicationReference.select().where(ApplicationReference.kind == kind.value)
        link = links.where(ApplicationReference.contacted_on.is_null(False)).first() or (
            links.first()
        )
        assert link is not None, f"the demo has a {kind.value} link"
        detail = _loaded(qtbot, window, link.application_id)
        detail.show_part(DetailPart.REFERENCES, link.id)
        QApplication.processEvents()
        chosen = detail.references_tab.selected()
        assert chosen is not None and chosen.link_id == link.id
        where = f"application window, References, a {kind.value} chosen"
        found.update({where: c} if (c := clashes(detail)) else {})
    return found


def test_the_check_sees_a_clash() -> None:
    """The check itself: two visible buttons on Alt+S clash; "&&" is no mnemonic."""
    from PySide6.QtWidgets import QCheckBox, QPushButton, QVBoxLayout

    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    for text in ("&Save", "&Snooze", "Salt && &pepper"):
        layout.addWidget(QPushButton(text))
    hidden = QCheckBox("&Later")
    layout.addWidget(hidden)
    dialog.show()
    hidden.hide()
    assert mnemonic("Salt && &pepper") == "p" and mnemonic("A && B") is None
    assert clashes(dialog) == {"s": ["QPushButton '&Save'", "QPushButton '&Snooze'"]}
    dialog.close()


@pytest.fixture
def shown_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[QDialog]:
    """Modal dialogs the windows open, shown and recorded instead of run."""
    dialogs: list[QDialog] = []

    def record(dialog: QDialog) -> bool:
        dialog.show()
        QApplication.processEvents()
        dialogs.append(dialog)
        return False

    monkeypatch.setattr(MainWindow, "exec_dialog", staticmethod(record))
    monkeypatch.setattr(ApplicationDetailDialog, "exec_dialog", staticmethod(record))
    return dialogs


def test_each_window_reaches_one_thing_per_alt_letter(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    shown_dialogs: list[QDialog],
) -> None:
    fill_demo(clock, 25)
    window = make_window()
    found: dict[str, dict[str, list[str]]] = {}
    for index, page in enumerate(PAGES):
        open_page(qtbot, window, index)
        QApplication.processEvents()
        found.update(_every_tab(window, f"main window, {page}"))

    def opened(trigger: Callable[[], object]) -> QDialog:
        count = len(shown_dialogs)
        trigger()
        qtbot.waitUntil(lambda: len(shown_dialogs) > count, timeout=5000)
        dialog = shown_dialogs[-1]
        found.update(_every_tab(dialog, type(dialog).__name__))
        dialog.close()
        return dialog

    opened(window.new_application)
    opened(window.open_preferences)
    opened(lambda: window.open_contact(Contact.select().first().id))

    interview = Interview.select().order_by(Interview.id).first()
    detail = window.open_application(interview.application_id)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=5000)
    found.update(_every_tab(detail, "application window"))
    found.update(_call_step_and_references(qtbot, window, clock))
    opened(detail.change_stage)
    opened(detail.new_interview)
    opened(lambda: detail.followups.log(interview.application_id))
    opened(lambda: detail.followups.call_sheet(interview.application_id))
    opened(lambda: detail.references.add(interview.application_id, ReferenceKind.REFERENCE))

    person = PersonDialog(PersonDraft("Dana Lee"))
    qtbot.addWidget(person)
    person.show()
    found.update(_every_tab(person, "PersonDialog"))

    detail.tabs.setCurrentWidget(detail.notes_tab)
    assert detail.note_model.rowCount() > 0, "the demo's first interview has interviewers"
    detail.write_note()
    qtbot.waitUntil(lambda: bool(NoteFlow.open_composers), timeout=5000)
    composer = next(iter(NoteFlow.open_composers.values()))
    found.update(_every_tab(composer, "note composer"))

    link = ApplicationReference.select().first()
    detail.references.open(link.id, MessagePurpose.HEADS_UP)
    qtbot.waitUntil(lambda: bool(ReferenceFlow.open_dialogs), timeout=5000)
    message = next(iter(ReferenceFlow.open_dialogs.values()))
    found.update(_every_tab(message, "reference message"))
    message.close()

    assert not found, "\n".join(f"{where}: {c}" for where, c in found.items())


def _menu_clashes(menu: QMenu, where: str) -> dict[str, list[str]]:
    """Each menu and submenu of ``menu``: items without a letter, and letters shared."""
    found: dict[str, list[str]] = {}
    owners: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        letter = mnemonic(action.text())
        owners[letter or "(none)"].append(action.text())
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            found.update(_menu_clashes(submenu, f"{where} ▸ {action.text()}"))
    for letter, texts in owners.items():
        if letter == "(none)" or len(texts) > 1:
            found[f"{where}: {letter}"] = texts
    return found


def test_every_menu_item_has_its_own_letter(window: MainWindow) -> None:
    """File ▸ Export and ▸ Import and every other menu: each item reached by a letter of
    its own (View had Applications and Appearance on A, Calendar and Contacts on C)."""
    found: dict[str, list[str]] = {}
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        found.update(_menu_clashes(menu, action.text()))
    assert found == {}
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    submenus = {a.text(): a.menu() for a in file_menu.actions() if a.menu() is not None}
    assert {"&Export", "&Import"} <= set(submenus)
