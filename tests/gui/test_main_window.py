"""The main window as a user meets it: first run, navigation, shortcuts, dialogs, geometry."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QTextDocument
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from followthrough import __version__
from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.domain.references import ReferenceKind
from followthrough.store.errors import LOG_FILE_NAME
from followthrough.store.models import Application
from followthrough.store.queries import create_application
from followthrough.store.references import add_new_person
from followthrough.ui.applications import detail_dialog as application_detail
from followthrough.ui.applications.new_dialog import NewApplicationDialog
from followthrough.ui.calendar import views as calendar_views
from followthrough.ui.calendar import week_view
from followthrough.ui.common.ask import Unsaved
from followthrough.ui.common.table_model import RecordTableModel
from followthrough.ui.notes import composer as note_composer
from followthrough.ui.references import dialogs as reference_dialogs
from followthrough.ui.shell.context import AppContext
from followthrough.ui.shell.help import TextDialog, help_html
from followthrough.ui.shell.main_window import PAGES, MainWindow
from tests.helpers.pages import open_page


def test_first_run_explains_itself_and_every_view_says_what_will_appear(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.today_page.welcome.isVisible()
    assert (
        "Welcome to Follow-Through"
        in window.today_page.welcome.findChildren(type(window.status_counts))[0].text()
    )
    for index, page in enumerate(
        (window.today_page, window.applications_page, window.calendar_page, window.contacts_page)
    ):
        open_page(qtbot, window, index)
        assert page.showing_empty_state
        explanation = page.empty.explanation
        assert explanation.text()
        # Tall enough for every wrapped line (it was clipped at first run).
        assert explanation.minimumHeight() >= explanation.heightForWidth(explanation.width())
        assert explanation.heightForWidth(explanation.width()) > explanation.fontMetrics().height()
    assert window.status_counts.text() == "0 applications (0 active) · 0 interviews · 0 people"


def test_dismissed_welcome_stays_dismissed(
    window: MainWindow, make_window: Callable[[], MainWindow]
) -> None:
    window.today_page.welcome.dismiss_button.click()
    assert not window.today_page.welcome.isVisible()
    window.close()
    again = make_window()
    assert not again.today_page.welcome.isVisible()


@pytest.mark.parametrize(("index", "name"), list(enumerate(PAGES)))
def test_ctrl_number_switches_views(
    qtbot: QtBot, window: MainWindow, index: int, name: str
) -> None:
    # Its rows loaded first: a second page's load queued behind it would outlive the test.
    open_page(qtbot, window, (index + 1) % len(PAGES))
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_name() == name


def test_clicking_the_navigation_switches_views(qtbot: QtBot, window: MainWindow) -> None:
    item = window.nav.item(PAGES.index("Calendar"))
    rect = window.nav.visualItemRect(item)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.calendar_page


def _fill_and_accept(company: str, role: str, url: str = "") -> Callable[..., bool]:
    def exec_dialog(dialog: NewApplicationDialog) -> bool:
        dialog.company.setText(company)
        dialog.role_title.setText(role)
        dialog.posting_url.setText(url)
        dialog.accept()
        return dialog.result() == NewApplicationDialog.DialogCode.Accepted

    return exec_dialog


def test_ctrl_n_adds_an_application_that_appears_in_the_list(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        MainWindow, "exec_dialog", staticmethod(_fill_and_accept("Acme", "Data Analyst"))
    )
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert [a.company for a in Application.select()] == ["Acme"]
    assert window.current_page_name() == "Applications"
    page = window.applications_page
    assert not page.showing_empty_state
    assert page.model.rowCount() == 1
    assert page.model.index(0, 1).data() == "Data Analyst"
    assert "Applied: <b>1</b>" in page.stage_counts.text()
    assert window.status_counts.text().startswith("1 application (1 active)")
    # The new application opens at once, ready for its first interview.
    assert list(window.detail_dialogs) == [Application.get().id]


def test_an_invalid_application_is_not_accepted(qtbot: QtBot, clock: FakeClock) -> None:
    dialog = NewApplicationDialog(clock.now().date())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.posting_url.setText("jobs.example.com")
    dialog.accept()
    assert dialog.result() != NewApplicationDialog.DialogCode.Accepted
    assert dialog.errors["company"].isVisible()
    assert dialog.errors["company"].text() == "Enter the company's name."
    assert "http" in dialog.errors["posting_url"].text()
    # Typing clears the message for that field.
    qtbot.keyClicks(dialog.company, "Acme")
    assert not dialog.errors["company"].isVisible()


def test_leaving_a_filled_form_asks_before_discarding(
    qtbot: QtBot, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers: list[bool] = []

    def ask(_parent: object) -> Unsaved:
        answers.append(True)
        return Unsaved.DISCARD if keep_answer else Unsaved.CANCEL

    monkeypatch.setattr(
        NewApplicationDialog, "confirm_discard", classmethod(lambda cls, parent: ask(parent))
    )
    dialog = NewApplicationDialog(clock.now().date())
    qtbot.addWidget(dialog)
    dialog.show()
    keep_answer = False
    qtbot.keyClicks(dialog.company, "Acme")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # the user chose to keep editing
    keep_answer = True
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert len(answers) == 2


def test_an_empty_form_closes_without_asking(
    qtbot: QtBot, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(_cls: object, _parent: object) -> Unsaved:
        raise AssertionError("should not ask")

    monkeypatch.setattr(NewApplicationDialog, "confirm_discard", classmethod(never))
    dialog = NewApplicationDialog(clock.now().date())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_demo_data_shows_its_counts_and_ctrl_f_searches(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    summary = fill_demo(clock, 30)
    window = make_window()
    text = window.status_counts.text()
    assert text.startswith("30 applications (")
    assert f"{summary.interviews} interviews" in text
    assert f"{summary.contacts} people" in text
    assert not window.today_page.showing_empty_state
    assert not window.calendar_page.showing_empty_state
    window.show_page(PAGES.index("Today"))
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_name() == "Applications"
    qtbot.waitUntil(lambda: window.rows_current("Applications"))
    search = window.applications_page.search
    assert QApplication.focusWidget() is search
    company = Application.select().first().company
    window.applications_page.stage_filter.setCurrentText("All stages")
    qtbot.keyClicks(search, company)
    model = window.applications_page.model
    assert 0 < model.rowCount() < 30
    for row in range(model.rowCount()):
        assert model.index(row, 0).data() == company
    search.clear()
    assert model.rowCount() == 30


def test_search_finds_references_and_network_contacts(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    acme = create_application(clock, "Acme")
    create_application(clock, "Globex")
    add_new_person(acme.id, ReferenceKind.REFERENCE, "Priya Natarajan", clock)
    add_new_person(acme.id, ReferenceKind.NETWORK, "Jordan Blake", clock)
    window = make_window()
    open_page(qtbot, window, "Applications")
    page = window.applications_page
    page.stage_filter.setCurrentText("All stages")
    model = page.model
    for name in ("Natarajan", "Jordan Blake"):
        page.search.setText(name)
        assert model.rowCount() == 1, name
        assert model.index(0, 0).data() == "Acme"
    page.search.clear()
    assert model.rowCount() == 2


def test_f1_opens_help_and_about_names_the_version(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialogs = [d for d in window.findChildren(TextDialog) if d.isVisible()]
    assert len(dialogs) == 1
    assert str(data_dir) in dialogs[0].text.text()
    dialogs[0].close()
    window.about_action.trigger()
    about = [d for d in window.findChildren(TextDialog) if d.isVisible()]
    assert len(about) == 1
    assert __version__ in about[0].text.text()
    about[0].close()


def test_help_shows_a_strange_folder_name_as_it_is_and_lists_every_shortcut(
    window: MainWindow,
) -> None:
    folder = Path("/tmp/<b>jobs</b> & more")
    document = QTextDocument()
    document.setHtml(help_html(folder))
    shown = document.toPlainText()
    assert str(folder) in shown

    def native(sequence: QKeySequence) -> str:
        return sequence.toString(QKeySequence.SequenceFormat.NativeText)

    # Every key the main window answers to is listed ...
    keys = {native(a.shortcut()) for a in window.actions() if not a.shortcut().isEmpty()}
    assert {f"Ctrl+{n}" for n in range(1, 6)} <= keys
    keys -= {f"Ctrl+{n}" for n in range(1, 6)}
    assert "Ctrl+1 … Ctrl+5" in shown
    # ... and so is every QShortcut made in the windows it opens (read from their source).
    modules = (application_detail, calendar_views, week_view, note_composer, reference_dialogs)
    for module in modules:
        for made in re.findall(r"QShortcut\(QKeySequence\(([^)]+)\)", inspect.getsource(module)):
            if made.startswith('"'):
                keys.add(made.strip('"'))
            elif made.startswith("QKeySequence.StandardKey."):
                standard = getattr(QKeySequence.StandardKey, made.rsplit(".", 1)[1])
                keys.add(native(QKeySequence(standard)))
            else:
                keys.add(native(QKeySequence(getattr(Qt.Key, made.rsplit(".", 1)[1]))))
    assert {"Ctrl+I", "Ctrl+S", "PgUp", "F7"} <= keys  # the source was read
    missing = sorted(key for key in keys if key not in shown)
    assert missing == [], missing


def help_menu_actions(window: MainWindow) -> dict[str, QAction]:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return {a.text(): a for a in help_menu.actions() if not a.isSeparator()}


def shown_boxes(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_help_opens_the_log_folder(window: MainWindow, log_file: Path, opened: list[QUrl]) -> None:
    actions = help_menu_actions(window)
    assert actions["Open the &log folder"] is window.log_folder_action
    # Each entry has its own accelerator letter.
    letters = [re.search(r"&(\w)", text) for text in actions]
    assert all(letters)
    assert len({m.group(1).lower() for m in letters if m}) == len(actions)

    window.log_folder_action.trigger()

    assert len(opened) == 1
    assert opened[0].isLocalFile()
    assert Path(opened[0].toLocalFile()) == log_file.parent.resolve()
    assert (Path(opened[0].toLocalFile()) / LOG_FILE_NAME).is_file()
    assert shown_boxes(window) == []
    # The path is said too: a file manager that fails later goes unnoticed by Qt.
    assert str(log_file) in window.statusBar().currentMessage()


def test_without_a_log_file_help_says_there_is_none(
    window: MainWindow, data_dir: Path, opened: list[QUrl]
) -> None:
    window.log_folder_action.trigger()

    assert opened == []
    boxes = shown_boxes(window)
    assert len(boxes) == 1
    assert boxes[0].textFormat() == Qt.TextFormat.PlainText
    assert "No log file could be created" in boxes[0].text()
    assert str(data_dir) in boxes[0].text()
    boxes[0].close()


def test_when_the_file_manager_does_not_open_help_names_the_log_file(
    window: MainWindow, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def no_file_manager(url: QUrl) -> bool:
        opened.append(url)
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(no_file_manager))

    window.log_folder_action.trigger()

    assert len(opened) == 1
    boxes = shown_boxes(window)
    assert len(boxes) == 1
    assert "could not be opened" in boxes[0].text()
    assert str(log_file.resolve()) in boxes[0].text()
    boxes[0].close()


def test_ctrl_q_quits(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert quits == [True]
    assert not window.isVisible()


def test_geometry_and_view_are_restored(
    window: MainWindow, make_window: Callable[[], MainWindow]
) -> None:
    # Smaller than the offscreen screen (800x600), which restoreGeometry() clamps to.
    window.setGeometry(QRect(10, 20, 770, 540))
    window.show_page(PAGES.index("Contacts"))
    window.close()
    again = make_window()
    assert again.size().width() == 770
    assert again.size().height() == 540
    assert again.current_page_name() == "Contacts"


def test_search_fields_are_line_edits_with_shortcut_hints(window: MainWindow) -> None:
    assert isinstance(window.applications_page.search, QLineEdit)
    assert "Ctrl+F" in window.applications_page.search.placeholderText()


def test_list_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    fill_demo(clock, 12)
    window = make_window()
    open_page(qtbot, window, "Applications")
    open_page(qtbot, window, "Contacts")
    models: list[RecordTableModel[object]] = [
        window.applications_page.model,  # type: ignore[list-item]
        window.contacts_page.model,  # type: ignore[list-item]
        window.today_page.todo.model,  # type: ignore[list-item]
    ]
    for model in models:
        qtbot.waitUntil(lambda m=model: m.rowCount() > 0)
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    # Searching and sorting keep the models consistent too.
    window.applications_page.search.setText("a")
    window.applications_page.model.sort(2, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(window.applications_page.model)  # type: ignore[attr-defined]


def test_calendar_marks_busy_days_and_lists_the_selected_days_items(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    from datetime import timedelta

    from followthrough.store.models import Interview
    from followthrough.store.queries import create_application

    application = create_application(clock, "Acme", "Analyst")
    start = clock.now() + timedelta(days=3)
    Interview.create(
        application=application,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        time_zone="UTC",
        round=2,
    )
    window = make_window()
    page = window.calendar_page
    local_day = start.astimezone(window.zone).date()
    open_page(qtbot, window, "Calendar")
    qtbot.waitUntil(lambda: page.calendar.marks(local_day) == {"interview": 1})
    page.go_to(local_day)
    qtbot.waitUntil(lambda: page.day_model.rowCount() == 1)
    assert "Acme" in page.day_model.index(0, 2).data()
    assert "round 2" in page.day_model.index(0, 3).data()
    page.go_to(local_day + timedelta(days=1))
    qtbot.waitUntil(lambda: "nothing on this day" in page.day_heading.text())
    assert page.day_model.rowCount() == 0


def test_a_new_time_zone_applies_from_the_next_start_and_says_so(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QComboBox, QDialog

    from followthrough.store import settings as options
    from followthrough.ui.shell import main_window

    monkeypatch.setattr(main_window, "set_autostart", lambda *_args: None)
    options.set_session_zone(window.zone.key)  # as the app does at start
    session = window.zone

    def choose(zone: str) -> None:
        def fill(dialog: QDialog) -> bool:
            zones = dialog.editors[options.USER_ZONE.key]  # type: ignore[attr-defined]
            assert isinstance(zones, QComboBox)
            zones.setCurrentIndex(zones.findData(zone) if zone else 0)
            return True

        monkeypatch.setattr(MainWindow, "exec_dialog", staticmethod(fill))
        window.statusBar().clearMessage()
        window.open_preferences()
        qtbot.waitUntil(lambda: "Preferences saved." in window.statusBar().currentMessage())

    other = "Asia/Tokyo" if session.key != "Asia/Tokyo" else "Europe/Lisbon"
    choose(other)
    message = window.statusBar().currentMessage()
    assert f"Your time zone ({other}) applies from the next start" in message
    # This session stays on its clock: windows and plans agree.
    assert window.zone == session and options.user_zone() == session
    # Choosing the clock the app already runs on needs no restart, and says none.
    choose(session.key)
    assert "next start" not in window.statusBar().currentMessage()


def test_the_pages_after_today_are_built_when_first_shown_and_keep_the_window_active(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The window shows Today first; another page (and its modules) is built when first
    shown, never as a window of its own (which would take the activation)."""
    from followthrough.ui.shell.main_window import _LATER_PAGES

    qtbot.wait(50)
    assert not any(name in window.__dict__ for name in _LATER_PAGES)
    for index, name in enumerate(_LATER_PAGES, start=1):
        open_page(qtbot, window, index)
        assert name in window.__dict__
        assert window.stack.widget(index) is getattr(window, name)
        assert window.stack.currentIndex() == index
        qtbot.wait(50)
        assert window.isActiveWindow()
    assert window.stack.count() == len(PAGES)


