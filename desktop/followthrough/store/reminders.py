"""Reminders in the database: planned from the facts, claimed once, snoozed, done.

A reminder fires at its effective due instant, ``COALESCE(snoozed_until, due_at)``. Firing
is a claim: a conditional UPDATE that only one process can win, so a reminder is shown at
most once even with two instances on one database. Everything that came due while the app
was closed is still unclaimed when it starts, so it fires then (no look-back limit).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from followthrough.domain.agenda import AgendaItem
from followthrough.store.agenda import local_bounds, register
from followthrough.store.fields import UtcDateTimeField, to_db_instant
from followthrough.store.models import Reminder, db

_instant = UtcDateTimeField()
_EFFECTIVE = "COALESCE(snoozed_until, due_at)"
_UNFIRED_OPEN = "fired_at IS NULL AND done_at IS NULL AND dismissed_at IS NULL"
_OPEN = "done_at IS NULL AND dismissed_at IS NULL"


@dataclass(frozen=True)
class ReminderSpec:
    """A reminder the facts call for."""

    kind: str
    subject_key: str
    title: str
    due_at: datetime
    body: str = ""
    application_id: int | None = None


@dataclass(frozen=True)
class DueReminder:
    reminder_id: int
    kind: str
    title: str
    body: str
    due_at: datetime  # effective: the snooze time when snoozed
    application_id: int | None
    fired: bool
    subject_key: str = ""


_SELECT = (
    f"SELECT id, kind, title, body, {_EFFECTIVE}, application_id, fired_at IS NOT NULL, "
    "subject_key FROM reminder"
)


def _rows(sql: str, params: Iterable[object] = ()) -> list[DueReminder]:
    return [
        DueReminder(rid, kind, title, body, _as_instant(due), app_id, bool(fired), key)
        for rid, kind, title, body, due, app_id, fired, key in db.execute_sql(sql, tuple(params))
    ]


def _as_instant(text: str) -> datetime:
    value = _instant.python_value(text)
    assert value is not None
    return value


def sync_reminders(specs: Iterable[ReminderSpec], kinds: Iterable[str]) -> tuple[int, int]:
    """Make the open reminders of ``kinds`` match ``specs``; returns (written, removed).

    A reminder whose due instant changed is moved (and may fire again if it had fired for
    an earlier instant); one the facts no longer call for is removed unless it is done.
    """
    wanted = {(s.kind, s.subject_key): s for s in specs}
    kinds = set(kinds) | {kind for kind, _key in wanted}
    written = removed = 0
    # IMMEDIATE: read-then-write; with a second writer (the background pool has two
    # threads) a deferred transaction could fail on a stale snapshot instead of waiting.
    with db.atomic("IMMEDIATE"):
        existing = {
            (r.kind, r.subject_key): r
            for r in Reminder.select().where(Reminder.kind.in_(sorted(kinds)))
        }
        for key, spec in wanted.items():
            row = existing.get(key)
            if row is None:
                Reminder.create(
                    kind=spec.kind,
                    subject_key=spec.subject_key,
                    application=spec.application_id,
                    title=spec.title,
                    body=spec.body,
                    due_at=spec.due_at,
                )
                written += 1
            elif (
                row.done_at is None
                and row.dismissed_at is None
                and (row.due_at != spec.due_at or row.title != spec.title or row.body != spec.body)
            ):
                moved = row.due_at != spec.due_at
                row.title, row.body = spec.title, spec.body
                if moved:
                    row.due_at = spec.due_at
                    row.fired_at = None
                    row.snoozed_until = None
                row.save()
                written += 1
        stale = [
            r.id
            for key, r in existing.items()
            if key not in wanted and r.done_at is None and r.dismissed_at is None
        ]
        if stale:
            removed = Reminder.delete().where(Reminder.id.in_(stale)).execute()
    return written, int(removed)


def next_due_instant() -> datetime | None:
    """When the next unfired reminder comes due (an index lookup)."""
    row = db.execute_sql(f"SELECT MIN({_EFFECTIVE}) FROM reminder WHERE {_UNFIRED_OPEN}").fetchone()
    return _as_instant(row[0]) if row and row[0] else None


def claim_due(now: datetime, limit: int = 5000) -> list[DueReminder]:
    """Mark the reminders due at ``now`` as fired and return them: each is returned by one
    call only, whichever process makes it."""
    stamp = to_db_instant(now)
    claimed = []
    # One transaction: one write to disk for a whole batch (a long absence can leave
    # hundreds due). IMMEDIATE takes the write lock first, so two processes claiming at
    # once wait for each other instead of failing on a lock upgrade.
    with db.atomic("IMMEDIATE"):
        candidates = _rows(
            f"{_SELECT} WHERE {_UNFIRED_OPEN} AND {_EFFECTIVE} <= ? ORDER BY {_EFFECTIVE} LIMIT ?",
            (stamp, limit),
        )
        for reminder in candidates:
            cursor = db.execute_sql(
                f"UPDATE reminder SET fired_at = ? WHERE id = ? AND {_UNFIRED_OPEN} "
                f"AND {_EFFECTIVE} <= ?",
                (stamp, reminder.reminder_id, stamp),
            )
            if cursor.rowcount == 1:
                claimed.append(reminder)
    return claimed


def due_at(at: datetime) -> list[DueReminder]:
    """Everything open whose effective due instant is at or before ``at``."""
    return _rows(
        f"{_SELECT} WHERE {_OPEN} AND {_EFFECTIVE} <= ? ORDER BY {_EFFECTIVE}, id",
        (to_db_instant(at),),
    )


def open_fired() -> list[DueReminder]:
    """Reminders that have fired and wait for the user (done, snoozed or dismissed)."""
    return _rows(f"{_SELECT} WHERE {_OPEN} AND fired_at IS NOT NULL ORDER BY {_EFFECTIVE}, id")


def record_delivery(reminder_id: int, via: str, error: str | None = None) -> None:
    Reminder.update(delivered_via=via, delivery_error=error).where(
        Reminder.id == reminder_id
    ).execute()


def snooze(reminder_id: int, until: datetime) -> None:
    """Show it again at ``until`` (it fires once more then)."""
    Reminder.update(snoozed_until=until, fired_at=None).where(Reminder.id == reminder_id).execute()


def mark_done(reminder_id: int, now: datetime) -> None:
    Reminder.update(done_at=now).where(Reminder.id == reminder_id).execute()


def dismiss(reminder_id: int, now: datetime) -> None:
    Reminder.update(dismissed_at=now).where(Reminder.id == reminder_id).execute()


# -- the agenda's view of reminders ---------------------------------------------------------


def _agenda_item(reminder: DueReminder, zone: ZoneInfo, overdue: bool) -> AgendaItem:
    return AgendaItem(
        kind=reminder.kind,
        day=reminder.due_at.astimezone(zone).date(),
        title=reminder.title,
        detail=reminder.body,
        at=reminder.due_at,
        application_id=reminder.application_id,
        overdue=overdue,
        reminder_id=reminder.reminder_id,
    )


def reminder_items(first: date, last: date, zone: ZoneInfo) -> list[AgendaItem]:
    start, end = local_bounds(first, last, zone)
    rows = _rows(
        f"{_SELECT} WHERE {_OPEN} AND {_EFFECTIVE} >= ? AND {_EFFECTIVE} < ?",
        (to_db_instant(start), to_db_instant(end)),
    )
    return [_agenda_item(r, zone, False) for r in rows]


def overdue_reminder_items(today: date, zone: ZoneInfo) -> list[AgendaItem]:
    """Reminders from before today that have not fired yet (fired ones wait in the
    window's list of due reminders, with their buttons)."""
    start, _end = local_bounds(today, today, zone)
    rows = _rows(f"{_SELECT} WHERE {_UNFIRED_OPEN} AND {_EFFECTIVE} < ?", (to_db_instant(start),))
    return [_agenda_item(r, zone, True) for r in rows]


register(reminder_items, overdue_reminder_items)
