"""Applications or people out as a CSV file (``domain.exchange.csv_writing``): a read,
in one read transaction; the data folder is not changed."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path

from followthrough.domain.exchange.csv_writing import (
    APPLICATION_HEADERS,
    CONTACT_HEADERS,
    csv_chunks,
    day_text,
    method_text,
    reason_text,
    roles_text,
    stage_text,
)
from followthrough.store.exchange.exporting import save_file
from followthrough.store.fields import day_from_db, instant_from_db
from followthrough.store.models import db
from followthrough.store.transactions import reading


class CsvContent(StrEnum):
    APPLICATIONS = "applications"
    CONTACTS = "contacts"


def _added_on(created_at: str | None) -> str:
    return "" if created_at is None else day_text(instant_from_db(created_at).date())


def application_rows() -> list[list[str]]:
    with reading():
        rows = db.execute_sql(
            "SELECT company, role_title, stage, applied_on, closed_on, closure_reason, "
            "location, source, posting_url, notes, created_at FROM application ORDER BY id"
        ).fetchall()
    return [
        [
            *row[:2],
            stage_text(row[2]),
            day_text(day_from_db(row[3])),
            day_text(day_from_db(row[4])),
            reason_text(row[5]),
            *row[6:10],
            _added_on(row[10]),
        ]
        for row in rows
    ]


def contact_rows() -> list[list[str]]:
    with reading():
        rows = db.execute_sql(
            "SELECT c.name, c.title, c.company, c.email, c.phone, c.linkedin_url, "
            "c.preferred_method, (SELECT group_concat(r.role, ',') FROM contact_role r "
            "WHERE r.contact_id = c.id), c.notes, c.created_at FROM contact c ORDER BY c.id"
        ).fetchall()
    return [
        [
            name,
            title,
            company,
            email,
            phone,
            linkedin,
            method_text(method),
            roles_text(sorted(filter(None, (roles or "").split(",")))),
            notes,
            _added_on(created),
        ]
        for name, title, company, email, phone, linkedin, method, roles, notes, created in rows
    ]


def csv_export(content: CsvContent) -> tuple[list[str], int]:
    """The file's text in pieces (read now, in one read transaction), and its rows."""
    headers: tuple[str, ...] = APPLICATION_HEADERS
    if content is CsvContent.APPLICATIONS:
        rows = application_rows()
    else:
        headers, rows = CONTACT_HEADERS, contact_rows()
    return list(csv_chunks(headers, rows)), len(rows)


def save_csv(path: Path, chunks: Iterable[str]) -> None:
    """Write the pieces to ``path`` (replaced once complete, the user's only)."""
    save_file(path, lambda stream: stream.writelines(chunks))


def export_csv(path: Path, content: CsvContent) -> int:
    """``content`` from the bound database to ``path``; the number of rows."""
    chunks, count = csv_export(content)
    save_csv(path, chunks)
    return count
