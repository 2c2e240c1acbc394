"""Everything a user has, out as one JSON file (``docs/data-format.md``).

A read: the rows of every table the format covers, in one read transaction (the same
moment of the data throughout, while the app writes), in the order the app lists them.
Left out is only what is worked out again from the rest: ``plan_dirty`` (which
applications wait to be planned).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO, TypeVar

from followthrough import APP_NAME, __version__
from followthrough.domain.exchange.reading import ExchangeError
from followthrough.domain.exchange.schema import (
    APPLICATION,
    DEBRIEF,
    INTERVIEW,
    PERSON,
    REMINDER,
    Placed,
    Tables,
    every_object,
)
from followthrough.domain.exchange.writing import document_chunks
from followthrough.domain.wording import translate
from followthrough.store.fields import to_db_instant
from followthrough.store.models import db
from followthrough.store.transactions import reading

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class ExportSummary:
    """What a file holds, for the message that it was written."""

    applications: int
    people: int
    interviews: int
    reminders: int


def _query(placed: Placed) -> tuple[str, list[str]]:
    """The SELECT of one kind of object, and the names of its columns."""
    spec = placed.spec
    columns = [f.db_column for f in spec.fields]
    selected = [f"t.{c}" for c in columns]
    order = [f"t.{c.strip()}" for c in spec.order_by.split(",")]
    source = f"{spec.table} t"
    if placed.parent is DEBRIEF:
        # A debrief has no id in the file: its parts name it by its interview's.
        source += " JOIN debrief d ON d.id = t.debrief_id"
        selected.append(f"d.interview_id AS {spec.parent_column}")
        order.insert(0, "d.interview_id")
    elif spec.parent_column:
        selected.append(f"t.{spec.parent_column}")
        order.insert(0, f"t.{spec.parent_column}")
    if spec.parent_column:
        columns.append(spec.parent_column)
    return f"SELECT {', '.join(selected)} FROM {source} ORDER BY {', '.join(order)}", columns


def export_tables() -> Tables:
    """Every record, as rows of the tables (``domain.exchange.schema.Tables``)."""
    tables = Tables()
    with reading():
        for placed in every_object():
            sql, columns = _query(placed)
            tables.rows[placed.spec.table] = [
                dict(zip(columns, row, strict=True)) for row in db.execute_sql(sql)
            ]
    return tables


def summary_of(tables: Tables) -> ExportSummary:
    return ExportSummary(
        applications=tables.count(APPLICATION),
        people=tables.count(PERSON),
        interviews=tables.count(INTERVIEW),
        reminders=tables.count(REMINDER),
    )


def exported_by() -> str:
    return f"{APP_NAME} {__version__}"


def export_chunks(tables: Tables, now: datetime) -> Iterable[str]:
    return document_chunks(tables, to_db_instant(now), exported_by())


def write_export(stream: TextIO, tables: Tables, now: datetime) -> ExportSummary:
    """Write ``tables`` to ``stream`` (text, UTF-8)."""
    for chunk in export_chunks(tables, now):
        stream.write(chunk)
    return summary_of(tables)


def export_to_file(path: Path, now: datetime) -> ExportSummary:
    """Everything in the bound database, written to ``path`` (``save_export``)."""
    return save_export(export_tables(), path, now)


def save_export(tables: Tables, path: Path, now: datetime) -> ExportSummary:
    """Write ``tables`` to ``path`` (``save_file``)."""
    return save_file(path, lambda stream: write_export(stream, tables, now), newline="\n")


def save_file(path: Path, write: Callable[[TextIO], T], *, newline: str = "") -> T:
    """Write a file with ``write(stream)`` (text, UTF-8; line ends as written when
    ``newline`` is empty): under a temporary name beside it first, readable by the user
    only, and given its name once complete (an export cut short by a full disk leaves no
    half file, and never half of an older one). ExchangeError, in plain words, when it
    cannot be written."""
    temporary = path.with_name(f".{path.name}.partial")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8", newline=newline) as stream:
                result = write(stream)
                stream.flush()
                os.fsync(stream.fileno())
            temporary.replace(path)
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise
    except OSError as exc:
        log.info("the export to %s could not be written", path, exc_info=True)
        raise ExchangeError(
            translate("exchange", "The export could not be written to {path}: {cause}").format(
                path=path, cause=_cause(exc)
            )
        ) from None
    return result


def _cause(error: OSError) -> str:
    causes = {
        errno.ENOENT: translate("exchange", "its folder does not exist."),
        errno.EACCES: translate("exchange", "you are not allowed to write there."),
        errno.EPERM: translate("exchange", "you are not allowed to write there."),
        errno.ENOSPC: translate("exchange", "the disk is full."),
        errno.EROFS: translate("exchange", "the disk is read-only."),
        errno.EISDIR: translate("exchange", "that is a folder."),
    }
    return causes.get(
        error.errno or 0, translate("exchange", "the disk reported an error while writing.")
    )
