"""A process killed in the middle of writing leaves a sound database with every commit."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

WRITER = Path(__file__).with_name("crash_writer.py")


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [50, 400])
def test_sigkill_mid_writes_keeps_every_committed_row(tmp_path: Path, kill_after: int) -> None:
    data_dir = tmp_path / "data"
    process = subprocess.Popen(
        [sys.executable, str(WRITER), str(data_dir)],
        stdout=subprocess.PIPE,
        text=True,
    )
    committed: list[int] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            committed.append(int(line))
            if len(committed) >= kill_after:
                process.send_signal(signal.SIGKILL)
                break
    finally:
        process.kill()
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert len(committed) >= kill_after
    with sqlite3.connect(data_dir / "followthrough.sqlite3") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in connection.execute("SELECT id FROM application")}
    assert set(committed) <= stored
