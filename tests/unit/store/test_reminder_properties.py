"""A property of the whole reminder pipeline: whatever the user edits, however often the
reminders are planned and claimed, snoozed, done or the app restarted, no reminder fires
twice for unchanged facts.

The world is a few applications with interviews that ended around now, their
interviewers (thank-you notes), follow-ups and sometimes references or a network contact.
The fake clock moves forward by minutes to days, and now and then back by up to two hours
(a clock correction). Planning is meant not to depend on the time it runs, and a claim
marks a row fired whatever the time, so the invariant holds with corrections too; only
the completeness check below is skipped after one.

The invariant. Each reminder's identity is (kind, subject key). Its life is cut into
epochs: a new epoch starts when it is snoozed, and when a plan leaves it with another due
instant (the facts moved it) or another row (deleted and created again). A reminder whose
subject goes away and comes back (a note sent, then "not sent after all"; an application
closed and reopened) is suspended and resumed as it was: no new epoch. A reminder may be
claimed at most once per epoch. Beside that, checked as it runs:

- a plan moves, suspends, resumes, removes or creates again a reminder only when some fact
  (or planning setting) was edited since the last complete plan that saw it as it was;
- a claim returns each row once, only rows that exist, are open, not suspended, due and
  not lapsed, exactly as the last plan left them, and leaves nothing due unclaimed;
- an open fired reminder was claimed in its current epoch (a moved one fires again);
- ``plan_changed`` leaves nothing for a full pass to do (while the clock has only gone
  forward: after a correction a full pass may still create what had looked lapsed);
- ``preview_due`` writes nothing, and lists what planning at that instant would leave due.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

import peewee
import pytest
from hypothesis import HealthCheck, currently_in_test_context, settings, target
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    rule,
    run_state_machine_as_test,
)

from followthrough.domain.cadence import Channel, Outcome
from followthrough.domain.clock import FakeClock
from followthrough.domain.errors import UserError
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.domain.note_tasks import FINISHED, NoteMedium
from followthrough.domain.references import ContactedBy, ReferenceKind
from followthrough.domain.reminder_plan import StoredReminder, due_by, reconcile
from followthrough.domain.stages import Stage, allowed_targets, reasons_for
from followthrough.store import settings as options
from followthrough.store.applications import ApplicationFields, update_application
from followthrough.store.contacts import load_contact, save_contact
from followthrough.store.database import open_database
from followthrough.store.interviews import delete_interview, load_interview_draft, save_interview
from followthrough.store.models import Application, ApplicationReference, db
from followthrough.store.models import Touchpoint as TouchpointRow
from followthrough.store.notes import NoteDraft, finish_note, reopen_note, save_note
from followthrough.store.planning import (
    full_pass,
    plan_at_start,
    plan_changed,
    planned,
    planned_kinds,
)
from followthrough.store.planning import preview_due as preview
from followthrough.store.queries import change_stage, create_application
from followthrough.store.references import (
    add_new_person,
    record_checked_in,
    record_contacted,
    record_heads_up,
    record_outcome_told,
    record_thanked,
    undo_step,
)
from followthrough.store.reminders import (
    claim_due,
    dismiss,
    mark_done,
    next_due_instant,
    open_fired,
    snooze,
    stored_reminders,
)
from followthrough.store.scope import EVERYTHING
from followthrough.store.touchpoints import TouchpointInput, log_touchpoint

Identity = tuple[str, str]
T = TypeVar("T")

CHICAGO = ZoneInfo("America/Chicago")
# A Tuesday, 9:00 in Chicago; no daylight-saving change for the next three months.
START = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)

# What the generated runs did, summed over a run of the property (not vacuous: see below).
STATS: Counter[str] = Counter()

# One application of the starting world: when its interview ended (hours from now),
# how many interviewers, a decision date (days after the interview) or none, and whether
# it has a reference and a network contact.
APPLICATION = st.tuples(
    st.integers(min_value=-40, max_value=6),
    st.integers(min_value=1, max_value=2),
    st.none() | st.integers(min_value=0, max_value=8),
    st.booleans(),
    st.booleans(),
)
PICK = st.integers(min_value=0, max_value=1_000)
FORWARD = st.integers(min_value=1, max_value=180) | st.integers(min_value=180, max_value=4 * 1440)
# Snooze choices run from minutes to a few days.
SNOOZE = st.sampled_from([10, 60, 180, 24 * 60, 3 * 24 * 60])
TOUCHPOINTS = ("voicemail", "email", "still_candidate", "new_timeframe", "filled")
REFERENCE_STEPS = (
    "heads_up",
    "contacted",
    "thanked",
    "outcome",
    "checked_in",
    "undo:heads_up",
    "undo:contacted",
    "undo:thanked",
)

PLANNING_SETTINGS: dict[str, tuple[options.Option[int], tuple[int, ...]]] = {
    "patience": (options.PATIENCE, (1, 3, 5)),
    "note hours": (options.NOTE_HOURS, (24, 36, 48)),
    "default wait": (options.DEFAULT_WAIT, (4, 5, 7)),
    "quiet until": (options.QUIET_START, (7, 9, 10)),
}
# The user's own clock (reminders come in their hours): where they live, or travel to.
USER_ZONES = ("America/Chicago", "Europe/Berlin", "America/Los_Angeles")


def _pick(items: list[T], index: int) -> T | None:
    return items[index % len(items)] if items else None


def _table_dump() -> list[tuple[object, ...]]:
    """Every stored reminder and planning mark, as raw rows."""
    reminders = db.execute_sql("SELECT * FROM reminder ORDER BY id").fetchall()
    marks = db.execute_sql("SELECT * FROM plan_dirty ORDER BY application_id").fetchall()
    return [("reminder", *row) for row in reminders] + [("plan_dirty", *row) for row in marks]


def _due_list(reminders: list[StoredReminder]) -> list[tuple[object, ...]]:
    """What a list of due reminders says, without row ids (a preview has none for new ones)."""
    return sorted(
        (r.kind, r.subject_key, r.title, r.effective_due, r.fired_at, r.expires_at)
        for r in reminders
    )


class ReminderWorld(RuleBasedStateMachine):
    """A database of its own per run; edits, plans, claims, snoozes and restarts."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="reminder-property-"))
        self.data_dir = self.folder / "data"
        self.clock = FakeClock(START)
        self.database = open_database(self.data_dir, self.clock)
        self.people = 0
        self.fired_again = 0
        self.resumed_after_firing = 0
        self.clock_went_back = False
        # Bumped by every edit of the facts that was accepted; the last one that a
        # complete plan has seen.
        self.facts_version = 0
        self.planned_facts = 0
        # Per identity: (row id, due_at, suspended) when a plan last showed it (None: the
        # row went since), and the facts then.
        # Per identity: (row id, due at, suspended, application) as last planned.
        self.seen: dict[Identity, tuple[int, datetime, bool, int | None] | None] = {}
        self.seen_facts: dict[Identity, int] = {}
        self.epoch: Counter[Identity] = Counter()
        self.claimed_in: dict[Identity, int] = {}
        # Per identity: (claimed at, due_at, epoch, by which step), for failure messages.
        self.claims: defaultdict[Identity, list[tuple[datetime, datetime, int, str]]] = defaultdict(
            list
        )
        self.why_new_epoch: defaultdict[Identity, list[str]] = defaultdict(list)
        # The facts versions at which the user's zone changed.
        self.zone_changes: list[int] = []

    def teardown(self) -> None:
        self.database.close()
        db.initialize(None)
        shutil.rmtree(self.folder, ignore_errors=True)
        if currently_in_test_context():  # not when a plain test drives the machine
            # Steer the search towards runs where reminders fire again (snoozed, moved),
            # and where fired ones are suspended and resumed.
            target(float(self.fired_again), label="fired again in a new epoch")
            target(float(self.resumed_after_firing), label="resumed after firing")

    # -- the bookkeeping ----------------------------------------------------------------

    def _today(self) -> date:
        return self.clock.now().astimezone(CHICAGO).date()

    def _edit(self, what: Callable[[], object]) -> None:
        """Make one edit of the facts; a refusal (a rule of the app) changes nothing."""
        try:
            what()
        except UserError:
            STATS["edits refused"] += 1
            return
        self.facts_version += 1
        STATS["edits"] += 1

    def _observe(self, step: str) -> None:
        """After a plan: note which reminders moved or were created again (a new epoch
        each), and which were suspended or resumed (the same epoch).

        A row that went is remembered as gone: SQLite hands a deleted row's id out again,
        so a re-created reminder may well have its old id and due instant."""
        present = set()
        for row in stored_reminders():
            identity = row.identity
            present.add(identity)
            now_state = (
                row.reminder_id,
                row.due_at,
                row.suspended_at is not None,
                row.application_id,
            )
            before = self.seen.get(identity)
            if identity in self.seen_facts and before != now_state:
                assert self.facts_version > self.seen_facts[identity], (
                    f"{step} changed {identity} from {before or 'nowhere'} to {now_state} "
                    "although no fact changed since it was last planned"
                )
                if self._moved_by_the_zone_alone(identity, before, row):
                    # Shown already, and only the user's zone moved it: it stays shown.
                    STATS["shown, then moved by a new zone"] += 1
                # Moved, or its subject is another application's now (a row id SQLite
                # gave out again: a new interview took a deleted one's id): a new epoch.
                elif before is None or before[:2] != now_state[:2] or before[3] != now_state[3]:
                    self.epoch[identity] += 1
                    self.why_new_epoch[identity].append(f"{step}: {before} -> {now_state}")
                    if identity in self.claimed_in:
                        STATS["claimed reminders moved"] += 1
                elif now_state[2]:
                    STATS["suspended"] += 1
                elif row.fired_at is not None:
                    STATS["resumed after firing"] += 1
                    self.resumed_after_firing += 1
            self.seen[identity] = now_state
            self.seen_facts[identity] = self.planned_facts
        for identity in self.seen.keys() - present:
            if self.seen[identity] is not None:
                assert self.facts_version > self.seen_facts[identity], (
                    f"{step} removed {identity} although no fact changed since it was last planned"
                )
                self.seen[identity] = None
                self.seen_facts[identity] = self.planned_facts
                self.why_new_epoch[identity].append(f"{step}: removed")
        self._check_fired_rows()

    def _moved_by_the_zone_alone(
        self,
        identity: Identity,
        before: tuple[int, datetime, bool, int | None] | None,
        row: StoredReminder,
    ) -> bool:
        """A row that moved and is still marked fired: allowed only when the user's zone
        changed since it was last planned (``reconcile``'s ``zone_only``)."""
        if before is None or before[0] != row.reminder_id or before[1] == row.due_at:
            return False
        if row.fired_at is None:
            return False
        assert any(v > self.seen_facts[identity] for v in self.zone_changes), (
            f"{identity} moved from {before[1]} to {row.due_at} and kept its fired mark, "
            "though the user's zone did not change"
        )
        return True

    def _check_fired_rows(self) -> None:
        """Every open fired row was claimed here, in its current epoch."""
        for row in stored_reminders("fired_at IS NOT NULL AND done_at IS NULL"):
            if row.dismissed_at is not None:
                continue
            assert self.claimed_in.get(row.identity) == self.epoch[row.identity], (
                f"{row.identity} is marked fired but was not claimed since it last moved: "
                f"{self.why_new_epoch[row.identity]}"
            )

    def _claim(self, step: str) -> None:
        now = self.clock.now()
        claimed = claim_due(now)
        ids = [r.reminder_id for r in claimed]
        assert len(ids) == len(set(ids)), f"one claim returned a reminder twice: {ids}"
        rows = {row.reminder_id: row for row in stored_reminders()}
        for reminder in claimed:
            row = rows.get(reminder.reminder_id)
            assert row is not None, f"claimed {reminder} is not stored"
            identity = row.identity
            assert row.fired_at == now and row.active, row
            assert row.effective_due <= now, row
            assert row.expires_at is None or row.expires_at > now, f"a lapsed one fired: {row}"
            expected = (row.reminder_id, row.due_at, False, row.application_id)
            assert self.seen.get(identity) == expected, (
                f"claimed {row}, not as the last plan left it ({self.seen.get(identity)})"
            )
            epoch = self.epoch[identity]
            if self.claimed_in.get(identity) == epoch:
                raise AssertionError(
                    f"{identity} fired twice for unchanged facts: again at {now} ({step}), "
                    f"due {row.due_at}; earlier claims (at, due, epoch, step): "
                    f"{self.claims[identity]}; new epochs: {self.why_new_epoch[identity]}"
                )
            if identity in self.claimed_in:
                STATS["fired again in a new epoch"] += 1
                self.fired_again += 1
            self.claimed_in[identity] = epoch
            self.claims[identity].append((now, row.due_at, epoch, step))
            STATS["claims"] += 1
        upcoming = next_due_instant()
        assert upcoming is None or upcoming > now, f"still due after a claim: {upcoming}"
        self._check_fired_rows()

    # -- the starting world ---------------------------------------------------------------

    @initialize(world=st.lists(APPLICATION, min_size=1, max_size=3))
    def build_world(self, world: list[tuple[int, int, int | None, bool, bool]]) -> None:
        options.put(options.USER_ZONE, USER_ZONES[0])
        for number, (ended, interviewers, decision, reference, network) in enumerate(world):
            app_id = int(create_application(self.clock, f"Company {number}", "Engineer").id)
            self._save_new_interview(app_id, ended, interviewers, decision, 1)
            if reference:
                self._add_person(app_id, ReferenceKind.REFERENCE)
            if network:
                self._add_person(app_id, ReferenceKind.NETWORK)
        full_pass(self.clock.now())
        self.planned_facts = self.facts_version
        self._observe("first plan")

    def _person(self) -> PersonDraft:
        self.people += 1
        return PersonDraft(
            name=f"Person {self.people}",
            email=f"person{self.people}@example.com",
            preferred_method="email",
        )

    def _add_person(self, app_id: int, kind: ReferenceKind) -> None:
        self.people += 1
        add_new_person(
            app_id,
            kind,
            f"Person {self.people}",
            self.clock,
            email=f"person{self.people}@example.com",
            given_on=self._today() if kind is ReferenceKind.REFERENCE else None,
        )

    def _save_new_interview(
        self, app_id: int, ends_in_hours: int, interviewers: int, decision: int | None, round_: int
    ) -> None:
        # A one-hour interview ending on the hour, about ``ends_in_hours`` from now.
        end = (self.clock.now() + timedelta(hours=ends_in_hours)).astimezone(CHICAGO)
        end = end.replace(minute=0, second=0, microsecond=0)
        if end.hour == 0:
            end += timedelta(hours=1)
        draft = InterviewDraft(
            application_id=app_id,
            day=end.date(),
            start=time(end.hour - 1),
            end=time(end.hour),
            time_zone="America/Chicago",
            round=round_,
            people=tuple(self._person() for _ in range(interviewers)),
            decision_on=None if decision is None else end.date() + timedelta(days=decision),
        )
        save_interview(draft, self.clock)

    # -- time -----------------------------------------------------------------------------

    @rule(minutes=FORWARD)
    def time_passes(self, minutes: int) -> None:
        """The app is closed, or the machine asleep."""
        self.clock.advance(timedelta(minutes=minutes))

    @rule(minutes=FORWARD)
    def time_passes_while_running(self, minutes: int) -> None:
        """The app runs: what comes due fires (its timer claims)."""
        self.clock.advance(timedelta(minutes=minutes))
        self._claim("timer")

    @rule(minutes=st.integers(min_value=1, max_value=120))
    def clock_corrected_back(self, minutes: int) -> None:
        self.clock.advance(-timedelta(minutes=minutes))
        self.clock_went_back = True

    # -- edits of the facts ---------------------------------------------------------------

    def _applications(self) -> list[Application]:
        return list(Application.select().order_by(Application.id))

    def _latest_interview(self, app_id: int) -> int | None:
        row = db.execute_sql(
            "SELECT id FROM interview WHERE application_id = ? ORDER BY starts_at DESC, id DESC",
            (app_id,),
        ).fetchone()
        return None if row is None else int(row[0])

    @rule(app=PICK, what=st.sampled_from(TOUCHPOINTS), days=st.integers(0, 14))
    def log_a_touchpoint(self, app: int, what: str, days: int) -> None:
        application = _pick(self._applications(), app)
        assert application is not None
        now = self.clock.now()
        answered = what not in ("voicemail", "email")
        outcome = {
            "still_candidate": Outcome.STILL_CANDIDATE,
            "new_timeframe": Outcome.NEW_TIMEFRAME,
            "filled": Outcome.FILLED,
        }.get(what, Outcome.NO_NEWS)
        data = TouchpointInput(
            application_id=application.id,
            channel=Channel.REPLY if answered else Channel(what),
            answered=answered,
            outcome=outcome,
            new_decision_on=now.date() + timedelta(days=days)
            if outcome is Outcome.NEW_TIMEFRAME
            else None,
            notes="",
            contact_id=None,
            at=now,
        )
        self._edit(lambda: log_touchpoint(data, self.clock, self._today()))

    @rule(app=PICK, days=st.none() | st.integers(0, 10))
    def set_decision_date(self, app: int, days: int | None) -> None:
        """Edit the latest interview: a decision date named, changed or taken back; the
        same date again is an edit that changes nothing a reminder depends on."""
        application = _pick(self._applications(), app)
        assert application is not None
        interview = self._latest_interview(application.id)
        if interview is None:
            return
        draft = load_interview_draft(interview)
        draft = replace(
            draft,
            decision_on=None if days is None else draft.day + timedelta(days=days),
            decision_within_count=None,
            decision_within_unit=None,
        )
        self._edit(lambda: save_interview(draft, self.clock))

    @rule(
        app=PICK,
        every=st.none() | st.sampled_from([7, 14]),
        on=st.none() | st.integers(min_value=1, max_value=20),
    )
    def set_check_back(self, app: int, every: int | None, on: int | None) -> None:
        """What the interviewer said about checking back: a rhythm, a day, or nothing."""
        application = _pick(self._applications(), app)
        assert application is not None
        interview = self._latest_interview(application.id)
        if interview is None:
            return
        draft = load_interview_draft(interview)
        draft = replace(
            draft,
            check_back_every_days=every,
            check_back_on=None if on is None else draft.day + timedelta(days=on),
        )
        self._edit(lambda: save_interview(draft, self.clock))

    @rule(person=PICK, method=st.sampled_from(["phone", "email", None]))
    def interviewer_prefers(self, person: int, method: str | None) -> None:
        """The channel of a follow-up follows the interviewer's preference (its title says
        "Call" or "Email"; its time stays)."""
        people = [int(r[0]) for r in db.execute_sql("SELECT id FROM contact ORDER BY id")]
        chosen = _pick(people, person)
        if chosen is None:
            return
        fields = replace(load_contact(chosen), preferred_method=method)
        self._edit(lambda: save_contact(fields, self.clock, chosen))

    @rule(app=PICK, hours=st.integers(-30, 48), interviewers=st.integers(0, 2))
    def add_interview(self, app: int, hours: int, interviewers: int) -> None:
        application = _pick(self._applications(), app)
        assert application is not None
        rounds = db.execute_sql(
            "SELECT COUNT(*) FROM interview WHERE application_id = ?", (application.id,)
        ).fetchone()[0]
        self._edit(
            lambda: self._save_new_interview(
                application.id, hours, interviewers, None, int(rounds) + 1
            )
        )

    @rule(app=PICK)
    def delete_latest_interview(self, app: int) -> None:
        """Its notes go; the follow-up falls back on the interview before, if any."""
        application = _pick(self._applications(), app)
        assert application is not None
        interview = self._latest_interview(application.id)
        if interview is not None:
            self._edit(lambda: delete_interview(interview))

    @rule(which=PICK)
    def delete_a_touchpoint(self, which: int) -> None:
        touchpoints = [int(r[0]) for r in db.execute_sql("SELECT id FROM touchpoint ORDER BY id")]
        chosen = _pick(touchpoints, which)
        if chosen is not None:
            self._edit(lambda: TouchpointRow.delete_by_id(chosen))

    def _note_tasks(self, finished: bool) -> list[tuple[int, int]]:
        """(interview, contact) of each note to write, or of each note already out."""
        statuses = sorted(s.value for s in FINISHED)
        rows = db.execute_sql(
            "SELECT p.interview_id, p.contact_id FROM interview_participant p "
            "LEFT JOIN thank_you_note n ON n.interview_id = p.interview_id "
            "AND n.contact_id = p.contact_id "
            "WHERE p.role IN ('interviewer', 'hiring_manager') "
            f"AND COALESCE(n.status IN ({', '.join('?' * len(statuses))}), 0) = ? "
            "ORDER BY p.id",
            (*statuses, int(finished)),
        )
        return [(int(i), int(c)) for i, c in rows]

    @rule(task=PICK, promise=st.none() | st.integers(1, 10))
    def send_note(self, task: int, promise: int | None) -> None:
        """Write a note and mark it sent (sometimes promising to follow up on a day)."""
        chosen = _pick(self._note_tasks(finished=False), task)
        if chosen is None:
            return
        interview, contact = chosen
        today = self._today()
        draft = NoteDraft(
            tone="warm",
            subject="Thank you",
            body="Thank you for your time today.",
            edited_by_hand=False,
            promised_on=None if promise is None else today + timedelta(days=promise),
        )

        def write_and_send() -> None:
            save_note(interview, contact, draft, self.clock)
            finish_note(interview, contact, NoteMedium.EMAIL, today, self.clock)

        self._edit(write_and_send)

    @rule(task=PICK)
    def reopen_a_note(self, task: int) -> None:
        chosen = _pick(self._note_tasks(finished=True), task)
        if chosen is None:
            return
        self._edit(lambda: reopen_note(*chosen, self.clock))

    @rule(app=PICK, to=PICK)
    def change_stage(self, app: int, to: int) -> None:
        application = _pick(self._applications(), app)
        assert application is not None
        stage = _pick(sorted(allowed_targets(Stage(application.stage))), to)
        assert stage is not None
        reasons = reasons_for(stage)
        self._edit(
            lambda: change_stage(
                application.id,
                stage,
                self.clock,
                self._today(),
                reasons[0] if reasons else None,
            )
        )

    @rule(app=PICK)
    def rename_company(self, app: int) -> None:
        """Reminder titles change; their times do not (fired ones stay fired)."""
        application = _pick(self._applications(), app)
        assert application is not None
        fields = ApplicationFields(company=f"{application.company}'", role_title="Engineer")
        self._edit(lambda: update_application(application.id, fields, self.clock))

    @rule(app=PICK, network=st.booleans())
    def add_reference(self, app: int, network: bool) -> None:
        application = _pick(self._applications(), app)
        assert application is not None
        kind = ReferenceKind.NETWORK if network else ReferenceKind.REFERENCE
        self._edit(lambda: self._add_person(application.id, kind))

    @rule(link=PICK, step=st.sampled_from(REFERENCE_STEPS))
    def reference_step(self, link: int, step: str) -> None:
        links = [int(r.id) for r in ApplicationReference.select().order_by(ApplicationReference.id)]
        chosen = _pick(links, link)
        if chosen is None:
            return
        now = self.clock.now()
        steps: dict[str, Callable[[], object]] = {
            "heads_up": lambda: record_heads_up(chosen, "email", self.clock),
            "contacted": lambda: record_contacted(
                chosen, now.date(), ContactedBy.COMPANY, self.clock
            ),
            "thanked": lambda: record_thanked(chosen, now.date(), self.clock),
            "outcome": lambda: record_outcome_told(chosen, now.date(), self.clock),
            "checked_in": lambda: record_checked_in(chosen, self.clock),
        }
        if step.startswith("undo:"):
            self._edit(lambda: undo_step(chosen, step.removeprefix("undo:"), self.clock))
        else:
            self._edit(steps[step])

    @rule(setting=st.sampled_from(sorted(PLANNING_SETTINGS)), choice=PICK)
    def change_a_planning_setting(self, setting: str, choice: int) -> None:
        """A planning setting marks every application to be planned again."""
        option, values = PLANNING_SETTINGS[setting]
        value = _pick(list(values), choice)
        assert value is not None
        self._edit(lambda: options.put(option, value))

    @rule(zone=st.sampled_from(USER_ZONES))
    def user_changes_time_zone(self, zone: str) -> None:
        before = self.facts_version
        self._edit(lambda: options.put(options.USER_ZONE, zone))
        if self.facts_version > before:
            self.zone_changes.append(self.facts_version)

    # -- planning, firing and what the user does with a reminder --------------------------

    @rule()
    def plan_what_changed(self) -> None:
        now = self.clock.now()
        plan_changed(now)
        self.planned_facts = self.facts_version
        self._observe("plan_changed")
        if not self.clock_went_back:
            stored = stored_reminders(
                f"kind IN ({', '.join('?' * len(planned_kinds()))})", planned_kinds()
            )
            left = reconcile(stored, planned(EVERYTHING, now), now)
            assert not left, f"plan_changed left work for a full pass: {left}"

    @rule()
    def plan_everything(self) -> None:
        full_pass(self.clock.now())
        self.planned_facts = self.facts_version
        self._observe("full_pass")

    @rule(steps=st.integers(min_value=0, max_value=2))
    def full_pass_cut_short(self, steps: int) -> None:
        """Quitting during a full pass, one application per step: what was planned stays
        planned, the rest stays marked."""
        asked = iter(range(steps + 1))
        report = full_pass(self.clock.now(), should_stop=lambda: next(asked) == steps, chunk=1)
        if not report.stopped:
            self.planned_facts = self.facts_version
        self._observe("full_pass cut short")

    @rule()
    def claim(self) -> None:
        self._claim("claim")

    def _fired(self, index: int) -> tuple[int, Identity] | None:
        chosen = _pick(open_fired(), index)
        return None if chosen is None else (chosen.reminder_id, (chosen.kind, chosen.subject_key))

    @rule(which=PICK, minutes=SNOOZE)
    def snooze_one(self, which: int, minutes: int) -> None:
        chosen = self._fired(which)
        if chosen is None:
            return
        reminder_id, identity = chosen
        snooze(reminder_id, self.clock.now() + timedelta(minutes=minutes))
        self.epoch[identity] += 1
        self.why_new_epoch[identity].append(f"snoozed at {self.clock.now()}")
        STATS["snoozes"] += 1

    @rule(which=PICK, done=st.booleans())
    def finish_one(self, which: int, done: bool) -> None:
        chosen = self._fired(which)
        if chosen is None:
            return
        (mark_done if done else dismiss)(chosen[0], self.clock.now())
        STATS["done or dismissed"] += 1

    @rule()
    def restart(self) -> None:
        """Quit and start again: fire what came due, plan as the app does at start (what
        changed, or everything on another basis), fire again."""
        self.database.close()
        db.initialize(None)
        self.database = open_database(self.data_dir, self.clock)
        if open_fired():
            STATS["restarts with fired reminders"] += 1
        self._claim("start")
        now = self.clock.now()
        plan_at_start(now)
        self.planned_facts = self.facts_version
        self._observe("planning at start")
        # Whatever planning at start left out, a pass over everything would not change.
        stored = stored_reminders(
            f"kind IN ({', '.join('?' * len(planned_kinds()))})", planned_kinds()
        )
        left = reconcile(stored, planned(EVERYTHING, now), now)
        assert not left, f"planning at start left work for a full pass: {left}"
        self._claim("start, after planning")

    @rule(minutes=st.integers(min_value=0, max_value=7 * 1440))
    def preview_due(self, minutes: int) -> None:
        """``followthrough due --at``: writes nothing, and says what planning at that
        instant would leave due (checked on a copy of the database)."""
        at = self.clock.now() + timedelta(minutes=minutes)
        before = _table_dump()
        previewed = preview(at)
        assert _table_dump() == before, "preview_due wrote to the database"
        copy = peewee.SqliteDatabase(":memory:", pragmas={"foreign_keys": 1})
        self.database.connection().backup(copy.connection())
        db.initialize(copy)
        try:
            plan_changed(at)
            expected = due_by(stored_reminders(), at)
        finally:
            db.initialize(self.database)
            copy.close()
        assert _due_list(previewed) == _due_list(expected), (
            f"preview_due({at}) differs from planning then: {previewed} != {expected}"
        )


