"""A private D-Bus session bus and python-dbusmock's ``notification_daemon`` on it.

Each test that asks for ``private_bus`` gets its own ``dbus-daemon`` with no service
directories (nothing on this machine can be auto-started on it); ``notification_mock``
runs the template as its own process and reads back what the app sent from the mock's
call log (``org.freedesktop.DBus.Mock.GetCalls``) and its log file (millisecond
timestamps). The e2e ``conftest`` exposes the fixtures.

A missing ``dbus-daemon`` or python-dbusmock makes these tests *fail*, never skip.
"""

from __future__ import annotations

import importlib
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from followthrough.domain.clock import SystemClock
from followthrough.store.database import open_database
from followthrough.store.models import db
from followthrough.store.paths import DATABASE_NAME
from followthrough.store.reminders import ReminderSpec, sync_reminders
from tests.e2e.conftest import EXIT_TIMEOUT, AppProcess, XSession, wait_until
from tests.helpers.session_bus import BUS_CONFIG

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
