"""Keeping the stored reminders in line with the facts, by what changed.

Every write that changes a fact a reminder depends on marks its application in
``plan_dirty`` (triggers of migration 5, in the same transaction); a planning setting
marks everything (application 0). ``plan_changed`` plans exactly the marked applications;
``full_pass`` plans every application, a few hundred at a time. Each step is one short
IMMEDIATE transaction that reads the facts and the stored reminders of its applications,
compares them in memory (``domain.reminder_plan.reconcile``) and writes only the
differences, so a save made meanwhile waits at most one step, and nothing read can be
stale when it is written.

At start the app plans by ``plan_at_start``: what changed while it was closed is marked
like any change, so only that is planned, unless the basis of the stored plan is not the
one now (another version of the rules, another user time zone for this session, or a
clock set back before the last plan: a lapsed occasion may be ahead again); then every
application is. The basis is kept in two ``setting`` rows no planning trigger watches.

``preview_due`` answers "what is, or would be, due at this instant" without writing:
stored reminders, with the marked applications planned in memory.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from followthrough import __version__
from followthrough.domain.debriefs.reminders import KINDS as DEBRIEF_KINDS
from followthrough.domain.offers.reminders import KINDS as OFFER_KINDS
from followthrough.domain.preparation.reminders import KINDS as PREP_KINDS
from followthrough.domain.reminder_plan import (
    ReminderSpec,
    StoredReminder,
    apply_changes,
    due_by,
    reconcile,
)
from followthrough.domain.wording import as_stored
from followthrough.store import settings as options
from followthrough.store.debriefs.planner import planned_debriefs
from followthrough.store.fields import instant_from_db, to_db_instant
from followthrough.store.followups import PLANNED_KINDS as FOLLOW_UP_KINDS
from followthrough.store.followups import planned_follow_ups
from followthrough.store.models import db
from followthrough.store.notes import NOTE_KINDS, planned_note_reminders
from followthrough.store.offers.planner import planned_offers
from followthrough.store.preparation.planner import planned_preparations
from followthrough.store.reference_reminders import planned_references
from followthrough.store.references import REFERENCE_KINDS
from followthrough.store.rejection import REJECTION_KINDS, planned_revisits
from followthrough.store.reminders import PLACED, stored_reminders, write_changes
from followthrough.store.scope import EVERYTHING, PlanScope
from followthrough.store.transactions import writing

log = logging.getLogger(__name__)

# Applications planned per transaction in a full pass: small enough that a save waiting
# for the write lock waits a few tens of milliseconds, large enough to keep the pass fast.
FULL_PASS_CHUNK = 100
# Marked applications planned per transaction.
CHANGED_CHUNK = 100
# Between two steps the pass lets go of the write lock this long: longer than a waiting
# writer's poll (store.transactions), so a save goes first.
STEP_PAUSE_SECONDS = 0.005
# plan_dirty's row that stands for every application.
EVERYTHING_MARK = 0
# The setting rows that say what the stored reminders were planned on: the rules and the
# user's zone of the last complete pass over every application, and the latest instant
# any application was planned at.
BASIS_KEY = "planning.basis"
LATEST_KEY = "planning.latest"


@dataclass(frozen=True)
class Planner:
    """One feature's reminders: their kinds, and the specs its facts call for."""

    name: str
    kinds: tuple[str, ...]
    plan: Callable[[PlanScope, datetime], list[ReminderSpec]]


_PLANNERS: dict[str, Planner] = {}


def register_planner(planner: Planner) -> None:
    """Plan ``planner``'s kinds from now on (the same name again replaces it)."""
    _PLANNERS[planner.name] = planner


def unregister_planner(name: str) -> None:
    _PLANNERS.pop(name, None)


def planners() -> tuple[Planner, ...]:
    return tuple(_PLANNERS.values())


def planned_kinds() -> tuple[str, ...]:
    return tuple(kind for planner in _PLANNERS.values() for kind in planner.kinds)


# Each feature's planner: a new kind of reminder registers its planner like these.
register_planner(Planner("follow_ups", FOLLOW_UP_KINDS, planned_follow_ups))
register_planner(
    Planner("thank_you_notes", NOTE_KINDS, lambda scope, now: planned_note_reminders(now, scope))
)
register_planner(Planner("references", REFERENCE_KINDS, planned_references))
register_planner(Planner("debriefs", DEBRIEF_KINDS, planned_debriefs))
register_planner(Planner("preparation", PREP_KINDS, planned_preparations))
register_planner(Planner("rejection", REJECTION_KINDS, planned_revisits))
register_planner(Planner("offers", OFFER_KINDS, planned_offers))


@dataclass
class PlanReport:
    """What a pass did: reminders written and removed, applications planned, steps taken,
    and whether it stopped early because it was asked to."""

    written: int = 0
    removed: int = 0
    applications: int = 0
    steps: int = 0
    stopped: bool = False
    by_planner: dict[str, tuple[int, int]] = field(default_factory=dict)

    def add(self, other: PlanReport) -> None:
        self.written += other.written
        self.removed += other.removed
        self.applications += other.applications
        self.steps += other.steps
        for name, (written, removed) in other.by_planner.items():
            before = self.by_planner.get(name, (0, 0))
            self.by_planner[name] = (before[0] + written, before[1] + removed)


