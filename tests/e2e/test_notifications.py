"""Reminders reach the desktop: the real app, a real D-Bus daemon, a mocked notification server.

Each test gets a private session bus (its own ``dbus-daemon`` with no service directories,
so nothing on this machine can be auto-started on it) and, when it wants one, python-
dbusmock's ``notification_daemon`` template on that bus. The app runs as a subprocess on
Xvfb with ``DBUS_SESSION_BUS_ADDRESS`` pointing at that bus; what it sent is read back
from the mock's call log (``org.freedesktop.DBus.Mock.GetCalls``) and its log file (which
has millisecond timestamps).

A missing ``dbus-daemon`` or python-dbusmock makes these tests *fail*, never skip.
"""

from __future__ import annotations

import importlib
import json
import math
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from followthrough.domain.clock import SystemClock
from followthrough.store.database import open_database
from followthrough.store.models import db
from followthrough.store.paths import DATABASE_NAME
from followthrough.store.reminders import ReminderSpec, sync_reminders
from tests.e2e.conftest import EXIT_TIMEOUT, AppProcess, XSession, wait_until

pytestmark = [pytest.mark.xvfb, pytest.mark.dbus, pytest.mark.slow]

NOTIFY_TIMEOUT = 15.0
DELIVERY_TIMEOUT = 10.0
# After the restarted app's window is up: long enough for plan + check + a D-Bus call.
QUIET_PERIOD = 3.0
# The benchmark: the reminder comes due this long after it is seeded (the app starts
# in between), and must reach the notification server within MAX_LATENCY of its due time.
LEAD_TIME = 3.0
MAX_LATENCY = 2.0
MOCK_START_TIMEOUT = 10.0

NOTIFICATIONS = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
MOCK_IFACE = "org.freedesktop.DBus.Mock"
APP_NAME = "Follow-Through"
TEST_KIND = "test_note"  # not one of the planner's kinds, so planning leaves it alone
MARKER_KIND = "test_marker"

TITLE = "Follow up with Acme (Platform Engineer)"
BODY = "Ask <b>Dana</b> & Sam"
ESCAPED_BODY = "Ask &lt;b&gt;Dana&lt;/b&gt; &amp; Sam"

# A bus of the session type with no <servicedir> and no standard service directories: a
# notification daemon installed on this machine cannot be activated on it.
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

# A dbusmock log line: "1795317888.627 Notify "Follow-Through" 0 "/icon.png" "T" ..."
_NOTIFY_LINE = re.compile(r"^(?P<at>\d+\.\d+) Notify ")


def _dbus() -> Any:
    """dbus-python and python-dbusmock, or a failure (never a skip)."""
    try:
        importlib.import_module("dbusmock")
        return importlib.import_module("dbus")
    except ImportError as exc:
        pytest.fail(f"python-dbusmock / dbus-python are missing ({exc}): run tests/run.sh")


def _terminate(process: subprocess.Popen[Any]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# -- the bus and the mock -----------------------------------------------------------------


@dataclass
class PrivateBus:
    address: str
    workdir: Path

    def connect(self) -> Any:
        """A private connection of this test process (not dbus-python's shared one)."""
        return _dbus().bus.BusConnection(self.address)


@pytest.fixture
def private_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivateBus]:
    """A fresh session bus; the app processes started by the test inherit its address."""
    _dbus()
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.fail("dbus-daemon is not installed: run the tests through tests/run.sh")
    workdir = tmp_path / "dbus"
    workdir.mkdir()
    config = workdir / "session.conf"
    config.write_text(BUS_CONFIG)
    with (workdir / "dbus-daemon.stderr").open("wb") as err:
        process = subprocess.Popen(
            [daemon, f"--config-file={config}", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=err,
        )
    try:
        assert process.stdout is not None
        address = process.stdout.readline().decode().strip()
        process.stdout.close()
        if not address:
            pytest.fail(f"dbus-daemon printed no address (exit {process.poll()})")
        # XSession.env copies os.environ, so every app launched by the test uses this bus.
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield PrivateBus(address, workdir)
    finally:
        _terminate(process)


@dataclass
class NotificationMock:
    """python-dbusmock's notification_daemon template, running as its own process."""

    process: subprocess.Popen[bytes]
    connection: Any
    log_path: Path

    def notify_calls(self) -> list[tuple[Any, ...]]:
        """The arguments of every Notify call so far, as plain Python values."""
        proxy = self.connection.get_object(NOTIFICATIONS, NOTIFICATIONS_PATH)
        calls = proxy.GetCalls(dbus_interface=MOCK_IFACE)
        return [tuple(_plain(arg) for arg in args) for _at, name, args in calls if name == "Notify"]

    def notify_times(self) -> list[float]:
        """When each Notify call reached the mock (epoch seconds, from its log file)."""
        lines = self.log_path.read_text(errors="replace").splitlines()
        return [float(m["at"]) for line in lines if (m := _NOTIFY_LINE.match(line))]

    def assert_running(self) -> None:
        if self.process.poll() is not None:
            pytest.fail(f"the notification mock exited ({self.process.returncode})")


def _plain(value: Any) -> Any:
    """dbus-python's wrapped values as str, int, list and dict."""
    dbus = _dbus()
    if isinstance(value, dbus.String | dbus.ObjectPath | dbus.Signature):
        return str(value)
    if isinstance(value, dbus.Boolean):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, dbus.Dictionary):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, dbus.Array | dbus.Struct | list | tuple):
        return [_plain(v) for v in value]
    return value


