"""Keeps the calendar file in the data folder current (``followthrough.ics``), for a
calendar app that subscribes to it.

After a change settles (a save, a re-plan, a reminder done or snoozed), the app runs its
own ``export --format ics`` command as a child process, which reads the database
read-only and replaces the file only when what it says changed. A child process, because
the iCalendar library and its zone data would stay in the window's memory for good (about
10 MiB and two hundred modules) for a file written now and then; and a failure there
cannot disturb the window.
"""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

# Not store.calendar_feed: that would bring the iCalendar library into the window.
from followthrough.store.paths import CALENDAR_FEED_NAME, DATABASE_NAME

log = logging.getLogger(__name__)

# Changes come in bursts (a save, then the re-plan it causes): one write after them.
SETTLE_MS = 4000
# Longer than this, the child is stuck (a locked disk): it is stopped and tried again later.
CHILD_LIMIT_MS = 120_000


def own_command() -> list[str]:
    """How to run this app's command line: the bundle's executable, or this Python with
    the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "followthrough"]


def feed_path(data_dir: Path) -> Path:
    return data_dir / CALENDAR_FEED_NAME


def feed_outdated(data_dir: Path) -> bool:
    """Whether the database changed after the calendar file was last written (or there
    is none): at start, only then is it made again (at 10,000 applications that is a
    minute of a second core's time)."""
    try:
        written = feed_path(data_dir).stat().st_mtime
    except OSError:
        return True
    database = data_dir / DATABASE_NAME
    changed = [
        path.stat().st_mtime
        for path in (database, database.with_name(database.name + "-wal"))
        if path.exists()
    ]
    return any(when > written for when in changed)


def politely(command: list[str]) -> list[str]:
    """``command`` at a lower priority where the system has ``nice``: the window and the
    user's other programs come first."""
    nice = shutil.which("nice")
    return [nice, "-n", "10", *command] if nice else command


class CalendarFeed(QObject):
    """Signals:
    written(): the file is current (rewritten or already so).
    failed(str): it could not be written; plain words (details in the log).
    """

    written = Signal()
    failed = Signal(str)

    def __init__(
        self, data_dir: Path, parent: QObject | None = None, command: list[str] | None = None
    ) -> None:
        super().__init__(parent)
        self.path = feed_path(data_dir)
        self._arguments = [
            *politely(command or own_command()),
            "--data-dir",
            str(data_dir),
            "export",
            "--format",
            "ics",
            "-o",
            str(self.path),
        ]
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._start)
        self._process: QProcess | None = None
        self._again = False
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(CHILD_LIMIT_MS)
        self._watchdog.timeout.connect(self._stuck)

    def changed(self, *_args: object) -> None:
        """Something the calendar shows may have changed: write it once things settle."""
        self._settle.start()

    def planned(self, report: object) -> None:
        """A planning pass ended: the file follows if it wrote or removed reminders."""
        if getattr(report, "written", 0) or getattr(report, "removed", 0):
            self.changed()

    def refresh_now(self) -> None:
        self._settle.stop()
        self._start()

    @property
    def busy(self) -> bool:
        return self._process is not None

    def _start(self) -> None:
        if self._process is not None:
            self._again = True  # the one running may have read before this change
            return
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        self._process = process
        self._again = False
        self._watchdog.start()
        process.start(self._arguments[0], self._arguments[1:])

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process = self._process
        if process is None:
            return
        output = bytes(process.readAll().data()).decode("utf-8", "replace").strip()
        self._done()
        if status == QProcess.ExitStatus.NormalExit and code == 0:
            self.written.emit()
        else:
            log.warning("calendar file not written (exit %s): %s", code, output[-2000:])
            self._failed()
        if self._again:
            self._settle.start()

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._process is not None:
            log.warning("calendar file: the export command did not start: %s", self._arguments)
            self._done()
            self._failed()

    def _stuck(self) -> None:
        if self._process is not None:
            log.warning("calendar file: the export took too long and was stopped")
            self._process.kill()

    def _done(self) -> None:
        self._watchdog.stop()
        if self._process is not None:
            self._process.deleteLater()
        self._process = None

    def _failed(self) -> None:
        self.failed.emit(
            self.tr(
                "The calendar file in your data folder could not be brought up to date. "
                "It will be tried again after your next change; the log file has details."
            )
        )
