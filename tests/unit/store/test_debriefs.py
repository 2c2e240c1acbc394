"""Debriefs in the database: saved whole, read back, across rounds, and their reminders
(docs/advice.md, Keeping momentum: debrief right away [000, 001, 002, 003]; consistent
answers across rounds [002])."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import peewee
import pytest

from followthrough.domain.clock import FakeClock
from followthrough.domain.debriefs.consistency import disagreements
from followthrough.domain.debriefs.record import (
    AskedQuestion,
    DebriefDraft,
    HowItWent,
    Skill,
    ToldStatement,
    ToldTopic,
)
from followthrough.domain.errors import UserError
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.store.debriefs.bank import mark_best, question_bank, set_practise
from followthrough.store.debriefs.records import (
    delete_debrief,
    load_debrief,
    meant_to_say,
    save_debrief,
)
from followthrough.store.interviews import save_interview
from followthrough.store.models import Application, db
from followthrough.store.planning import plan_all
from followthrough.store.queries import create_application
from followthrough.store.reminders import stored_reminders


def _interview(
    clock: FakeClock, application: Application, day: date, round_: int = 1, hour: int = 10
) -> int:
    return save_interview(
        InterviewDraft(
            application_id=application.id,
            day=day,
            start=time(hour),
            end=time(hour + 1),
            time_zone="Europe/Berlin",
            round=round_,
            people=(PersonDraft("Dana Lee", "Engineering manager"),),
        ),
        clock,
    )


def _open_kinds(kind: str) -> list[str]:
    return [
        r.subject_key
        for r in stored_reminders("kind = ? AND done_at IS NULL AND suspended_at IS NULL", [kind])
    ]


DRAFT = DebriefDraft(
    questions=(
        AskedQuestion("Why us?", "Your mission", HowItWent.WELL, ("motivation",)),
        AskedQuestion("A conflict you solved?", "The release", HowItWent.POORLY, ("behaviour",)),
    ),
    went_well="Good rapport",
    to_improve="Shorter answers",
    meant_to_say="- the migration I led\n- my Go experience",
    skills=(Skill("System design", date(2026, 11, 27)), Skill("Go", None)),
    rating=4,
    told=(ToldStatement(ToldTopic.SALARY, "80-85k", "Dana Lee"),),
)


def test_a_debrief_is_saved_whole_and_read_back(
    database: peewee.Database, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme", "Engineer")
    interview = _interview(clock, acme, date(2026, 11, 19))
    empty = load_debrief(interview)
    assert empty.written_at is None and empty.draft.is_empty()
    assert empty.interviewers == ("Dana Lee",) and empty.company == "Acme"
    save_debrief(interview, DRAFT, clock.now())
    loaded = load_debrief(interview)
    assert loaded.draft == DRAFT
    assert loaded.written_at == clock.now()
    assert meant_to_say(interview) == ["the migration I led", "my Go experience"]
    # Saved again with less: what was taken out is gone.
    shorter = DebriefDraft(questions=DRAFT.questions[:1], rating=None)
    save_debrief(interview, shorter, clock.now())
    assert load_debrief(interview).draft == shorter


def test_a_debrief_that_cannot_be_saved_writes_nothing(
    database: peewee.Database, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme")
    interview = _interview(clock, acme, date(2026, 11, 19))
    with pytest.raises(UserError):
        save_debrief(interview, DebriefDraft(rating=9), clock.now())
    assert db.execute_sql("SELECT COUNT(*) FROM debrief").fetchone()[0] == 0


def test_a_later_round_sees_what_was_told_before_and_where_it_disagrees(
    database: peewee.Database, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme")
    first = _interview(clock, acme, date(2026, 11, 12))
    second = _interview(clock, acme, date(2026, 11, 19), round_=2)
    other = _interview(clock, create_application(clock, "Initech"), date(2026, 11, 13))
    save_debrief(first, DRAFT, clock.now())
    save_debrief(other, DebriefDraft(told=(ToldStatement(ToldTopic.SALARY, "120k"),)), clock.now())
    later = load_debrief(second)
    # Only the same application's earlier rounds, not another company's.
    assert [e.statement.said for e in later.earlier] == ["80-85k"]
    assert later.earlier[0].round_ == 1 and later.earlier[0].day == date(2026, 11, 12)
    found = disagreements(ToldStatement(ToldTopic.SALARY, "100k"), list(later.earlier))
    assert len(found) == 1
    # The first round has nothing before it.
    assert load_debrief(first).earlier == ()


def test_an_interview_that_ended_asks_for_its_debrief_until_it_is_written(
    database: peewee.Database, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme")
    interview = _interview(clock, acme, date(2026, 11, 19))
    ancient = _interview(clock, acme, date(2026, 11, 2), round_=0 + 1, hour=9)
    plan_all(clock.now())
    # The one from a fortnight ago has lapsed: no reminder for it.
    assert _open_kinds("debrief_due") == [f"debrief:{interview}"]
    save_debrief(interview, DRAFT, clock.now())
    plan_all(clock.now())
    assert _open_kinds("debrief_due") == []
    assert ancient  # (kept for the lapse above)
    # A skill with a day gets its practice reminder, gone once done.
    assert _open_kinds("skill_practice") == [f"debrief:{interview}:1"]
    done = DebriefDraft(skills=(Skill("System design", date(2026, 11, 27), done=True),))
    save_debrief(interview, done, clock.now())
    plan_all(clock.now())
    assert _open_kinds("skill_practice") == []


def test_removing_a_debrief_brings_its_reminder_back(
    database: peewee.Database, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme")
    interview = _interview(clock, acme, date(2026, 11, 19))
    save_debrief(interview, DRAFT, clock.now())
    plan_all(clock.now())
    assert delete_debrief(interview)
    assert not delete_debrief(interview)
    plan_all(clock.now())
    assert _open_kinds("debrief_due") == [f"debrief:{interview}"]
    assert db.execute_sql("SELECT COUNT(*) FROM debrief_question").fetchone()[0] == 0


def test_saving_marks_the_application_for_planning(
    database: peewee.Database, clock: FakeClock
) -> None:
    acme = create_application(clock, "Acme")
    interview = _interview(clock, acme, date(2026, 11, 19))
    plan_all(clock.now())
    db.execute_sql("DELETE FROM plan_dirty")
    save_debrief(interview, DRAFT, clock.now())
    marked = [row[0] for row in db.execute_sql("SELECT application_id FROM plan_dirty")]
    assert marked == [acme.id]


def test_the_question_bank_groups_marks_and_only_reads(
    database: peewee.Database, clock: FakeClock, data_dir: Path
) -> None:
    acme, initech = create_application(clock, "Acme"), create_application(clock, "Initech")
    first = _interview(clock, acme, date(2026, 11, 12))
    second = _interview(clock, initech, date(2026, 11, 19))
    save_debrief(first, DRAFT, clock.now())
    clock.advance(timedelta(hours=1))
    save_debrief(
        second,
        DebriefDraft(questions=(AskedQuestion("why US", "Your products", HowItWent.OKAY),)),
        clock.now(),
    )
    path = data_dir / "followthrough.sqlite3"
    before = path.read_bytes()
    bank = question_bank()
    assert path.read_bytes() == before
    top = bank[0]
    assert top.text == "why US" and top.companies == 2
    assert top.best_answer is not None and top.best_answer.answer == "Your mission"  # went well
    mark_best(top.asked[0].question_id)
    assert question_bank()[0].best_answer.answer == "Your products"  # type: ignore[union-attr]
    set_practise([top.asked[0].question_id], True)
    assert question_bank()[0].practise


def test_an_interview_id_given_out_again_takes_over_its_old_reminder(
    database: peewee.Database, clock: FakeClock
) -> None:
    """SQLite gives the id of a deleted last row to the next one: the old interview's
    reminder (suspended, under its application) is taken over by the new interview's, even
    when only the new one's application is planned (the property test found this)."""
    from followthrough.store.interviews import delete_interview
    from followthrough.store.planning import plan_scope
    from followthrough.store.scope import PlanScope

    acme, initech = create_application(clock, "Acme"), create_application(clock, "Initech")
    gone = _interview(clock, initech, date(2026, 11, 19))
    plan_all(clock.now())
    delete_interview(gone)
    plan_all(clock.now())
    again = _interview(clock, acme, date(2026, 11, 19))
    assert again == gone
    plan_scope(PlanScope.of([acme.id]), clock.now())
    (reminder,) = stored_reminders("kind = 'debrief_due'")
    assert reminder.application_id == acme.id and reminder.suspended_at is None
    assert reminder.fired_at is None


