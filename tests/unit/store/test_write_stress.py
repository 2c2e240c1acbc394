"""Two processes and several threads write through the store API at once while full
passes run: every write that returned is there, none failed with "database is locked".

In this process one thread per kind of write (touchpoints, thank-you notes, stage
changes, intro lines, reference steps) and one planning thread (``full_pass`` and
``plan_changed``); in a second process (``stress_writer.py``) touchpoints, intro lines
and full passes again. Each thread owns what it overwrites (the notes, stages and
reference steps are written by one thread only; the intro lines of even applications
by this process, of odd ones by the other), so the last write each one saw return is
what must be stored. Rule refusals (``UserError``) are allowed and counted; any other
exception fails the test, and one that speaks of a locked or busy database is named as
such.

``FOLLOWTHROUGH_STRESS_SECONDS`` shortens (or lengthens) the run; run with ``-s`` to see
the counts.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

import peewee
import pytest

from followthrough.demo import fill_demo
from followthrough.domain.cadence import Channel, Outcome
from followthrough.domain.clock import FakeClock
from followthrough.domain.errors import UserError
from followthrough.domain.note_tasks import FINISHED, NOTE_ROLES, NoteMedium, NoteStatus
from followthrough.domain.references import ContactedBy, ReferenceKind
from followthrough.domain.stages import Stage, allowed_targets, reasons_for
from followthrough.store.models import (
    Application,
    ApplicationReference,
    Contact,
    ThankYouNote,
    Touchpoint,
    db,
)
from followthrough.store.notes import NoteDraft, finish_note, reopen_note, save_note
from followthrough.store.planning import full_pass, plan_changed
from followthrough.store.queries import change_stage
from followthrough.store.references import (
    add_reference,
    record_checked_in,
    record_contacted,
    record_heads_up,
    record_outcome_told,
    record_thanked,
    undo_step,
)
from followthrough.store.touchpoints import TouchpointInput, log_touchpoint, save_intro_line

SECONDS = float(os.environ.get("FOLLOWTHROUGH_STRESS_SECONDS", "10"))
DEMO_APPLICATIONS = 50
WRITER = Path(__file__).with_name("stress_writer.py")
# The steps of a reference that store.references.undo_step takes back.
UNDO_STEPS = ("heads_up", "contacted", "thanked", "outcome", "checked_in")
PREFIX = "stress-parent"
# Writers and planners go back to back, without pauses: store.transactions polls for the
# write lock (SQLite's own busy handler sleeps up to 100 ms a try and let a thread that
# takes the lock back at once starve the others for seconds, close to the timeout).
PAUSE_SECONDS = 0.0
PASS_PAUSE_SECONDS = 0.0
# Work that must have happened, per second of the run (a loaded machine still does
# several times this much), so that the test cannot pass by doing next to nothing.
MIN_WRITES_PER_SECOND = 30
MIN_EACH_KIND_PER_SECOND = 2
MIN_PASSES_PER_SECOND = 0.5
# No write may wait for the lock anywhere near the busy timeout (it would fail there);
# with fair polling the longest wait under this load stays well under a second.
WAIT_LIMIT_SECONDS = 2.0
# The kinds of write, by family (the first is the one each thread mostly does).
FAMILIES = {
    "touchpoint": ("touchpoint",),
    "note": ("note", "note_finish", "note_reopen"),
    "stage": ("stage",),
    "intro": ("intro",),
    "reference": ("reference_add", "reference_step", "reference_undo"),
}
# The column that records each reference step.
STEP_COLUMNS = {
    "heads_up": "heads_up_at",
    "contacted": "contacted_on",
    "thanked": "thanked_on",
    "outcome": "outcome_told_on",
    "checked_in": "checked_in_at",
}


@dataclass
class Tally:
    """What happened in one process, shared by its threads."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    writes: Counter[str] = field(default_factory=Counter)
    refusals: Counter[str] = field(default_factory=Counter)
    refusal_texts: list[str] = field(default_factory=list)
    # (where, exception type, text, traceback)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)
    # The longest a call of each kind took, waiting for the write lock included.
    longest: dict[str, float] = field(default_factory=dict)
    passes: int = 0

    def call(
        self, kind: str, work: Callable[..., Any], *args: Any, **kwargs: Any
    ) -> tuple[bool, Any]:
        """Run one write, ``work(*args, **kwargs)``; (True, its result) when it returned."""
        started = time.monotonic()
        try:
            result = work(*args, **kwargs)
        except UserError as exc:
            with self.lock:
                self.refusals[kind] += 1
                self.refusal_texts.append(f"{kind}: {exc}")
            return False, None
        except Exception as exc:
            self.failed(kind, exc)
            time.sleep(0.01)  # an unexpected failure: keep going, without flooding
            return False, None
        took = time.monotonic() - started
        with self.lock:
            self.writes[kind] += 1
            self.longest[kind] = max(took, self.longest.get(kind, 0.0))
        return True, result

    def failed(self, where: str, exc: BaseException) -> None:
        with self.lock:
            self.errors.append((where, type(exc).__name__, str(exc), traceback.format_exc()))


