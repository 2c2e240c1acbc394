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

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from followthrough.services.child_command import CommandRun

# Not store.calendar_feed: that would bring the iCalendar library into the window.
from followthrough.store.paths import CALENDAR_FEED_NAME, DATABASE_NAME

# Changes come in bursts (a save, then the re-plan it causes): one write after them.
SETTLE_MS = 4000
# Longer than this, the child is stuck (a locked disk): it is stopped and tried again later.
CHILD_LIMIT_MS = 120_000


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
        self._data_dir = data_dir
        self._command = command
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._start)
        self._run: CommandRun | None = None
        self._again = False

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
        return self._run is not None

    def _start(self) -> None:
        if self._run is not None:
            self._again = True  # the one running may have read before this change
            return
        run = CommandRun(
            self._data_dir,
            ["export", "--format", "ics", "-o", str(self.path)],
            parent=self,
            command=self._command,
            limit_ms=CHILD_LIMIT_MS,
        )
        run.answered.connect(self._answered)
        self._run = run
        self._again = False
        run.start()

    def _answered(self, answer: dict[str, Any]) -> None:
        if self._run is not None:
            self._run.deleteLater()
        self._run = None
        if answer.get("ok"):
            self.written.emit()
        else:
            self.failed.emit(
                self.tr(
                    "The calendar file in your data folder could not be brought up to date. "
                    "It will be tried again after your next change; the log file has details."
                )
            )
        if self._again:
            self._settle.start()
