"""Online copies of the database, made with SQLite's backup API (safe while it is open).

A copy is written under a temporary name, checked with ``PRAGMA integrity_check`` and
only then given its final name, so a file named ``*.sqlite3`` in the backups folder is
one that passed its check; a copy that fails (a full disk, say) is removed and the error
raised, and whatever needed the backup (a schema update) does not start.

The backup API copies what the source connection sees: read through a connection of its
own (``read_only_connection``), that is the last committed state, never a transaction
another connection has begun and not committed.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from followthrough.store.paths import ensure_private_dir

BACKUP_SUFFIX = ".sqlite3"
PARTIAL_SUFFIX = ".partial"
_HEADER = b"SQLite format 3\x00"
# The UTC time a backup's name starts with ("20261122T101500Z-before-v2.sqlite3").
_STAMP = re.compile(r"^(\d{8}T\d{6}Z)-")
_STAMP_FORMAT = "%Y%m%dT%H%M%SZ"


class BackupError(OSError):
    """The copy was made but did not pass its check (it has been removed)."""


def integrity_problems(path: Path, limit: int = 3) -> list[str]:
    """What ``PRAGMA integrity_check`` finds wrong in the database at ``path`` (read
    only; an empty list when it is sound)."""
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        rows = connection.execute(f"PRAGMA integrity_check({int(limit)})").fetchall()
    finally:
        connection.close()
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def read_only_connection(path: Path, timeout: float = 10.0) -> sqlite3.Connection:
    """A connection of its own that only reads the database at ``path``.

    With a write-ahead log beside the file (the app has it open) it shares the app's
    files and sees what was committed; without one nobody has the file open, and it is
    read as immutable, so that no -wal or -shm file is created beside it (a backup the
    user chose stays exactly as it was)."""
    wal = path.with_name(path.name + "-wal")
    immutable = "" if wal.exists() else "&immutable=1"
    return sqlite3.connect(
        f"{path.absolute().as_uri()}?mode=ro{immutable}", uri=True, timeout=timeout
    )


def write_checked_copy(connection: sqlite3.Connection, target: Path) -> Path:
    """Copy the database behind ``connection`` to ``target`` (0600) with the backup API:
    written as ``target.partial``, checked, then renamed; on any failure nothing is left."""
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        destination = sqlite3.connect(partial)
        try:
            connection.backup(destination)
        finally:
            destination.close()
        problems = integrity_problems(partial)
        if problems:
            raise BackupError(f"the copy did not pass its check: {'; '.join(problems)}")
        partial.rename(target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return target


def free_name(folder: Path, stem: str) -> Path:
    """``folder/stem.sqlite3``, or ``stem-2.sqlite3``… when that is taken."""
    target = folder / f"{stem}{BACKUP_SUFFIX}"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{stem}-{counter}{BACKUP_SUFFIX}"
    return target


def backup_database(
    connection: sqlite3.Connection, backups_dir: Path, label: str, when: datetime
) -> Path:
    """Copy the database behind ``connection`` to a new, checked file in ``backups_dir``.

    The file name starts with the UTC time so that names sort by age.
    """
    ensure_private_dir(backups_dir)
    return write_checked_copy(connection, free_name(backups_dir, f"{stamp(when)}-{label}"))


def stamp(when: datetime) -> str:
    """The UTC time a backup's name starts with: "20261122T101500Z"."""
    return when.astimezone(UTC).strftime(_STAMP_FORMAT)


def stamped_time(path: Path) -> datetime | None:
    """The UTC time a backup's name starts with, if it starts with one."""
    found = _STAMP.match(path.name)
    if found is None:
        return None
    try:
        return datetime.strptime(found.group(1), _STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None


def made_at(path: Path) -> datetime:
    """When the backup at ``path`` was made: the time its name starts with, else when
    the file was last written."""
    return stamped_time(path) or datetime.fromtimestamp(path.stat().st_mtime, UTC)


def _looks_sound(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            if stream.read(len(_HEADER)) != _HEADER:
                return False
        return not integrity_problems(path)
    except (OSError, sqlite3.Error):
        return False


def _age_key(path: Path) -> tuple[datetime, str]:
    try:
        return made_at(path), path.name
    except OSError:
        return datetime.min.replace(tzinfo=UTC), path.name


def newest_backup(backups_dir: Path) -> Path | None:
    """The newest backup that passes its check (older ones are tried when the newest
    does not: a damaged or empty file is never offered as the cure)."""
    if not backups_dir.is_dir():
        return None
    candidates = sorted(backups_dir.glob(f"*{BACKUP_SUFFIX}"), key=_age_key, reverse=True)
    for candidate in candidates:
        if _looks_sound(candidate):
            return candidate
    return None