def test_before_its_first_data_today_shows_neither_the_welcome_nor_nothing_to_do(
    qtbot: QtBot, context: AppContext
) -> None:
    """A large folder takes a moment to load: meanwhile the first-run welcome and
    "Nothing to do yet" do not flash by; with the data (none here) they show."""
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.today_page
    assert not page.showing_empty_state and not page.welcome.isVisible()
    assert not page.empty.isVisible() and not page.content.isVisible()
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        window.refresh()
    assert page.showing_empty_state and page.empty.isVisible()
    assert page.welcome.isVisible()


def test_a_search_typed_before_the_data_arrives_is_kept_and_applied(
    qtbot: QtBot, context: AppContext, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window shows before its data: Ctrl+2, Ctrl+F and a search typed meanwhile are
    kept, and the list is filtered by it once the rows arrive."""
    import time

    from followthrough.ui.shell import loading as loading_module

    create_application(clock, "Harbor Labs", "Analyst")
    create_application(clock, "Acme", "Analyst")
    load = loading_module.load_window_data

    def slow_load(*args: object) -> object:
        time.sleep(0.5)
        return load(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(loading_module, "load_window_data", slow_load)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        window.refresh()
        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        page = window.applications_page
        assert QApplication.focusWidget() is page.search
        qtbot.keyClicks(page.search, "harbor")
    assert page.search.text() == "harbor"
    assert "1 of 2" in page.shown.text()


def test_a_page_loads_its_rows_once_shown_and_then_at_each_refresh(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from followthrough.ui.shell import loading as loading_module

    loads: list[str] = []
    for name in ("load_applications_data", "load_contacts_data"):
        real = getattr(loading_module, name)

        def counted(
            *args: object, _real: Callable[..., object] = real, _name: str = name
        ) -> object:
            loads.append(_name)
            return _real(*args)

        monkeypatch.setattr(loading_module, name, counted)
    create_application(clock, "Acme", "Analyst")
    window = make_window()
    # Today and the counts are there; the rows of pages nobody opened are not loaded.
    assert window.status_counts.text().startswith("1 application (1 active)")
    assert loads == []
    assert not window.rows_current("Applications")
    assert window.applications_page.model.rowCount() == 0
    open_page(qtbot, window, "Applications")
    assert loads == ["load_applications_data"]
    assert window.applications_page.model.rowCount() == 1
    # Shown once, kept current: a change elsewhere is in its rows after the next refresh,
    # while the Contacts page, never shown, still loads nothing.
    open_page(qtbot, window, "Today")
    create_application(clock, "Globex", "Engineer")
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        window.refresh()
    assert loads == ["load_applications_data"] * 2
    assert window.applications_page.model.rowCount() == 2
    assert window.status_counts.text().startswith("2 applications (2 active)")


def test_a_page_whose_rows_take_a_while_says_it_is_loading(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    from followthrough.ui.shell import loading as loading_module

    real = loading_module.load_applications_data

    def slow(*args: object) -> object:
        time.sleep(0.6)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(loading_module, "load_applications_data", slow)
    create_application(clock, "Acme", "Analyst")
    window = make_window()
    page = window.applications_page  # built, not shown: nothing is said yet
    assert not page.waiting.isVisible()
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        window.show_page(PAGES.index("Applications"))
        qtbot.wait(100)
        assert not page.waiting.isVisible()  # a quick load would show nothing meanwhile
        qtbot.waitUntil(page.waiting.isVisible, timeout=2000)
    assert not page.waiting.isVisible()
    assert page.model.rowCount() == 1
    # Today, loaded before it was ever shown, never says it.
    assert not window.today_page.waiting.isVisible()


def test_a_page_whose_rows_could_not_be_loaded_says_so_and_tries_again_when_shown_again(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typing import Any

    from followthrough.ui.common import text as text_module
    from followthrough.ui.shell import loading as loading_module

    told: list[str] = []

    class Box:
        def __init__(self, text: str) -> None:
            self.text = text

        def exec(self) -> int:
            told.append(self.text)
            return 0

    monkeypatch.setattr(text_module, "message_box", lambda _i, _t, text, _p=None: Box(text))
    real = loading_module.load_applications_data
    failures = [OSError("disk I/O error")]

    def flaky(*args: Any) -> Any:
        if failures:
            raise failures.pop()
        return real(*args)

    monkeypatch.setattr(loading_module, "load_applications_data", flaky)
    create_application(clock, "Acme", "Analyst")
    window = make_window()
    page = window.applications_page
    window.show_page(PAGES.index("Applications"))
    qtbot.waitUntil(lambda: bool(told))
    assert "could not be loaded" in told[0]
    assert page.waiting.isVisible() and "could not be loaded" in page.waiting.text()
    assert not window.rows_current("Applications")
    # Shown again: loaded this time.
    window.show_page(PAGES.index("Today"))
    open_page(qtbot, window, "Applications")
    assert page.model.rowCount() == 1 and not page.waiting.isVisible()
    assert len(told) == 1


def test_a_search_that_only_hidden_applications_match_says_so(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    """Walkthrough 3: with Show: Active, searching for an accepted (closed) application
    gave an empty list and "0 of 3" with no hint that a closed one matched."""
    from followthrough.domain.stages import ClosureReason, Stage
    from followthrough.store.queries import change_stage, create_application

    create_application(clock, "Birch Labs")
    gone = create_application(clock, "<b>Acme</b> Corp").id
    change_stage(gone, Stage.REJECTED, clock, clock.now().date(), ClosureReason.REJECTED)
    window = make_window()
    window.show_page(PAGES.index("Applications"))
    qtbot.waitUntil(lambda: window.rows_current("Applications"))
    page = window.applications_page
    assert page.stage_filter.currentText() == "Active"
    qtbot.keyClicks(page.search, "acme")
    assert page.model.rowCount() == 0
    assert page.hidden_hint.isVisible()
    assert page.hidden_text.text() == (
        "None of the applications shown matches; 1 hidden by “Show: Active” does."
    )
    assert page.hidden_text.textFormat() == Qt.TextFormat.PlainText
    page.show_all_button.click()
    assert page.model.rowCount() == 1
    assert not page.hidden_hint.isVisible()
    page.search.clear()
    page.stage_filter.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "birch")  # found where shown: nothing to say
    assert page.model.rowCount() == 1 and not page.hidden_hint.isVisible()
