"""Looking never changes anything: ``followthrough due --at`` ten days ahead leaves the data
folder byte for byte as it was, and the app started afterwards raises nothing again and
shows the same Today.

The bug this pins: ``due --at`` planned the reminders at the future instant and wrote the
result, so notes "past their outer limit" were deleted, came back unfired at the next real
start, and were notified a second time; Today's counts changed with them.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e.conftest import AppProcess, XSession
from tests.e2e.dbus_mock import NotificationMock, stop_gracefully
from tests.helpers.subprocess_app import run_app

pytestmark = [pytest.mark.xvfb, pytest.mark.dbus, pytest.mark.slow]

SETTLE_TIMEOUT = 60.0
QUIET = 3.0
TODAY_LINE = re.compile(r"Today shows (\d+) overdue, (\d+) today, (\d+) in the next 7 days")
WAITING_LINE = re.compile(r"Today shows (\d+) reminders waiting")


def folder_digest(data: Path) -> dict[str, str]:
    """sha256 of every file in the data folder (database, -wal if any, settings, backups)."""
    return {
        str(path.relative_to(data)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(data.rglob("*"))
        if path.is_file() and path.name != "followthrough.lock"
    }


def settled_today(app: AppProcess) -> tuple[tuple[int, ...], int]:
    """Today's counts once the app has planned everything and gone quiet: the last
    (overdue, today, upcoming) and reminders-waiting it logged."""
    deadline = time.monotonic() + SETTLE_TIMEOUT
    while "planned " not in app.stderr():
        app.assert_running()
        if time.monotonic() > deadline:
            pytest.fail(f"the app never finished planning: {app.describe()}")
        time.sleep(0.2)
    log = app.stderr()
    while True:
        time.sleep(QUIET)
        newer = app.stderr()
        if newer == log:
            break
        log = newer
    today = [tuple(int(n) for n in m.groups()) for m in TODAY_LINE.finditer(log)]
    waiting = [int(m.group(1)) for m in WAITING_LINE.finditer(log)]
    assert today and waiting, app.describe()
    return today[-1], waiting[-1]


def fired_since(data: Path, instant: datetime) -> list[tuple[str, str, str]]:
    stamp = instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with sqlite3.connect(f"file:{data / 'followthrough.sqlite3'}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT kind, subject_key, COALESCE(snoozed_until, due_at) FROM reminder "
            "WHERE fired_at >= ?",
            (stamp,),
        ).fetchall()
    return [(str(k), str(s), str(d)) for k, s, d in rows]


def test_due_ten_days_ahead_changes_nothing_and_nothing_fires_twice(
    notification_mock: NotificationMock, session: XSession, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    assert run_app("--data-dir", str(data), "demo").returncode == 0

    first = session.launch("-v", "--data-dir", str(data), name="first")
    session.wait_for_window(first)
    counts_before = settled_today(first)
    notified_first = len(notification_mock.notify_calls())
    assert notified_first >= 1  # the demo has reminders already due
    stop_gracefully(first)
    first_stopped = datetime.now(UTC)

    before = folder_digest(data)
    ahead = (datetime.now(UTC) + timedelta(days=10)).strftime("%Y-%m-%dT%H:%M+00:00")
    looked = run_app("--data-dir", str(data), "due", "--at", ahead)
    assert looked.returncode == 0, looked.stderr
    assert looked.stdout.count("\n") > 5, looked.stdout  # it did list what comes due
    assert folder_digest(data) == before

    second_started = datetime.now(UTC)
    second = session.launch("-v", "--data-dir", str(data), name="second")
    session.wait_for_window(second)
    counts_after = settled_today(second)
    stop_gracefully(second)

    # Nothing that fired in the first run fires again; only what came due in between may.
    again = fired_since(data, second_started)
    assert all(due > first_stopped.strftime("%Y-%m-%dT%H:%M:%SZ") for _k, _s, due in again), again
    if not again:
        assert len(notification_mock.notify_calls()) == notified_first
    assert counts_after == counts_before
    assert "Traceback" not in first.stderr() + second.stderr()
