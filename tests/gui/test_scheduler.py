"""The scheduler and notifier on a fake clock: once, on time, after jumps and restarts."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import peewee
import pytest
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.services.background import BackgroundRunner
from followthrough.services.notifier import DESKTOP, IN_APP, TRAY, Notifier, PlyerBackend
from followthrough.services.scheduler import ReminderScheduler
from followthrough.store.database import connect
from followthrough.store.models import Reminder
from followthrough.store.planning import PlanReport
from followthrough.store.reminders import DueReminder, ReminderSpec, claim_due, sync_reminders
from followthrough.store.transactions import writing


def _specs(clock: FakeClock, hours: list[float]) -> list[ReminderSpec]:
    return [
        ReminderSpec("follow_up", f"r{h}", f"Reminder {h}", clock.now() + timedelta(hours=h))
        for h in hours
    ]


class Recorder:
    def __init__(self, scheduler: ReminderScheduler) -> None:
        self.fired: list[str] = []
        scheduler.fired.connect(lambda items: self.fired.extend(i.title for i in items))


def _scheduler(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> tuple[ReminderScheduler, Recorder, BackgroundRunner]:
    runner = BackgroundRunner(database)
    # Planning from facts is tested elsewhere; here the reminders are set by hand.
    scheduler = ReminderScheduler(runner, clock, plan=lambda: None)
    recorder = Recorder(scheduler)
    return scheduler, recorder, runner


def test_catch_up_then_on_time_then_once(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    sync_reminders(_specs(clock, [-48, -1, 2, 5]), ["follow_up"])
    scheduler, recorder, _runner = _scheduler(qtbot, database, clock)
    with qtbot.waitSignal(scheduler.open_changed, timeout=5000):
        scheduler.start(plan=False)
    # What came due while the app was closed fires at start, once.
    assert sorted(recorder.fired) == ["Reminder -1", "Reminder -48"]
    assert scheduler.armed_for == clock.now() + timedelta(hours=2)
    clock.advance(timedelta(hours=2))
    with qtbot.waitSignal(scheduler.open_changed, timeout=5000):
        scheduler.heartbeat()
    assert recorder.fired[-1] == "Reminder 2"
    with qtbot.waitSignal(scheduler.open_changed, timeout=5000):
        scheduler.check_now()
    assert len(recorder.fired) == 3
    scheduler.stop()


def test_clock_jumping_forward_fires_each_skipped_reminder_once_and_back_fires_none(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    sync_reminders(_specs(clock, [1, 2, 3, 30]), ["follow_up"])
    scheduler, recorder, _runner = _scheduler(qtbot, database, clock)
    with qtbot.waitSignal(scheduler.open_changed, timeout=5000):
        scheduler.start(plan=False)
    assert recorder.fired == []
    clock.advance(timedelta(hours=10))  # the machine slept
    with qtbot.waitSignal(scheduler.open_changed, timeout=5000):
        scheduler.heartbeat()
    assert sorted(recorder.fired) == ["Reminder 1", "Reminder 2", "Reminder 3"]
    clock.advance(timedelta(hours=-9))  # the clock is set back
    with qtbot.waitSignal(scheduler.open_changed, timeout=5000):
        scheduler.heartbeat()
    assert len(recorder.fired) == 3
    scheduler.stop()


def test_restart_after_firing_fires_nothing_again(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    sync_reminders(_specs(clock, [-1]), ["follow_up"])
    first, first_seen, _ = _scheduler(qtbot, database, clock)
    with qtbot.waitSignal(first.open_changed, timeout=5000):
        first.start(plan=False)
    first.stop()
    again, again_seen, _ = _scheduler(qtbot, database, clock)
    with qtbot.waitSignal(again.open_changed, timeout=5000) as blocker:
        again.start(plan=False)
    assert first_seen.fired == ["Reminder -1"]
    assert again_seen.fired == []
    # Still waiting for the user in the in-app list.
    assert [r.title for r in blocker.args[0]] == ["Reminder -1"]
    again.stop()


def _counting_checks(
    scheduler: ReminderScheduler, monkeypatch: pytest.MonkeyPatch
) -> list[datetime]:
    """Each check's claim, by the instant it claimed at."""
    from followthrough.services import scheduler as module

    claims: list[datetime] = []

    def counted(now: datetime) -> list[DueReminder]:
        claims.append(now)
        return claim_due(now)

    monkeypatch.setattr(module, "claim_due", counted)
    return claims


