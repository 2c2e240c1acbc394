"""File ▸ Export ▸ Calendar (.ics)… and File ▸ Calendar to subscribe to…: the file written
off the GUI thread with the demo's interviews, a failure said with its path, and the
subscription dialog's address shown as text, copied on request."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.store.models import Interview
from followthrough.ui.exchange.calendar import CalendarExport, SubscriptionDialog
from followthrough.ui.shell.main_window import MainWindow
from tests.gui.test_mnemonics import clashes


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Path]:
    files = {"calendar": tmp_path / "out.ics"}
    monkeypatch.setattr(
        CalendarExport, "choose_calendar_path", staticmethod(lambda _p, _s: files["calendar"])
    )
    return files


def test_the_calendar_is_exported_and_the_status_bar_says_where(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, chosen: dict[str, Path]
) -> None:
    fill_demo(clock, 8)
    window.export_calendar_action.trigger()
    qtbot.waitUntil(lambda: chosen["calendar"].exists(), timeout=15000)
    qtbot.waitUntil(lambda: "exported to" in window.statusBar().currentMessage(), timeout=5000)
    assert str(chosen["calendar"]) in window.statusBar().currentMessage()
    events = Calendar.from_ical(chosen["calendar"].read_bytes()).walk("VEVENT")
    interviews = [e for e in events if str(e["UID"]).startswith("interview-")]
    assert interviews and len(interviews) <= Interview.select().count()


def test_a_calendar_that_cannot_be_written_is_said_with_its_path(
    qtbot: QtBot,
    window: MainWindow,
    chosen: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(
        CalendarExport,
        "retry_after",
        staticmethod(lambda _p, text, failure: told.append((text, str(failure))) and False),
    )
    chosen["calendar"] = tmp_path / "missing" / "out.ics"
    window.export_calendar_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    text, reason = told[0]
    assert text == f"The calendar was not exported to {chosen['calendar']}."
    assert reason and "Traceback" not in reason and "Errno" not in reason


def test_the_subscription_dialog_shows_the_address_as_text_and_copies_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "<b>data & more"
    folder.mkdir()
    dialog = SubscriptionDialog(folder / "followthrough.ics")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.location.text().startswith("file:///")
    assert dialog.location.isReadOnly()
    assert "followthrough.ics" in dialog.location.text()
    for label in dialog.findChildren(QLabel):
        assert label.textFormat() == label.textFormat().PlainText
    # Not written yet: it says so.
    assert any("first time" in label.text() for label in dialog.findChildren(QLabel))
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == dialog.location.text()
    assert not clashes(dialog)


def test_the_file_menu_opens_the_subscription_dialog(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QDialog] = []
    monkeypatch.setattr(MainWindow, "exec_dialog", staticmethod(lambda d: shown.append(d)))
    window.subscribe_action.trigger()
    (dialog,) = shown
    assert isinstance(dialog, SubscriptionDialog)
    assert dialog.path == window.context.data_dir / "followthrough.ics"
