"""Applications from a spreadsheet (CSV), all or nothing.

The file is read and made a table (``domain.exchange.csv_table``); the person maps its
columns and the rows are planned (``domain.exchange.csv_plan``); then the rows to import
are written in one IMMEDIATE transaction. Any failure, or a stop asked for, rolls
everything back. Each application is written as one typed in the window is — at
*Applied*, with its stage history — and moved on to the stage its row says, each move in
its history; the tables' triggers mark it to be planned, so its reminders come as a
typed one's do. A contact named in a row is the person the app has already (by e-mail,
else by name) or a new one at that company, with their role (recruiter, unless the
column names a referrer or hiring manager), listed for the application as a network
contact: the link the app has for someone who works there or referred you outside an
interview. So the application's People and References tabs show them and searching the
applications for their name finds it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from followthrough.domain.exchange.csv_plan import ApplicationDraft, ContactDraft
from followthrough.domain.exchange.csv_table import CsvTable, parse_table
from followthrough.domain.exchange.merging import match_text
from followthrough.domain.exchange.reading import ExchangeError
from followthrough.domain.exchange.text_files import decode_text
from followthrough.domain.references import ReferenceKind
from followthrough.domain.stages import ClosureReason, Stage, is_closed
from followthrough.domain.wording import translate
from followthrough.store.backups.copies import back_up_before_import
from followthrough.store.database import DataLocation
from followthrough.store.exchange.importing import ImportStoppedError, read_file_bytes
from followthrough.store.fields import to_db_instant
from followthrough.store.models import db
from followthrough.store.transactions import reading, writing

log = logging.getLogger(__name__)

# Far more than any spreadsheet of applications (10,000 rows of a full tracker: 3 MB).
MAX_CSV_BYTES = 32 * 1024 * 1024
PROGRESS_EVERY = 500

Progress = Callable[[int, int], None]
Stop = Callable[[], bool]

# The reason an imported application closed, by the stage its row names.
_REASONS = {
    Stage.REJECTED: ClosureReason.REJECTED,
    Stage.WITHDRAWN: ClosureReason.WITHDREW,
    Stage.FILLED: ClosureReason.FILLED,
    Stage.NO_RESPONSE: ClosureReason.NO_RESPONSE,
}


def read_csv(path: Path, limit: int = MAX_CSV_BYTES) -> CsvTable:
    """The table in the CSV file at ``path``; ExchangeError in plain words when there
    is none."""
    try:
        data = read_file_bytes(
            path,
            limit,
            translate(
                "exchange",
                "The file is {size}: more than any spreadsheet of applications (at most "
                "{limit}). Is it the right file?",
            ),
        )
        table = parse_table(decode_text(data, translate("exchange", "a CSV file")))
    except ExchangeError as exc:
        log.info("%s was not imported: %s", path, exc)
        raise
    log.info(
        "%s: %d rows, %d columns, %s, separated by %r",
        path,
        len(table.rows),
        len(table.headers),
        table.encoding,
        table.delimiter,
    )
    return table


@dataclass(frozen=True)
class KnownApplications:
    """The (company, role) of every application the app has, and how it spells each
    company (by ``match_text``)."""

    titles: list[tuple[str, str]]
    spelling: dict[str, str]


def known_applications() -> KnownApplications:
    titles: list[tuple[str, str]] = []
    spelling: dict[str, str] = {}
    with reading():
        for company, role in db.execute_sql(
            "SELECT company, role_title FROM application ORDER BY id"
        ):
            titles.append((company, role))
            spelling.setdefault(match_text(company), company)
    return KnownApplications(titles, spelling)


@dataclass
class CsvImportReport:
    applications: int = 0
    people_added: int = 0
    people_found: int = 0
    # Rows found in the app by the time of writing (added meanwhile): left out.
    duplicates: int = 0
    # The copy of the data made before (None: there was no data to lose).
    backup: Path | None = None


@dataclass
class _People:
    """The people in the app and those added, to find a row's contact among them."""

    by_email: dict[str, int] = field(default_factory=dict)
    by_name: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, connection: sqlite3.Connection) -> _People:
        people = cls()
        for person_id, name, email in connection.execute(
            "SELECT id, name, email FROM contact ORDER BY id"
        ):
            people.add(person_id, name, email)
        return people

    def add(self, person_id: int, name: str, email: str) -> None:
        if email.strip():
            self.by_email.setdefault(match_text(email), person_id)
        self.by_name.setdefault(match_text(name), person_id)

    def find(self, contact: ContactDraft) -> int | None:
        if contact.email:
            return self.by_email.get(match_text(contact.email))
        return self.by_name.get(match_text(contact.name))


@dataclass
class _Import:
    connection: sqlite3.Connection
    now: str
    today: date
    report: CsvImportReport
    people: _People
    known: set[tuple[str, str]]


