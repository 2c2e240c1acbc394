"""Restoring a backup: checked before anything changes, the current data kept aside, then
the file put in place while nothing has it open.

1. ``stage_restore`` copies the chosen file (with the backup API, reading it without
   creating anything beside it) to ``followthrough.sqlite3.restoring`` in the data folder
   and checks that copy: sound (``PRAGMA integrity_check``), a Follow-Through database
   (its schema version and core tables), not from a newer version (an older one is
   updated when the app opens it, with a backup first). A refusal says why in plain words
   and leaves nothing behind. Checking the copy, not the chosen file, means what was
   checked is exactly what is put in place.
2. ``keep_current_aside`` copies the current database to
   ``backups/<UTC time>-before-restore.sqlite3`` (a damaged one is kept as it is found,
   as ``…-before-restore.damaged``: the backup API would refuse it).
3. ``finish_restore``, once the app has closed the database (and still holds the data
   folder's lock): the current file's write-ahead log is folded in and removed with the
   -shm file (an old log beside the restored file would be replayed into it), then the
   staged copy replaces the database in one rename.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from followthrough.domain.errors import UserError
from followthrough.domain.wording import translate
from followthrough.store.backup import (
    BackupError,
    backup_database,
    made_at,
    read_only_connection,
    stamp,
    write_checked_copy,
)
from followthrough.store.database import BUSY_TIMEOUT_SECONDS, DataLocation, tighten_permissions
from followthrough.store.errors import DAMAGED, describe_failure
from followthrough.store.migrations import LATEST_VERSION
from followthrough.store.paths import ensure_private_dir

STAGED_SUFFIX = ".restoring"
ASIDE_LABEL = "before-restore"
DAMAGED_SUFFIX = ".damaged"
# Tables every version of Follow-Through's database has had (schema version 1 on).
CORE_TABLES = ("application", "contact", "interview", "reminder", "setting")
_MAGIC = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm", "-journal")


class RestoreRefusedError(UserError):
    """The chosen file cannot be restored; the sentence says why. Nothing was changed."""


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, to show before it replaces the current data."""

    source: Path
    made_at: datetime
    version: int
    applications: int
    latest: int = LATEST_VERSION
    # How many the data in use has now (None: it could not be counted).
    current_applications: int | None = None

    @property
    def older(self) -> bool:
        """Made by an earlier version (its format is updated when the app opens it)."""
        return self.version < self.latest


@dataclass(frozen=True)
class StagedRestore:
    """A checked copy of the backup, in the data folder, waiting to be put in place."""

    staged: Path
    summary: BackupSummary


def staged_path(location: DataLocation) -> Path:
    path = location.database_path
    return path.with_name(path.name + STAGED_SUFFIX)


def stage_restore(
    source: Path, location: DataLocation, latest: int = LATEST_VERSION
) -> StagedRestore:
    """Copy ``source`` beside the database and check the copy; RestoreRefusedError (with the
    copy removed) when it cannot be restored. The chosen file and the current data are
    left exactly as they were."""
    source = source.absolute()
    in_use = (location.database_path.resolve(), staged_path(location).resolve())
    if source.exists() and source.resolve() in in_use:
        raise RestoreRefusedError(
            translate(
                "backups",
                "{file} is the data Follow-Through is using now. Choose a backup of it.",
            ).format(file=source)
        )
    _check_header(source)
    ensure_private_dir(location.data_dir)
    staged = staged_path(location)
    staged.unlink(missing_ok=True)
    try:
        _copy(source, staged)
        summary = _summary(source, staged, latest)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return StagedRestore(staged, replace(summary, current_applications=_current(location)))


