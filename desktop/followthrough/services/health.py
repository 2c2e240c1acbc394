"""The whole-file check of the database, after start-up, in the background.

The check at open reads SQLite's header and the schema only (the start does not wait
for a read of the whole file, which grows with the data); damage in the tables' pages,
or one wrong entry in an index, would let the app run and write until a query fails
mid-way. So once the window shows its data (or could not load it), ``PRAGMA
integrity_check`` reads the whole file off the GUI thread; damage found stops every
write and is reported like damage found at start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from followthrough.services.background import BackgroundRunner
from followthrough.store.database import full_check
from followthrough.store.transactions import refuse_writes

log = logging.getLogger(__name__)


class DatabaseWatch(QObject):
    """Signals:
    damaged(str): the database is damaged; writes are refused from now on. The text is
        the message for the user (with the newest sound backup).
    checked(): the check found nothing wrong (or could not run; that is logged).
    """

    damaged = Signal(str)
    checked = Signal()

    def __init__(
        self, runner: BackgroundRunner, data_dir: Path, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._data_dir = data_dir
        self._started = False
        # Nothing is written to a file not yet checked: saves wait for the verdict (and
        # then land, or fail in the damage's words).
        runner.hold_writes()
        self._verdict: bool | None = None  # True: sound (or could not check), False: damaged
        self._waiting: list[Callable[[], None]] = []

    def check(self) -> None:
        """Check the file in the background (once: later calls do nothing)."""
        if self._started:
            return
        self._started = True
        data_dir = self._data_dir
        self._runner.submit(lambda: full_check(data_dir), self._done, self._failed)

    def when_sound(self, then: Callable[[], None]) -> None:
        """Run ``then`` once the file is found sound (at once if it was); never if it is
        damaged (the damage message says it all). Starts the check if it has not run."""
        if self._verdict is None:
            self._waiting.append(then)
            self.check()
        elif self._verdict:
            then()

    def _done(self, problem: str | None) -> None:
        if problem is None:
            log.info("the database passed its full check")
            self._sound()
            return
        log.error("database damaged: %s", problem)
        self._verdict = False
        self._waiting.clear()
        refuse_writes(problem)
        self._runner.release_writes()
        self.damaged.emit(problem)

    def _failed(self, message: str) -> None:
        # Not knowing is not damage: the app goes on (the check runs again next start).
        log.error("the database check could not run: %s", message)
        self._sound()

    def _sound(self) -> None:
        self._verdict = True
        self._runner.release_writes()
        self.checked.emit()
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()