@pytest.mark.parametrize("planned_one", [False, True])
def test_a_start_plan_that_changed_nothing_needs_no_second_check(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    planned_one: bool,
) -> None:
    """The check at start is submitted before the plan at start: when the plan wrote
    nothing, that check saw every reminder there is. When it wrote one that is due, a
    second check fires it."""
    sync_reminders(_specs(clock, [-1]), ["follow_up"])

    def plan() -> PlanReport:
        if not planned_one:
            return PlanReport(applications=3)
        with writing():
            Reminder.create(
                kind="follow_up",
                subject_key="planned",
                title="Planned at start",
                due_at=clock.now() - timedelta(minutes=5),
            )
        return PlanReport(written=1, applications=1)

    runner = BackgroundRunner(database)
    scheduler = ReminderScheduler(runner, clock, plan=plan)
    recorder = Recorder(scheduler)
    claims = _counting_checks(scheduler, monkeypatch)
    with qtbot.waitSignal(scheduler.planned, timeout=5000):
        scheduler.start()
    qtbot.waitUntil(lambda: not scheduler._checking, timeout=5000)
    runner.wait_for_done()
    qtbot.wait(50)  # anything queued after the last result
    runner.wait_for_done()
    if planned_one:
        assert len(claims) == 2
        assert sorted(recorder.fired) == ["Planned at start", "Reminder -1"]
    else:
        assert len(claims) == 1
        assert recorder.fired == ["Reminder -1"]
    scheduler.stop()


def test_two_schedulers_on_one_database_give_one_notification(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock, data_dir: Path
) -> None:
    sync_reminders(_specs(clock, [-1, -0.5, -0.25]), ["follow_up"])
    other_database = connect(data_dir / "followthrough.sqlite3")
    one = ReminderScheduler(BackgroundRunner(database), clock, plan=lambda: None)
    two = ReminderScheduler(BackgroundRunner(other_database), clock, plan=lambda: None)
    seen_one, seen_two = Recorder(one), Recorder(two)
    with qtbot.waitSignals([one.open_changed, two.open_changed], timeout=5000):
        one.start(plan=False)
        two.start(plan=False)
    assert sorted(seen_one.fired + seen_two.fired) == [
        "Reminder -0.25",
        "Reminder -0.5",
        "Reminder -1",
    ]
    one.stop()
    two.stop()
    other_database.close()


