"""Reconciling the reminders the facts call for with the ones already stored.

A reminder's identity is its kind and subject key. Planning is a function of the facts (and
the settings), never of the time it runs: ``now`` only decides whether a reminder whose
occasion has lapsed (``expires_at``) is still worth creating. Re-planning therefore keeps
what the user and the scheduler did with a reminder (fired, snoozed, done, dismissed) for
as long as its subject stands and its due instant is the same; a due instant that the facts
moved makes it fire again, once. A reminder whose subject is gone (the note went out, the
application closed) is suspended, not deleted: should the subject come back ("not sent
after all", a reopened application) it resumes as it was, snooze and all, and what was
already shown is not shown again.

The same rules serve the scheduler (which writes the differences) and read-only reports
such as ``followthrough due --at`` (which apply them in memory and write nothing).
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass, replace
from datetime import datetime


@dataclass(frozen=True)
class ReminderSpec:
    """A reminder the facts call for."""

    kind: str
    subject_key: str
    title: str
    due_at: datetime
    body: str = ""
    application_id: int | None = None
    # After this instant the occasion is over: not created any more, and an open one lapses.
    expires_at: datetime | None = None
    # What its words are written from when shown (``reminder_kinds.params_text``); the
    # title and body above are those words as planned, for a kind without a renderer.
    params: str = ""

    @property
    def identity(self) -> tuple[str, str]:
        return self.kind, self.subject_key

    def expired(self, now: datetime) -> bool:
        return self.expires_at is not None and self.expires_at <= now


@dataclass(frozen=True)
class StoredReminder:
    """A reminder row as stored, with its state."""

    reminder_id: int
    kind: str
    subject_key: str
    application_id: int | None
    title: str
    body: str
    due_at: datetime
    snoozed_until: datetime | None = None
    fired_at: datetime | None = None
    done_at: datetime | None = None
    dismissed_at: datetime | None = None
    expires_at: datetime | None = None
    suspended_at: datetime | None = None
    params: str = ""

    @property
    def identity(self) -> tuple[str, str]:
        return self.kind, self.subject_key

    @property
    def is_open(self) -> bool:
        """Not yet done or dismissed by the user (or lapsed)."""
        return self.done_at is None and self.dismissed_at is None

    @property
    def active(self) -> bool:
        """Open, and its subject stands (not suspended)."""
        return self.is_open and self.suspended_at is None

    @property
    def effective_due(self) -> datetime:
        """When it fires: the snooze time when snoozed."""
        return self.snoozed_until if self.snoozed_until is not None else self.due_at

    @property
    def placed_at(self) -> datetime:
        """When it is listed as due: when it fires, or when it was shown if that was
        earlier. A new zone moves a shown reminder with the local hours without showing it
        again (``reconcile``); moved later than it was shown, it still waits for the user,
        so it stays among the due, not among those to come. (``store.reminders.PLACED``
        is this rule in SQL.)"""
        due = self.effective_due
        return self.fired_at if self.fired_at is not None and self.fired_at < due else due


@dataclass(frozen=True)
class ReminderUpdate:
    """A stored reminder brought in line with its spec. ``moved``: the due instant changed,
    so the reminder fires again (fired is cleared; a snooze still ahead is kept), unless
    ``refires`` is false: only the user's zone moved it, and what was shown stays shown.
    ``resumed``: its subject came back, so it is no longer suspended."""

    stored: StoredReminder
    spec: ReminderSpec
    moved: bool
    resumed: bool = False
    refires: bool = True


@dataclass(frozen=True)
class ReminderChanges:
    """What to write so that the stored reminders match the plan."""

    create: list[ReminderSpec]
    update: list[ReminderUpdate]
    suspend: list[StoredReminder]

    def __bool__(self) -> bool:
        return bool(self.create or self.update or self.suspend)


def reconcile(
    stored: Iterable[StoredReminder],
    planned: Iterable[ReminderSpec],
    now: datetime,
    *,
    zone_only: bool = False,
    changed: Container[int] = (),
) -> ReminderChanges:
    """The changes that bring ``stored`` (all rows of the planned kinds in the planned
    scope) in line with ``planned`` at ``now``.

    - planned, not stored: created, unless its occasion has already lapsed;
    - planned and stored, still open: text and expiry follow the facts; the due instant
      only when the facts moved it (then it may fire again, once); fired, snoozed and
      done states are otherwise kept; a suspended one resumes as it was;
    - done or dismissed rows are the user's history: never moved, never removed;
    - stored, not planned: suspended while open, as its subject is gone, unless it has
      lapsed anyway (a planner may leave out subjects long past, to save work).

    ``zone_only``: the facts are as they were planned and only the user's zone changed
    (a trip, a move): reminders follow the local hours to their new instants, but one
    already shown is not shown again, nor is a snooze the user chose undone; except for the
    applications in ``changed``, whose facts changed too.
    """
    wanted = {spec.identity: spec for spec in planned}
    existing = {row.identity: row for row in stored}
    create: list[ReminderSpec] = []
    update: list[ReminderUpdate] = []
    suspend: list[StoredReminder] = []
    for identity, spec in wanted.items():
        row = existing.get(identity)
        if row is None:
            if not spec.expired(now):
                create.append(spec)
            continue
        if not row.is_open:
            continue
        moved = row.due_at != spec.due_at
        resumed = row.suspended_at is not None
        refires = not zone_only or row.application_id in changed
        if (
            moved
            or resumed
            or row.title != spec.title
            or row.body != spec.body
            or row.params != spec.params
            or row.expires_at != spec.expires_at
            or row.application_id != spec.application_id
        ):
            update.append(ReminderUpdate(row, spec, moved, resumed, refires=refires))
    for identity, row in existing.items():
        if identity in wanted or not row.active:
            continue
        if row.expires_at is not None and row.expires_at <= now:
            continue
        suspend.append(row)
    return ReminderChanges(create, update, suspend)


def apply_changes(
    stored: Iterable[StoredReminder], changes: ReminderChanges, now: datetime
) -> list[StoredReminder]:
    """``stored`` as it would be after ``changes`` at ``now`` (new rows get negative ids)."""
    suspended = {row.reminder_id for row in changes.suspend}
    updated = {u.stored.reminder_id: u for u in changes.update}
    result: list[StoredReminder] = []
    for row in stored:
        if row.reminder_id in suspended:
            row = replace(row, suspended_at=now)
        change = updated.get(row.reminder_id)
        if change is not None:
            spec = change.spec
            row = replace(
                row,
                title=spec.title,
                body=spec.body,
                params=spec.params,
                expires_at=spec.expires_at,
                application_id=spec.application_id,
                suspended_at=None,
            )
            if change.moved and change.refires:
                row = replace(
                    row,
                    due_at=spec.due_at,
                    fired_at=None,
                    snoozed_until=kept_snooze(row.snoozed_until, spec.due_at, now),
                )
            elif change.moved:
                row = replace(row, due_at=spec.due_at)
        result.append(row)
    for number, spec in enumerate(changes.create, start=1):
        result.append(
            StoredReminder(
                reminder_id=-number,
                kind=spec.kind,
                subject_key=spec.subject_key,
                application_id=spec.application_id,
                title=spec.title,
                body=spec.body,
                due_at=spec.due_at,
                expires_at=spec.expires_at,
                params=spec.params,
            )
        )
    return result


def kept_snooze(snoozed_until: datetime | None, due_at: datetime, now: datetime) -> datetime | None:
    """A moved reminder fires again at its new time, but not before a snooze the user
    chose that is still ahead (a changed time zone or a re-plan must not undo "not until
    Friday")."""
    if snoozed_until is not None and snoozed_until > now and snoozed_until > due_at:
        return snoozed_until
    return None


def due_by(reminders: Iterable[StoredReminder], at: datetime) -> list[StoredReminder]:
    """The open reminders placed at or before ``at`` whose occasion has not lapsed by then,
    oldest first: what a person would see listed as due at ``at``."""
    found = [
        r
        for r in reminders
        if r.active and r.placed_at <= at and (r.expires_at is None or r.expires_at > at)
    ]
    return sorted(found, key=lambda r: (r.placed_at, r.reminder_id < 0, abs(r.reminder_id)))
