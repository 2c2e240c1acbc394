"""Online copies of the database, made with SQLite's backup API (safe while it is open)."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from followthrough.store.paths import ensure_private_dir

BACKUP_SUFFIX = ".sqlite3"


def backup_database(
    connection: sqlite3.Connection, backups_dir: Path, label: str, when: datetime
) -> Path:
    """Copy the database behind ``connection`` to a new file in ``backups_dir``.

    The file name starts with the UTC time so that names sort by age.
    """
    ensure_private_dir(backups_dir)
    stamp = when.strftime("%Y%m%dT%H%M%SZ")
    target = backups_dir / f"{stamp}-{label}{BACKUP_SUFFIX}"
    counter = 1
    while target.exists():
        counter += 1
        target = backups_dir / f"{stamp}-{label}-{counter}{BACKUP_SUFFIX}"
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    destination = sqlite3.connect(target)
    try:
        connection.backup(destination)
    finally:
        destination.close()
    return target


def newest_backup(backups_dir: Path) -> Path | None:
    if not backups_dir.is_dir():
        return None
    candidates = sorted(backups_dir.glob(f"*{BACKUP_SUFFIX}"))
    return candidates[-1] if candidates else None
