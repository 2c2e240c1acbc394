"""A JSON export read back in (``docs/data-format.md``): all or nothing.

The file is read once (mapped, not copied: one text in memory), checked whole
(``domain.exchange.reading``), then written in one IMMEDIATE transaction: any failure,
or a stop asked for, rolls everything back.

Into a folder with no records yet, every row comes back as it was: the same ids, so the
same Today, the same reminders due, and each reminder keeps what was done with it (shown,
snoozed, done), so none is shown again. Into a folder that has records, only when asked
to merge: people and applications already there are matched (``domain.exchange.merging``)
and the file's ids are given the folder's; what the folder has is kept as it is.
"""

from __future__ import annotations

import codecs
import errno
import logging
import mmap
import os
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import cast

from followthrough.domain.exchange.merging import (
    CHECKLIST_IDS,
    STEP_IDS,
    ApplicationIndex,
    PeopleIndex,
    remap_subject,
    remap_tagged,
)
from followthrough.domain.exchange.reading import Document, ExchangeError, parse_document
from followthrough.domain.exchange.schema import (
    APPLICATION,
    DEBRIEF,
    INTERVIEW,
    PERSON,
    PREP_TICK,
    REFERENCE,
    REJECTION_STEP,
    REMINDER,
    SETTING,
    STAGE_EVENT,
    TOUCHPOINT,
    Kind,
    ObjectSpec,
    Placed,
    every_object,
)
from followthrough.domain.wording import translate
from followthrough.store.backups.copies import back_up_before_import
from followthrough.store.database import DataLocation
from followthrough.store.fields import instant_from_db
from followthrough.store.models import db
from followthrough.store.transactions import writing

log = logging.getLogger(__name__)

# Files larger than this are refused before anything is read: about 12,000 applications
# as full as the sample data's (10 KB each), more than any search holds. The file is
# mapped rather than read, and its text parsed once: an import needs about six times the
# file's size of memory (docs/data-format.md, The file).
MAX_FILE_BYTES = 128 * 1024 * 1024
# Progress is told every this many rows.
PROGRESS_EVERY = 500
# The app's own bookkeeping of the plan (``store.planning``): a merge keeps the folder's.
_PLAN_KEYS = "planning."

Progress = Callable[[int, int], None]
Stop = Callable[[], bool]


# -- reading the file ----------------------------------------------------------------------


def read_export(path: Path, limit: int = MAX_FILE_BYTES) -> Document:
    """The checked records of the file at ``path``; ExchangeError (in plain words) when
    it cannot be read or is not an export this version can import."""
    try:
        document = parse_document(_file_text(path, limit))
    except ExchangeError as exc:
        log.info("%s was not imported: %s", path, exc)
        raise
    if document.unknown:
        log.info("%s: left out what this version does not know: %s", path, sorted(document.unknown))
    return document


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


