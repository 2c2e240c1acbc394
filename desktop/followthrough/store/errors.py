"""What went wrong, in plain words: the only way an exception's meaning reaches the user.

A ``UserError`` is a refusal written for the user and is shown as it is. Anything else
(SQLite, the file system, a bug) is described by its cause ("the disk is full"), never by
its raw text, and the caller logs it with its traceback.
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass

import peewee

from followthrough.domain.errors import UserError

LOG_FILE_NAME = "followthrough.log"


@dataclass(frozen=True)
class Failure:
    """``reason``: a sentence for the user. ``retryable``: trying again may work (a lock
    held too long, a full disk once space is freed). ``refusal``: a rule of the app said
    no (nothing broke, nothing to log as an error)."""

    reason: str
    retryable: bool
    refusal: bool = False


BUSY = Failure(
    "Another program (or another copy of Follow-Through) kept your data file busy for too long.",
    retryable=True,
)
DISK_FULL = Failure(
    "The disk that holds your data is full. Free some space, then try again.",
    retryable=True,
)
READ_ONLY = Failure(
    "Your data folder cannot be written to (it is read-only, or belongs to another user).",
    retryable=True,
)
DISK_ERROR = Failure(
    "The disk reported an error while your data was being written.", retryable=True
)
DAMAGED = Failure(
    "Your data file is damaged. Quit Follow-Through and restore a backup.", retryable=False
)
MISSING = Failure(
    "Your data file could not be opened (was the data folder moved or deleted?).",
    retryable=True,
)
UNEXPECTED = Failure(
    f"Something unexpected stopped it. The details were written to {LOG_FILE_NAME} in "
    "your data folder.",
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
    if isinstance(error, UserError):
        return Failure(str(error), retryable=False, refusal=True)
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