@dataclass
class Facts:
    """What the demo database held before the run."""

    applications: list[int]
    stages: dict[int, Stage]
    stage_events: Counter[int]
    contacts: list[int]
    note_pairs: list[tuple[int, int]]
    finished_notes: set[tuple[int, int]]
    links: list[int]


def stage_event_counts() -> Counter[int]:
    rows = db.execute_sql("SELECT application_id, COUNT(*) FROM stage_event GROUP BY 1")
    return Counter({int(application_id): int(count) for application_id, count in rows})


def read_facts() -> Facts:
    applications = {a.id: Stage(a.stage) for a in Application.select().order_by(Application.id)}
    events = stage_event_counts()
    roles = ", ".join("?" * len(NOTE_ROLES))
    pairs = [
        (int(i), int(c))
        for i, c in db.execute_sql(
            "SELECT interview_id, contact_id FROM interview_participant "
            f"WHERE role IN ({roles}) ORDER BY id",
            NOTE_ROLES,
        )
    ]
    finished = {
        (n.interview_id, n.contact_id)
        for n in ThankYouNote.select()
        if NoteStatus(n.status) in FINISHED
    }
    return Facts(
        applications=list(applications),
        stages=applications,
        stage_events=events,
        contacts=[c.id for c in Contact.select(Contact.id).order_by(Contact.id)],
        note_pairs=pairs,
        finished_notes=finished,
        links=[r.id for r in ApplicationReference.select(ApplicationReference.id)],
    )


@dataclass
class Expected:
    """What the writers of this process saw return, to be found afterwards."""

    # (id, notes) of each touchpoint; a list, as a lost row's id would be given again.
    touchpoints: list[tuple[int, str]] = field(default_factory=list)
    intro_lines: dict[int, str] = field(default_factory=dict)  # application -> text
    note_bodies: dict[tuple[int, int], tuple[int, str]] = field(default_factory=dict)
    notes_finished: dict[tuple[int, int], bool] = field(default_factory=dict)
    stages: dict[int, Stage] = field(default_factory=dict)
    stage_changes: Counter[int] = field(default_factory=Counter)
    # (link id, application, contact, kind) of each link added
    links_added: list[tuple[int, int, int, ReferenceKind]] = field(default_factory=list)
    steps: dict[tuple[int, str], bool] = field(default_factory=dict)