def planned(scope: PlanScope, now: datetime) -> list[ReminderSpec]:
    """Every reminder the facts of the applications in ``scope`` call for."""
    # Stored words do not depend on who plans (window or command, language, locale).
    with as_stored():
        return [spec for planner in planners() for spec in planner.plan(scope, now)]


def _stored_in(scope: PlanScope, kinds: Sequence[str]) -> list[StoredReminder]:
    where, params = scope.sql("application_id")
    marks = ", ".join("?" * len(kinds))
    return stored_reminders(f"kind IN ({marks}) AND {where}", (*kinds, *params))


def plan_scope(scope: PlanScope, now: datetime, *, zone_only: bool = False) -> PlanReport:
    """Plan the applications in ``scope`` in one IMMEDIATE transaction, and clear their
    marks: the facts read and the reminders written belong to one moment. ``zone_only``:
    their facts are as last planned, only the user's zone changed (``reconcile``)."""
    report = PlanReport(steps=1)
    with writing():
        # Read in this transaction: a planning setting saved meanwhile moves reminders by
        # its rule, and what it moves fires again as after any such change.
        zone_only = zone_only and changed_marks().everything is None
        changed = _marked_in(scope) if zone_only else frozenset()
        for planner in planners():
            with as_stored():
                specs = planner.plan(scope, now)
            stored = _stored_in(scope, planner.kinds)
            changes = reconcile(stored, specs, now, zone_only=zone_only, changed=changed)
            written, removed = write_changes(changes, now) if changes else (0, 0)
            report.written += written
            report.removed += removed
            report.by_planner[planner.name] = (written, removed)
        where, params = scope.sql("application_id")
        db.execute_sql(
            f"DELETE FROM plan_dirty WHERE application_id != ? AND {where}",
            (EVERYTHING_MARK, *params),
        )
        _note_planned_at(now)
    if scope.ids is not None:
        report.applications = len(scope.ids)
    return report


def _marked_in(scope: PlanScope) -> frozenset[int]:
    where, params = scope.sql("application_id")
    rows = db.execute_sql(
        f"SELECT application_id FROM plan_dirty WHERE application_id != ? AND {where}",
        (EVERYTHING_MARK, *params),
    )
    return frozenset(int(row[0]) for row in rows)


@dataclass(frozen=True)
class Marks:
    """Applications whose facts changed since they were planned."""

    everything: int | None  # the stamp of the "plan everything" mark, if set
    applications: tuple[int, ...]

    def __bool__(self) -> bool:
        return self.everything is not None or bool(self.applications)


def changed_marks() -> Marks:
    everything: int | None = None
    ids: list[int] = []
    for application_id, stamp in db.execute_sql(
        "SELECT application_id, stamp FROM plan_dirty ORDER BY application_id"
    ):
        if application_id == EVERYTHING_MARK:
            everything = int(stamp)
        else:
            ids.append(int(application_id))
    return Marks(everything, tuple(ids))


Stop = Callable[[], bool]


def _never() -> bool:
    return False


def plan_changed(now: datetime, should_stop: Stop = _never) -> PlanReport:
    """Plan what changed since the last plan: the marked applications, or everything when
    a planning setting (or a new version of the rules) asks for it."""
    marks = changed_marks()
    if marks.everything is not None:
        return full_pass(now, should_stop)
    report = PlanReport()
    ids = list(marks.applications)
    for start in range(0, len(ids), CHANGED_CHUNK):
        if should_stop():
            report.stopped = True
            break
        if start:
            time.sleep(STEP_PAUSE_SECONDS)
        report.add(plan_scope(PlanScope.of(ids[start : start + CHANGED_CHUNK]), now))
    return report


def full_pass(
    now: datetime, should_stop: Stop = _never, chunk: int = FULL_PASS_CHUNK
) -> PlanReport:
    """Plan every application, ``chunk`` at a time (start-up, a planning setting changed).

    Stops between steps when ``should_stop`` says so (quitting); what is done is kept and
    the "everything" mark stays, so the next start finishes the job.
    """
    marks = changed_marks()
    ids = [int(row[0]) for row in db.execute_sql("SELECT id FROM application ORDER BY id")]
    log.info("planning every application (%d)", len(ids))
    report = PlanReport()
    # A new zone alone must not show again what was shown (every reminder at a local hour
    # moves with it); the applications whose facts changed too are planned as any change.
    zone_only = _only_the_zone_changed()
    groups = [ids[i : i + chunk] for i in range(0, len(ids), chunk)] or [[]]
    for number, group in enumerate(groups):
        if should_stop():
            report.stopped = True
            log.info("planning stopped after %d applications", report.applications)
            return report
        if number:
            time.sleep(STEP_PAUSE_SECONDS)
        # Open-ended at both ends, so that the steps cover every id, also those of
        # applications added while the pass runs.
        scope = PlanScope(
            first=None if number == 0 else group[0],
            last=None if number == len(groups) - 1 else group[-1],
        )
        step = plan_scope(scope, now, zone_only=zone_only)
        step.applications = len(group)
        report.add(step)
    with writing():
        if marks.everything is not None:
            # Only the mark this pass started from: a setting saved meanwhile set a new
            # stamp, and asks for another pass.
            db.execute_sql(
                "DELETE FROM plan_dirty WHERE application_id = ? AND stamp = ?",
                (EVERYTHING_MARK, marks.everything),
            )
        # Everything is planned on this basis at this instant (a clock set back is caught
        # up with: what lapsed only at the later instant is planned again now).
        _put_setting(BASIS_KEY, plan_basis())
        _put_setting(LATEST_KEY, to_db_instant(now))
    log.info(
        "planned %d applications in %d steps: %d reminders written, %d removed",
        report.applications,
        report.steps,
        report.written,
        report.removed,
    )
    return report