SETTINGS = settings(
    max_examples=100,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    # One failure, shrunk quickly, rather than every distinct one (each step costs ms).
    report_multiple_bugs=False,
)


def test_no_reminder_fires_twice_for_unchanged_facts() -> None:
    STATS.clear()
    run_state_machine_as_test(ReminderWorld, settings=SETTINGS)
    # Not vacuous: reminders fired, and some were snoozed or moved after firing (most
    # runs also see them fire again; about one seed in forty lets every such reminder
    # lapse first, so that is pinned by the hand-driven test below instead).
    assert STATS["claims"] > 50, STATS
    assert STATS["edits"] > 0, STATS
    assert STATS["snoozes"] + STATS["claimed reminders moved"] > 0, STATS


# -- the same machine, driven by hand --------------------------------------------------------


def test_fired_then_restarted_and_planned_again_fires_nothing_more() -> None:
    world = ReminderWorld()
    try:
        # An interview that ended an hour ago with one interviewer and a reference.
        world.build_world([(-1, 1, None, True, False)])
        before = sum(len(c) for c in world.claims.values())
        for _hour in range(12):  # a day, looked at every two hours: the note's two
            world.time_passes(120)  # reminders ("due soon" lapses at the deadline),
            world.claim()  # the heads-up and the debrief
        world.time_passes(7 * 1440)  # past the follow-up
        world.claim()
        fired = {identity: len(c) for identity, c in world.claims.items()}
        assert len(fired) == 5 and before == 0, world.claims
        world.restart()
        world.plan_what_changed()
        world.plan_everything()
        world.claim()
        world.time_passes(60)
        world.claim()
        assert {identity: len(c) for identity, c in world.claims.items()} == fired
    finally:
        world.teardown()


