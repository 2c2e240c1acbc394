"""Failures described in plain words: never the exception's own text, except a refusal."""

from __future__ import annotations

import errno
import sqlite3

import peewee
import pytest

from followthrough.domain.errors import UserError
from followthrough.store import errors
from followthrough.store.errors import describe_failure


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (peewee.OperationalError("database is locked"), errors.BUSY),
        (sqlite3.OperationalError("database table is locked"), errors.BUSY),
        (sqlite3.OperationalError("database or disk is full"), errors.DISK_FULL),
        (OSError(errno.ENOSPC, "No space left on device"), errors.DISK_FULL),
        (sqlite3.OperationalError("attempt to write a readonly database"), errors.READ_ONLY),
        (PermissionError(errno.EACCES, "Permission denied"), errors.READ_ONLY),
        (OSError(errno.EROFS, "Read-only file system"), errors.READ_ONLY),
        (sqlite3.OperationalError("disk I/O error"), errors.DISK_ERROR),
        (sqlite3.DatabaseError("database disk image is malformed"), errors.DAMAGED),
        (sqlite3.DatabaseError("file is not a database"), errors.DAMAGED),
        (sqlite3.OperationalError("unable to open database file"), errors.MISSING),
        (KeyError("interview_id"), errors.UNEXPECTED),
        (AttributeError("'NoneType' object has no attribute 'id'"), errors.UNEXPECTED),
        (sqlite3.OperationalError("no such column: x"), errors.UNEXPECTED),
    ],
)
def test_each_cause_has_its_sentence(error: Exception, expected: errors.Failure) -> None:
    assert describe_failure(error) == expected
    assert str(error) not in expected.reason


def test_the_cause_is_found_down_the_chain() -> None:
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as inner:
            raise RuntimeError("backup failed") from inner
    except RuntimeError as outer:
        assert describe_failure(outer) is errors.DISK_FULL


def test_a_refusal_is_shown_as_written() -> None:
    failure = describe_failure(UserError("That time is still ahead."))
    assert failure == errors.Failure("That time is still ahead.", retryable=False, refusal=True)


def test_retry_is_offered_where_trying_again_can_help() -> None:
    assert errors.BUSY.retryable and errors.DISK_FULL.retryable
    assert not errors.DAMAGED.retryable
