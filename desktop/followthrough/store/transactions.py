"""The one way the store writes: a short IMMEDIATE transaction.

In WAL mode a deferred transaction that reads and then writes fails at once with
"database is locked" when another connection wrote in between (its snapshot is stale and
SQLite does not wait for it); ``BEGIN IMMEDIATE`` takes the write lock first, so writers
queue instead. Every write path in ``store/`` goes through ``writing()`` or ``@writes``
(``tests/unit/store/test_write_paths.py`` checks the source). Nested uses become
savepoints of the outer transaction.

Waiting for the lock is done here rather than by SQLite's busy handler: that one sleeps
longer and longer (up to 100 ms a try) and so keeps missing the short gaps between the
steps of a planning pass; polling every few milliseconds takes the first gap.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, ParamSpec, TypeVar

import peewee

from followthrough.store.errors import DatabaseCorruptError
from followthrough.store.models import db

P = ParamSpec("P")
R = TypeVar("R")

# How long a writer waits for another to finish before giving up (it then says so).
WRITE_LOCK_WAIT_SECONDS = 10.0
_FIRST_POLL = 0.0005
_LONGEST_POLL = 0.004


# Set when the database was found damaged while the app runs: no write may make it worse.
_refused: str | None = None


def refuse_writes(reason: str | None) -> None:
    """From now on every write raises DatabaseCorruptError(``reason``) (None: allow again)."""
    global _refused
    _refused = reason


def _is_busy(error: Exception) -> bool:
    text = str(error).lower()
    return "database is locked" in text or "database is busy" in text


class _Writing:
    def __init__(self, database: Any) -> None:
        self._database = database
        self._inner: Any = None

    def __enter__(self) -> Any:
        if _refused is not None:
            raise DatabaseCorruptError(_refused)
        database = self._database
        if database.transaction_depth() > 0:
            self._inner = database.atomic("IMMEDIATE")  # a savepoint
            return self._inner.__enter__()
        connection = database.connection()
        (previous,) = connection.execute("PRAGMA busy_timeout").fetchone()
        connection.execute("PRAGMA busy_timeout = 0")
        deadline = time.monotonic() + WRITE_LOCK_WAIT_SECONDS
        pause = _FIRST_POLL
        try:
            while True:
                inner = database.atomic("IMMEDIATE")
                try:
                    entered = inner.__enter__()
                    break
                except peewee.OperationalError as error:
                    if not _is_busy(error) or time.monotonic() >= deadline:
                        raise
                time.sleep(pause)
                pause = min(pause * 2, _LONGEST_POLL)
        finally:
            connection.execute(f"PRAGMA busy_timeout = {int(previous)}")
        self._inner = inner
        return entered

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> Any:
        return self._inner.__exit__(kind, error, trace)


def writing(database: peewee.Database | peewee.DatabaseProxy | None = None) -> Any:
    """A context manager: one IMMEDIATE transaction (a savepoint when already in one)."""
    return _Writing(database if database is not None else db)


def writes(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` in its own ``writing()`` transaction (a new one per call, so the
    decorated function is safe to call from several threads)."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with writing():
            return function(*args, **kwargs)

    return wrapper


def reading(database: peewee.Database | peewee.DatabaseProxy | None = None) -> Any:
    """A context manager: one read transaction, so that every query in it sees the same
    moment of the data (an export reads many tables while the app may write)."""
    return (database if database is not None else db).atomic("DEFERRED")