def test_days_are_on_the_users_clock(database: peewee.Database, clock: FakeClock) -> None:
    """An interview at 21:00 in Chicago is the next morning in Tokyo: the debrief, what was
    told at it and the question bank say the user's day (found by a walkthrough)."""
    from followthrough.store import settings as options

    options.put(options.USER_ZONE, "Asia/Tokyo")
    acme = create_application(clock, "Acme")
    first = save_interview(
        InterviewDraft(
            application_id=acme.id,
            day=date(2026, 11, 19),
            start=time(21),
            end=time(22),
            time_zone="America/Chicago",
            round=1,
        ),
        clock,
    )
    second = _interview(clock, acme, date(2026, 11, 25), round_=2)
    save_debrief(first, DRAFT, clock.now())
    assert load_debrief(first).day == date(2026, 11, 20)
    assert load_debrief(second).earlier[0].day == date(2026, 11, 20)
    assert {a.day for q in question_bank() for a in q.asked} == {date(2026, 11, 20)}


def test_an_interview_after_its_application_closed_asks_for_no_debrief(
    database: peewee.Database, clock: FakeClock
) -> None:
    """Closed before it (withdrawn), it will not happen; one before the closing is still
    worth debriefing (a walkthrough found debriefs of a withdrawn application's rounds)."""
    from followthrough.domain.stages import ClosureReason, Stage
    from followthrough.store.queries import change_stage

    acme = create_application(clock, "Acme")
    held = _interview(clock, acme, date(2026, 11, 19))
    _interview(clock, acme, date(2026, 11, 24), round_=2)
    change_stage(acme.id, Stage.WITHDRAWN, clock, date(2026, 11, 20), ClosureReason.WITHDREW)
    plan_all(clock.now())
    assert _open_kinds("debrief_due") == [f"debrief:{held}"]
