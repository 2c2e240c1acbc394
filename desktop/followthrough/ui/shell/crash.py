"""When something fails that nothing else caught: log it whole, tell the person once.

PySide6 hands an exception raised in a slot to ``sys.excepthook`` and carries on, so
without a hook it would only reach stderr, which nobody who started the app from the menu
sees. The hook writes the traceback to the log and shows a dialog in plain words; never
the exception's text, which can hold what the person typed.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from followthrough import APP_NAME
from followthrough.domain.wording import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]

CONTEXT = "crash"
HEADLINE = QT_TRANSLATE_NOOP("crash", "Something went wrong in {app}.")

# True of every save: the store writes each one in a single transaction (store.transactions).
DATA_SAFE = QT_TRANSLATE_NOOP(
    "crash",
    "Your data is safe as it was last saved: each save is written completely or not at "
    "all. A change you were making just now may not have been saved; please check it.",
)

OPEN_FOLDER = QT_TRANSLATE_NOOP("crash", "Open the log folder")


def _translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def headline() -> str:
    return _translated(HEADLINE).format(app=APP_NAME)


def crash_text(log_file: Path | None) -> str:
    """What the dialog says under its headline."""
    if log_file is None:
        where = QCoreApplication.translate(
            "crash",
            "No log file could be written, so the details were only printed to the "
            "terminal, if the app was started from one.",
        )
    else:
        where = QCoreApplication.translate(
            "crash", "The details were written to this file:\n{path}"
        ).format(path=log_file)
    advice = QCoreApplication.translate(
        "crash",
        "You can keep working. If this happens again, quit {app} and start it again, and "
        "send the log file with a description of what you were doing.",
    ).format(app=APP_NAME)
    return f"{_translated(DATA_SAFE)}\n\n{where}\n\n{advice}"


class CrashDialog(QMessageBox):
    """The one dialog an unexpected failure shows: plain text, the log file's path."""

    def __init__(self, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Critical, APP_NAME, "", parent=parent)
        self.log_file = log_file
        # Plain text also for the informative text (Qt gives it the same format); the
        # path is the person's and could look like markup.
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.setText(headline())
        self.setInformativeText(crash_text(log_file))
        self.open_folder_button: QPushButton | None = None
        if log_file is not None:
            self.open_folder_button = self.addButton(
                _translated(OPEN_FOLDER), QMessageBox.ButtonRole.ActionRole
            )
            self.open_folder_button.clicked.connect(self.open_log_folder)
        close = self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(close)
        self.setEscapeButton(close)

    def open_log_folder(self) -> None:
        if self.log_file is None:
            return
        folder = self.log_file.parent
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            log.warning("the file manager did not open %s", folder)


class CrashReporter(QObject):
    """Shows the crash dialog in the GUI thread, at most one at a time: a slot that fails
    on every event brings up one dialog, not one per event."""

    failed = Signal()

    def __init__(self, log_file: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.dialog: CrashDialog | None = None
        # Emitted from another thread, the signal is queued to this object's thread (the
        # GUI thread it was made in): widgets are only made there.
        self.failed.connect(self._tell)

    @Slot()
    def _tell(self) -> None:
        if self.dialog is not None:
            return
        try:
            dialog = CrashDialog(self.log_file)
            # Above any modal dialog that is open, so that it can be read and closed.
            dialog.setWindowModality(QtCore.Qt.WindowModality.ApplicationModal)
            dialog.finished.connect(self._closed)
            self.dialog = dialog
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()
        except Exception:
            # Raising here would come back to the hook, and to here, again.
            log.exception("the crash dialog could not be shown")

    @Slot()
    def _closed(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()


# The reporter the installed hooks use; kept here so it lives as long as they do.
_reporter: CrashReporter | None = None


def _gui_running() -> bool:
    return isinstance(QCoreApplication.instance(), QApplication)


def _report(reporter: CrashReporter | None) -> bool:
    """Ask for the dialog; False when there is no GUI to show it in."""
    if reporter is None or not _gui_running():
        return False
    try:
        reporter.failed.emit()
    except RuntimeError:  # the reporter's Qt object is gone (the app is shutting down)
        return False
    return True


def install_crash_handler(log_file: Path | None) -> CrashReporter | None:
    """Hook uncaught exceptions of the GUI thread (slots included) and of other threads:
    each is logged with its traceback and brings up the crash dialog. Call it after the
    QApplication exists and in its thread; without one, exceptions are only logged and
    printed as usual. Returns the reporter (None without a QApplication)."""
    global _reporter
    reporter = CrashReporter(log_file) if _gui_running() else None
    _reporter = reporter
    previous: ExceptHook = sys.excepthook
    previous_in_thread = threading.excepthook

    def excepthook(
        kind: type[BaseException], value: BaseException, traceback: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, value, traceback)
            return
        log.critical("uncaught exception", exc_info=(kind, value, traceback))
        if not _report(reporter):
            sys.__excepthook__(kind, value, traceback)

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):  # a thread ending itself: not a failure
            previous_in_thread(args)
            return
        name = args.thread.name if args.thread is not None else "?"
        if args.exc_value is None:
            log.critical("uncaught %s in thread %s", args.exc_type.__name__, name)
        else:
            log.critical(
                "uncaught exception in thread %s",
                name,
                exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
            )
        if not _report(reporter):
            threading.__excepthook__(args)

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook
    return reporter
