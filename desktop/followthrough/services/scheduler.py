"""When reminders fire: a timer to the next due instant, a heartbeat that notices jumps.

Every database step runs on the background runner; the GUI thread only arms timers. The
decisions ("what fires now") live in ``store.reminders``: claiming is a conditional
update, so a reminder fires once however often or from how many processes this runs.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from followthrough.domain.clock import Clock
from followthrough.services.background import BackgroundRunner
from followthrough.store.planning import PlanReport, plan_at_start, plan_changed
from followthrough.store.reminders import DueReminder, claim_due, next_due_instant, open_fired

log = logging.getLogger(__name__)

# Never sleep longer than this: a suspended machine or a changed clock is noticed at the
# latest after this long even if the heartbeat were missed.
TIMER_CAP = timedelta(hours=1)
HEARTBEAT = timedelta(seconds=30)
# A heartbeat this much later (or any earlier) than expected means the clock jumped or
# the machine slept.
JUMP_TOLERANCE = timedelta(seconds=20)
# After a check that failed (a full disk, a lock held too long), try again this soon.
RETRY_AFTER = timedelta(seconds=30)


class ReminderScheduler(QObject):
    """Plans reminders from the data and fires them when they come due.

    Planning runs on the background runner: after a save, only what changed
    (``replan``); at start-up, once the window shows its data, what changed while the app
    was closed, or every application a few hundred at a time when the stored plan was
    made on another basis (``store.planning.plan_at_start``), a pass that ``stop`` ends
    at its next step.

    Signals:
        fired(list): DueReminders just claimed, to show once.
        open_changed(list): every fired reminder still waiting for the user.
        next_planned(object): the next due instant (datetime) or None.
        paused_changed(object): reminders paused until this instant (datetime) or None.
        planned(object): a planning pass finished (its result: a PlanReport).
        check_failed(str): reminders could not be checked, in plain words (it is tried
            again in RETRY_AFTER; the error is logged).
    """

    fired = Signal(list)
    open_changed = Signal(list)
    next_planned = Signal(object)
    paused_changed = Signal(object)
    planned = Signal(object)
    check_failed = Signal(str)

    def __init__(
        self,
        runner: BackgroundRunner,
        clock: Clock,
        parent: QObject | None = None,
        *,
        plan: Callable[[], Any] | None = None,
        heartbeat: timedelta = HEARTBEAT,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._clock = clock
        self._stopping = threading.Event()
        should_stop = self._stopping.is_set
        # Tests may replace every kind of planning with one callable.
        self._plan_at_start: Callable[[], Any] = (
            plan if plan is not None else lambda: plan_at_start(clock.now(), should_stop)
        )
        self._plan_changed: Callable[[], Any] = (
            plan if plan is not None else lambda: plan_changed(clock.now(), should_stop)
        )
        self._planning = False
        self._plan_again = False
        self._afresh_again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Coarse timers may round long waits to whole seconds; reminders should be on time.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.check_now)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(int(heartbeat.total_seconds() * 1000))
        self._heartbeat.timeout.connect(self.heartbeat)
        self._heartbeat_interval = heartbeat
        self._last_beat: datetime | None = None
        self._armed_for: datetime | None = None
        self._paused_until: datetime | None = None
        self._started = False
        self._checking = False
        self._recheck = False

    # -- control -------------------------------------------------------------------------

    def start(self, plan: bool = True) -> None:
        """Fire everything already due (what came due while the app was closed), then plan
        what the data needs unless ``plan`` is False (the app starts this once its window
        shows its data, so that the first rows do not wait for planning)."""
        self._stopping.clear()
        self._started = True
        self._last_beat = self._clock.now()
        self._heartbeat.start()
        self.check_now()
        if plan:
            self._submit_plan(self._plan_at_start, at_start=True)

    def stop(self) -> None:
        """No more timers; a planning pass in progress ends after its current step."""
        self._stopping.set()
        self._timer.stop()
        self._heartbeat.stop()

    def replan(self) -> None:
        """The data changed: plan what changed, then check what is due."""
        if self._planning:
            self._plan_again = True  # after the pass that runs now
            return
        self._submit_plan(self._plan_changed)

    def plan_afresh(self) -> None:
        """Plan as at start: the data came with a plan of its own (an import), made on
        rules or a time zone that may not be this session's."""
        if self._planning:
            self._afresh_again = True  # after the pass that runs now
            return
        self._submit_plan(self._plan_at_start)

    def _submit_plan(self, plan: Callable[[], Any], at_start: bool = False) -> None:
        if self._stopping.is_set():
            return
        self._planning = True
        self._runner.submit(plan, lambda report: self._planned(report, at_start), self._plan_failed)

    def _planned(self, report: object, at_start: bool = False) -> None:
        self._planning = False
        self.planned.emit(report)
        if self._afresh_again:
            self._afresh_again = self._plan_again = False
            self.plan_afresh()
        elif self._plan_again:
            self._plan_again = False
            self.replan()
        if at_start and _wrote_nothing(report):
            # The check made at start (submitted before this plan) saw every reminder
            # there is: another would claim nothing and read the same list (at 10,000
            # applications, 0.08 s of a start's CPU).
            return
        self.check_now()

    def _plan_failed(self, message: str) -> None:
        self._planning = False
        log.error("planning reminders failed: %s", message)
        self.check_now()

    def pause(self, until: datetime | None) -> None:
        """No reminder fires before ``until`` (None: resume now)."""
        self._paused_until = until
        self.paused_changed.emit(until)
        self.check_now()

    @property
    def paused_until(self) -> datetime | None:
        return self._paused_until

    @property
    def armed_for(self) -> datetime | None:
        return self._armed_for

    # -- timing --------------------------------------------------------------------------

    def heartbeat(self) -> None:
        """Called every HEARTBEAT by its timer (tests call it after moving a fake clock)."""
        now = self._clock.now()
        last, self._last_beat = self._last_beat, now
        jumped = last is not None and (
            now < last or now - last > self._heartbeat_interval + JUMP_TOLERANCE
        )
        if jumped:
            log.info("clock moved from %s to %s: checking reminders again", last, now)
        if jumped or (self._armed_for is not None and now >= self._armed_for):
            self.check_now()

    def check_now(self) -> None:
        """Claim and fire what is due now, then arm the timer for the next one (nothing
        before ``start``: claiming writes, and the app starts reminders only once the
        database has passed its full check)."""
        if not self._started:
            return
        if self._checking:
            self._recheck = True  # one check at a time; run again when this one is done
            return
        self._checking = True
        now = self._clock.now()
        paused = self._paused_until is not None and now < self._paused_until
        if not paused:
            self._paused_until = None

        def work() -> tuple[list[DueReminder], list[DueReminder], datetime | None]:
            claimed = [] if paused else claim_due(now)
            return claimed, open_fired(), next_due_instant()

        self._runner.submit(work, self._checked, self._failed)

    def _checked(
        self, result: tuple[list[DueReminder], list[DueReminder], datetime | None]
    ) -> None:
        claimed, waiting, upcoming = result
        self._checking = False
        if claimed:
            self.fired.emit(claimed)
        self.open_changed.emit(waiting)
        self._arm(upcoming)
        if self._recheck:
            self._recheck = False
            self.check_now()

    def _arm(self, upcoming: datetime | None) -> None:
        now = self._clock.now()
        target = upcoming
        if self._paused_until is not None and (target is None or target < self._paused_until):
            target = self._paused_until if upcoming is not None else None
        self._armed_for = target
        self.next_planned.emit(upcoming)
        delay = TIMER_CAP if target is None else min(max(target - now, timedelta(0)), TIMER_CAP)
        # A few milliseconds late rather than early: the claim compares with "now".
        self._timer.start(int(delay.total_seconds() * 1000) + 5)

    def _failed(self, message: str) -> None:
        self._checking = False
        log.error("reminder check failed: %s", message)
        self.check_failed.emit(message)
        # Whatever came due meanwhile is still unclaimed: look again soon, not in an hour.
        self._armed_for = self._clock.now() + RETRY_AFTER
        self._timer.start(int(RETRY_AFTER.total_seconds() * 1000))


def _wrote_nothing(report: object) -> bool:
    """Whether a planning pass left every reminder as it was (a report of another type,
    from a test's own planning, says nothing: it may have)."""
    return (
        isinstance(report, PlanReport)
        and not report.stopped
        and report.written == 0
        and report.removed == 0
    )
