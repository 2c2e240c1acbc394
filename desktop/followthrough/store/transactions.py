"""The one way the store writes: a short IMMEDIATE transaction.

In WAL mode a deferred transaction that reads and then writes fails at once with
"database is locked" when another connection wrote in between (its snapshot is stale and
SQLite does not wait for it); ``BEGIN IMMEDIATE`` takes the write lock first, so writers
queue on the busy timeout instead. Every write path in ``store/`` goes through
``writing()`` or ``@writes`` (``tests/unit/store/test_write_paths.py`` checks the source).
Nested uses become savepoints of the outer transaction.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

import peewee

from followthrough.store.models import db

P = ParamSpec("P")
R = TypeVar("R")


def writing(database: peewee.Database | peewee.DatabaseProxy | None = None) -> Any:
    """A context manager: one IMMEDIATE transaction (a savepoint when already in one)."""
    return (database if database is not None else db).atomic("IMMEDIATE")


def writes(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` in its own ``writing()`` transaction (a new one per call, so the
    decorated function is safe to call from several threads)."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with writing():
            return function(*args, **kwargs)

    return wrapper
