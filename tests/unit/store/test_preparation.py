"""A further round's checklist in the database: its facts, its ticks, its reminder."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import peewee

from followthrough.domain.clock import FakeClock
from followthrough.domain.debriefs.record import DebriefDraft, ToldStatement, ToldTopic
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.store.debriefs.records import save_debrief
from followthrough.store.interviews import save_interview
from followthrough.store.planning import plan_all
from followthrough.store.preparation.records import load_preparation, set_ticked
from followthrough.store.queries import create_application
from followthrough.store.reminders import claim_due, stored_reminders


def _interview(clock: FakeClock, app_id: int, day: date, round_: int) -> int:
    return save_interview(
        InterviewDraft(
            application_id=app_id,
            day=day,
            start=time(10),
            end=time(11),
            time_zone="Europe/Berlin",
            round=round_,
            people=(PersonDraft("Dana Lee", "Engineering manager"),),
        ),
        clock,
    )


def test_the_checklist_is_made_from_the_round_before_and_keeps_its_ticks(
    database: peewee.Database, clock: FakeClock, data_dir: Path
) -> None:
    app_id = create_application(clock, "Acme", "Engineer").id
    first = _interview(clock, app_id, date(2026, 11, 16), 1)
    second = _interview(clock, app_id, date(2026, 11, 25), 2)
    save_debrief(
        first,
        DebriefDraft(
            meant_to_say="the migration I led",
            to_improve="Shorter answers",
            told=(ToldStatement(ToldTopic.SALARY, "80-85k"),),
        ),
        clock.now(),
    )
    path = data_dir / "followthrough.sqlite3"
    before = path.read_bytes()
    prep = load_preparation(second)
    assert path.read_bytes() == before  # a read
    assert prep.facts.earlier is not None and prep.facts.earlier.interview_id == first
    assert [p.name for p in prep.facts.people] == ["Dana Lee"]
    assert prep.facts.told == (ToldStatement(ToldTopic.SALARY, "80-85k"),)
    assert prep.day == date(2026, 11, 25) and prep.ticked == frozenset()
    set_ticked(second, "examples", True, clock.now())
    set_ticked(second, "examples", True, clock.now())  # twice: still one tick
    set_ticked(second, "told", True, clock.now())
    set_ticked(second, "told", False, clock.now())
    assert load_preparation(second).ticked == {"examples"}


def test_a_further_round_ahead_gets_its_reminder_until_it_begins(
    database: peewee.Database, clock: FakeClock
) -> None:
    app_id = create_application(clock, "Acme").id
    _interview(clock, app_id, date(2026, 11, 16), 1)
    second = _interview(clock, app_id, date(2026, 11, 25), 2)
    first_round_ahead = _interview(clock, create_application(clock, "Initech").id,
                                   date(2026, 11, 26), 1)  # fmt: skip
    plan_all(clock.now())
    open_prep = stored_reminders("kind = 'prepare_round' AND suspended_at IS NULL")
    assert [r.subject_key for r in open_prep] == [f"prep:{second}"]
    assert first_round_ahead  # (a first round has no checklist)
    # Two days before, at the start of the user's hours (default hours), on their clock.
    assert open_prep[0].due_at.date() == date(2026, 11, 23)
    # It lapses when the interview begins: never shown after that.
    assert open_prep[0].expires_at is not None
    assert open_prep[0].expires_at.date() == date(2026, 11, 25)
    clock.advance(timedelta(days=6))
    plan_all(clock.now())
    assert [r for r in claim_due(clock.now()) if r.kind == "prepare_round"] == []


def test_a_closed_application_has_no_checklist_reminder(
    database: peewee.Database, clock: FakeClock
) -> None:
    """Withdrawn, its rounds ahead will not happen (a walkthrough found "Prepare round 3"
    on a withdrawn application)."""
    from followthrough.domain.stages import ClosureReason, Stage
    from followthrough.store.queries import change_stage

    app_id = create_application(clock, "Acme").id
    _interview(clock, app_id, date(2026, 11, 16), 1)
    _interview(clock, app_id, date(2026, 11, 25), 2)
    change_stage(app_id, Stage.WITHDRAWN, clock, date(2026, 11, 20), ClosureReason.WITHDREW)
    plan_all(clock.now())
    assert stored_reminders("kind = 'prepare_round' AND suspended_at IS NULL") == []