def _current(location: DataLocation) -> int | None:
    """How many applications the data in use has (read through a connection of its own,
    which sees what was committed); None when that cannot be read."""
    path = location.database_path
    if not path.is_file():
        return 0
    try:
        connection = read_only_connection(path, BUSY_TIMEOUT_SECONDS)
        try:
            return int(connection.execute("SELECT count(*) FROM application").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def discard_staged(location: DataLocation) -> None:
    """The restore was cancelled: its checked copy goes."""
    staged_path(location).unlink(missing_ok=True)


def _check_header(source: Path) -> None:
    """The file can be read and starts as every SQLite database does."""
    try:
        with source.open("rb") as stream:
            header = stream.read(len(_MAGIC))
    except FileNotFoundError as exc:
        raise RestoreRefusedError(
            translate("backups", "{file} cannot be found.").format(file=source)
        ) from exc
    except IsADirectoryError as exc:
        raise RestoreRefusedError(
            translate("backups", "{file} is a folder. Choose a backup file.").format(file=source)
        ) from exc
    except PermissionError as exc:
        raise RestoreRefusedError(
            translate("backups", "You may not read {file}.").format(file=source)
        ) from exc
    if header != _MAGIC:
        raise RestoreRefusedError(_not_a_database(source))


def _not_a_database(source: Path) -> str:
    return translate(
        "backups",
        "{file} is not a Follow-Through backup (it is not a database file, or it is "
        "damaged). Nothing was changed.",
    ).format(file=source)


def _damaged(source: Path) -> str:
    return translate(
        "backups",
        "{file} is damaged (it is incomplete, or parts of it were overwritten), so it "
        "cannot be restored. Nothing was changed; choose another backup.",
    ).format(file=source)


def _copy(source: Path, staged: Path) -> None:
    """``source`` copied to ``staged`` with the backup API, then checked; a source that
    cannot be read as a sound database is refused as damaged."""
    try:
        connection = read_only_connection(source, BUSY_TIMEOUT_SECONDS)
        try:
            write_checked_copy(connection, staged)
        finally:
            connection.close()
    except BackupError as exc:
        raise RestoreRefusedError(_damaged(source)) from exc
    except sqlite3.DatabaseError as exc:
        if describe_failure(exc) is DAMAGED:
            raise RestoreRefusedError(_damaged(source)) from exc
        raise


def _summary(source: Path, staged: Path, latest: int) -> BackupSummary:
    """What the checked copy holds; refused when it is not Follow-Through's or is newer."""
    connection = sqlite3.connect(f"{staged.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        tables = [
            str(row[0])
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        missing = [t for t in CORE_TABLES if t not in tables]
        count = (
            0
            if missing
            else int(connection.execute("SELECT count(*) FROM application").fetchone()[0])
        )
    finally:
        connection.close()
    if version == 0 or missing:
        raise RestoreRefusedError(_foreign(source, tables))
    if version > latest:
        raise RestoreRefusedError(
            translate(
                "backups",
                "{file} was made by a newer version of Follow-Through (format {version}; this "
                "version reads up to {latest}). Install the newer version to restore it. "
                "Nothing was changed.",
            ).format(file=source, version=version, latest=latest)
        )
    return BackupSummary(source, made_at(source), version, count, latest)


def _foreign(source: Path, tables: list[str]) -> str:
    if not tables:
        return translate(
            "backups",
            "{file} is an empty database, not a Follow-Through backup. Nothing was changed.",
        ).format(file=source)
    shown = ", ".join(tables[:5]) + (", …" if len(tables) > 5 else "")
    return translate(
        "backups",
        "{file} is not a Follow-Through backup (it holds other tables: {tables}). Nothing "
        "was changed.",
    ).format(file=source, tables=shown)


def keep_current_aside(location: DataLocation, now: datetime) -> Path | None:
    """A copy of the current database in the backups folder, made before a restore
    replaces it (None: there is no current database). Checked like every backup; a
    damaged database (which the check would refuse) is kept as it is found instead."""
    path = location.database_path
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        connection = read_only_connection(path, BUSY_TIMEOUT_SECONDS)
        try:
            return backup_database(connection, location.backups_dir, ASIDE_LABEL, now)
        finally:
            connection.close()
    except (BackupError, sqlite3.DatabaseError) as exc:
        if not isinstance(exc, BackupError) and describe_failure(exc) is not DAMAGED:
            raise
        return _keep_as_found(location, now)


def _keep_as_found(location: DataLocation, now: datetime) -> Path:
    """The damaged database and its write-ahead log, copied byte for byte."""
    ensure_private_dir(location.backups_dir)
    target = location.backups_dir / f"{stamp(now)}-{ASIDE_LABEL}{DAMAGED_SUFFIX}"
    path = location.database_path
    for suffix in ("", "-wal"):
        found = path.with_name(path.name + suffix)
        if found.exists():
            copied = target.with_name(target.name + suffix)
            shutil.copyfile(found, copied)
            copied.chmod(0o600)
    return target


def finish_restore(location: DataLocation, staged: Path) -> None:
    """Put the staged copy in place of the database. Only when the app has closed the
    database (and holds the data folder's lock, so nothing opens it meanwhile)."""
    path = location.database_path
    if not staged.is_file():
        raise FileNotFoundError(errno.ENOENT, "the checked copy of the backup is gone", str(staged))
    if path.exists():
        # What the closed database still had in its log goes into its own file (already
        # kept aside); a damaged one is replaced as it is.
        with contextlib.suppress(sqlite3.Error):
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)
            try:
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                connection.close()
    for suffix in _SIDE_FILES:
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    staged.replace(path)
    _sync_folder(location.data_dir)
    tighten_permissions(path)


def _sync_folder(folder: Path) -> None:
    """The rename reaches the disk (where the system can sync a folder)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def restore_backup(source: Path, location: DataLocation, now: datetime) -> Path | None:
    """The whole restore at once, for a data folder no app has open: checked, the current
    database kept aside (returned), the backup put in place."""
    staged = stage_restore(source, location)
    try:
        aside = keep_current_aside(location, now)
    except BaseException:
        discard_staged(location)
        raise
    finish_restore(location, staged.staged)
    return aside
