"""One running app per data folder, as a user meets it: launching twice, after a crash."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.e2e.conftest import EXIT_TIMEOUT, AppProcess
from tests.helpers.subprocess_app import app_env

if TYPE_CHECKING:
    from tests.e2e.conftest import XSession

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

LOCK_NAME = "followthrough.lock"


def output_text(value: str | bytes | None) -> str:
    if isinstance(value, bytes):
        return value.decode(errors="replace")
    return value or ""


def second_launch(
    session: XSession, data: Path, env: dict[str, str] | None = None
) -> tuple[subprocess.CompletedProcess[str], float]:
    """``followthrough --data-dir DATA`` while another instance may run; (result, seconds)."""
    started = time.monotonic()
    try:
        result = session.run("--data-dir", str(data), timeout=EXIT_TIMEOUT, env=env)
    except subprocess.TimeoutExpired as exc:
        stdout, stderr = output_text(exc.stdout), output_text(exc.stderr)
        pytest.fail(
            f"the second launch was still running after {EXIT_TIMEOUT:.0f} s (killed)\n"
            f"stdout: {stdout}\nstderr: {stderr}"
        )
    return result, time.monotonic() - started


def lock_pid(data: Path) -> int:
    """The PID in the instance lock (QLockFile's format: pid, app name, host name, ...)."""
    return int((data / LOCK_NAME).read_text().splitlines()[0])


def dead_pid() -> int:
    """The PID of a process that has just exited (and been reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    with pytest.raises(ProcessLookupError):
        os.kill(process.pid, 0)
    return process.pid


def start_with_window(session: XSession, data: Path, name: str) -> AppProcess:
    app = session.launch("--data-dir", str(data), name=name)
    session.wait_for_window(app)
    return app


def test_second_launch_hands_over_to_the_running_instance(
    x_session: XSession, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    first = start_with_window(x_session, data, "first")

    result, seconds = second_launch(x_session, data)
    print(f"second launch: exit {result.returncode} after {seconds:.2f} s")

    first.assert_running()
    assert len(x_session.main_windows()) == 1, "the second launch opened a window of its own"
    assert lock_pid(data) == first.pid
    assert result.returncode == 0, result.stderr
    assert "already running" in result.stdout
    assert "Traceback" not in result.stderr
    assert seconds < EXIT_TIMEOUT


def test_unresponsive_instance_is_reported_not_trusted(x_session: XSession, tmp_path: Path) -> None:
    """An instance that holds the lock but is frozen (here: SIGSTOP) cannot answer.

    The second launch runs offscreen so its error dialog cannot block; it must say the
    first does not answer (with its PID) and exit 1, not claim to have brought it forward.
    """
    data = tmp_path / "data"
    first = start_with_window(x_session, data, "frozen")
    first.signal(signal.SIGSTOP)
    try:
        offscreen = app_env({"QT_QPA_PLATFORM": "offscreen"}, drop=("DISPLAY",))
        result, seconds = second_launch(x_session, data, env=offscreen)
    finally:
        first.signal(signal.SIGCONT)
    print(f"launch beside a frozen instance: exit {result.returncode} after {seconds:.2f} s")

    assert result.returncode == 1, result.stdout + result.stderr
    assert "does not answer" in result.stderr
    assert str(first.pid) in result.stderr
    assert "Traceback" not in result.stderr
    first.assert_running()


def test_lock_of_a_killed_instance_is_taken_over(x_session: XSession, tmp_path: Path) -> None:
    data = tmp_path / "data"
    crashed = start_with_window(x_session, data, "crashed")
    crashed.signal(signal.SIGKILL)
    assert crashed.wait() == -signal.SIGKILL
    assert (data / LOCK_NAME).exists(), "SIGKILL cannot release the lock; the test needs it"
    assert lock_pid(data) == crashed.pid

    started = time.monotonic()
    successor = start_with_window(x_session, data, "successor")
    print(f"took over a dead instance's lock in {time.monotonic() - started:.2f} s")
    assert lock_pid(data) == successor.pid
    assert "does not answer" not in successor.stderr()


def test_hand_written_stale_lock_is_taken_over(x_session: XSession, tmp_path: Path) -> None:
    """A lock naming a dead PID on this host, in QLockFile's own format (pid, app, host)."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    pid = dead_pid()
    (data / LOCK_NAME).write_text(f"{pid}\nfollowthrough\n{socket.gethostname()}\n")

    app = start_with_window(x_session, data, "after-stale-lock")
    assert lock_pid(data) == app.pid
    assert "does not answer" not in app.stderr()


def test_other_data_folder_runs_an_independent_instance(
    x_session: XSession, tmp_path: Path
) -> None:
    first = start_with_window(x_session, tmp_path / "one", "one")
    second = start_with_window(x_session, tmp_path / "two", "two")

    assert first.pid != second.pid
    first.assert_running()
    second.assert_running()
    assert len(x_session.main_windows()) == 2
    assert lock_pid(tmp_path / "one") == first.pid
    assert lock_pid(tmp_path / "two") == second.pid