def test_pause_holds_reminders_until_it_ends(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    sync_reminders(_specs(clock, [0.5]), ["follow_up"])
    scheduler, recorder, _ = _scheduler(qtbot, database, clock)
    with qtbot.waitSignal(scheduler.open_changed, timeout=5000):
        scheduler.start(plan=False)
    with qtbot.waitSignal(scheduler.open_changed, timeout=5000):
        scheduler.pause(clock.now() + timedelta(hours=1))
    clock.advance(timedelta(minutes=45))
    with qtbot.waitSignal(scheduler.open_changed, timeout=5000):
        scheduler.check_now()
    assert recorder.fired == []
    clock.advance(timedelta(minutes=20))
    with qtbot.waitSignal(scheduler.open_changed, timeout=5000):
        scheduler.heartbeat()
    assert recorder.fired == ["Reminder 0.5"]
    assert scheduler.paused_until is None
    scheduler.stop()


class FailingBackend:
    def deliver(self, title: str, body: str) -> None:
        raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")


class RecordingBackend:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def deliver(self, title: str, body: str) -> None:
        self.calls.append((title, body))


def _due(clock: FakeClock) -> DueReminder:
    sync_reminders(_specs(clock, [-1]), ["follow_up"])
    reminder = Reminder.get()
    return DueReminder(
        reminder.id,
        "follow_up",
        reminder.title,
        "Call <b>Dana</b> & ask",
        reminder.due_at,
        None,
        True,
    )


@pytest.mark.parametrize(
    ("backend", "tray_ok", "expected"),
    [("ok", False, DESKTOP), ("fail", True, TRAY), ("fail", False, IN_APP)],
)
def test_notifier_falls_back_and_records_how(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    backend: str,
    tray_ok: bool,
    expected: str,
) -> None:
    runner = BackgroundRunner(database)
    recording = RecordingBackend()
    notifier = Notifier(runner, backend=recording if backend == "ok" else FailingBackend())
    tray_calls: list[str] = []
    notifier.set_tray_message(lambda reminder: tray_calls.append(reminder.title) or tray_ok)
    reminder = _due(clock)
    failures: list[str] = []
    notifier.delivery_failed.connect(failures.append)
    with qtbot.waitSignal(notifier.shown, timeout=5000) as blocker:
        notifier.notify([reminder])
    runner.wait_for_done()
    assert blocker.args[1] == expected
    stored = Reminder.get_by_id(reminder.reminder_id)
    assert stored.delivered_via == expected
    if backend == "ok":
        assert recording.calls == [(reminder.title, reminder.body)]
        assert failures == [] and tray_calls == []
    else:
        assert "ServiceUnknown" in stored.delivery_error  # the cause, kept and logged
        assert failures == ["no notification service is running"]  # plain words on screen
        assert tray_calls == [reminder.title]


def test_plyer_backend_escapes_markup_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    from plyer import notification

    monkeypatch.setattr(sys, "platform", "linux")
    sent: dict[str, object] = {}
    monkeypatch.setattr(notification, "notify", lambda **kwargs: sent.update(kwargs))
    PlyerBackend().deliver("Call Acme", "Ask <b>Dana</b> & Sam")
    assert sent["title"] == "Call Acme"
    assert sent["message"] == "Ask &lt;b&gt;Dana&lt;/b&gt; &amp; Sam"
    assert sent["app_name"] == "Follow-Through"


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_plyer_backend_sends_plain_text_on_windows_and_macos(
    monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    from plyer import notification

    monkeypatch.setattr(sys, "platform", platform)
    sent: dict[str, object] = {}
    monkeypatch.setattr(notification, "notify", lambda **kwargs: sent.update(kwargs))
    PlyerBackend().deliver("Call Acme", "Smith & Co <sales>")
    assert sent["message"] == "Smith & Co <sales>"


def test_many_reminders_at_once_make_one_summary_notification(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    runner = BackgroundRunner(database)
    recording = RecordingBackend()
    notifier = Notifier(runner, backend=recording)
    sync_reminders(_specs(clock, [-5, -4, -3, -2, -1]), ["follow_up"])
    reminders = [
        DueReminder(r.id, r.kind, r.title, r.body, r.due_at, None, True)
        for r in Reminder.select().order_by(Reminder.due_at)
    ]
    shown: list[int] = []
    notifier.shown.connect(lambda reminder, _via: shown.append(reminder.reminder_id))
    with qtbot.waitSignal(notifier.shown, timeout=5000):
        notifier.notify(reminders)
    runner.wait_for_done()
    qtbot.waitUntil(lambda: len(shown) == 5)
    assert len(recording.calls) == 1
    title, body = recording.calls[0]
    assert title == "5 reminders are due"
    assert "Reminder -5" in body and "and 2 more" in body
    assert {r.delivered_via for r in Reminder.select()} == {DESKTOP}


def test_a_check_that_fails_says_so_and_tries_again_soon(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A full disk made a check fail: the reminder due then was skipped silently and came
    only an hour (or an unrelated save) later (found by the walkthrough)."""
    import peewee as pw

    from followthrough.services import scheduler as scheduler_module
    from followthrough.services.scheduler import RETRY_AFTER
    from followthrough.store.errors import DISK_FULL
    from followthrough.store.reminders import claim_due

    sync_reminders(_specs(clock, [-1]), ["follow_up"])
    attempts: list[int] = []

    def full_once(now: datetime, limit: int = 5000) -> list[DueReminder]:
        attempts.append(1)
        if len(attempts) == 1:
            raise pw.OperationalError("database or disk is full")
        return claim_due(now, limit)

    monkeypatch.setattr(scheduler_module, "claim_due", full_once)
    scheduler, recorder, _runner = _scheduler(qtbot, database, clock)
    with qtbot.waitSignal(scheduler.check_failed, timeout=5000) as failed:
        scheduler.start(plan=False)
    assert failed.args == [DISK_FULL.reason]  # plain words, not SQLite's
    assert recorder.fired == []
    assert scheduler.armed_for == clock.now() + RETRY_AFTER
    clock.advance(RETRY_AFTER)
    with qtbot.waitSignal(scheduler.open_changed, timeout=5000):
        scheduler.heartbeat()
    assert recorder.fired == ["Reminder -1"]


def test_nothing_is_claimed_before_the_scheduler_starts(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    """A Done or Snooze before the database's full check has passed asks for a check; the
    scheduler claims (writes) nothing until the app starts it after that check."""
    sync_reminders(_specs(clock, [-1]), ["follow_up"])
    scheduler, recorder, runner = _scheduler(qtbot, database, clock)
    scheduler.check_now()
    qtbot.wait(100)
    runner.wait_for_done()
    assert recorder.fired == []
    with qtbot.waitSignal(scheduler.open_changed, timeout=5000):
        scheduler.start(plan=False)
    assert recorder.fired == ["Reminder -1"]
    scheduler.stop()
