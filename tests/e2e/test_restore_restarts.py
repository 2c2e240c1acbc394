"""File ▸ Restore… for real: the app keeps the current data aside, quits, puts the backup
in place and starts again on it, a new process that holds the data folder's lock and shows
its window (the old one gone)."""

from __future__ import annotations

import os
import sqlite3
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.store.backups.copies import back_up_to
from followthrough.store.database import DataLocation, open_database
from followthrough.store.models import db
from followthrough.store.queries import create_application
from tests.e2e.conftest import EXIT_TIMEOUT, WINDOW_TIMEOUT, XSession, wait_until
from tests.e2e.test_single_instance import lock_pid

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return (
        Path(f"/proc/{pid}").exists()
        and "Z" not in Path(f"/proc/{pid}/stat").read_text().split(")")[-1][:3]
    )


def test_restore_starts_the_app_again_on_the_backup(x_session: XSession, tmp_path: Path) -> None:
    data = tmp_path / "data"
    clock = FakeClock(datetime(2026, 11, 20, 9, tzinfo=UTC))
    database = open_database(data, clock)
    fill_demo(clock, 5)
    backup = back_up_to(DataLocation(data), tmp_path / "kept", date(2026, 11, 20))
    create_application(clock, "Added after the backup")
    database.close()
    db.initialize(None)
    backed_up = dump(backup)

    first = x_session.launch_command(
        [sys.executable, "-m", "tests.e2e.restoring_app", str(backup), str(data)],
        name="restoring",
        extra_env={"PYTHONPATH": os.pathsep.join([str(ROOT / "desktop"), str(ROOT)])},
    )
    assert first.wait(WINDOW_TIMEOUT + 30) == 0, first.describe()
    assert "Traceback" not in first.stderr(), first.describe()

    def restarted() -> int | None:
        lock = data / "followthrough.lock"
        if not lock.exists():
            return None
        pid = lock_pid(data)
        return pid if pid != first.pid and x_session.main_windows(pid) else None

    pid = wait_until(restarted, WINDOW_TIMEOUT, "the app started again on the backup")
    try:
        assert dump(DataLocation(data).database_path) == backed_up
        (aside,) = (data / "backups").glob("*-before-restore.sqlite3")
        assert "Added after the backup" in "\n".join(dump(aside))
        assert not (data / "followthrough.sqlite3.restoring").exists()
    finally:
        os.kill(pid, 15)
        wait_until(lambda: None if alive(pid) else True, EXIT_TIMEOUT, "the restarted app to quit")