def plan_basis() -> str:
    """What the plan depends on besides the facts and the planning settings (which mark
    what they change): this version's planners and rules, and the user's zone (in the app
    the session's, which follows the computer's when the preference is empty)."""
    rules = [f"{p.name}:{','.join(p.kinds)}" for p in planners()]
    return json.dumps({"rules": [__version__, *rules], "zone": options.user_zone().key})


def _only_the_zone_changed() -> bool:
    """Whether the last complete plan had these rules and another zone."""
    try:
        stored = json.loads(_setting(BASIS_KEY) or "null")
        now = json.loads(plan_basis())
        return bool(stored["rules"] == now["rules"] and stored["zone"] != now["zone"])
    except (TypeError, KeyError, ValueError):
        return False


def _setting(key: str) -> str | None:
    row = db.execute_sql("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _put_setting(key: str, value: str) -> None:
    db.execute_sql(
        "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) "
        "DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value",
        (key, value),
    )


def _note_planned_at(now: datetime) -> None:
    """Keep the latest instant anything was planned at (in a planning transaction)."""
    latest = instant_from_db(_setting(LATEST_KEY))
    if latest is None or now > latest:
        _put_setting(LATEST_KEY, to_db_instant(now))


def plan_needs_everything(now: datetime) -> bool:
    """Whether the stored plan may differ from the facts in more than the marked
    applications: no complete pass on this basis yet, or the clock now before the last
    plan (an occasion that had lapsed then may be ahead now)."""
    if _setting(BASIS_KEY) != plan_basis():
        return True
    latest = instant_from_db(_setting(LATEST_KEY))
    return latest is not None and now < latest


def plan_at_start(now: datetime, should_stop: Stop = _never) -> PlanReport:
    """Plan what the data needs at start: what changed while the app was closed (every
    change marks its applications, as during a session), or every application when the
    stored plan's basis is not this one (``plan_needs_everything``). Reminders due while
    the app was closed are stored already and fire when it checks, either way."""
    if plan_needs_everything(now):
        return full_pass(now, should_stop)
    report = plan_changed(now, should_stop)
    log.info(
        "planned %d applications changed while the app was closed: %d reminders written, "
        "%d removed",
        report.applications,
        report.written,
        report.removed,
    )
    return report


def plan_all(now: datetime) -> dict[str, tuple[int, int]]:
    """Plan everything now; (written, removed) per planner."""
    return full_pass(now).by_planner


def preview_due(at: datetime) -> list[StoredReminder]:
    """What is, or would be, due at ``at``, oldest first, without writing anything: the
    stored reminders, with the applications changed since their last plan planned in
    memory at ``at``. (Looking ahead: a reminder that lapsed before ``at`` is left out.)"""
    return due_by(preview_reminders(at, f"{PLACED} <= ?", (to_db_instant(at),)), at)


def preview_reminders(
    at: datetime, where: str = "1", params: Sequence[object] = ()
) -> list[StoredReminder]:
    """The open reminders as planning at ``at`` would leave them, without writing
    anything: the stored ones (of those, the ones ``where`` keeps), with the applications
    changed since their last plan planned in memory. What ``followthrough due`` and the
    calendar file read, so that they agree with the app's next start."""
    marks = changed_marks()
    # As the app would plan: everything when a setting asks for it or the zone is not
    # the plan's (a trip: the app plans everything at its next start); else the marked
    # applications.
    zone_moved = _only_the_zone_changed()
    everything = marks.everything is not None or zone_moved
    scope = EVERYTHING if everything else PlanScope.of(marks.applications)
    planned_here: list[StoredReminder] = []
    replaced: set[tuple[str, str]] = set()
    if marks or everything:
        stored = _stored_in(scope, planned_kinds())
        replaced = {row.identity for row in stored}
        # As the pass would: a new zone alone does not show again what was shown.
        zone_only = marks.everything is None and zone_moved
        changes = reconcile(
            stored, planned(scope, at), at, zone_only=zone_only, changed=set(marks.applications)
        )
        planned_here = [row for row in apply_changes(stored, changes, at) if row.active]
    others = [
        row
        for row in stored_reminders(
            f"done_at IS NULL AND dismissed_at IS NULL AND suspended_at IS NULL AND ({where})",
            params,
        )
        if row.identity not in replaced
    ]
    return [*others, *planned_here]
