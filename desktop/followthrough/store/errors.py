"""What went wrong, in plain words: the only way an exception's meaning reaches the user.

A ``UserError`` is a refusal written for the user and is shown as it is. Anything else
(SQLite, the file system, a bug) is described by its cause ("the disk is full"), never by
its raw text, and the caller logs it with its traceback.
"""

from __future__ import annotations

import errno
import shutil
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from followthrough.domain.errors import UserError
from followthrough.domain.wording import QT_TRANSLATE_NOOP, translate

LOG_FILE_NAME = "followthrough.log"


@dataclass(frozen=True)
class Failure:
    """``reason``: a sentence for the user, in their language. ``retryable``: trying again
    may work (a lock held too long, a full disk once space is freed). ``refusal``: a rule
    of the app said no (nothing broke, nothing to log as an error).

    ``text`` is the sentence as written: in English, marked for translation in the
    "errors" context (translated when read, so a language installed later applies); a
    refusal's is the refusal itself, already in the user's language."""

    text: str
    retryable: bool
    refusal: bool = False

    @property
    def reason(self) -> str:
        if self.refusal:
            return self.text
        return translate("errors", self.text).format(log=LOG_FILE_NAME)


BUSY = Failure(
    QT_TRANSLATE_NOOP(
        "errors",
        "Another program (or another copy of Follow-Through) kept your data file busy for "
        "too long.",
    ),
    retryable=True,
)
DISK_FULL = Failure(
    QT_TRANSLATE_NOOP(
        "errors", "The disk that holds your data is full. Free some space, then try again."
    ),
    retryable=True,
)
READ_ONLY = Failure(
    QT_TRANSLATE_NOOP(
        "errors",
        "Your data folder cannot be written to (it is read-only, or belongs to another user).",
    ),
    retryable=True,
)
DISK_ERROR = Failure(
    QT_TRANSLATE_NOOP("errors", "The disk reported an error while your data was being written."),
    retryable=True,
)
DAMAGED = Failure(
    QT_TRANSLATE_NOOP(
        "errors", "Your data file is damaged. Quit Follow-Through and restore a backup."
    ),
    retryable=False,
)
MISSING = Failure(
    QT_TRANSLATE_NOOP(
        "errors", "Your data file could not be opened (was the data folder moved or deleted?)."
    ),
    retryable=True,
)
# {log}: the log file's name, filled in when read.
UNEXPECTED = Failure(
    QT_TRANSLATE_NOOP(
        "errors",
        "Something unexpected stopped it. The details were written to {log} in your data folder.",
    ),
    retryable=True,
)

_BY_ERRNO = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: DISK_FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
    errno.ENOENT: MISSING,
    errno.EIO: DISK_ERROR,
}

# SQLite's messages (its error codes are not exposed by every Python version).
_BY_SQLITE_TEXT = (
    ("database is locked", BUSY),
    ("database table is locked", BUSY),
    ("database or disk is full", DISK_FULL),
    ("attempt to write a readonly database", READ_ONLY),
    ("readonly database", READ_ONLY),
    ("disk i/o error", DISK_ERROR),
    ("database disk image is malformed", DAMAGED),
    ("file is not a database", DAMAGED),
    ("unable to open database file", MISSING),
)


def describe_failure(error: BaseException) -> Failure:
    """The cause of ``error`` in plain words."""
    # Loaded here, not with the module: the log file and the single-instance check import
    # this module before the first window, which waits for neither SQLite nor Peewee.
    import sqlite3

    import peewee

    if isinstance(error, UserError):
        return Failure(str(error), retryable=False, refusal=True)
    if isinstance(error, DatabaseCorruptError):
        return DAMAGED
    for cause in _causes(error):
        if isinstance(cause, OSError) and cause.errno in _BY_ERRNO:
            return _BY_ERRNO[cause.errno]
        if isinstance(cause, sqlite3.Error | peewee.DatabaseError):
            text = str(cause).lower()
            for needle, failure in _BY_SQLITE_TEXT:
                if needle in text:
                    return failure
    return UNEXPECTED


