"""Run database work off the GUI thread and hand the result back on it.

Each job opens its own connection for its duration (Peewee keeps connections per thread),
so the GUI thread never waits on a query that grows with the data.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import peewee
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import Shiboken

from followthrough.store.errors import Failure, describe_failure

log = logging.getLogger(__name__)


class JobFailure(str):
    """Why a job failed, as a sentence for the user (never the exception's own text),
    with whether trying again may help and whether it was a refusal by a rule."""

    retryable: bool
    refusal: bool

    def __new__(cls, failure: Failure) -> JobFailure:
        made = super().__new__(cls, failure.reason)
        made.retryable = failure.retryable
        made.refusal = failure.refusal
        return made


class _JobSignals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, database: peewee.Database, work: Callable[[], Any]) -> None:
        super().__init__()
        self.signals = _JobSignals()
        self._database = database
        self._work = work

    def run(self) -> None:
        try:
            with self._database.connection_context():
                result = self._work()
        except Exception as exc:
            failure = describe_failure(exc)
            if failure.refusal:
                log.info("refused: %s", failure.reason)
            else:
                log.error("background job failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(JobFailure(failure))
            return
        self.signals.finished.emit(result)


class BackgroundRunner(QObject):
    """Runs callables on a thread pool (reads) or one at a time in order (saves, see
    ``submit_write``); results arrive on the GUI thread through the given callbacks.

    Signals:
        busy_changed(bool): True while at least one job runs.
    """

    busy_changed = Signal(bool)

    def __init__(self, database: peewee.Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        # Saves the person makes run one at a time, in the order they were made, so the
        # last edit is the one kept; they never queue behind a long read or planning pass.
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        # Saves asked for while writes are held (until the file's full check has spoken).
        self._held: list[tuple[Callable[[], Any], Callable[[Any], None], Any]] | None = None
        self._running = 0
        # Keep the jobs' signal objects alive until they have delivered.
        self._pending: set[_JobSignals] = set()

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        """Run ``work`` (a read, or the scheduler's own bookkeeping) on the pool."""
        self._start(self._pool, work, on_done, on_error)

    def submit_write(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        """Run a save the person made, after the saves submitted before it."""
        if self._held is not None:
            self._held.append((work, on_done, on_error))
            return
        self._start(self._writes, work, on_done, on_error)

    def hold_writes(self) -> None:
        """Keep saves waiting, in order, until ``release_writes`` (they are not lost)."""
        if self._held is None:
            self._held = []

    def release_writes(self) -> None:
        """Run the saves held back, in the order they were asked for."""
        held, self._held = self._held, None
        for work, on_done, on_error in held or ():
            self._start(self._writes, work, on_done, on_error)

    def _start(
        self,
        pool: QThreadPool,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None] | None,
    ) -> None:
        job = _Job(self._database, work)
        signals = job.signals
        self._pending.add(signals)

        def finished(result: object) -> None:
            self._finish(signals)
            if _receiver_alive(on_done):
                on_done(result)

        def failed(message: JobFailure) -> None:
            self._finish(signals)
            if on_error is not None and _receiver_alive(on_error):
                on_error(message)

        signals.finished.connect(finished)
        signals.failed.connect(failed)
        self._running += 1
        if self._running == 1:
            self.busy_changed.emit(True)
        pool.start(job)

    def _finish(self, signals: _JobSignals) -> None:
        self._pending.discard(signals)
        self._running -= 1
        if self._running == 0:
            self.busy_changed.emit(False)

    def shut_down(self, msecs: int = 30000) -> bool:
        """Quitting: reads not yet started are dropped (nobody will look at them); saves
        already asked for still land (also those held for the file's check, which will not
        finish now); then wait for what runs."""
        self._pool.clear()
        self.release_writes()
        return self.wait_for_done(msecs)

    @Slot()
    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Block until both pools are idle (shutdown and tests)."""
        return bool(self._writes.waitForDone(msecs)) and bool(self._pool.waitForDone(msecs))


def _receiver_alive(callback: Callable[..., Any]) -> bool:
    """False for a method of a Qt object deleted while the job ran (a dialog closed with
    WA_DeleteOnClose before its data arrived): its result has nowhere to go."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or Shiboken.isValid(owner)