def test_a_snoozed_or_moved_reminder_fires_again_once() -> None:
    world = ReminderWorld()
    try:
        # A decision is expected two days after the interview.
        world.build_world([(-1, 1, 2, False, False)])
        world.time_passes(8 * 1440)
        world.claim()
        nudge = ("decision_passed", "follow_up:1:1:0")
        first_due = world.claims[nudge][0][1]
        # Snoozed: once more at the snooze time, then no more.
        world.snooze_one(0, 60)
        world.time_passes(120)
        world.claim()
        world.claim()
        assert len(world.claims[nudge]) == 2
        # Moved by the facts (the decision date put off): once more when it comes due.
        world.set_decision_date(0, 20)
        world.plan_what_changed()
        world.claim()
        assert len(world.claims[nudge]) == 2
        world.time_passes(20 * 1440)
        world.claim()
        world.restart()
        world.claim()
        dues = [due for _at, due, _epoch, _step in world.claims[nudge]]
        assert dues[:2] == [first_due, first_due]
        assert len(dues) == 3 and dues[2] > first_due
    finally:
        world.teardown()


def test_a_note_sent_and_taken_back_does_not_fire_again() -> None:
    """The first case the property found (before reminders were suspended rather than
    deleted): a note's reminder fired, the note went out, then was "not sent after all"."""
    world = ReminderWorld()
    try:
        world.build_world([(0, 1, None, False, False)])
        world.send_note(0, 1)
        world.time_passes_while_running(480)  # fires before the plan sees the note out
        world.plan_everything()
        world.reopen_a_note(0)
        world.plan_everything()
        world.claim()
        world.restart()
        notes = [len(c) for (kind, _key), c in world.claims.items() if kind.startswith("note")]
        assert notes == [1]
        # (The interview's debrief reminder fired too, once.)
        assert all(len(c) == 1 for c in world.claims.values()), world.claims
    finally:
        world.teardown()


def test_the_check_notices_a_reminder_fired_twice() -> None:
    world = ReminderWorld()
    try:
        world.build_world([(-1, 1, None, False, False)])
        world.time_passes(8 * 1440)
        world.claim()
        assert world.claims
        # What the old planner did: a re-plan that forgets a reminder had fired.
        db.execute_sql("UPDATE reminder SET fired_at = NULL")
        with pytest.raises(AssertionError, match="fired twice for unchanged facts"):
            world.claim()
    finally:
        world.teardown()