def _causes(error: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


# -- starting up: the data folder and the database --------------------------------------


class DatabaseOpenError(Exception):
    """The database cannot be used; ``str(error)`` is a message for the user."""


class DatabaseTooNewError(DatabaseOpenError):
    pass


class DatabaseCorruptError(DatabaseOpenError):
    pass


class DatabaseForeignError(DatabaseOpenError):
    """Tables but no Follow-Through schema version: another program's file."""


class ExitCode(IntEnum):
    """How the app ends when it cannot start (listed in ``followthrough --help``)."""

    OK = 0
    ALREADY_RUNNING = 1  # another copy holds the data folder and does not answer
    USAGE = 2  # the command line is wrong
    DATABASE = 3  # the database is damaged, newer, or not Follow-Through's
    FOLDER = 4  # the data folder cannot be made or used (missing parent, a file, no rights)
    READ_ONLY = 5  # the data folder is on a read-only disk
    DISK_FULL = 6  # the disk holding the data folder is full
    CALENDAR_SERVER = 7  # calendar-push: the calendar server could not be used (or set up)
    UNEXPECTED = 70  # anything else (the log has the details)


EXIT_CODE_HELP = (
    "Exit codes: 0 done; 1 another copy of the app holds this data folder and does not "
    "answer; 2 wrong command line; 3 the database is damaged, from a newer version or not "
    "Follow-Through's; 4 the data folder cannot be made or used; 5 it is on a read-only "
    "disk; 6 the disk is full; 7 the calendar server could not be used (calendar-push, "
    "calendar-password); 70 anything else (see the log)."
)


class StartupError(Exception):
    """Why the app cannot start or a command cannot run: ``str()`` is one sentence for the
    user, ``exit_code`` says which kind of problem it is."""

    def __init__(self, message: str, exit_code: ExitCode) -> None:
        super().__init__(message)
        self.exit_code = exit_code


# Below this much free space, SQLite's vaguer errors ("disk I/O error") mean a full disk.
NEARLY_FULL_BYTES = 4 * 1024 * 1024


def free_bytes(path: Path) -> int | None:
    """Free space on the disk holding ``path`` (or its nearest existing parent)."""
    for candidate in (path, *path.parents):
        try:
            return shutil.disk_usage(candidate).free
        except OSError:
            continue
    return None


def _megabytes(count: int) -> str:
    return f"{max(count, 0) / 1_048_576:.1f} MB"


def disk_full_error(data_dir: Path, needed: int | None = None) -> StartupError:
    free = free_bytes(data_dir)
    if free is not None and needed:
        message = translate(
            "errors",
            "The disk holding {folder} is full ({free} free; about {needed} is needed). "
            "Free some space, then try again.",
        ).format(folder=data_dir, free=_megabytes(free), needed=_megabytes(needed))
    elif free is not None:
        message = translate(
            "errors",
            "The disk holding {folder} is full ({free} free). Free some space, then try again.",
        ).format(folder=data_dir, free=_megabytes(free))
    else:
        message = translate(
            "errors", "The disk holding {folder} is full. Free some space, then try again."
        ).format(folder=data_dir)
    return StartupError(message, ExitCode.DISK_FULL)


def describe_startup_failure(
    error: BaseException,
    data_dir: Path,
    needed: int | None = None,
    log_file: Path | None = None,
) -> StartupError:
    """One sentence and an exit code for what stopped the app at start (or a command).
    ``needed``: how many bytes the work needed, where known (said when the disk is full);
    ``log_file``: where the details of an unexpected error went."""
    if isinstance(error, StartupError):
        return error
    parent = data_dir.parent
    for cause in _causes(error):
        number = cause.errno if isinstance(cause, OSError) else None
        text = str(cause).lower()
        if number in (errno.ENOSPC, errno.EDQUOT) or "database or disk is full" in text:
            return disk_full_error(data_dir, needed)
        if number == errno.EROFS or "read-only file system" in text:
            return StartupError(
                translate(
                    "errors",
                    "The data folder {folder} is on a read-only disk: Follow-Through needs to "
                    "write there. Choose another folder with --data-dir.",
                ).format(folder=data_dir),
                ExitCode.READ_ONLY,
            )
        if number in (errno.EEXIST, errno.ENOTDIR) and data_dir.exists() and not data_dir.is_dir():
            return StartupError(
                translate(
                    "errors",
                    "{folder} is a file, not a folder. Choose another data folder with "
                    "--data-dir (or move that file away).",
                ).format(folder=data_dir),
                ExitCode.FOLDER,
            )
        if number in (errno.ENOENT, errno.ENOTDIR) and not data_dir.exists():
            return StartupError(
                translate(
                    "errors",
                    "The data folder {folder} cannot be made: {parent} does not exist, or "
                    "folders cannot be made in it. Choose another folder with --data-dir.",
                ).format(folder=data_dir, parent=parent),
                ExitCode.FOLDER,
            )
        if number in (errno.EACCES, errno.EPERM) or "readonly database" in text:
            return StartupError(
                translate(
                    "errors",
                    "You have no permission to write in the data folder {folder} (or its "
                    "files). Give yourself access to it, or choose another folder with "
                    "--data-dir.",
                ).format(folder=data_dir),
                ExitCode.FOLDER,
            )
        if "disk i/o error" in text:
            free = free_bytes(data_dir)
            if free is not None and free < NEARLY_FULL_BYTES:
                return disk_full_error(data_dir, needed)
    if isinstance(error, DatabaseOpenError):
        return StartupError(str(error), ExitCode.DATABASE)
    if log_file:
        message = translate(
            "errors", "Something unexpected stopped Follow-Through; the details are in {log}."
        ).format(log=log_file)
    else:
        message = translate(
            "errors",
            "Something unexpected stopped Follow-Through; the details are shown when you run "
            "it again with --verbose.",
        )
    return StartupError(message, ExitCode.UNEXPECTED)
