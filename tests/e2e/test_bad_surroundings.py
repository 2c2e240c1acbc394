"""Hostile surroundings get plain answers: a missing or unusable data folder, a folder that
is a file, a read-only disk, a full disk, a lock left by another program, a lax umask,
damage only a full check can see. Each case: its own exit code, one sentence, never a
traceback, and the database byte for byte as it was.

Read-only and full disks are real mounts (a read-only bind mount, a tiny tmpfs) where the
machine allows mounting; elsewhere those tests are skipped (``test_backup_checked.py``
injects the same failures in-process).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from followthrough.store.errors import ExitCode
from tests.helpers.damage import damage_one_index, damage_table_pages
from tests.helpers.subprocess_app import app_command, run_app

pytestmark = [pytest.mark.slow]

DATABASE = "followthrough.sqlite3"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_sentence(result: subprocess.CompletedProcess[str], code: ExitCode, *words: str) -> str:
    """The run ended with ``code`` and said one thing, plainly, on stderr."""
    detail = f"exit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}"
    assert result.returncode == int(code), detail
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr, detail
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Follow-Through: "), detail
    for word in words:
        assert word in lines[0], detail
    return lines[0]


def gui(env: dict[str, str], data: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return run_app("--data-dir", str(data), env=env, timeout=timeout)


def make_demo(env: dict[str, str], data: Path, count: int = 20) -> None:
    result = run_app("--data-dir", str(data), "demo", "--count", str(count), env=env)
    assert result.returncode == 0, result.stderr


@contextlib.contextmanager
def mounted(*args: str) -> Iterator[None]:
    target = args[-1]
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"this machine does not allow mounting here: {done.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", target], check=False)


# -- the folder ---------------------------------------------------------------------------


def test_a_folder_under_a_missing_or_unusable_parent(
    offscreen_env: dict[str, str], tmp_path: Path
) -> None:
    for data in (Path("/proc/nope/followthrough"), Path("/proc/nope")):
        one_sentence(
            run_app("--data-dir", str(data), "demo", env=offscreen_env),
            ExitCode.FOLDER,
            "cannot be made",
            str(data),
        )
        one_sentence(gui(offscreen_env, data), ExitCode.FOLDER, "cannot be made")
    # Reading from a folder that is not there is no error: there is nothing due.
    nowhere = tmp_path / "never" / "made"
    result = run_app("--data-dir", str(nowhere), "due", env=offscreen_env)
    assert result.returncode == 0 and "no data" in result.stdout, result.stderr
    assert not nowhere.exists() and not nowhere.parent.exists()


def test_a_folder_that_is_a_file(offscreen_env: dict[str, str], tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.write_text("my notes, not a folder")
    for args in (("demo",), ("due",), ()):
        result = run_app("--data-dir", str(data), *args, env=offscreen_env)
        one_sentence(result, ExitCode.FOLDER, "is a file, not a folder")
    assert data.read_text() == "my notes, not a folder"


def test_a_read_only_disk(offscreen_env: dict[str, str], tmp_path: Path) -> None:
    source, data = tmp_path / "source", tmp_path / "read-only"
    make_demo(offscreen_env, source)
    data.mkdir()
    before = digest(source / DATABASE)
    with mounted("--bind", str(source), str(data)):
        subprocess.run(["mount", "-o", "remount,bind,ro", str(data)], check=True)
        one_sentence(gui(offscreen_env, data), ExitCode.READ_ONLY, "read-only disk")
        one_sentence(
            run_app("--data-dir", str(data), "demo", env=offscreen_env),
            ExitCode.READ_ONLY,
            "read-only disk",
        )
        # Reading works: due needs nothing written.
        looked = run_app("--data-dir", str(data), "due", env=offscreen_env)
        assert looked.returncode == 0 and looked.stdout.strip(), looked.stderr
    assert digest(source / DATABASE) == before


def fill_up(disk: Path) -> None:
    """Writes a file until ``disk`` has no room left."""
    with contextlib.suppress(OSError), (disk / "filler").open("wb") as filler:
        while True:
            filler.write(b"\0" * 4096)
            filler.flush()


def test_a_full_disk(offscreen_env: dict[str, str], tmp_path: Path) -> None:
    disk = tmp_path / "tiny"
    disk.mkdir()
    # Room for a small demo folder (database and write-ahead log as they grow while it is
    # made and planned: 3 applications needed 690 KB once the demo planned more kinds of
    # reminders), far too little for 300 applications (about 3 MB).
    with mounted("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)):
        data = disk / "data"
        demo = ("--data-dir", str(data), "demo", "--count", "300")
        line = one_sentence(
            run_app(*demo, env=offscreen_env), ExitCode.DISK_FULL, "is full", "MB free"
        )
        assert "damaged" not in line and "backup" not in line
        # Nothing half-made is left behind: the folder the demo made is gone ...
        assert not data.exists()
        # ... and in a folder that was there, only what the demo added goes.
        data.mkdir()
        (data / "mine.txt").write_text("kept")
        one_sentence(run_app(*demo, env=offscreen_env), ExitCode.DISK_FULL, "is full")
        assert sorted(entry.name for entry in data.iterdir()) == ["mine.txt"]

        # Data made while there was room; then the disk fills up.
        (data / "mine.txt").unlink()
        make_demo(offscreen_env, data, 3)
        fill_up(disk)
        # The reader is not fooled into damage advice by the full disk.
        looked = run_app("--data-dir", str(data), "due", env=offscreen_env)
        assert looked.returncode == 0, looked.stderr
        assert "damaged" not in looked.stderr + looked.stdout
        # The window says the disk is full, not that another copy seems to be running,
        # and leaves the database as it was.
        before = digest(data / DATABASE)
        line = one_sentence(gui(offscreen_env, data), ExitCode.DISK_FULL, "is full")
        assert "running" not in line
        assert digest(data / DATABASE) == before


# -- the lock -----------------------------------------------------------------------------


def test_a_lock_left_with_a_pid_now_used_by_another_program(
    offscreen_env: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    make_demo(offscreen_env, data, 5)
    # A real lock, left by a crash (its owner killed), then given the PID of another
    # Python program: Qt's own staleness test (same host, same boot, a live "python3.11")
    # believes it.
    crashed = subprocess.Popen(
        app_command("--data-dir", str(data)), env=offscreen_env, stderr=subprocess.DEVNULL
    )
    lock = data / "followthrough.lock"
    owner = data / "followthrough.lock.owner"
    deadline = time.monotonic() + 30
    # Killed once it has started: the lock and the record of its owner are both written
    # (killed between the two, the lock's own time is all there is to go on).
    while not (lock.exists() and lock.read_text().strip() and owner.exists()):
        assert time.monotonic() < deadline, "the app never took its lock"
        time.sleep(0.05)
    crashed.kill()
    crashed.wait()
    # Its command line even says "followthrough" (a clone in a folder of that name).
    stranger = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(120)", "followthrough"]
    )
    try:
        fields = lock.read_text().split("\n")
        written = lock.stat()
        lock.write_text("\n".join([str(stranger.pid), *fields[1:]]))
        # A PID used again does not touch the lock: keep the time the crashed app wrote it.
        os.utime(lock, ns=(written.st_atime_ns, written.st_mtime_ns))
        app = subprocess.Popen(
            app_command("-v", "--data-dir", str(data)),
            env=offscreen_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        log = data / "followthrough.log"
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and app.poll() is None:
                if log.exists() and "first data painted" in log.read_text():
                    break
                time.sleep(0.1)
            assert app.poll() is None, app.communicate()
            assert int((data / "followthrough.lock").read_text().split()[0]) == app.pid
        finally:
            app.send_signal(signal.SIGTERM)
            _out, err = app.communicate(timeout=30)
        assert f"the lock of process {stranger.pid} is stale" in err, err
        assert app.returncode == 0
    finally:
        stranger.kill()
        stranger.wait()


# -- what the app creates -----------------------------------------------------------------


def test_every_file_is_private_whatever_the_umask(
    offscreen_env: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "data"

    def lax() -> None:
        os.umask(0)

    subprocess.run(
        app_command("--data-dir", str(data), "demo", "--count", "3"),
        env=offscreen_env,
        preexec_fn=lax,
        check=True,
        capture_output=True,
    )
    app = subprocess.Popen(
        app_command("-v", "--data-dir", str(data)),
        env=offscreen_env,
        preexec_fn=lax,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (data / "followthrough.lock").exists():
            time.sleep(0.1)
        time.sleep(2)
        seen = {p.name: p.stat().st_mode & 0o777 for p in data.rglob("*")}
    finally:
        app.send_signal(signal.SIGTERM)
        app.communicate(timeout=30)
    seen.update({p.name: p.stat().st_mode & 0o777 for p in data.rglob("*")})
    assert {"followthrough.lock", "ui-state.ini", "followthrough.log", DATABASE} <= set(seen)
    loose = {name: oct(mode) for name, mode in seen.items() if mode not in (0o600, 0o700)}
    assert loose == {}


# -- damage only a full check sees ---------------------------------------------------------


def _run_until_damage_is_noticed(env: dict[str, str], data: Path) -> tuple[str, float, str]:
    """Starts the app on ``data`` and waits (15 s at most) for it to log the damage; it must
    still run 2 s later (the scheduler would have claimed the demo's due reminders by
    then). Returns the log, the seconds until the damage was noticed, and stderr."""
    log = data / "followthrough.log"
    started = time.monotonic()
    app = subprocess.Popen(
        app_command("-v", "--data-dir", str(data)),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while time.monotonic() - started < 15 and app.poll() is None:
            if log.exists() and "database damaged" in log.read_text():
                break
            time.sleep(0.05)
        noticed = time.monotonic() - started
        text = log.read_text()
        assert "database damaged" in text, text
        time.sleep(2)
        assert app.poll() is None
    finally:
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=30)
    return text, noticed, err


def test_an_index_damaged_after_the_quick_check_stops_all_writing_within_seconds(
    offscreen_env: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    make_demo(offscreen_env, data)
    database = data / DATABASE
    damage_one_index(database)
    check = sqlite3.connect(database)
    assert check.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    assert check.execute("PRAGMA integrity_check(1)").fetchall() != [("ok",)]
    check.close()
    before = digest(database)
    _text, noticed, err = _run_until_damage_is_noticed(offscreen_env, data)
    assert noticed < 10, noticed
    assert "Traceback" not in err
    assert "planning every application" not in (data / "followthrough.log").read_text()
    assert digest(database) == before


def test_damaged_table_pages_are_found_after_the_first_paint_and_stop_all_writing(
    offscreen_env: dict[str, str], tmp_path: Path
) -> None:
    """The check at open reads the header and the schema, not the tables: the window
    shows, and the whole-file check in the background finds the damage, stops every write
    and says so (the reminders never start)."""
    data = tmp_path / "data"
    make_demo(offscreen_env, data)
    database = data / DATABASE
    damage_table_pages(database)
    before = digest(database)
    text, _noticed, err = _run_until_damage_is_noticed(offscreen_env, data)
    assert "window painted" in text, text
    # The words of a damaged file found at open ("cannot be read" when SQLite gives up).
    assert "cannot be read" in text or "is damaged" in text, text
    # The first load fails on the damaged table (logged with its traceback); nothing
    # crashes (the crash handler logs "uncaught").
    assert "background job failed" in err
    assert "uncaught" not in err and "CRITICAL" not in err, err
    assert "planning every application" not in (data / "followthrough.log").read_text()
    assert digest(database) == before
