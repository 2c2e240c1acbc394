"""Reminders reach the desktop: the real app, a real D-Bus daemon, a mocked notification server.

The bus and the mock come from ``tests.e2e.dbus_mock``; the app runs as a subprocess on
Xvfb with ``DBUS_SESSION_BUS_ADDRESS`` pointing at that bus.
"""

from __future__ import annotations

import json
import math
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from followthrough.store.reminders import ReminderSpec
from tests.e2e.conftest import XSession, wait_until
from tests.e2e.dbus_mock import (
    BODY,
    ESCAPED_BODY,
    LEAD_TIME,
    MARKER_KIND,
    MAX_LATENCY,
    NOTIFICATIONS,
    NOTIFY_TIMEOUT,
    QUIET_PERIOD,
    TEST_KIND,
    TITLE,
    NotificationMock,
    PrivateBus,
    assert_notify_args,
    reminder_row,
    seed,
    stop_gracefully,
    wait_for_delivery,
    wait_for_notify_count,
    whole_second,
)

pytestmark = [pytest.mark.xvfb, pytest.mark.dbus, pytest.mark.slow]

# -- the tests ------------------------------------------------------------------------------


def test_a_due_reminder_is_sent_once_escaped_and_not_again_after_a_restart(
    notification_mock: NotificationMock, session: XSession, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    now = datetime.now(UTC)
    seed(
        data,
        ReminderSpec(
            TEST_KIND, "e2e:markup", TITLE, whole_second(now) - timedelta(minutes=5), BODY
        ),
    )

    started = time.monotonic()
    app = session.launch("--data-dir", str(data), name="first")
    wait_for_notify_count(notification_mock, 1, NOTIFY_TIMEOUT, app)
    seen_after = time.monotonic() - started
    row = wait_for_delivery(data, TITLE, app)

    calls = notification_mock.notify_calls()
    assert len(calls) == 1, calls
    assert_notify_args(calls[0], TITLE, ESCAPED_BODY)
    assert row["delivered_via"] == "desktop", row
    assert row["delivery_error"] is None, row
    assert row["fired_at"] is not None, row
    session.wait_for_window(app)
    print(f"catch-up: the overdue reminder reached the mock {seen_after:.2f} s after launch")

    stop_gracefully(app)
    # A positive control for the restart: a second reminder, already due, that the next
    # start must send. It proves the restarted scheduler did check (and so chose not to
    # send the first reminder again).
    marker_title = "Restart marker: the scheduler ran"
    seed(data, ReminderSpec(MARKER_KIND, "e2e:marker", marker_title, whole_second(now), "marker"))

    again = session.launch("--data-dir", str(data), name="restarted")
    session.wait_for_window(again)
    wait_for_notify_count(notification_mock, 2, NOTIFY_TIMEOUT, again)
    wait_for_delivery(data, marker_title, again)
    time.sleep(QUIET_PERIOD)
    again.assert_running()

    calls = notification_mock.notify_calls()
    summaries = [call[3] for call in calls]
    assert summaries == [TITLE, marker_title], f"the first reminder was sent again: {calls}"
    assert reminder_row(data, TITLE)["delivered_via"] == "desktop"
    stop_gracefully(again)
    assert "Traceback" not in app.stderr() + again.stderr(), app.describe() + again.describe()


def test_without_a_notification_server_the_reminder_stays_in_the_app(
    private_bus: PrivateBus, session: XSession, tmp_path: Path
) -> None:
    connection = private_bus.connect()
    try:
        assert not connection.name_has_owner(NOTIFICATIONS), "this bus was meant to be empty"
    finally:
        connection.close()
    data = tmp_path / "data"
    due = whole_second(datetime.now(UTC)) - timedelta(minutes=5)
    seed(data, ReminderSpec(TEST_KIND, "e2e:no-daemon", TITLE, due, BODY))

    app = session.launch("--data-dir", str(data), name="no-daemon")
    row = wait_for_delivery(data, TITLE, app)
    session.wait_for_window(app)
    time.sleep(1.0)
    app.assert_running()

    print(
        f"without a server: delivered_via={row['delivered_via']!r}, error={row['delivery_error']!r}"
    )
    assert row["delivered_via"] in ("in-app", "tray"), row
    error = row["delivery_error"] or ""
    assert "DBusException" in error and NOTIFICATIONS in error, row
    assert row["fired_at"] is not None, row
    assert "desktop notification failed" in app.stderr(), app.describe()
    assert "Traceback" not in app.stderr(), app.describe()

    listed = session.run("--data-dir", str(data), "due", "--json", timeout=60)
    assert listed.returncode == 0, listed.stderr
    items = json.loads(listed.stdout)
    mine = [item for item in items if item["subject"] == TITLE]
    assert mine == [
        {
            "kind": TEST_KIND,
            "subject": TITLE,
            "due": due.isoformat(),
            "application_id": None,
            "detail": BODY,
        }
    ], items
    app.assert_running()
    stop_gracefully(app)


def test_a_reminder_due_while_the_app_runs_reaches_the_server_on_time(
    notification_mock: NotificationMock, session: XSession, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    seed(data)  # create and migrate first, so the lead time is not spent on that
    now = datetime.now(UTC)
    due = datetime.fromtimestamp(math.ceil(now.timestamp() + LEAD_TIME), UTC)
    seed(data, ReminderSpec(TEST_KIND, "e2e:timing", TITLE, due, BODY))

    app = session.launch("--data-dir", str(data), name="timing")
    session.wait_for_window(app)
    window_up = time.time()
    if window_up >= due.timestamp():
        print(f"note: the window appeared {window_up - due.timestamp():.2f} s after the due time")

    def seen() -> float | None:
        return time.time() if notification_mock.notify_calls() else None

    def check() -> None:
        app.assert_running()
        notification_mock.assert_running()

    timeout = due.timestamp() - time.time() + NOTIFY_TIMEOUT
    polled_at = wait_until(seen, timeout, "the timed Notify call", check)
    times = notification_mock.notify_times()
    calls = notification_mock.notify_calls()
    assert len(calls) == 1 and len(times) == 1, (calls, times)
    assert_notify_args(calls[0], TITLE, ESCAPED_BODY)

    latency = times[0] - due.timestamp()
    print(
        f"timing: due {due:%H:%M:%S}, window up {due.timestamp() - window_up:.2f} s before; "
        f"Notify at the mock {latency * 1000:.0f} ms after the due instant "
        f"(test poller saw it {(polled_at - due.timestamp()) * 1000:.0f} ms after)"
    )
    assert latency >= 0, f"the reminder was sent {-latency:.3f} s before it was due"
    assert latency < MAX_LATENCY, f"the reminder reached the server {latency:.3f} s late"
    row = wait_for_delivery(data, TITLE, app)
    assert row["delivered_via"] == "desktop", row
    stop_gracefully(app)