class Run:
    """The writers of this process: one thread each, until the deadline."""

    def __init__(
        self,
        database: peewee.SqliteDatabase,
        clock: FakeClock,
        facts: Facts,
        deadline: float,
    ) -> None:
        self.database = database
        self.clock = clock
        self.facts = facts
        self.deadline = deadline
        self.today: date = clock.now().date()
        self.tally = Tally()
        self.expected = Expected(stages=dict(facts.stages))

    def running(self, rng: random.Random, pause: float | None = None) -> bool:
        """Whether to write again, after a short pause of random length (``pause`` on
        average, PAUSE_SECONDS unless given)."""
        time.sleep(rng.uniform(0, 2 * (PAUSE_SECONDS if pause is None else pause)))
        return time.monotonic() < self.deadline

    def threads(self) -> list[threading.Thread]:
        workers = (
            self.touchpoints,
            self.notes,
            self.stages,
            self.intro_lines,
            self.references,
            self.planning,
        )
        return [threading.Thread(target=self._thread, args=(w,), name=w.__name__) for w in workers]

    def _thread(self, work: Callable[[random.Random], None]) -> None:
        try:
            with self.database.connection_context():
                work(random.Random(work.__name__))
        except BaseException as exc:  # a fault of the test itself: report it, never lose it
            self.tally.failed(f"{work.__name__} thread", exc)

    def touchpoints(self, rng: random.Random) -> None:
        index = 0
        while self.running(rng):
            index += 1
            notes = f"{PREFIX}-t{index}"
            data = TouchpointInput(
                application_id=rng.choice(self.facts.applications),
                channel=rng.choice((Channel.EMAIL, Channel.PHONE, Channel.REPLY)),
                answered=True,
                outcome=Outcome.STILL_CANDIDATE,
                new_decision_on=None,
                notes=notes,
                contact_id=None,
                at=self.clock.now() - timedelta(minutes=rng.randrange(0, 600)),
            )
            ok, touchpoint_id = self.tally.call(
                "touchpoint", log_touchpoint, data, self.clock, self.today
            )
            if ok:
                self.expected.touchpoints.append((touchpoint_id, notes))

    def notes(self, rng: random.Random) -> None:
        expected = self.expected
        index = 0
        while self.running(rng):
            index += 1
            pair = rng.choice(self.facts.note_pairs)
            roll = rng.random()
            if roll < 0.7:
                body = f"{PREFIX}-note{index}: thank you for the conversation."
                draft = NoteDraft(
                    tone="warm", subject=f"Thank you ({index})", body=body, edited_by_hand=True
                )
                ok, note_id = self.tally.call(
                    "note", save_note, *pair, draft, self.clock, checked=index % 3 == 0
                )
                if ok:
                    expected.note_bodies[pair] = (note_id, body)
            elif roll < 0.85:
                ok, _ = self.tally.call(
                    "note_finish", finish_note, *pair, NoteMedium.EMAIL, self.today, self.clock
                )
                if ok:
                    expected.notes_finished[pair] = True
            else:
                ok, _ = self.tally.call("note_reopen", reopen_note, *pair, self.clock)
                if ok:
                    expected.notes_finished[pair] = False

    def stages(self, rng: random.Random) -> None:
        expected = self.expected
        index = 0
        while self.running(rng):
            index += 1
            application_id = rng.choice(self.facts.applications)
            current = expected.stages[application_id]
            # Every tenth move is refused: the application is already there.
            target = current if index % 10 == 0 else rng.choice(sorted(allowed_targets(current)))
            reasons = reasons_for(target)
            reason = reasons[0] if reasons else None
            ok, _ = self.tally.call(
                "stage", change_stage, application_id, target, self.clock, self.today, reason
            )
            if ok:
                expected.stages[application_id] = target
                expected.stage_changes[application_id] += 1

    def intro_lines(self, rng: random.Random) -> None:
        mine = [a for a in self.facts.applications if a % 2 == 0]
        index = 0
        while self.running(rng):
            index += 1
            application_id = rng.choice(mine)
            text = f"{PREFIX}-intro{index} for {application_id}"
            ok, _ = self.tally.call("intro", save_intro_line, application_id, text)
            if ok:
                self.expected.intro_lines[application_id] = text

    def references(self, rng: random.Random) -> None:
        expected = self.expected
        links = list(self.facts.links)
        record: dict[str, Callable[[int], None]] = {
            "heads_up": lambda link: record_heads_up(link, "email", self.clock),
            "contacted": lambda link: record_contacted(
                link, self.today, ContactedBy.COMPANY, self.clock
            ),
            "thanked": lambda link: record_thanked(link, self.today, self.clock),
            "outcome": lambda link: record_outcome_told(link, self.today, self.clock),
            "checked_in": lambda link: record_checked_in(link, self.clock),
        }
        while self.running(rng):
            if not links or rng.random() < 0.25:
                application_id = rng.choice(self.facts.applications)
                contact_id = rng.choice(self.facts.contacts)
                kind = ReferenceKind.REFERENCE if rng.random() < 0.7 else ReferenceKind.NETWORK
                ok, link_id = self.tally.call(
                    "reference_add",
                    add_reference,
                    application_id,
                    contact_id,
                    kind,
                    self.clock,
                    self.today,
                )
                if ok:
                    expected.links_added.append((link_id, application_id, contact_id, kind))
                    links.append(link_id)
                continue
            link_id = rng.choice(links)
            step = rng.choice(UNDO_STEPS)
            if rng.random() < 0.4:
                ok, _ = self.tally.call("reference_undo", undo_step, link_id, step, self.clock)
                if ok:
                    expected.steps[link_id, step] = False
            else:
                ok, _ = self.tally.call("reference_step", record[step], link_id)
                if ok:
                    expected.steps[link_id, step] = True

    def planning(self, rng: random.Random) -> None:
        def stop() -> bool:
            return time.monotonic() >= self.deadline

        while self.running(rng, PASS_PAUSE_SECONDS):
            # The app's chunk, then small ones: more and shorter planning transactions.
            chunk = rng.choice((400, 7))
            ok, report = self.tally.call("full_pass", full_pass, self.clock.now(), stop, chunk)
            if ok and not report.stopped:
                with self.tally.lock:
                    self.tally.passes += 1
            self.tally.call("plan_changed", plan_changed, self.clock.now(), stop)


