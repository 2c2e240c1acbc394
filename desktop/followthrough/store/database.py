"""Opening the database: checks, pragmas, file permissions, migrations, binding the models."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import peewee

from followthrough.domain.clock import Clock
from followthrough.store.backup import newest_backup
from followthrough.store.migrations import (
    LATEST_VERSION,
    MIGRATIONS,
    Migration,
    migrate_database,
)
from followthrough.store.models import db
from followthrough.store.paths import BACKUP_DIR_NAME, DATABASE_NAME, ensure_private_dir

BUSY_TIMEOUT_SECONDS = 10
PRAGMAS = {
    "journal_mode": "wal",
    # FULL: a committed change survives a power cut, not only a crash of the app.
    "synchronous": 2,
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_SECONDS * 1000,
}
_SIDE_FILES = ("-wal", "-shm")


class DatabaseOpenError(Exception):
    """The database cannot be used; ``str(error)`` is a message for the user."""


class DatabaseTooNewError(DatabaseOpenError):
    pass


class DatabaseCorruptError(DatabaseOpenError):
    pass


@dataclass(frozen=True)
class DataLocation:
    data_dir: Path

    @property
    def database_path(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / BACKUP_DIR_NAME


def _create_private_file(path: Path) -> None:
    if path.exists():
        return
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def tighten_permissions(path: Path) -> None:
    """Database, -wal and -shm readable by their owner only."""
    if os.name != "posix":
        return
    for candidate in (path, *(path.with_name(path.name + s) for s in _SIDE_FILES)):
        if candidate.exists():
            candidate.chmod(0o600)


def _backup_hint(location: DataLocation) -> str:
    backup = newest_backup(location.backups_dir)
    if backup is None:
        return "There is no backup yet in " + str(location.backups_dir) + "."
    return (
        f"The newest backup is {backup}. To restore it, quit Follow-Through, move the damaged "
        f"file aside and copy the backup to {location.database_path}."
    )


def check_database_file(location: DataLocation, latest_version: int = LATEST_VERSION) -> None:
    """Refuse a damaged database or one written by a newer version, changing nothing."""
    path = location.database_path
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            results = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorruptError(
            f"The database {path} cannot be read ({exc}). It has not been changed. "
            + _backup_hint(location)
        ) from exc
    if results != ["ok"]:
        detail = "; ".join(str(r) for r in results[:3])
        raise DatabaseCorruptError(
            f"The database {path} is damaged ({detail}). It has not been changed. "
            + _backup_hint(location)
        )
    if version > latest_version:
        raise DatabaseTooNewError(
            f"The database {path} was written by a newer version of Follow-Through "
            f"(schema {version}; this version knows up to {latest_version}). "
            "Please install the newer version; nothing has been changed."
        )


def connect(path: Path) -> peewee.SqliteDatabase:
    """A Peewee database on ``path`` with the app's pragmas (no checks, no migrations)."""
    return peewee.SqliteDatabase(str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_SECONDS)


def open_database(
    data_dir: Path,
    clock: Clock,
    migrations: Sequence[Migration] = MIGRATIONS,
    *,
    bind: bool = True,
) -> peewee.SqliteDatabase:
    """Open (creating if needed) and migrate the database in ``data_dir``.

    Raises DatabaseOpenError (with a message for the user) when the file is damaged or
    newer than this version, or when a migration fails.
    """
    location = DataLocation(data_dir)
    ensure_private_dir(location.data_dir)
    ensure_private_dir(location.backups_dir)
    check_database_file(location, migrations[-1].version if migrations else 0)
    _create_private_file(location.database_path)
    database = connect(location.database_path)
    try:
        database.connect()
        migrate_database(database, location.backups_dir, clock, migrations)
    except Exception as exc:
        database.close()
        raise DatabaseOpenError(str(exc)) from exc
    finally:
        tighten_permissions(location.database_path)
    if bind:
        db.initialize(database)
    return database
