"""The automatic daily backup: made in the background once a day on the user's clock.

The app starts it once the database has passed its whole-file check (a damaged file is
not copied over the good backups); then an hourly timer asks again, so a day that begins
while the app runs (or a machine woken from sleep) gets its copy within the hour. Each
look is a directory listing on the background runner; the copy itself is made there too,
through a read-only connection of its own (``store.backups.copies``), never on the GUI
thread and never of a transaction half done.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer, Signal

from followthrough.domain.clock import Clock
from followthrough.services.background import BackgroundRunner
from followthrough.store import settings as options
from followthrough.store.backups.copies import DailyBackup, back_up_daily
from followthrough.store.database import DataLocation

log = logging.getLogger(__name__)

CHECK_EVERY = timedelta(hours=1)
# The first look waits a little after the start: the person's first minutes (Today, the
# reminders due, the first clicks) come first, and copying and checking a large file
# competes with them for the disk and a core. A copy made minutes later keeps as well.
FIRST_LOOK = timedelta(minutes=3)


class DailyBackups(QObject):
    """Signals:
    made(object): a DailyBackup (the copy made and the older ones removed).
    failed(str): the copy could not be made, in plain words (the details are logged; it is
        tried again at the next look).
    """

    made = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        runner: BackgroundRunner,
        clock: Clock,
        data_dir: Path,
        zone: ZoneInfo,
        parent: QObject | None = None,
        *,
        every: timedelta = CHECK_EVERY,
        first_look: timedelta = FIRST_LOOK,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._clock = clock
        self._location = DataLocation(data_dir)
        self._zone = zone
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(int(every.total_seconds() * 1000))
        self._timer.timeout.connect(self.check)
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.setInterval(int(first_look.total_seconds() * 1000))
        self._first.timeout.connect(self.check)

    def start(self) -> None:
        """Look a little after the start (``first_look``), then every hour."""
        self._timer.start()
        self._first.start()

    def stop(self) -> None:
        self._timer.stop()
        self._first.stop()

    def check(self) -> None:
        """Make today's copy in the background unless it exists (one look at a time)."""
        if self._running:
            return
        self._running = True
        location, clock, zone = self._location, self._clock, self._zone

        def work() -> DailyBackup:
            return back_up_daily(
                location, clock.now(), zone, options.get(options.KEEP_DAILY_BACKUPS)
            )

        self._runner.submit(work, self._done, self._failed)

    def _done(self, result: DailyBackup) -> None:
        self._running = False
        if result.made is not None:
            log.info(
                "daily backup made: %s (%d older removed)", result.made.name, len(result.removed)
            )
            self.made.emit(result)

    def _failed(self, reason: str) -> None:
        self._running = False
        log.error("the daily backup could not be made: %s", reason)
        self.failed.emit(reason)