@dataclass
class Child:
    """What the second process reported."""

    tally: Tally
    touchpoints: list[tuple[int, str]]
    intro_lines: dict[int, str]
    finished: bool


def read_child(out_file: Path) -> Child:
    tally = Tally()
    touchpoints: list[tuple[int, str]] = []
    intro_lines: dict[int, str] = {}
    finished = False
    lines = out_file.read_text(encoding="utf-8").splitlines() if out_file.exists() else []
    for line in lines:
        record = json.loads(line)
        kind = record["kind"]
        if kind == "done":
            finished = True
        elif kind == "refusal":
            tally.refusals[record["where"]] += 1
            tally.refusal_texts.append(f"{record['where']}: {record['text']}")
        elif kind == "error":
            tally.errors.append(
                (record["where"], record["type"], record["text"], record.get("trace", ""))
            )
        else:
            tally.writes[kind] += 1
            tally.longest[kind] = max(record["took"], tally.longest.get(kind, 0.0))
            if kind == "touchpoint":
                touchpoints.append((int(record["id"]), record["notes"]))
            elif kind == "intro":
                intro_lines[int(record["app"])] = record["text"]  # in the order they returned
            elif kind == "pass":
                tally.passes += 1
    return Child(tally, touchpoints, intro_lines, finished)


def start_child(
    data_dir: Path, out_file: Path, stderr: TextIO, clock: FakeClock
) -> subprocess.Popen[str]:
    """Start the second writer and wait until it has opened the database."""
    process = subprocess.Popen(
        [
            sys.executable,
            str(WRITER),
            str(data_dir),
            str(out_file),
            str(SECONDS),
            clock.now().isoformat(),
            str(PAUSE_SECONDS),
            str(PASS_PAUSE_SECONDS),
        ],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        # The same computer clock as this process (tests/conftest.py): two copies of the
        # app on one computer agree on its zone, so on every reminder.
        env={**os.environ, "TZ": "Europe/Berlin"},
    )
    assert process.stdout is not None
    ready = process.stdout.readline().strip()
    process.stdout.close()  # it says nothing more there
    if ready != "ready":
        process.kill()
        process.wait(timeout=30)
        stderr.flush()
        text = Path(stderr.name).read_text(encoding="utf-8")
        pytest.fail(f"the writer process did not start: {ready!r}\n{text}")
    return process


def summary(tally: Tally, child: Child, data_writes: int) -> str:
    data_kinds = {kind for kinds in FAMILIES.values() for kind in kinds}

    def longest(counts: Tally, planning: bool) -> str:
        found = [(t, k) for k, t in counts.longest.items() if (k not in data_kinds) == planning]
        took, kind = max(found, default=(0.0, "-"))
        return f"{took * 1000:.0f} ms ({kind})"

    lines = [f"stress run of {SECONDS:g} s: {data_writes} data writes returned"]
    for name, counts in (("this process", tally), ("other process", child.tally)):
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(counts.writes.items()))
        lines += [
            f"  {name}: {kinds}",
            f"    full passes completed {counts.passes}; "
            f"refusals {sum(counts.refusals.values())} {dict(counts.refusals)}; "
            f"errors {len(counts.errors)}",
            f"    longest data write {longest(counts, False)}, "
            f"longest planning call {longest(counts, True)} (lock wait included)",
        ]
    return "\n".join(lines)


def describe(errors: list[tuple[str, str, str, str]]) -> str:
    shown = [f"{where}: {kind}: {text}\n{trace}" for where, kind, text, trace in errors[:5]]
    more = f"\n... and {len(errors) - 5} more" if len(errors) > 5 else ""
    return "\n".join(shown) + more