def import_applications(
    drafts: Sequence[ApplicationDraft],
    now: datetime,
    today: date,
    *,
    skip_known: bool = True,
    progress: Progress | None = None,
    should_stop: Stop | None = None,
    back_up: DataLocation | None = None,
) -> CsvImportReport:
    """Write ``drafts`` in one transaction. ``today`` (on the user's clock) is the day
    the closed ones are closed on. ``skip_known``: leave out an application the app has
    by now (the same company and role). ``back_up``: the data folder, copied first when
    it has data (ImportBackupError, and nothing imported, when it cannot be).
    ImportStoppedError when ``should_stop`` said so; then, as on any failure, nothing is
    changed (the copy made before stays)."""
    backup = None if back_up is None else back_up_before_import(back_up, now)
    try:
        report = _import_all(drafts, now, today, skip_known, progress, should_stop)
    except ExchangeError as exc:
        log.info("nothing was imported: %s", exc)
        raise
    except Exception:
        log.exception("nothing was imported: the import failed and was rolled back")
        raise
    report.backup = backup
    log.info("imported from CSV: %s", report)
    return report


def _import_all(
    drafts: Sequence[ApplicationDraft],
    now: datetime,
    today: date,
    skip_known: bool,
    progress: Progress | None,
    should_stop: Stop | None,
) -> CsvImportReport:
    total = len(drafts)
    with writing():
        connection = db.connection()
        known: set[tuple[str, str]] = set()
        if skip_known:
            known = {
                (match_text(company), match_text(role))
                for company, role in connection.execute(
                    "SELECT company, role_title FROM application"
                )
            }
        state = _Import(
            connection, to_db_instant(now), today, CsvImportReport(), _People.of(connection), known
        )
        for done, draft in enumerate(drafts, start=1):
            _write(state, draft)
            if done % PROGRESS_EVERY == 0 or done == total:
                if should_stop is not None and should_stop():
                    raise ImportStoppedError
                if progress is not None:
                    progress(done, total)
    return state.report


def _write(state: _Import, draft: ApplicationDraft) -> None:
    if state.known and draft.key in state.known:
        state.report.duplicates += 1
        return
    stage = draft.stage
    closed = is_closed(stage)
    reason = _REASONS.get(stage)
    cursor = state.connection.execute(
        "INSERT INTO application (company, role_title, posting_url, location, source, "
        "applied_on, stage, closed_on, closure_reason, notes, created_at, updated_at, "
        "intro_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')",
        (
            draft.company,
            draft.role_title,
            draft.posting_url,
            draft.location,
            draft.source,
            None if draft.applied_on is None else draft.applied_on.isoformat(),
            stage.value,
            state.today.isoformat() if closed else None,
            None if reason is None else reason.value,
            draft.notes,
            state.now,
            state.now,
        ),
    )
    application_id = cursor.lastrowid
    _history(state, application_id, stage, reason)
    state.report.applications += 1
    if draft.contact is not None:
        _contact(state, draft.contact, draft.company, int(application_id or 0))


def _history(
    state: _Import, application_id: int | None, stage: Stage, reason: ClosureReason | None
) -> None:
    """Applied first, as a typed application; then on to ``stage`` (an accepted offer
    through *Offer*, as the stage rules have it)."""
    steps: list[tuple[str | None, Stage, ClosureReason | None]] = [(None, Stage.APPLIED, None)]
    if stage is Stage.ACCEPTED:
        steps += [(Stage.APPLIED, Stage.OFFER, None), (Stage.OFFER, Stage.ACCEPTED, None)]
    elif stage is not Stage.APPLIED:
        steps.append((Stage.APPLIED, stage, reason))
    state.connection.executemany(
        "INSERT INTO stage_event (application_id, from_stage, to_stage, closure_reason, "
        "happened_at) VALUES (?, ?, ?, ?, ?)",
        [
            (application_id, before, after.value, why.value if why else None, state.now)
            for before, after, why in steps
        ],
    )


def _contact(state: _Import, contact: ContactDraft, company: str, application_id: int) -> None:
    person_id = state.people.find(contact)
    if person_id is not None:
        state.report.people_found += 1
    else:
        cursor = state.connection.execute(
            "INSERT INTO contact (name, title, company, email, phone, linkedin_url, "
            "preferred_method, notes, created_at) VALUES (?, '', ?, ?, ?, '', NULL, '', ?)",
            (contact.name, company, contact.email, contact.phone, state.now),
        )
        person_id = int(cursor.lastrowid or 0)
        state.people.add(person_id, contact.name, contact.email)
        state.report.people_added += 1
    state.connection.execute(
        "INSERT INTO contact_role (contact_id, role) VALUES (?, ?) ON CONFLICT DO NOTHING",
        (person_id, contact.role.value),
    )
    state.connection.execute(
        "INSERT INTO application_reference (application_id, contact_id, kind, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (application_id, person_id, ReferenceKind.NETWORK.value, state.now, state.now),
    )