def _file_text(path: Path, limit: int) -> str:
    try:
        with path.open("rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise ExchangeError(translate("exchange", "That is not a file."))
            if status.st_size > limit:
                raise ExchangeError(
                    translate(
                        "exchange",
                        "The file is {size}: larger than any Follow-Through export can be "
                        "(at most {limit}). Is it the right file?",
                    ).format(size=_megabytes(status.st_size), limit=_megabytes(limit))
                )
            if status.st_size == 0:
                return ""
            with mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
                return _decoded(mapped)
    except OSError as exc:
        log.info("%s could not be read", path, exc_info=True)
        raise ExchangeError(_unreadable(exc)) from None


def read_file_bytes(path: Path, limit: int, too_large: str) -> bytes:
    """The bytes of the file at ``path``; ExchangeError in plain words when it cannot be
    read or is over ``limit`` bytes (``too_large``: the message, with ``{size}`` and
    ``{limit}``)."""
    try:
        with path.open("rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise ExchangeError(translate("exchange", "That is not a file."))
            if status.st_size > limit:
                raise ExchangeError(
                    too_large.format(size=_megabytes(status.st_size), limit=_megabytes(limit))
                )
            return stream.read()
    except OSError as exc:
        log.info("%s could not be read", path, exc_info=True)
        raise ExchangeError(_unreadable(exc)) from None


def _unreadable(error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return translate("exchange", "There is no such file.")
    if error.errno == errno.EISDIR:
        return translate("exchange", "That is a folder, not a file.")
    if error.errno in (errno.EACCES, errno.EPERM):
        return translate("exchange", "You are not allowed to read that file.")
    return translate("exchange", "The file could not be read (the disk reported an error).")


def _decoded(mapped: mmap.mmap) -> str:
    """The file's text: UTF-8 (a byte-order mark allowed), nothing else."""
    head = mapped[:4]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        raise ExchangeError(
            translate(
                "exchange",
                "The file is in UTF-16 or UTF-32, not in UTF-8 as Follow-Through writes its "
                "exports. Save it again as UTF-8, then import that.",
            )
        )
    start = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
    with memoryview(mapped) as view:
        try:
            text, _used = codecs.utf_8_decode(view[start:], "strict", True)
        except UnicodeDecodeError as exc:
            line = mapped[: start + exc.start].count(b"\n") + 1
            raise ExchangeError(
                translate(
                    "exchange",
                    "The file is not in UTF-8, as Follow-Through writes its exports: line "
                    "{line} cannot be read. Was it saved again in another encoding, such as "
                    "Latin-1?",
                ).format(line=line)
            ) from None
    return text


# -- writing the records -------------------------------------------------------------------


class FolderNotEmptyError(ExchangeError):
    """The folder has records and no merge was asked for."""

    def __init__(self, applications: int, people: int) -> None:
        super().__init__(
            translate(
                "exchange",
                "This data folder is not empty (applications: {applications}, people: "
                "{people}). Nothing was imported.",
            ).format(applications=applications, people=people)
        )
        self.applications = applications
        self.people = people


class ImportStoppedError(ExchangeError):
    def __init__(self) -> None:
        super().__init__(translate("exchange", "The import was stopped; nothing was changed."))


@dataclass(frozen=True)
class FolderHolds:
    """What a folder has (settings aside: a new folder has some)."""

    applications: int
    people: int
    other: int

    @property
    def empty(self) -> bool:
        return not (self.applications or self.people or self.other)


def folder_holds() -> FolderHolds:
    """Whether the bound database has records (what an import into it would mix with)."""
    applications, people, words, reminders = db.execute_sql(
        "SELECT (SELECT count(*) FROM application), (SELECT count(*) FROM contact), "
        "(SELECT count(*) FROM personal_word), (SELECT count(*) FROM reminder)"
    ).fetchone()
    return FolderHolds(int(applications), int(people), int(words) + int(reminders))


@dataclass
class ImportReport:
    """What an import did: records added per kind ("application", …), how many of the
    file's people, applications and interviews were found in the folder, and how many
    records the folder had already."""

    merged: bool
    added: dict[str, int] = field(default_factory=dict)
    matched: dict[str, int] = field(default_factory=dict)
    already_there: int = 0
    # The copy of the folder's data made before a merge (None: none was needed).
    backup: Path | None = None

    def count(self, spec: ObjectSpec) -> int:
        return self.added.get(spec.name, 0)


@dataclass
class _State:
    document: Document
    merge: bool
    connection: sqlite3.Connection
    report: ImportReport
    progress: Progress | None
    should_stop: Stop | None
    people: PeopleIndex = field(default_factory=PeopleIndex)
    applications: ApplicationIndex = field(default_factory=ApplicationIndex)
    # The kind of object -> its id in the file -> its id in the folder.
    ids: dict[str, dict[int, int]] = field(default_factory=dict)
    # The kind of object -> folder ids of those that were there before (matched).
    found: dict[str, set[int]] = field(default_factory=dict)
    done: int = 0
    total: int = 0

    def folder_id(self, kind: str, file_id: int) -> int | None:
        return self.ids.get(kind, {}).get(file_id)

    def tick(self) -> None:
        self.done += 1
        if self.done % PROGRESS_EVERY == 0 or self.done == self.total:
            if self.should_stop is not None and self.should_stop():
                raise ImportStoppedError
            if self.progress is not None:
                self.progress(self.done, self.total)


def import_document(
    document: Document,
    *,
    merge: bool = False,
    progress: Progress | None = None,
    should_stop: Stop | None = None,
    back_up: DataLocation | None = None,
    now: datetime | None = None,
) -> ImportReport:
    """Write ``document``'s records into the bound database, in one transaction.

    FolderNotEmptyError when the folder has records and ``merge`` is False; ImportStoppedError when
    ``should_stop`` said so; either way, and on any other failure, nothing is changed.
    ``back_up``: the data folder, copied first (at ``now``) when a merge is asked for
    and it has data (ImportBackupError, and nothing imported, when it cannot be).
    ``progress(done, total)`` is told from the thread that imports."""
    backup = None
    if merge and back_up is not None and now is not None:
        backup = back_up_before_import(back_up, now)
    try:
        report = _import_all(document, merge, progress, should_stop)
    except ExchangeError as exc:
        log.info("nothing was imported: %s", exc)
        raise
    except Exception:
        log.exception("nothing was imported: the import failed and was rolled back")
        raise
    report.backup = backup
    log.info(
        "imported %s (matched %s, %d already there)",
        report.added,
        report.matched,
        report.already_there,
    )
    return report


def _import_all(
    document: Document, merge: bool, progress: Progress | None, should_stop: Stop | None
) -> ImportReport:
    with writing():
        holds = folder_holds()
        if not holds.empty and not merge:
            raise FolderNotEmptyError(holds.applications, holds.people)
        state = _State(
            document,
            not holds.empty,
            db.connection(),
            ImportReport(merged=not holds.empty),
            progress,
            should_stop,
        )
        state.total = sum(len(rows) for rows in document.tables.rows.values())
        if state.merge:
            _index_folder(state)
        for placed in every_object():
            _import_kind(state, placed)
        _zone_the_deadlines(state.connection)
        if not state.merge:
            _keep_the_files_plan(state.connection)
    return state.report


def _zone_the_deadlines(connection: sqlite3.Connection) -> None:
    """An offer from a file written before deadlines kept their zone (format 1.0) gets
    the user's zone as it stands now (a fresh folder's: the file's setting), as the
    database update gives one recorded before: the clock it was typed on, as best known."""
    from followthrough.store import settings as options

    connection.execute(
        "UPDATE offer SET answer_by_zone = ? WHERE answer_by_zone IS NULL",
        (options.user_zone().key,),
    )


def _keep_the_files_plan(connection: sqlite3.Connection) -> None:
    """Into a folder without records: the file's reminders were planned on its facts (and
    its settings record on what), so what the import wrote is no change to plan again
    (marked so by the tables' triggers). Planned as changes, reminders a new time zone
    moves would be shown again; left to the next start, the app moves them with the
    local hours (``store.planning.plan_at_start``) and shows none again."""
    connection.execute("DELETE FROM plan_dirty")


def _index_folder(state: _State) -> None:
    connection = state.connection
    state.people = PeopleIndex.of(
        connection.execute("SELECT id, name, email FROM contact ORDER BY id")
    )
    state.applications = ApplicationIndex.of(
        connection.execute("SELECT id, company, role_title FROM application ORDER BY id")
    )
    state.applications.add_spelling(
        str(row[0]) for row in connection.execute("SELECT company FROM contact ORDER BY id")
    )


def _import_kind(state: _State, placed: Placed) -> None:
    spec = placed.spec
    for row in state.document.tables.of(spec):
        values = _mapped(state, placed, row)
        if values is not None and state.merge:
            values = _merged(state, spec, values)
        if values is None:
            state.report.already_there += 1
        else:
            _insert(state, spec, row, values)
        state.tick()


def _mapped(state: _State, placed: Placed, row: dict[str, object]) -> dict[str, object] | None:
    """``row`` with the folder's ids for its parent and the people it names; None when
    its parent was not imported (a merge keeps the folder's)."""
    spec = placed.spec
    values = dict(row)
    if placed.parent is not None:
        parent = state.folder_id(placed.parent.name, cast(int, row[spec.parent_column]))
        if parent is None:
            return None
        values[spec.parent_column] = parent
    for column, kind in _references(spec):
        named = values[column]
        if named is not None:
            values[column] = state.folder_id(kind, cast(int, named))
    if state.merge and spec.has_id:
        del values["id"]
    return values


def _references(spec: ObjectSpec) -> list[tuple[str, str]]:
    return [(f.db_column, f.refers_to) for f in spec.fields if f.kind is Kind.REF]


def _insert(
    state: _State, spec: ObjectSpec, row: dict[str, object], values: dict[str, object]
) -> None:
    if "_found" in values:
        # Already in the folder: the file's id now names that one.
        found = cast(int, values["_found"])
        state.ids.setdefault(spec.name, {})[cast(int, row["id"])] = found
        state.found.setdefault(spec.name, set()).add(found)
        state.report.matched[spec.name] = state.report.matched.get(spec.name, 0) + 1
        return
    # Into a folder without records the file's settings are the app's (the folder's
    # stand in a merge).
    replace = spec is SETTING and not state.merge
    new_id = _insert_row(state.connection, spec.table, values, replace=replace)
    if new_id is None:
        state.report.already_there += 1
        return
    state.report.added[spec.name] = state.report.added.get(spec.name, 0) + 1
    if spec.has_id:
        state.ids.setdefault(spec.name, {})[cast(int, row["id"])] = new_id
    elif spec is DEBRIEF:
        # Its parts name it by its interview's id in the file.
        state.ids.setdefault(spec.name, {})[cast(int, row[spec.parent_column])] = new_id


def _insert_row(
    connection: sqlite3.Connection, table: str, values: dict[str, object], *, replace: bool
) -> int | None:
    """One row; its rowid, or None when the folder has it already (a merge). ``replace``:
    a setting's value replaces the folder's."""
    columns = ", ".join(values)
    marks = ", ".join("?" * len(values))
    conflict = "(key) DO UPDATE SET value = excluded.value" if replace else "DO NOTHING"
    cursor = connection.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({marks}) ON CONFLICT {conflict}",
        tuple(values.values()),
    )
    return cursor.lastrowid if cursor.rowcount == 1 else None


# -- merging: what the folder has already --------------------------------------------------


def _merged(state: _State, spec: ObjectSpec, values: dict[str, object]) -> dict[str, object] | None:
    """``values`` as a merge writes them; with "_found" naming the folder's own when it
    has this one; None when the folder's stands instead."""
    decide = _MERGE_RULES.get(spec.table)
    return values if decide is None else decide(state, values)


def _person(state: _State, values: dict[str, object]) -> dict[str, object] | None:
    found = state.people.find(str(values["name"]), str(values["email"]))
    if found is not None:
        return {"_found": found}
    return {**values, "company": state.applications.company(str(values["company"]))}


def _application(state: _State, values: dict[str, object]) -> dict[str, object] | None:
    found = state.applications.find(str(values["company"]), str(values["role_title"]))
    if found is not None:
        return {"_found": found}
    return {**values, "company": state.applications.company(str(values["company"]))}


def _of_found_application(state: _State, values: dict[str, object]) -> bool:
    return values["application_id"] in state.found.get(APPLICATION.name, ())


def _stage_event(state: _State, values: dict[str, object]) -> dict[str, object] | None:
    # An application found in the folder keeps its stage, and so its history.
    return None if _of_found_application(state, values) else values


def _one(state: _State, sql: str, *params: object) -> int | None:
    row = state.connection.execute(sql, params).fetchone()
    return None if row is None else int(row[0])


def _interview(state: _State, values: dict[str, object]) -> dict[str, object] | None:
    """An interview of an application found in the folder is the folder's interview of
    that application that starts at the same moment, else the one of the same round (an
    interview moved to another day in one copy is still that round; of several, the
    nearest in time). Each is found once: two of one round in the file are two. The
    folder's stands as it is (its time, its people, its notes)."""
    if not _of_found_application(state, values):
        return values
    taken = state.found.get(INTERVIEW.name, set())
    starts_at = str(values["starts_at"])
    candidates = [
        (found, str(start))
        for found, start in state.connection.execute(
            "SELECT id, starts_at FROM interview WHERE application_id = ? "
            "AND (starts_at = ? OR round = ?) ORDER BY id",
            (values["application_id"], starts_at, values["round"]),
        )
        if found not in taken
    ]
    if not candidates:
        return values
    moment = instant_from_db(starts_at)
    found, _start = min(
        candidates,
        key=lambda candidate: (
            candidate[1] != starts_at,
            abs((instant_from_db(candidate[1]) - moment).total_seconds()),
        ),
    )
    return {"_found": found}


def _touchpoint(state: _State, values: dict[str, object]) -> dict[str, object] | None:
    if not _of_found_application(state, values):
        return values
    found = _one(
        state,
        "SELECT id FROM touchpoint WHERE application_id = ? AND happened_at = ? AND channel = ?",
        values["application_id"],
        values["happened_at"],
        values["channel"],
    )
    return values if found is None else None


def _reference(state: _State, values: dict[str, object]) -> dict[str, object] | None:
    found = _one(
        state,
        "SELECT id FROM application_reference WHERE application_id = ? AND contact_id = ?",
        values["application_id"],
        values["contact_id"],
    )
    return values if found is None else {"_found": found}


def _debrief(state: _State, values: dict[str, object]) -> dict[str, object] | None:
    # The folder's debrief of that interview stands, with its questions and skills.
    found = _one(state, "SELECT id FROM debrief WHERE interview_id = ?", values["interview_id"])
    return values if found is None else None


def _rejection_step(state: _State, values: dict[str, object]) -> dict[str, object] | None:
    key = remap_tagged(str(values["step_key"]), STEP_IDS, state.folder_id)
    return None if key is None else {**values, "step_key": key}


def _prep_tick(state: _State, values: dict[str, object]) -> dict[str, object] | None:
    item = remap_tagged(str(values["item"]), CHECKLIST_IDS, state.folder_id)
    return None if item is None else {**values, "item": item}


def _reminder(state: _State, values: dict[str, object]) -> dict[str, object] | None:
    subject = remap_subject(str(values["subject_key"]), state.folder_id)
    if subject is None:
        log.info(
            "reminder %s %s left out: its subject is not in the folder",
            values["kind"],
            values["subject_key"],
        )
        return None
    return {**values, "subject_key": subject}


def _setting(_state: _State, values: dict[str, object]) -> dict[str, object] | None:
    # The folder's choices stand (the insert does nothing where it has one), and so does
    # its own record of what its reminders were planned on.
    return None if str(values["key"]).startswith(_PLAN_KEYS) else values


_MERGE_RULES: dict[str, Callable[[_State, dict[str, object]], dict[str, object] | None]] = {
    PERSON.table: _person,
    APPLICATION.table: _application,
    STAGE_EVENT.table: _stage_event,
    INTERVIEW.table: _interview,
    TOUCHPOINT.table: _touchpoint,
    REFERENCE.table: _reference,
    DEBRIEF.table: _debrief,
    REJECTION_STEP.table: _rejection_step,
    PREP_TICK.table: _prep_tick,
    REMINDER.table: _reminder,
    SETTING.table: _setting,
}
