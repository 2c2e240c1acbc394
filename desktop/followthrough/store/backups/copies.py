"""The automatic daily backup and "Back up now": checked copies made with SQLite's backup
API through a read-only connection of their own, so a copy is always a committed state of
the data, whatever the app is writing meanwhile."""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from followthrough.domain.errors import UserError
from followthrough.domain.wording import translate
from followthrough.store.backup import (
    BACKUP_SUFFIX,
    PARTIAL_SUFFIX,
    backup_database,
    free_name,
    read_only_connection,
    stamped_time,
    write_checked_copy,
)
from followthrough.store.database import DataLocation
from followthrough.store.errors import DISK_FULL, MISSING, READ_ONLY, describe_failure

log = logging.getLogger(__name__)

DAILY_LABEL = "daily"
# The copy made before an import adds to data that is there (never deleted by the app).
IMPORT_LABEL = "before-import"
# Only these are ever deleted: the automatic daily copies ("20261120T140000Z-daily.sqlite3").
_DAILY_NAME = re.compile(r"^\d{8}T\d{6}Z-" + DAILY_LABEL + r"(?:-\d+)?" + re.escape(BACKUP_SUFFIX))
# "Back up now" names its copy by the user's day.
BACKUP_NOW_STEM = "followthrough-backup-{day}"


class CopyRefusedError(UserError):
    """A copy to a folder the user chose could not be written there; the sentence says
    why in their words (the folder is read-only, full, gone)."""


@dataclass(frozen=True)
class DailyBackup:
    """``made``: the new copy, or None when one was made today already; ``removed``: the
    older daily copies deleted to keep the number asked for."""

    made: Path | None
    removed: tuple[Path, ...] = ()


def daily_backups(backups_dir: Path) -> list[Path]:
    """The automatic daily copies in ``backups_dir``, oldest first (their names start
    with the UTC time they were made)."""
    if not backups_dir.is_dir():
        return []
    return sorted(p for p in backups_dir.iterdir() if _DAILY_NAME.fullmatch(p.name))


def made_today(backups_dir: Path, now: datetime, zone: ZoneInfo) -> Path | None:
    """The daily copy made on the user's day of ``now`` (on ``zone``'s clock), if any."""
    today = now.astimezone(zone).date()
    for path in reversed(daily_backups(backups_dir)):
        made = stamped_time(path)
        if made is not None and made.astimezone(zone).date() == today:
            return path
    return None


def back_up_daily(location: DataLocation, now: datetime, zone: ZoneInfo, keep: int) -> DailyBackup:
    """Once a day on the user's clock: a checked copy of the database in the backups
    folder, then only the newest ``keep`` daily copies are kept. Nothing is deleted when
    the copy fails (the error is raised)."""
    backups_dir = location.backups_dir
    if made_today(backups_dir, now, zone) is not None:
        return DailyBackup(None)
    connection = read_only_connection(location.database_path)
    try:
        made = backup_database(connection, backups_dir, DAILY_LABEL, now)
    finally:
        connection.close()
    return DailyBackup(made, tuple(prune_daily(backups_dir, keep, made)))


def prune_daily(backups_dir: Path, keep: int, newest: Path | None = None) -> list[Path]:
    """Delete the daily copies beyond the newest ``keep`` (``newest``, the one just made,
    always stays), and daily copies cut short by a crash. Copies made before a format
    update or a restore, and those made with "Back up now", are never touched."""
    dailies = daily_backups(backups_dir)
    kept = set(dailies[-keep:]) if keep > 0 else set()
    if newest is not None:
        kept.add(newest)
    removed = [path for path in dailies if path not in kept]
    for path in removed:
        path.unlink(missing_ok=True)
    for partial in backups_dir.glob(f"*{BACKUP_SUFFIX}{PARTIAL_SUFFIX}"):
        if _DAILY_NAME.fullmatch(partial.name.removesuffix(PARTIAL_SUFFIX)):
            partial.unlink(missing_ok=True)
    return removed


class ImportBackupError(UserError):
    """The copy made before an import could not be made, so the import did not start."""


def _holds_data(connection: sqlite3.Connection) -> bool:
    """Whether the database has anything an import could mix with (settings aside)."""
    row = connection.execute(
        "SELECT EXISTS (SELECT 1 FROM application) OR EXISTS (SELECT 1 FROM contact) "
        "OR EXISTS (SELECT 1 FROM personal_word) OR EXISTS (SELECT 1 FROM reminder)"
    ).fetchone()
    return bool(row[0])


def back_up_before_import(location: DataLocation, now: datetime) -> Path | None:
    """Before an import adds to data that is there (a CSV import, a JSON merge): a
    checked copy in the backups folder, as a format update makes one, so that File ▸
    Restore… brings the data back as it was. None when there is no data yet (nothing to
    lose). ImportBackupError in plain words when the copy cannot be made: then the import
    must not start."""
    path = location.database_path
    if not path.exists():
        return None
    try:
        connection = read_only_connection(path)
        try:
            if not _holds_data(connection):
                return None
            made = backup_database(connection, location.backups_dir, IMPORT_LABEL, now)
        finally:
            connection.close()
    except (OSError, sqlite3.Error) as exc:
        log.warning("the backup before an import failed", exc_info=True)
        raise ImportBackupError(
            translate(
                "backups",
                "Before an import, a backup of your data is made in {folder}, and it could "
                "not be made, so nothing was imported. {reason}",
            ).format(folder=location.backups_dir, reason=describe_failure(exc).reason)
        ) from exc
    log.info("backed up before an import: %s", made)
    return made


def back_up_to(location: DataLocation, folder: Path, day: date) -> Path:
    """ "Back up now": a checked copy of the database in ``folder`` (a folder the user
    chose: made if missing, its permissions left as they are), named by the user's
    ``day`` ("followthrough-backup-2026-11-20.sqlite3", "…-2.sqlite3" beside an earlier
    one). What keeps it from being written there is a CopyRefusedError in plain words."""
    try:
        if not folder.is_dir():
            folder.mkdir(parents=True)
        target = free_name(folder, BACKUP_NOW_STEM.format(day=day.isoformat()))
        connection = read_only_connection(location.database_path)
        try:
            return write_checked_copy(connection, target)
        finally:
            connection.close()
    except (OSError, sqlite3.Error) as exc:
        words = _folder_problem(exc, folder)
        if words is None:
            raise
        log.warning("backup to %s failed", folder, exc_info=True)
        raise CopyRefusedError(words) from exc


def _folder_problem(error: BaseException, folder: Path) -> str | None:
    """Why a copy could not be written in ``folder``, in the user's words (None: not a
    cause of the folder's; described the usual way)."""
    failure = describe_failure(error)
    if isinstance(error, NotADirectoryError | FileExistsError):
        failure = MISSING  # a file stands where the folder should be
    if failure is DISK_FULL:
        return translate(
            "backups",
            "The disk that holds {folder} is full. Free some space there, or choose another "
            "folder.",
        ).format(folder=folder)
    if failure is READ_ONLY:
        return translate(
            "backups",
            "Nothing can be written in {folder} (it is read-only, or you may not write "
            "there). Choose another folder.",
        ).format(folder=folder)
    if failure is MISSING:
        return translate(
            "backups", "The folder {folder} cannot be found or made. Choose another folder."
        ).format(folder=folder)
    return None
