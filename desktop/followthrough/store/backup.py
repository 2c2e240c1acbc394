"""Online copies of the database, made with SQLite's backup API (safe while it is open).

A copy is written under a temporary name, checked with ``PRAGMA integrity_check`` and
only then given its final name, so a file named ``*.sqlite3`` in the backups folder is
one that passed its check; a copy that fails (a full disk, say) is removed and the error
raised, and whatever needed the backup (a schema update) does not start.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from followthrough.store.paths import ensure_private_dir

BACKUP_SUFFIX = ".sqlite3"
PARTIAL_SUFFIX = ".partial"
_HEADER = b"SQLite format 3\x00"


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


def backup_database(
    connection: sqlite3.Connection, backups_dir: Path, label: str, when: datetime
) -> Path:
    """Copy the database behind ``connection`` to a new, checked file in ``backups_dir``.

    The file name starts with the UTC time so that names sort by age.
    """
    ensure_private_dir(backups_dir)
    stamp = when.strftime("%Y%m%dT%H%M%SZ")
    target = backups_dir / f"{stamp}-{label}{BACKUP_SUFFIX}"
    counter = 1
    while target.exists():
        counter += 1
        target = backups_dir / f"{stamp}-{label}-{counter}{BACKUP_SUFFIX}"
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


def _looks_sound(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            if stream.read(len(_HEADER)) != _HEADER:
                return False
        return not integrity_problems(path)
    except (OSError, sqlite3.Error):
        return False


def newest_backup(backups_dir: Path) -> Path | None:
    """The newest backup that passes its check (older ones are tried when the newest
    does not: a damaged or empty file is never offered as the cure)."""
    if not backups_dir.is_dir():
        return None
    for candidate in sorted(backups_dir.glob(f"*{BACKUP_SUFFIX}"), reverse=True):
        if _looks_sound(candidate):
            return candidate
    return None
