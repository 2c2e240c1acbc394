"""Backups are checked before they are trusted, and damage seen late stops every write.

- A backup is written under a temporary name, checked, then renamed; a failed one leaves
  nothing behind, and the schema update that needed it does not start.
- The damage message only ever names a backup that passes its check.
- The whole-file check finds what the cheap check at open cannot (an index that no longer
  matches its table); once it has, every write is refused.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from followthrough.domain.clock import FakeClock
from followthrough.store import backup as backup_module
from followthrough.store.backup import BackupError, backup_database, newest_backup
from followthrough.store.database import DatabaseOpenError, full_check, open_database
from followthrough.store.errors import (
    DAMAGED,
    DatabaseCorruptError,
    ExitCode,
    describe_failure,
    describe_startup_failure,
)
from followthrough.store.migrations import MIGRATIONS, schema_version
from followthrough.store.models import Application, db
from followthrough.store.queries import create_application
from followthrough.store.transactions import refuse_writes
from tests.helpers.damage import damage_one_index

DATABASE = "followthrough.sqlite3"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def older_database(data_dir: Path, clock: FakeClock, count: int = 50) -> Path:
    """A database one schema step behind, holding some applications."""
    database = open_database(data_dir, clock, MIGRATIONS[:-1])
    for index in range(count):
        create_application(clock, f"Company {index}", "Analyst", notes="Analyst " * 30)
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    db.initialize(None)
    return data_dir / DATABASE


def backup_files(data_dir: Path) -> list[str]:
    folder = data_dir / "backups"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_backup_is_checked_then_named(tmp_path: Path, clock: FakeClock) -> None:
    source = sqlite3.connect(tmp_path / "source.sqlite3")
    source.execute("CREATE TABLE t (x)")
    source.execute("INSERT INTO t VALUES (1)")
    source.commit()
    made = backup_database(source, tmp_path / "backups", "before-v9", clock.now())
    assert made.name.endswith("-before-v9.sqlite3")
    assert [p.name for p in (tmp_path / "backups").iterdir()] == [made.name]
    assert newest_backup(tmp_path / "backups") == made


def test_a_copy_that_fails_its_check_is_removed(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = sqlite3.connect(tmp_path / "source.sqlite3")
    source.execute("CREATE TABLE t (x)")
    monkeypatch.setattr(backup_module, "integrity_problems", lambda _p, limit=3: ["page 2 bad"])
    with pytest.raises(BackupError):
        backup_database(source, tmp_path / "backups", "before-v9", clock.now())
    assert list((tmp_path / "backups").iterdir()) == []


class _FullDisk:
    """A connection whose backup runs out of space after writing part of the copy."""

    def __init__(self, real: sqlite3.Connection) -> None:
        self.real = real

    def backup(self, target: sqlite3.Connection) -> None:
        target.execute("CREATE TABLE half_written (x)")
        target.commit()
        raise sqlite3.OperationalError("database or disk is full")


@pytest.fixture
def full_disk_during_backup(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    real = backup_module.backup_database

    def failing(connection: sqlite3.Connection, *args: object, **kwargs: object) -> Path:
        return real(_FullDisk(connection), *args, **kwargs)  # type: ignore[arg-type]

    import followthrough.store.migrations as migrations

    monkeypatch.setattr(migrations, "backup_database", failing)
    yield


def test_a_full_disk_during_the_backup_stops_the_update_and_leaves_nothing(
    data_dir: Path, clock: FakeClock, full_disk_during_backup: None
) -> None:
    path = older_database(data_dir, clock)
    before = digest(path)
    for _attempt in range(3):
        with pytest.raises(DatabaseOpenError) as caught:
            open_database(data_dir, clock, bind=False)
        problem = describe_startup_failure(caught.value, data_dir)
        assert problem.exit_code is ExitCode.DISK_FULL
        assert "damaged" not in str(problem)
    assert backup_files(data_dir) == []  # no empty or half-written copy, per attempt
    assert digest(path) == before
    check = sqlite3.connect(path)
    assert schema_version_of(check) == MIGRATIONS[-2].version
    check.close()


def schema_version_of(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def test_a_real_full_disk_during_the_update(data_dir: Path, clock: FakeClock) -> None:
    """On a tmpfs with room for the database but not its copy (where mounting works)."""
    disk = data_dir.parent / "tiny"
    disk.mkdir(parents=True)
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.strip()}")
    try:
        made_elsewhere = older_database(data_dir.parent / "elsewhere", clock, count=400)
        data = disk / "data"
        data.mkdir(mode=0o700)
        path = data / DATABASE
        path.write_bytes(made_elsewhere.read_bytes())
        filler = disk / "filler"
        free = shutil.disk_usage(disk).free
        filler.write_bytes(b"\0" * max(free - 64 * 1024, 0))
        before = digest(path)
        with pytest.raises(DatabaseOpenError) as caught:
            open_database(data, clock, bind=False)
        assert describe_startup_failure(caught.value, data).exit_code is ExitCode.DISK_FULL
        assert backup_files(data) == []
        assert digest(path) == before
    finally:
        db.initialize(None)
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_the_damage_message_names_only_a_sound_backup(data_dir: Path, clock: FakeClock) -> None:
    path = older_database(data_dir, clock)
    database = open_database(data_dir, clock)  # makes the before-v5 backup
    database.close()
    db.initialize(None)
    (good,) = (data_dir / "backups").iterdir()
    (data_dir / "backups" / "29991231T000000Z-before-v9.sqlite3").write_bytes(b"")
    (data_dir / "backups" / "29991230T000000Z-before-v8.sqlite3").write_bytes(b"junk" * 100)
    assert newest_backup(data_dir / "backups") == good
    damage_one_index(path)
    message = full_check(data_dir)
    assert message is not None
    assert "damaged" in message and str(good) in message and "29991231" not in message


def test_the_full_check_sees_what_the_check_at_open_does_not(
    data_dir: Path, clock: FakeClock
) -> None:
    database = open_database(data_dir, clock)
    for index in range(20):
        create_application(clock, f"Company {index}")
    database.close()
    db.initialize(None)
    assert full_check(data_dir) is None
    damage_one_index(data_dir / DATABASE)
    database = open_database(data_dir, clock)  # the check at open says ok
    assert full_check(data_dir) is not None
    database.close()
    db.initialize(None)


def test_once_damage_is_found_every_write_is_refused(database: object, clock: FakeClock) -> None:
    create_application(clock, "Before")
    refuse_writes("The database is damaged.")
    with pytest.raises(DatabaseCorruptError) as caught:
        create_application(clock, "After")
    assert describe_failure(caught.value) is DAMAGED
    assert [a.company for a in Application.select()] == ["Before"]
    refuse_writes(None)
    create_application(clock, "Allowed again")


def test_a_foreign_database_is_refused_untouched(data_dir: Path, clock: FakeClock) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / DATABASE
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE recipes (name TEXT)")
    other.execute("INSERT INTO recipes VALUES ('pancakes')")
    other.commit()
    other.close()
    before = digest(path)
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(data_dir, clock)
    assert "not a Follow-Through database" in str(caught.value)
    assert "recipes" in str(caught.value)
    assert describe_startup_failure(caught.value, data_dir).exit_code is ExitCode.DATABASE
    assert digest(path) == before
    assert schema_version(_peewee(path)) == 0


def _peewee(path: Path) -> object:
    import peewee

    database = peewee.SqliteDatabase(str(path))
    database.connect()
    return database
