"""An exception nothing caught: its traceback goes to the log file, and one dialog in
plain words says so (with the log's path, never the exception's text)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from followthrough.store.errors import LOG_FILE_NAME
from followthrough.ui.shell import crash
from followthrough.ui.shell.crash import CrashDialog, install_crash_handler

# Stands for something the person typed that ended up in an exception's message.
SECRET = "Dear Ms <b>Secret</b>, about the offer"


class Source(QObject):
    fired = Signal()


def failing_slot() -> None:
    raise ValueError(SECRET)


@pytest.fixture(autouse=True)
def hooks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test's hooks are undone after it (pytest and pytest-qt have their own), and
    a dialog it left open is closed."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(crash, "_reporter", None)
    yield
    for dialog in open_crash_dialogs():
        dialog.close()


def open_crash_dialogs() -> list[CrashDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()
    ]


def shown_text(dialog: QMessageBox) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


# pytest-qt would otherwise take the exception itself (and fail the test).
@pytest.mark.qt_no_exception_capture
def test_a_failing_slot_is_logged_and_told_once(qtbot: QtBot, log_file: Path) -> None:
    reporter = install_crash_handler(log_file)
    assert reporter is not None
    source = Source()
    source.fired.connect(failing_slot)

    source.fired.emit()

    dialogs = open_crash_dialogs()
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert reporter.dialog is dialog
    logged = log_file.read_text(encoding="utf-8")
    assert "CRITICAL" in logged
    assert "Traceback (most recent call last)" in logged
    assert "in failing_slot" in logged
    assert f"ValueError: {SECRET}" in logged

    text = shown_text(dialog)
    assert "Something went wrong" in text
    assert "safe as it was last saved" in text
    assert str(log_file) in text
    assert "Secret" not in text
    assert "ValueError" not in text
    assert "Traceback" not in text
    buttons = sorted(b.text() for b in dialog.buttons())
    assert buttons == ["Close", "Open the log folder"]

    # The slot fails again while the dialog is open (also from the event loop): logged
    # every time, still one dialog.
    source.fired.emit()
    for _ in range(3):
        QTimer.singleShot(0, source.fired.emit)
    qtbot.waitUntil(
        lambda: log_file.read_text(encoding="utf-8").count("Traceback") == 5, timeout=5000
    )
    qtbot.wait(50)
    assert open_crash_dialogs() == [dialog]

    # Once it is closed, the next failure is told again.
    close = dialog.button(QMessageBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert reporter.dialog is None
    assert open_crash_dialogs() == []
    source.fired.emit()
    assert len(open_crash_dialogs()) == 1
    assert reporter.dialog is not None and reporter.dialog is not dialog
    reporter.dialog.close()


@pytest.mark.qt_no_exception_capture
def test_the_dialog_opens_the_log_folder(qtbot: QtBot, log_file: Path, opened: list[QUrl]) -> None:
    reporter = install_crash_handler(log_file)
    assert reporter is not None
    source = Source()
    source.fired.connect(failing_slot)
    source.fired.emit()
    dialog = reporter.dialog
    assert dialog is not None and dialog.open_folder_button is not None

    qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)

    assert [url.toLocalFile() for url in opened] == [str(log_file.parent)]
    assert (log_file.parent / LOG_FILE_NAME).is_file()


def test_the_dialog_is_plain_text() -> None:
    path = Path("/home/me/<b>bold</b> & <img src='x'>/followthrough.log")
    dialog = CrashDialog(path)

    labels = [label for label in dialog.findChildren(QLabel) if label.text()]
    assert len(labels) == 2
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert str(path) in shown_text(dialog)
    dialog.deleteLater()


def test_without_a_log_file_the_dialog_says_so() -> None:
    dialog = CrashDialog(None)

    assert "No log file could be written" in dialog.informativeText()
    assert dialog.open_folder_button is None
    assert [b.text() for b in dialog.buttons()] == ["Close"]
    dialog.deleteLater()


def test_a_failure_in_another_thread_is_logged_and_told_from_the_gui_thread(
    qtbot: QtBot, log_file: Path
) -> None:
    reporter = install_crash_handler(log_file)
    assert reporter is not None
    worker = threading.Thread(target=failing_slot, name="the-worker")

    worker.start()
    worker.join()

    qtbot.waitUntil(lambda: len(open_crash_dialogs()) == 1, timeout=5000)
    # Made in the GUI thread: the worker's hook only queued the request.
    assert reporter.dialog is not None
    assert reporter.dialog.thread() is QApplication.instance().thread()
    logged = log_file.read_text(encoding="utf-8")
    assert "uncaught exception in thread the-worker" in logged
    assert "in failing_slot" in logged
    assert reporter.dialog is not None
    assert SECRET not in shown_text(reporter.dialog)
    reporter.dialog.close()


def test_keyboard_interrupt_goes_to_the_previous_hook(qtbot: QtBot, log_file: Path) -> None:
    before: list[type[BaseException]] = []

    def previous(kind: type[BaseException], _v: BaseException, _t: TracebackType | None) -> None:
        before.append(kind)

    sys.excepthook = previous
    install_crash_handler(log_file)

    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)

    assert before == [KeyboardInterrupt]
    assert open_crash_dialogs() == []
    assert "KeyboardInterrupt" not in log_file.read_text(encoding="utf-8")


def test_without_a_qapplication_it_only_logs_and_prints(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    class NoApplication:
        @staticmethod
        def instance() -> None:
            return None

    monkeypatch.setattr(crash, "QCoreApplication", NoApplication)
    printed: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "__excepthook__", lambda kind, _v, _t: printed.append(kind))

    assert install_crash_handler(None) is None
    try:
        failing_slot()
    except ValueError as error:
        sys.excepthook(ValueError, error, error.__traceback__)

    assert printed == [ValueError]
    assert "in failing_slot" in caplog.text
    assert open_crash_dialogs() == []