@pytest.mark.slow
def test_concurrent_writers_lose_nothing_and_never_see_a_locked_database(
    database: peewee.SqliteDatabase, clock: FakeClock, data_dir: Path, tmp_path: Path
) -> None:
    fill_demo(clock, DEMO_APPLICATIONS)
    facts = read_facts()
    assert facts.note_pairs, "the demo data has interviewers to write notes to"

    out_file = tmp_path / "child.jsonl"
    stderr_file = tmp_path / "child.stderr"
    with stderr_file.open("w", encoding="utf-8") as stderr:
        process = start_child(data_dir, out_file, stderr, clock)
        try:
            run = Run(database, clock, facts, time.monotonic() + SECONDS)
            threads = run.threads()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=SECONDS + 60)
            assert not any(t.is_alive() for t in threads), "a writer thread is still running"
            returncode = process.wait(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)
    child = read_child(out_file)
    tally, expected = run.tally, run.expected
    data_kinds = {kind for kinds in FAMILIES.values() for kind in kinds}
    data_writes = sum(n for k, n in tally.writes.items() if k in data_kinds) + sum(
        n for k, n in child.tally.writes.items() if k in data_kinds
    )
    print("\n" + summary(tally, child, data_writes))

    # Nothing failed, and above all nothing found the database locked or busy.
    assert returncode == 0 and child.finished, (
        "the writer process failed:\n" + stderr_file.read_text(encoding="utf-8")
    )
    errors = tally.errors + child.tally.errors
    texts = [text for _, _, text, _ in errors] + tally.refusal_texts + child.tally.refusal_texts
    locked = [t for t in texts if "locked" in t.lower() or "busy" in t.lower()]
    assert not locked, f"{len(locked)} writes found the database locked:\n" + describe(
        [e for e in errors if e[2] in locked]
    )
    assert not errors, f"{len(errors)} writes failed:\n" + describe(errors)

    # Every touchpoint that returned is stored with its text, and no other.
    stored_touchpoints = sorted(
        (t.id, t.notes) for t in Touchpoint.select().where(Touchpoint.notes.startswith("stress-"))
    )
    returned = Counter(expected.touchpoints + child.touchpoints)
    lost, unexpected = (
        returned - Counter(stored_touchpoints),
        Counter(stored_touchpoints) - returned,
    )
    assert not lost and not unexpected, (
        f"{sum(lost.values())} touchpoints lost, e.g. {sorted(lost)[:5]}; "
        f"{sum(unexpected.values())} not returned, e.g. {sorted(unexpected)[:5]}"
    )

    # The last intro line each process saw return, on the applications it owns.
    intro_lines = {a.id: a.intro_line for a in Application.select()}
    for application_id, text in {**expected.intro_lines, **child.intro_lines}.items():
        assert intro_lines[application_id] == text, application_id

    # Thank-you notes: the last body saved, and sent or not as last recorded.
    notes = {(n.interview_id, n.contact_id): n for n in ThankYouNote.select()}
    for pair, (note_id, body) in expected.note_bodies.items():
        assert (notes[pair].id, notes[pair].body) == (note_id, body), pair
    for pair in facts.note_pairs:
        was_finished = pair in facts.finished_notes
        want = expected.notes_finished.get(pair, was_finished)
        note = notes.get(pair)
        assert (note is not None and NoteStatus(note.status) in FINISHED) == want, pair

    # Stages: where each application was last moved, with one event per move.
    events = stage_event_counts()
    for application in Application.select():
        assert Stage(application.stage) == expected.stages[application.id], application.id
        moves = expected.stage_changes[application.id]
        assert events[application.id] == facts.stage_events[application.id] + moves

    # References: every link added is there; each step as last recorded or taken back.
    links = {r.id: r for r in ApplicationReference.select()}
    added = [(link_id, a, c, kind.value) for link_id, a, c, kind in expected.links_added]
    stored_links = [(r.id, r.application_id, r.contact_id, r.kind) for r in links.values()]
    assert sorted(added) == sorted(r for r in stored_links if r[0] not in facts.links)
    for (link_id, step), recorded in expected.steps.items():
        value = getattr(links[link_id], STEP_COLUMNS[step])
        assert (value is not None) == recorded, (link_id, step)

    # The reminders kept up with every change: once the changes are planned, a full
    # pass finds nothing left to do.
    now = clock.now()
    plan_changed(now)
    again = full_pass(now)
    assert (again.written, again.removed) == (0, 0), again

    # Writers queued, none starved anywhere near the timeout.
    longest = max(
        (
            took
            for k, took in (*tally.longest.items(), *child.tally.longest.items())
            if k in data_kinds
        ),
        default=0.0,
    )
    assert longest < WAIT_LIMIT_SECONDS, f"a write waited {longest:.1f} s for the lock"

    # The file is sound.
    assert database.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []

    # And the run did real work, of every kind, in both processes.
    assert data_writes >= MIN_WRITES_PER_SECOND * SECONDS
    minimum = MIN_EACH_KIND_PER_SECOND * SECONDS
    for family, kinds in FAMILIES.items():
        assert sum(tally.writes[k] for k in kinds) >= minimum, family
    assert child.tally.writes["touchpoint"] >= minimum
    assert child.tally.writes["intro"] >= minimum
    passes = max(1, int(MIN_PASSES_PER_SECOND * SECONDS))
    assert tally.passes >= passes and child.tally.passes >= passes
    assert sum(tally.refusals.values()) >= 1, "the deliberate refusals were counted"
