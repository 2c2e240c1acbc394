"""Planning at start: only what changed while the app was closed, unless the stored plan
was made on another basis (rules, the user's zone, a clock since set back); what came due
meanwhile fires either way."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time, timedelta
from pathlib import Path

import peewee
import pytest

from followthrough.domain.clock import FakeClock
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.domain.reminder_plan import due_by, reconcile
from followthrough.store import settings as options
from followthrough.store.database import open_database
from followthrough.store.interviews import save_interview
from followthrough.store.models import Application, Interview, db
from followthrough.store.planning import (
    Planner,
    full_pass,
    plan_at_start,
    plan_needs_everything,
    planned,
    planned_kinds,
    preview_due,
    register_planner,
    unregister_planner,
)
from followthrough.store.queries import create_application
from followthrough.store.reminders import claim_due, due_at, stored_reminders
from followthrough.store.scope import EVERYTHING


def _interview(clock: FakeClock, company: str) -> int:
    application = create_application(clock, company, "Platform Engineer")
    local = clock.now().astimezone(options.user_zone())
    save_interview(
        InterviewDraft(
            application_id=application.id,
            day=local.date() - timedelta(days=1),
            start=time(10),
            end=time(11),
            time_zone="Europe/Berlin",
            people=(PersonDraft("Dana Lee", "Engineering Manager", email="dana@acme.example"),),
        ),
        clock,
    )
    return application.id


def _restart(data_dir: Path, clock: FakeClock) -> peewee.SqliteDatabase:
    db.obj.close()
    db.initialize(None)
    return open_database(data_dir, clock)


def _nothing_left(clock: FakeClock) -> bool:
    """Whether a pass over every application would change nothing now."""
    now = clock.now()
    kinds = planned_kinds()
    stored = stored_reminders(f"kind IN ({', '.join('?' * len(kinds))})", kinds)
    return not reconcile(stored, planned(EVERYTHING, now), now)


@pytest.fixture
def planned_once(database: peewee.SqliteDatabase, clock: FakeClock) -> Iterator[list[int]]:
    """Two applications with an interview yesterday, planned (a new database asks for a
    pass over everything once)."""
    ids = [_interview(clock, "Acme Robotics"), _interview(clock, "Globex")]
    assert plan_needs_everything(clock.now())
    report = plan_at_start(clock.now())
    assert report.applications == 2 and report.written > 0
    yield ids


def test_a_restart_with_nothing_changed_plans_nothing(
    planned_once: list[int], data_dir: Path, clock: FakeClock
) -> None:
    clock.advance(timedelta(hours=2))
    _restart(data_dir, clock)
    assert not plan_needs_everything(clock.now())
    report = plan_at_start(clock.now())
    assert (report.steps, report.written, report.removed) == (0, 0, 0)
    assert _nothing_left(clock)


def test_a_change_made_while_closed_plans_that_application_only(
    planned_once: list[int], data_dir: Path, clock: FakeClock
) -> None:
    # Another program (the demo, a second copy earlier) wrote while this one was closed.
    Application.update(company="Acme Robotics GmbH").where(
        Application.id == planned_once[0]
    ).execute()
    _restart(data_dir, clock)
    report = plan_at_start(clock.now())
    assert report.applications == 1 and report.written > 0
    assert _nothing_left(clock)


def test_another_user_zone_for_the_session_plans_everything(
    planned_once: list[int], data_dir: Path, clock: FakeClock
) -> None:
    # The preference is empty and the computer travelled: the session's zone changed.
    _restart(data_dir, clock)
    options.set_session_zone("America/New_York")
    assert plan_needs_everything(clock.now())
    report = plan_at_start(clock.now())
    assert report.applications == 2
    assert _nothing_left(clock)
    _restart(data_dir, clock)
    assert not plan_needs_everything(clock.now())


def test_other_rules_plan_everything(planned_once: list[int], clock: FakeClock) -> None:
    register_planner(Planner("toy", ("toy_kind",), lambda scope, now: []))
    try:
        assert plan_needs_everything(clock.now())
        assert plan_at_start(clock.now()).applications == 2
        assert not plan_needs_everything(clock.now())
    finally:
        unregister_planner("toy")
    assert plan_needs_everything(clock.now())


def test_a_clock_set_back_before_the_last_plan_plans_everything(
    planned_once: list[int], data_dir: Path, clock: FakeClock
) -> None:
    clock.advance(timedelta(days=3))
    _interview(clock, "Initech")
    full_pass(clock.now())
    clock.set(clock.now() - timedelta(days=2))
    _restart(data_dir, clock)
    assert plan_needs_everything(clock.now())
    assert plan_at_start(clock.now()).applications == 3
    # Planned again at this instant: the next start need not.
    assert not plan_needs_everything(clock.now())


def test_a_pass_cut_short_is_done_again_at_the_next_start(
    database: peewee.SqliteDatabase, clock: FakeClock, data_dir: Path
) -> None:
    _interview(clock, "Acme Robotics")
    _interview(clock, "Globex")
    asked = iter(range(3))
    report = full_pass(clock.now(), should_stop=lambda: next(asked) == 1, chunk=1)
    assert report.stopped
    _restart(data_dir, clock)
    assert plan_needs_everything(clock.now())


def test_reminders_due_while_the_app_was_closed_fire_at_the_next_start(
    planned_once: list[int], data_dir: Path, clock: FakeClock
) -> None:
    fired_before = {r.reminder_id for r in claim_due(clock.now())}  # this session's
    # Closed for ten days: the thank-you notes and the first follow-ups came due.
    clock.advance(timedelta(days=10))
    _restart(data_dir, clock)
    report = plan_at_start(clock.now())
    assert report.steps == 0
    claimed = claim_due(clock.now())
    assert claimed, "nothing fired after ten days away"
    assert {c.application_id for c in claimed} == set(planned_once)
    assert not {c.reminder_id for c in claimed} & fired_before
    # Once.
    assert claim_due(clock.now()) == []


def test_keeping_the_basis_marks_nothing_to_plan(planned_once: list[int]) -> None:
    assert db.execute_sql("SELECT COUNT(*) FROM plan_dirty").fetchone()[0] == 0


def _due_instants(application_id: int) -> dict[int, object]:
    return {
        r.reminder_id: r.due_at for r in stored_reminders("application_id = ?", (application_id,))
    }


def test_a_new_zone_does_not_show_again_what_was_shown(
    planned_once: list[int], data_dir: Path, clock: FakeClock
) -> None:
    # Ten days on, what came due fired; then the user flew to New York and started the app.
    clock.advance(timedelta(days=10))
    shown = {r.reminder_id for r in claim_due(clock.now())}
    assert shown
    before = {i: _due_instants(i) for i in planned_once}
    _restart(data_dir, clock)
    options.set_session_zone("America/New_York")
    plan_at_start(clock.now())
    after = {i: _due_instants(i) for i in planned_once}
    moved = {rid for i in planned_once for rid, due in after[i].items() if before[i][rid] != due}
    assert moved & shown, "the new zone moved none of the reminders already shown"
    # Local hours followed the zone, and what was shown is not shown again.
    assert claim_due(clock.now()) == []
    assert _nothing_left(clock)


def test_an_application_changed_as_well_as_the_zone_comes_again(
    planned_once: list[int], data_dir: Path, clock: FakeClock
) -> None:
    clock.advance(timedelta(days=10))
    shown = {r.reminder_id: r.application_id for r in claim_due(clock.now())}
    changed, unchanged = planned_once
    assert set(shown.values()) == {changed, unchanged}
    # While the app was closed the first interview was found to have been a day later.
    interview = Interview.get(Interview.application == changed)
    Interview.update(
        starts_at=interview.starts_at + timedelta(days=1),
        ends_at=interview.ends_at + timedelta(days=1),
    ).where(Interview.id == interview.id).execute()
    _restart(data_dir, clock)
    options.set_session_zone("America/New_York")
    plan_at_start(clock.now())
    again = {r.application_id for r in claim_due(clock.now())}
    assert again == {changed}
    assert _nothing_left(clock)


def test_a_planning_setting_changed_with_the_zone_still_fires_what_it_moved(
    planned_once: list[int], data_dir: Path, clock: FakeClock
) -> None:
    # The setting's own pass did not finish (the app quit), then the user travelled.
    clock.advance(timedelta(days=10))
    shown = {r.reminder_id for r in claim_due(clock.now())}
    assert shown
    options.put(options.QUIET_START, 11)
    _restart(data_dir, clock)
    options.set_session_zone("America/New_York")
    plan_at_start(clock.now())
    assert {r.reminder_id for r in claim_due(clock.now())} & shown


def test_the_preview_of_a_trip_agrees_with_the_start_after_it(
    planned_once: list[int], data_dir: Path, clock: FakeClock
) -> None:
    """``due --at`` after a trip: the app plans everything in the new zone at its next
    start, and the preview says what that start will leave due."""
    _restart(data_dir, clock)
    options.set_session_zone("Pacific/Auckland")
    at = clock.now() + timedelta(days=30)
    before = [(r.kind, r.subject_key, r.effective_due) for r in due_by(stored_reminders(), at)]
    previewed = [(r.kind, r.subject_key, r.effective_due) for r in preview_due(at)]
    plan_at_start(clock.now())
    planned_then = [
        (r.kind, r.subject_key, r.effective_due) for r in due_by(stored_reminders(), at)
    ]
    assert planned_then != before  # the trip moved what comes due
    assert previewed == planned_then


def test_a_reminder_shown_before_a_trip_stays_due_after_it(
    planned_once: list[int], data_dir: Path, clock: FakeClock
) -> None:
    """Shown in Los Angeles, then the user flew to Tokyo: the local hours move its planned
    instant to later than now, but it has been shown and waits for the user, so it is
    listed as due (placed at when it was shown), not as coming later, and is not shown
    again."""
    options.set_session_zone("America/Los_Angeles")
    plan_at_start(clock.now())
    # 18:00 UTC is 10:00 in Los Angeles: the morning's "note overdue" has just been shown.
    clock.advance(timedelta(hours=3))
    shown = {r.reminder_id: r.kind for r in claim_due(clock.now())}
    assert "note_overdue" in shown.values()
    _restart(data_dir, clock)
    options.set_session_zone("Asia/Tokyo")
    plan_at_start(clock.now())
    stored = {r.reminder_id: r for r in stored_reminders()}
    later = [rid for rid in shown if stored[rid].due_at > clock.now()]
    assert later, "the trip moved none of the shown reminders past now: the case is not tested"
    listed = {r.reminder_id: r for r in due_at(clock.now())}
    assert set(shown) <= set(listed)
    for rid in later:
        assert listed[rid].due_at == stored[rid].fired_at
    assert {r.reminder_id for r in due_by(stored_reminders(), clock.now())} >= set(shown)
    assert {r.reminder_id for r in preview_due(clock.now())} >= set(shown)
    assert claim_due(clock.now()) == []
    assert _nothing_left(clock)
