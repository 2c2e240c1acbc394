"""Opening the database: checks, pragmas, file permissions, migrations, binding the models."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import peewee

from followthrough.domain.clock import Clock
from followthrough.domain.wording import translate
from followthrough.store.backup import newest_backup
from followthrough.store.errors import DatabaseCorruptError as DatabaseCorruptError
from followthrough.store.errors import DatabaseForeignError as DatabaseForeignError
from followthrough.store.errors import DatabaseOpenError as DatabaseOpenError
from followthrough.store.errors import DatabaseTooNewError as DatabaseTooNewError
from followthrough.store.migrations import (
    LATEST_VERSION,
    MIGRATIONS,
    Migration,
    migrate_database,
)
from followthrough.store.models import db
from followthrough.store.paths import BACKUP_DIR_NAME, DATABASE_NAME, ensure_private_dir

T = TypeVar("T")

# The open database as the layers above see it (they need not know it is Peewee's).
Database = peewee.SqliteDatabase

BUSY_TIMEOUT_SECONDS = 10
PRAGMAS = {
    "journal_mode": "wal",
    # FULL: a committed change survives a power cut, not only a crash of the app.
    "synchronous": 2,
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_SECONDS * 1000,
}
_SIDE_FILES = ("-wal", "-shm")


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


def _backup_hint(location: DataLocation, *, running: bool = False) -> str:
    """Where the newest sound backup is and how to restore it (``running``: told by the
    running app, which restores it itself with File ▸ Restore…)."""
    backup = newest_backup(location.backups_dir)
    if backup is None:
        return translate("errors", "There is no backup yet in {folder}.").format(
            folder=location.backups_dir
        )
    if running:
        return translate(
            "errors",
            "The newest backup is {backup}. To restore it, choose File ▸ Restore… and that "
            "file: your damaged file is kept aside and Follow-Through starts again on the "
            "backup.",
        ).format(backup=backup)
    return translate(
        "errors",
        "The newest backup is {backup}. To restore it, quit Follow-Through, move the damaged "
        "file aside and copy the backup to {database}.",
    ).format(backup=backup, database=location.database_path)


def _unreadable(path: Path, error: Exception, location: DataLocation) -> str:
    return (
        translate(
            "errors", "The database {path} cannot be read ({error}). It has not been changed."
        ).format(path=path, error=error)
        + " "
        + _backup_hint(location)
    )


def _too_new(path: Path, version: int, latest: int) -> str:
    return translate(
        "errors",
        "The database {path} was written by a newer version of Follow-Through "
        "(schema {version}; this version knows up to {latest}). "
        "Please install the newer version; nothing has been changed.",
    ).format(path=path, version=version, latest=latest)


def _foreign_tables(connection: sqlite3.Connection) -> list[str]:
    """Tables in a database that has no Follow-Through schema version (user_version 0)."""
    rows = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ).fetchall()
    return [str(row[0]) for row in rows]


def _foreign_message(path: Path, tables: list[str]) -> str:
    shown = ", ".join(tables[:5]) + (", …" if len(tables) > 5 else "")
    return translate(
        "errors",
        "{path} is not a Follow-Through database (it holds other tables: {tables}). It "
        "has not been changed. Choose another data folder with --data-dir.",
    ).format(path=path, tables=shown)


def full_check(data_dir: Path) -> str | None:
    """The whole-file check (``PRAGMA integrity_check``, which also compares every index
    with its table), read-only: None when the database is sound, else the message the app
    shows at start for a damaged database (with the newest sound backup)."""
    location = DataLocation(data_dir)
    path = location.database_path
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            rows = connection.execute("PRAGMA integrity_check(3)").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return _unreadable(path, exc, location)
    found = [str(row[0]) for row in rows]
    if found == ["ok"]:
        return None
    return (
        translate(
            "errors",
            "The database {path} is damaged ({detail}). Follow-Through has stopped saving to it.",
        ).format(path=path, detail="; ".join(found))
        + " "
        # Found while the app runs (services/health.py): it can restore without quitting.
        + _backup_hint(location, running=True)
    )


_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


def _check_header(path: Path, location: DataLocation) -> None:
    """Refuse the file at ``path`` when SQLite's 100-byte header says it is not a sound
    database: the magic string, a valid page size, and a file at least as long as the
    page count it declares (a truncated copy is not). Reads 100 bytes, not the file."""
    try:
        with path.open("rb") as stream:
            header = stream.read(_HEADER_SIZE)
        size = path.stat().st_size
    except OSError as exc:
        raise DatabaseCorruptError(_unreadable(path, exc, location)) from exc
    page_size = int.from_bytes(header[16:18], "big") if len(header) == _HEADER_SIZE else 0
    page_size = 65536 if page_size == 1 else page_size
    if (
        not header.startswith(_MAGIC)
        or not 512 <= page_size <= 65536
        or page_size & (page_size - 1)
    ):
        # SQLite's own words for it (what opening the file said before this check).
        error = sqlite3.DatabaseError("file is not a database")
        raise DatabaseCorruptError(_unreadable(path, error, location))
    page_count = int.from_bytes(header[28:32], "big")
    # The declared count is valid when the change counter matches "version valid for".
    declared = header[24:28] == header[92:96] and page_count > 0
    # With a write-ahead log beside it, a file may be shorter than its header says and
    # sound: a checkpoint cut short writes page 1 first, and SQLite finishes from the log.
    wal = path.with_name(path.name + "-wal")
    logged = wal.exists() and wal.stat().st_size > 0
    if declared and not logged and page_count * page_size > size:
        detail = translate("errors", "the file is shorter than its header says")
        raise DatabaseCorruptError(_damaged_message(path, detail, location))


def _damaged_message(path: Path, detail: str, location: DataLocation) -> str:
    return (
        translate(
            "errors", "The database {path} is damaged ({detail}). It has not been changed."
        ).format(path=path, detail=detail)
        + " "
        + _backup_hint(location)
    )


def check_database_file(location: DataLocation, latest_version: int = LATEST_VERSION) -> None:
    """Refuse a damaged database or one written by a newer version, changing nothing.

    A cheap check, whatever the size of the file: SQLite's header, the schema and the
    schema version, read-only. Damage deeper in the tables is found by the whole-file
    check after start-up (``full_check``, see services/health.py); before a schema update
    (which first makes a backup) the whole file is checked here too.
    """
    path = location.database_path
    if not path.exists() or path.stat().st_size == 0:
        return
    _check_header(path, location)
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            # Reading the schema parses every table's definition: a damaged one fails here.
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            tables = _foreign_tables(connection) if version == 0 else []
            updating = 0 < version < latest_version
            results = (
                [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
                if updating
                else ["ok"]
            )
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorruptError(_unreadable(path, exc, location)) from exc
    if results != ["ok"]:
        detail = "; ".join(str(r) for r in results[:3])
        raise DatabaseCorruptError(_damaged_message(path, detail, location))
    if tables:
        raise DatabaseForeignError(_foreign_message(path, tables))
    if version > latest_version:
        raise DatabaseTooNewError(_too_new(path, version, latest_version))


@dataclass(frozen=True)
class _FileState:
    """What a read of an unopened database relies on staying the same."""

    size: int
    mtime_ns: int
    inode: int
    wal_exists: bool

    @classmethod
    def of(cls, path: Path) -> _FileState:
        stat = path.stat()
        wal = path.with_name(path.name + "-wal")
        return cls(stat.st_size, stat.st_mtime_ns, stat.st_ino, wal.exists())


def read_database(
    data_dir: Path,
    work: Callable[[], T],
    clock: Clock,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> T | None:
    """Run ``work`` against the database in ``data_dir`` opened read-only, and return its
    result; None when there is no database yet. Nothing in the folder is created or
    changed: no folder, no database, no -wal or -shm file, no migration, no backup.

    While the app runs (a -wal file exists) SQLite's read-only mode shares its files.
    Otherwise the file is read as immutable (SQLite then creates no -wal and -shm of its
    own), and checked afterwards: had a writer started meanwhile, the read is made again
    the shared way. An older schema is brought up to date in a copy in memory.
    """
    path = DataLocation(data_dir).database_path
    if not path.is_file() or path.stat().st_size == 0:
        return None
    latest = migrations[-1].version if migrations else 0
    for attempt in range(2):
        before = _FileState.of(path)
        immutable = attempt == 0 and not before.wal_exists
        database = _open_read_only(path, immutable, latest, clock, migrations)
        previous = db.obj
        db.initialize(database)
        try:
            result = work()
        finally:
            db.initialize(previous)
            database.close()
        if not immutable or _FileState.of(path) == before:
            return result
    raise AssertionError("unreachable: the second read is never immutable")


def _open_read_only(
    path: Path,
    immutable: bool,
    latest: int,
    clock: Clock,
    migrations: Sequence[Migration],
) -> peewee.SqliteDatabase:
    uri = f"{path.absolute().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    database = peewee.SqliteDatabase(
        uri, uri=True, pragmas={"query_only": 1}, timeout=BUSY_TIMEOUT_SECONDS
    )
    try:
        database.connect()
        version = int(database.execute_sql("PRAGMA user_version").fetchone()[0])
    except peewee.DatabaseError as exc:
        database.close()
        raise DatabaseCorruptError(_unreadable(path, exc, DataLocation(path.parent))) from exc
    if version == 0:
        tables = _foreign_tables(database.connection())
        if tables:
            database.close()
            raise DatabaseForeignError(_foreign_message(path, tables))
    if version > latest:
        database.close()
        raise DatabaseTooNewError(_too_new(path, version, latest))
    if version == latest:
        return database
    # An older schema: bring a copy in memory up to date, leave the file as it is.
    memory = peewee.SqliteDatabase(":memory:", pragmas={"foreign_keys": 1})
    memory.connect()
    try:
        database.connection().backup(memory.connection())
    finally:
        database.close()
    migrate_database(memory, None, clock, migrations)
    return memory


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
