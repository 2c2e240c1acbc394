"""Reminders in the database: planned from the facts, claimed once, snoozed, done.

A reminder fires at its effective due instant, ``COALESCE(snoozed_until, due_at)``. Firing
is a claim: a conditional UPDATE that only one process can win, so a reminder is shown at
most once even with two instances on one database. Everything that came due while the app
was closed is still unclaimed when it starts, so it fires then (no look-back limit).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from followthrough.domain.agenda import AgendaItem
from followthrough.domain.reminder_kinds import (
    Rendering,
    listed_ahead,
    params_text,
    render_text,
    render_with,
)
from followthrough.domain.reminder_plan import (
    ReminderChanges,
    ReminderSpec,
    StoredReminder,
    reconcile,
)
from followthrough.domain.wording import as_stored
from followthrough.store.agenda import counts_by_local_day, local_bounds, register
from followthrough.store.fields import instant_from_db, to_db_instant
from followthrough.store.models import Reminder, db
from followthrough.store.transactions import writes, writing

__all__ = ["DueReminder", "ReminderSpec", "StoredReminder"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EFFECTIVE = "COALESCE(snoozed_until, due_at)"
# Where an open reminder is listed (``StoredReminder.placed_at``): when it fires, or when
# it was shown if that was earlier (a new zone moved it later without showing it again).
# Indexed as written (``reminder_open_due``): queries over open reminders use this text.
PLACED = "MIN(COALESCE(snoozed_until, due_at), COALESCE(fired_at, snoozed_until, due_at))"
# Open: not done or dismissed; and its subject stands (a suspended one waits for it).
_UNFIRED_OPEN = (
    "fired_at IS NULL AND done_at IS NULL AND dismissed_at IS NULL AND suspended_at IS NULL"
)
OPEN = "done_at IS NULL AND dismissed_at IS NULL AND suspended_at IS NULL"


@dataclass(frozen=True, slots=True)
class DueReminder:
    reminder_id: int
    kind: str
    title: str
    body: str
    due_at: datetime  # where it is listed (``PLACED``): the snooze time when snoozed
    application_id: int | None
    fired: bool
    subject_key: str = ""
    params: str = ""


_SELECT = (
    f"SELECT id, kind, title, body, {PLACED}, application_id, fired_at IS NOT NULL, "
    "subject_key, params FROM reminder"
)


def _rows(sql: str, params: Iterable[object] = (), *, worded: bool = True) -> list[DueReminder]:
    """Reminders to show: their words written now, from their parameters, on the clock
    and in the language installed (``reminder_kinds.use_rendering``). ``worded=False``
    leaves the stored words and the parameters for the view to write when a row is
    actually drawn (Today's agenda holds thousands at 10,000 applications)."""
    rows = []
    for rid, kind, title, body, due, app_id, fired, key, values in db.execute_sql(
        sql, tuple(params)
    ):
        if worded:
            title, body = render_text(kind, values, title, body)
        rows.append(
            DueReminder(
                rid, kind, title, body, instant_from_db(due), app_id, bool(fired), key, values
            )
        )
    return rows


def _db_instant(value: datetime | None) -> str | None:
    return None if value is None else to_db_instant(value)


def planned_reminder(
    kind: str,
    subject_key: str,
    due_at: datetime,
    params: Mapping[str, Any],
    application_id: int | None,
    expires_at: datetime | None,
    zone: ZoneInfo,
) -> ReminderSpec:
    """A reminder to store: its parameters, and its words as written now on the user's
    clock (kept with it for whatever reads the row without the registry)."""
    with as_stored():
        title, body = render_with(kind, params, Rendering(zone))
    return ReminderSpec(
        kind, subject_key, title, due_at, body, application_id, expires_at, params_text(params)
    )


# -- the stored side of planning -----------------------------------------------------------

_STORED_COLUMNS = (
    "id, kind, subject_key, application_id, title, body, due_at, snoozed_until, fired_at, "
    "done_at, dismissed_at, expires_at, suspended_at, params"
)


def stored_reminders(where: str = "1", params: Iterable[object] = ()) -> list[StoredReminder]:
    """Reminder rows as plain values (raw rows: tens of thousands load quickly)."""
    cursor = db.execute_sql(f"SELECT {_STORED_COLUMNS} FROM reminder WHERE {where}", tuple(params))
    return [
        StoredReminder(
            reminder_id=rid,
            kind=kind,
            subject_key=key,
            application_id=app_id,
            title=title,
            body=body,
            due_at=instant_from_db(due),
            snoozed_until=instant_from_db(snoozed),
            fired_at=instant_from_db(fired),
            done_at=instant_from_db(done),
            dismissed_at=instant_from_db(dismissed),
            expires_at=instant_from_db(expires),
            suspended_at=instant_from_db(suspended),
            params=values,
        )
        for (
            rid,
            kind,
            key,
            app_id,
            title,
            body,
            due,
            snoozed,
            fired,
            done,
            dismissed,
            expires,
            suspended,
            values,
        ) in cursor
    ]


def write_changes(changes: ReminderChanges, now: datetime) -> tuple[int, int]:
    """Write what ``reconcile`` found, in the caller's transaction; (written, suspended)."""
    with writing():
        if changes.create:
            # A subject named by a row id SQLite gave out again (an interview deleted, a
            # new one added) may still have its old reminder, under another application
            # and so outside this plan's scope: the new subject takes the row over, as new.
            db.connection().executemany(
                "INSERT INTO reminder (kind, subject_key, application_id, title, body, due_at, "
                "expires_at, params) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (kind, subject_key) DO UPDATE SET "
                "application_id = excluded.application_id, title = excluded.title, "
                "body = excluded.body, due_at = excluded.due_at, "
                "expires_at = excluded.expires_at, params = excluded.params, fired_at = NULL, "
                "snoozed_until = NULL, done_at = NULL, dismissed_at = NULL, "
                "suspended_at = NULL, delivered_via = NULL, delivery_error = NULL",
                [
                    (
                        s.kind,
                        s.subject_key,
                        s.application_id,
                        s.title,
                        s.body,
                        to_db_instant(s.due_at),
                        _db_instant(s.expires_at),
                        s.params,
                    )
                    for s in changes.create
                ],
            )
        for change in changes.update:
            spec = change.spec
            values: tuple[object, ...] = (
                spec.title,
                spec.body,
                spec.params,
                _db_instant(spec.expires_at),
                spec.application_id,
            )
            # A resumed reminder keeps its state; a moved one may fire once more, but not
            # before a snooze the user chose that is still ahead (``reminder_plan``); one
            # only the zone moved keeps what was shown.
            due = to_db_instant(spec.due_at)
            moved: tuple[str, tuple[object, ...]] = ("", ())
            if change.moved and change.refires:
                moved = (
                    ", due_at = ?, fired_at = NULL, snoozed_until = CASE WHEN snoozed_until > ? "
                    "AND snoozed_until > ? THEN snoozed_until END",
                    (due, to_db_instant(now), due),
                )
            elif change.moved:
                moved = (", due_at = ?", (due,))
            db.execute_sql(
                "UPDATE reminder SET title = ?, body = ?, params = ?, expires_at = ?, "
                f"application_id = ?, suspended_at = NULL{moved[0]} WHERE id = ?",
                (*values, *moved[1], change.stored.reminder_id),
            )
        if changes.suspend:
            db.connection().executemany(
                "UPDATE reminder SET suspended_at = ? WHERE id = ?",
                [(to_db_instant(now), r.reminder_id) for r in changes.suspend],
            )
    return len(changes.create) + len(changes.update), len(changes.suspend)


def sync_reminders(
    specs: Iterable[ReminderSpec], kinds: Iterable[str], now: datetime | None = None
) -> tuple[int, int]:
    """Make the stored reminders of ``kinds`` match ``specs`` (every application); returns
    (written, removed). See ``domain.reminder_plan.reconcile`` for what is kept."""
    specs = list(specs)
    kinds = sorted(set(kinds) | {s.kind for s in specs})
    marks = ", ".join("?" * len(kinds))
    with writing():
        stored = stored_reminders(f"kind IN ({marks})", kinds)
        # Without a time, nothing counts as lapsed: every planned reminder is stored.
        at = now if now is not None else _EPOCH
        return write_changes(reconcile(stored, specs, at), at)


def next_due_instant() -> datetime | None:
    """When the next unfired reminder comes due (an index lookup)."""
    row = db.execute_sql(f"SELECT MIN({_EFFECTIVE}) FROM reminder WHERE {_UNFIRED_OPEN}").fetchone()
    return instant_from_db(row[0]) if row and row[0] else None


def claim_due(now: datetime, limit: int = 5000) -> list[DueReminder]:
    """Mark the reminders due at ``now`` as fired and return them: each is returned by one
    call only, whichever process makes it."""
    stamp = to_db_instant(now)
    # One transaction: one write to disk for a whole batch (a long absence can leave
    # hundreds due). IMMEDIATE takes the write lock first, so two processes claiming at
    # once wait for each other instead of failing on a lock upgrade.
    with writing():
        lapse_expired(now)
        candidates = _rows(
            f"{_SELECT} WHERE {_UNFIRED_OPEN} AND {_EFFECTIVE} <= ? ORDER BY {_EFFECTIVE} LIMIT ?",
            (stamp, limit),
        )
        # One statement for the batch (2,500 reminders come due at once after a long
        # absence at 10,000 applications); the write lock is held since the read above, so
        # each candidate is still unclaimed, and the condition says so again regardless.
        cursor = db.connection().executemany(
            f"UPDATE reminder SET fired_at = ? WHERE id = ? AND {_UNFIRED_OPEN} "
            f"AND {_EFFECTIVE} <= ?",
            [(stamp, reminder.reminder_id, stamp) for reminder in candidates],
        )
        if cursor.rowcount == len(candidates):
            return candidates
        # Not expected under the lock: keep only what this call marked.
        marked = {
            int(row[0])
            for row in db.execute_sql("SELECT id FROM reminder WHERE fired_at = ?", (stamp,))
        }
        claimed = [r for r in candidates if r.reminder_id in marked]
    return claimed


def lapse_expired(now: datetime) -> int:
    """Reminders whose occasion is over (a note past its outer limit, a heads-up for calls
    long made) leave the open list without firing; returns how many."""
    stamp = to_db_instant(now)
    with writing():
        cursor = db.execute_sql(
            f"UPDATE reminder SET dismissed_at = ? WHERE {OPEN} AND expires_at IS NOT NULL "
            "AND expires_at <= ?",
            (stamp, stamp),
        )
        return int(cursor.rowcount)


def due_at(at: datetime) -> list[DueReminder]:
    """Everything open placed at or before ``at`` (``PLACED``)."""
    return _rows(
        f"{_SELECT} WHERE {OPEN} AND {PLACED} <= ? ORDER BY {PLACED}, id",
        (to_db_instant(at),),
    )


def open_fired_ids() -> set[int]:
    """The ids of the reminders that have fired and wait for the user."""
    rows = db.execute_sql(f"SELECT id FROM reminder WHERE {OPEN} AND fired_at IS NOT NULL")
    return {rid for (rid,) in rows}


def open_fired() -> list[DueReminder]:
    """Reminders that have fired and wait for the user (done, snoozed or dismissed)."""
    return _rows(f"{_SELECT} WHERE {OPEN} AND fired_at IS NOT NULL ORDER BY {PLACED}, id")


# Per application, the first open reminder in Today's order (``domain.today``): of each
# subject's reminders the current one (the latest that has come, else the soonest), then
# the first of those by section (before today, today, later), time and id. Chosen in one
# pass over the open reminders' keys (two window sorts in SQL took twice as long at
# 10,000 applications); only the chosen rows are read whole.
_OPEN_KEYS_SQL = (
    f"SELECT id, application_id, subject_key, {PLACED}, fired_at IS NOT NULL, kind "
    f"FROM reminder WHERE {OPEN} AND application_id IS NOT NULL {{only}}"
)
# Rows read by id at a time (well under SQLite's limit on parameters).
_IDS_PER_QUERY = 500

# (has come, effective due as stored, id, application)
_Candidate = tuple[bool, str, int, int]


def _more_current(come: bool, due: str, reminder_id: int, held: _Candidate) -> bool:
    """Whether a reminder is more current than ``held`` (about the same subject): of
    those that have come the latest, else the soonest; equal times by id, the same way
    (``domain.today._current``)."""
    if come != held[0]:
        return come
    if come:
        return (due, reminder_id) > (held[1], held[2])
    return (due, reminder_id) < (held[1], held[2])


def first_open_per_application(
    now: datetime, day_bounds: tuple[datetime, datetime], application_id: int | None = None
) -> list[DueReminder]:
    """Each application's first open reminder as Today orders them (``day_bounds``: the
    start and end of today on the user's clock), with its stored words and parameters
    (the words are written for the one shown), in the order of their ids."""
    only = "" if application_id is None else "AND application_id = ?"
    now_text = to_db_instant(now)
    start, end = (to_db_instant(b) for b in day_bounds)
    current: dict[str | int, _Candidate] = {}
    for rid, app, key, due, fired, kind in db.execute_sql(
        _OPEN_KEYS_SQL.format(only=only), () if application_id is None else (application_id,)
    ):
        if not fired and due >= end and not listed_ahead(kind):
            continue  # Today lists it from its own day (``KindInfo.listed_ahead``)
        come = bool(fired) or due <= now_text
        subject = key or rid  # without a subject, a reminder is its own
        held = current.get(subject)
        if held is None or _more_current(come, due, rid, held):
            current[subject] = (come, due, rid, app)
    firsts: dict[int, tuple[int, str, int]] = {}
    for _come, due, rid, app in current.values():
        rank = (0 if due < start else 1 if due < end else 2, due, rid)
        held_rank = firsts.get(app)
        if held_rank is None or rank < held_rank:
            firsts[app] = rank
    ids = sorted(rank[2] for rank in firsts.values())
    rows: list[DueReminder] = []
    for first in range(0, len(ids), _IDS_PER_QUERY):
        chunk = ids[first : first + _IDS_PER_QUERY]
        marks = ", ".join("?" * len(chunk))
        rows += _rows(f"{_SELECT} WHERE id IN ({marks}) ORDER BY id", chunk, worded=False)
    return rows


@writes
def record_delivery(reminder_id: int, via: str, error: str | None = None) -> None:
    record_deliveries([reminder_id], via, error)


@writes
def record_deliveries(reminder_ids: Iterable[int], via: str, error: str | None = None) -> None:
    """How reminders reached the user, in one transaction (after a long absence hundreds
    fire at once: one write, not one each)."""
    db.connection().executemany(
        "UPDATE reminder SET delivered_via = ?, delivery_error = ? WHERE id = ?",
        [(via, error, reminder_id) for reminder_id in reminder_ids],
    )


@writes
def snooze(reminder_id: int, until: datetime) -> None:
    """Show it again at ``until`` (it fires once more then)."""
    Reminder.update(snoozed_until=until, fired_at=None).where(Reminder.id == reminder_id).execute()


@writes
def mark_done(reminder_id: int, now: datetime) -> None:
    Reminder.update(done_at=now).where(Reminder.id == reminder_id).execute()


def undo_done(reminder_id: int, done_at: datetime) -> bool:
    """Take back "Done" marked at ``done_at``: the reminder is open again as it was (one
    that had fired stays fired, so it is listed again and does not fire as new). False
    when it was not done at that time (already taken back, or done again since)."""
    with writing():
        changed = (
            Reminder.update(done_at=None)
            .where((Reminder.id == reminder_id) & (Reminder.done_at == done_at))
            .execute()
        )
    return bool(changed)


@writes
def dismiss(reminder_id: int, now: datetime) -> None:
    Reminder.update(dismissed_at=now).where(Reminder.id == reminder_id).execute()


# -- the agenda's view of reminders ---------------------------------------------------------


def agenda_item(reminder: DueReminder, zone: ZoneInfo, overdue: bool = False) -> AgendaItem:
    """A reminder as the agenda (and Today) holds it."""
    return AgendaItem(
        kind=reminder.kind,
        day=reminder.due_at.astimezone(zone).date(),
        title=reminder.title,
        detail=reminder.body,
        params=reminder.params,
        at=reminder.due_at,
        application_id=reminder.application_id,
        overdue=overdue,
        reminder_id=reminder.reminder_id,
        subject_key=reminder.subject_key,
    )


def _agenda_rows(
    sql: str, params: tuple[object, ...], zone: ZoneInfo, overdue: bool
) -> list[AgendaItem]:
    """``agenda_item`` of each row of ``_SELECT``, built straight from the cursor (Today
    holds tens of thousands at 10,000 applications): stored words and parameters, written
    when a row is drawn."""
    items = []
    # Thousands of reminders fall on a few hundred instants: each is read once.
    instants: dict[str, tuple[datetime, date]] = {}
    for rid, kind, title, body, due, app_id, _fired, key, values in db.execute_sql(sql, params):
        known = instants.get(due)
        if known is None:
            at = instant_from_db(due)
            known = instants[due] = (at, at.astimezone(zone).date())
        at, day = known
        items.append(
            AgendaItem(
                kind=kind,
                day=day,
                title=title,
                detail=body,
                params=values,
                at=at,
                application_id=app_id,
                overdue=overdue,
                reminder_id=rid,
                subject_key=key,
            )
        )
    return items


def reminder_items(first: date, last: date, zone: ZoneInfo) -> list[AgendaItem]:
    start, end = local_bounds(first, last, zone)
    return _agenda_rows(
        f"{_SELECT} WHERE {OPEN} AND {PLACED} >= ? AND {PLACED} < ?",
        (to_db_instant(start), to_db_instant(end)),
        zone,
        False,
    )


def reminder_counts(first: date, last: date, zone: ZoneInfo) -> dict[date, dict[str, int]]:
    """Per day and kind, how many items ``reminder_items`` would give for the range: counted
    in SQL by instant and kind (index ``reminder_open_due``), without building them."""
    start, end = local_bounds(first, last, zone)
    cursor = db.execute_sql(
        f"SELECT {PLACED}, kind, COUNT(*) FROM reminder "
        f"WHERE {OPEN} AND {PLACED} >= ? AND {PLACED} < ? GROUP BY 1, 2",
        (to_db_instant(start), to_db_instant(end)),
    )
    return counts_by_local_day(cursor, zone)


def overdue_reminder_items(today: date, zone: ZoneInfo) -> list[AgendaItem]:
    """Reminders from before today that have not fired yet (fired ones wait in the
    window's list of due reminders, with their buttons)."""
    start, _end = local_bounds(today, today, zone)
    return _agenda_rows(
        f"{_SELECT} WHERE {_UNFIRED_OPEN} AND {PLACED} < ?",
        (to_db_instant(start),),
        zone,
        True,
    )


register(reminder_items, overdue_reminder_items, reminder_counts)