@pytest.fixture
def notification_mock(private_bus: PrivateBus) -> Iterator[NotificationMock]:
    log_path = private_bus.workdir / "notification-mock.log"
    stdout_path = private_bus.workdir / "notification-mock.out"
    command = [
        sys.executable,
        "-m",
        "dbusmock",
        "--session",
        "--template",
        "notification_daemon",
        "--logfile",
        str(log_path),
    ]
    with stdout_path.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    connection = private_bus.connect()
    try:
        mock = NotificationMock(process, connection, log_path)

        def ready() -> bool | None:
            if not connection.name_has_owner(NOTIFICATIONS):
                return None
            mock.notify_calls()  # the mock interface answers: the template is loaded
            return True

        def alive() -> None:
            if process.poll() is not None:
                pytest.fail(
                    f"the notification mock exited ({process.returncode}): "
                    + stdout_path.read_text(errors="replace")
                )

        wait_until(ready, MOCK_START_TIMEOUT, "the notification mock on the bus", alive)
        assert mock.notify_calls() == []
        yield mock
    finally:
        _terminate(process)
        connection.close()


@pytest.fixture
def session(private_bus: PrivateBus, x_session: XSession) -> XSession:
    """The X session, set up after (and so torn down before) the bus: apps stop first."""
    return x_session


# -- the data -------------------------------------------------------------------------------


def seed(data: Path, *specs: ReminderSpec) -> None:
    """Create (or migrate) the database in ``data`` and write ``specs``, one kind at a time."""
    database = open_database(data, SystemClock())
    try:
        for kind in {spec.kind for spec in specs}:
            sync_reminders([s for s in specs if s.kind == kind], [kind])
    finally:
        database.close()
        db.initialize(None)


def reminder_row(data: Path, title: str) -> dict[str, Any]:
    """The stored reminder titled ``title`` (read on a connection of our own)."""
    connection = sqlite3.connect(data / DATABASE_NAME, timeout=10)
    connection.row_factory = sqlite3.Row
    try:
        rows = connection.execute("SELECT * FROM reminder WHERE title = ?", (title,)).fetchall()
    finally:
        connection.close()
    assert len(rows) == 1, f"expected one reminder titled {title!r}, found {len(rows)}"
    return dict(rows[0])


def wait_for_delivery(data: Path, title: str, app: AppProcess) -> dict[str, Any]:
    def probe() -> dict[str, Any] | None:
        row = reminder_row(data, title)
        return row if row["delivered_via"] is not None else None

    return wait_until(probe, DELIVERY_TIMEOUT, f"delivered_via on {title!r}", app.assert_running)


def wait_for_notify_count(
    mock: NotificationMock, count: int, timeout: float, app: AppProcess
) -> list[tuple[Any, ...]]:
    def probe() -> list[tuple[Any, ...]] | None:
        calls = mock.notify_calls()
        return calls if len(calls) >= count else None

    def check() -> None:
        app.assert_running()
        mock.assert_running()

    return wait_until(probe, timeout, f"{count} Notify call(s) at the mock", check)


def stop_gracefully(app: AppProcess) -> None:
    app.signal(signal.SIGTERM)
    code = app.wait(EXIT_TIMEOUT)
    if code is None:
        app.stop()
        pytest.fail(f"the app was still running {EXIT_TIMEOUT:.0f} s after SIGTERM")
    assert code == 0, app.describe()


def whole_second(instant: datetime) -> datetime:
    """The stored precision: due instants are kept to the second."""
    return instant.replace(microsecond=0)


def assert_notify_args(call: tuple[Any, ...], summary: str, body: str) -> None:
    app_name, replaces_id, icon, got_summary, got_body, actions, hints, timeout = call
    assert (app_name, got_summary, got_body) == (APP_NAME, summary, body)
    assert replaces_id == 0
    assert actions == [] and hints == {}
    assert timeout == 15000
    assert Path(icon).is_file(), f"the notification icon does not exist: {icon}"


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
