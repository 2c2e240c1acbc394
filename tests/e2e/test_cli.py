"""The command line as a user types it: the installed ``followthrough`` entry point."""

from __future__ import annotations

import random
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from followthrough import APP_NAME, __version__
from tests.helpers.subprocess_app import run_app

DATABASE = "followthrough.sqlite3"
EXIT_DATABASE = 3


def run(env: dict[str, str], *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    result = run_app(*args, env=env, timeout=timeout)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def application_count(data_dir: Path) -> int:
    connection = sqlite3.connect(f"file:{data_dir / DATABASE}?mode=ro", uri=True)
    try:
        return int(connection.execute("SELECT count(*) FROM application").fetchone()[0])
    finally:
        connection.close()


def garbage(size: int = 4096) -> bytes:
    data = random.Random(4096).randbytes(size)
    assert not data.startswith(b"SQLite format 3\0")
    return data


def test_version(offscreen_env: dict[str, str]) -> None:
    result = run(offscreen_env, "--version")
    assert result.returncode == 0
    assert re.fullmatch(rf"{APP_NAME} \d+\.\d+\.\d+\S*\n", result.stdout), result.stdout
    assert result.stdout == f"{APP_NAME} {__version__}\n"


def test_help_names_the_commands_and_options(offscreen_env: dict[str, str]) -> None:
    result = run(offscreen_env, "--help")
    assert result.returncode == 0
    for word in ("demo", "--self-test", "--data-dir", "--keep", "--version"):
        assert word in result.stdout, f"--help does not mention {word}"


def test_keep_without_self_test_is_a_usage_error(
    offscreen_env: dict[str, str], tmp_path: Path
) -> None:
    result = run(offscreen_env, "--keep", str(tmp_path / "shots"))
    assert result.returncode == 2
    assert "--keep only goes with --self-test" in result.stderr
    assert not (tmp_path / "shots").exists()


@pytest.mark.slow
def test_self_test_passes_and_keeps_its_screenshot(
    offscreen_env: dict[str, str], tmp_path: Path
) -> None:
    keep = tmp_path / "kept"
    result = run(offscreen_env, "--self-test", "--keep", str(keep), timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert "FAIL" not in result.stdout
    screenshot = QImage(str(keep / "main-window.png"))
    assert not screenshot.isNull(), "main-window.png is missing or unreadable"
    assert screenshot.width() >= 760 and screenshot.height() >= 520


def test_demo_fills_an_empty_folder_once(offscreen_env: dict[str, str], tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = run(offscreen_env, "--data-dir", str(data), "demo", "--count", "5")
    assert first.returncode == 0, first.stderr
    assert "Added 5 applications" in first.stdout
    assert str(data) in first.stdout

    second = run(offscreen_env, "--data-dir", str(data), "demo", "--count", "5")
    assert second.returncode != 0
    assert "already holds 5 applications" in second.stderr
    assert "empty folder" in second.stderr
    assert second.stdout == ""
    assert application_count(data) == 5, "the refused demo changed the data"


def test_demo_rejects_a_count_below_one(offscreen_env: dict[str, str], tmp_path: Path) -> None:
    result = run(offscreen_env, "--data-dir", str(tmp_path / "data"), "demo", "--count", "0")
    assert result.returncode == 2
    # The demo command's own usage and error, naming the option.
    assert "usage: followthrough demo" in result.stderr
    assert "argument --count: goes from 1 to 100,000" in result.stderr
    words = run(offscreen_env, "--data-dir", str(tmp_path / "data"), "demo", "--count", "ten")
    assert words.returncode == 2 and "'ten' is not a whole number" in words.stderr
    assert not (tmp_path / "data").exists()


def test_one_demo_application_is_counted_as_one(
    offscreen_env: dict[str, str], tmp_path: Path
) -> None:
    result = run(offscreen_env, "--data-dir", str(tmp_path / "data"), "demo", "--count", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Added 1 application, ")


def test_demo_refuses_a_damaged_database_and_leaves_it_alone(
    offscreen_env: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    database = data / DATABASE
    database.write_bytes(garbage())

    result = run(offscreen_env, "--data-dir", str(data), "demo")
    assert result.returncode == EXIT_DATABASE, result.stdout + result.stderr
    message = result.stderr.lower()
    assert "damaged" in message or "cannot be read" in message, result.stderr
    assert str(database) in result.stderr
    assert "not been changed" in message
    assert database.read_bytes() == garbage(), "the damaged file was modified"
    assert not (data / f"{DATABASE}-wal").exists()
    assert not (data / f"{DATABASE}-shm").exists()


def test_window_refuses_a_damaged_database(offscreen_env: dict[str, str], tmp_path: Path) -> None:
    """Offscreen the error goes to stderr only (no dialog to block on)."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / DATABASE).write_bytes(garbage())

    result = run(offscreen_env, "--data-dir", str(data), timeout=30)
    assert result.returncode == EXIT_DATABASE, result.stdout + result.stderr
    assert "cannot be read" in result.stderr or "damaged" in result.stderr
    assert (data / DATABASE).read_bytes() == garbage()
    assert not (data / "followthrough.lock").exists(), "the instance lock was not released"


def test_data_dir_from_the_environment(offscreen_env: dict[str, str], tmp_path: Path) -> None:
    from_env, from_option = tmp_path / "from-env", tmp_path / "from-option"
    xdg = tmp_path / "xdg-data"
    env = {
        **offscreen_env,
        "FOLLOWTHROUGH_DATA_DIR": str(from_env),
        # Were the variable ignored, the default folder would land here, not in $HOME.
        "XDG_DATA_HOME": str(xdg),
    }
    result = run(env, "demo", "--count", "3")
    assert result.returncode == 0, result.stderr
    assert str(from_env) in result.stdout
    assert application_count(from_env) == 3
    assert not xdg.exists()

    # --data-dir still wins over the variable.
    result = run(env, "--data-dir", str(from_option), "demo", "--count", "2")
    assert result.returncode == 0, result.stderr
    assert application_count(from_option) == 2
    assert application_count(from_env) == 3


def test_an_empty_data_folder_name_is_refused_not_read_as_the_usual_folder(
    offscreen_env: dict[str, str], tmp_path: Path
) -> None:
    for args in (("--data-dir", "", "due"), ("due", "--data-dir", " ")):
        result = run(offscreen_env, *args)
        assert result.returncode == 2, result.stderr
        assert "an empty folder name" in result.stderr


def test_the_data_folder_may_follow_the_command(
    offscreen_env: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "after"
    made = run(offscreen_env, "demo", "--data-dir", str(data), "--count", "2")
    assert made.returncode == 0, made.stderr
    assert application_count(data) == 2
    listed = run(
        offscreen_env, "--data-dir", str(tmp_path / "other"), "due", "--data-dir", str(data)
    )
    assert listed.returncode == 0 and "no data" not in listed.stdout, listed.stdout
