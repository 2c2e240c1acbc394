"""The log file: one a day, a week of them kept, readable by the user only."""

from __future__ import annotations

import logging
import os
import re
import stat
from collections.abc import Iterator
from logging.handlers import TimedRotatingFileHandler
from pathlib import Path

import pytest

from followthrough.logfile import KEEP, active_log_file, log_to_file
from followthrough.store.errors import LOG_FILE_NAME

DATED = re.compile(re.escape(LOG_FILE_NAME) + r"\.\d{4}-\d{2}-\d{2}")


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A data folder; the file handlers a test adds to the root logger are removed after
    it, and the session's umask is the common 022 (under which a plain open gives 0644)."""
    folder = tmp_path / "data"
    folder.mkdir()
    before = list(logging.getLogger().handlers)
    umask = os.umask(0o022)
    yield folder
    os.umask(umask)
    for handler in logging.getLogger().handlers:
        if handler not in before:
            logging.getLogger().removeHandler(handler)
            handler.close()


def file_handler(path: Path) -> TimedRotatingFileHandler:
    found = [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, TimedRotatingFileHandler) and h.baseFilename == str(path)
    ]
    assert len(found) == 1
    return found[0]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_log_rotates_daily_and_keeps_a_week(folder: Path) -> None:
    path = log_to_file(folder)

    assert path == folder / LOG_FILE_NAME
    handler = file_handler(path)
    assert handler.when == "D"
    assert handler.interval == 24 * 60 * 60
    assert handler.backupCount == KEEP == 7
    assert handler.encoding == "utf-8"
    assert handler.level == logging.INFO


def test_the_log_is_readable_by_the_user_only_also_after_a_rotation(folder: Path) -> None:
    path = log_to_file(folder)
    assert path is not None
    assert mode(path) == 0o600
    logging.getLogger("followthrough.test").warning("before the rotation — ünïcode")
    handler = file_handler(path)

    handler.doRollover()
    logging.getLogger("followthrough.test").warning("after the rotation")
    handler.flush()

    old = [p for p in folder.iterdir() if DATED.fullmatch(p.name)]
    assert len(old) == 1
    assert "before the rotation — ünïcode" in old[0].read_text(encoding="utf-8")
    assert "after the rotation" in path.read_text(encoding="utf-8")
    assert mode(path) == 0o600
    assert mode(old[0]) == 0o600


def test_only_a_week_of_old_logs_is_kept(folder: Path) -> None:
    for day in range(1, 11):
        (folder / f"{LOG_FILE_NAME}.2020-01-{day:02d}").write_text("old\n", encoding="utf-8")
    path = log_to_file(folder)
    assert path is not None

    file_handler(path).doRollover()

    old = sorted(p.name for p in folder.iterdir() if DATED.fullmatch(p.name))
    assert len(old) == KEEP
    assert f"{LOG_FILE_NAME}.2020-01-01" not in old


def test_an_existing_log_is_appended_to(folder: Path) -> None:
    (folder / LOG_FILE_NAME).write_text("from the last run\n", encoding="utf-8")
    path = log_to_file(folder)
    assert path is not None
    logging.getLogger("followthrough.test").warning("this run")
    file_handler(path).flush()

    assert path.read_text(encoding="utf-8").startswith("from the last run\n")
    assert "this run" in path.read_text(encoding="utf-8")


def test_no_log_file_where_the_folder_cannot_take_one(
    folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    missing = folder / "missing"

    assert log_to_file(missing) is None
    assert active_log_file(missing) is None
    assert not missing.exists()
    assert "no log file in" in caplog.text


def test_the_active_log_file_is_the_one_being_written(folder: Path, tmp_path: Path) -> None:
    assert active_log_file(folder) is None
    path = log_to_file(folder)

    assert path is not None
    assert active_log_file(folder) == path.resolve()
    assert active_log_file(tmp_path) is None
