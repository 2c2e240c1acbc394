"""Two clocks, end to end through the planner and the scheduler's claiming loop: a user in
Berlin interviewing in Los Angeles around the spring and autumn clock changes (the two
zones are 8 hours apart for a few weeks, 9 otherwise).

- no reminder reaches the user outside their hours (09:00-17:00 Berlin);
- calls are planned at 09:30 Los Angeles time, and every time a reminder shows is right
  on both clocks;
- a note's deadline and its reminders agree to the minute.
(docs/advice.md, "Time: two clocks"; "Follow-up timing" [000, 002, 003]; "Thank-you
notes": within 24 hours [002, 004].)
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import peewee
import pytest

from followthrough.domain.cadence import FollowUp
from followthrough.domain.clock import FakeClock
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.domain.note_tasks import note_deadline
from followthrough.domain.two_clocks import both_clocks
from followthrough.store import settings as options
from followthrough.store.followups import follow_up_plan
from followthrough.store.interviews import save_interview
from followthrough.store.models import Interview, Reminder
from followthrough.store.planning import full_pass
from followthrough.store.queries import create_application
from followthrough.store.reminders import claim_due, next_due_instant

BERLIN = ZoneInfo("Europe/Berlin")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")

# Interview days around the changes: US spring forward Sun 14 Mar 2027, EU Sun 28 Mar;
# EU back Sun 25 Oct 2026, US Sun 1 Nov 2026.
CASES = [
    (date(2026, 10, 21), None),  # a week before the EU change
    (date(2026, 10, 26), date(2026, 10, 30)),  # between the two autumn changes
    (date(2027, 3, 10), None),  # the US changes four days later
    (date(2027, 3, 16), date(2027, 3, 26)),  # between the two spring changes
]


def interview_in_los_angeles(clock: FakeClock, day: date, decision_on: date | None) -> int:
    application = create_application(clock, f"Acme {day}", "Platform Engineer")
    return save_interview(
        InterviewDraft(
            application_id=application.id,
            day=day,
            start=time(14),
            end=time(15),  # 23:00 or 00:00 in Berlin
            time_zone="America/Los_Angeles",
            decision_on=decision_on,
            people=(PersonDraft("Dana Lee", "Engineering Manager", email="dana@acme.example"),),
        ),
        clock,
    )


@pytest.fixture
def user_in_berlin(database: peewee.SqliteDatabase) -> None:
    options.put(options.USER_ZONE, "Europe/Berlin")
    options.put(options.QUIET_START, 9)
    options.put(options.QUIET_END, 17)


@pytest.mark.parametrize(("day", "decision_on"), CASES)
def test_no_reminder_in_the_users_quiet_hours_and_every_time_right_on_both_clocks(
    user_in_berlin: None, clock: FakeClock, day: date, decision_on: date | None
) -> None:
    clock.set(datetime.combine(day, time(9), LOS_ANGELES))
    interview_id = interview_in_los_angeles(clock, day, decision_on)
    interview = Interview.get_by_id(interview_id)
    full_pass(clock.now())

    # The follow-up call: 09:30 on their clock; its reminder says so on both clocks.
    plan = follow_up_plan(interview.application_id)
    assert plan is not None and isinstance(plan.step, FollowUp)
    call = plan.step.due
    assert call.astimezone(LOS_ANGELES).time() == time(9, 30)
    assert both_clocks(call, BERLIN, LOS_ANGELES) in plan.reminder.body
    assert "(09:30 in Los Angeles)" in plan.reminder.body
    assert plan.reminder.due_at <= call

    # The note: its deadline, shown on both clocks, is 24 hours after the interview.
    deadline = note_deadline(interview.ends_at, 24)
    shown = both_clocks(deadline, BERLIN, LOS_ANGELES)
    notes = list(Reminder.select().where(Reminder.kind.startswith("note_")))
    assert notes and all(shown in f"{n.title} {n.body}" for n in notes)
    overdue = next(n for n in notes if n.kind == "note_overdue")
    assert overdue.due_at >= deadline  # never "overdue" before the deadline it names

    # Run the scheduler's loop for six weeks: everything that fires, fires in Berlin's day.
    fired: list[tuple[str, datetime]] = []
    end = clock.now() + timedelta(weeks=6)
    while (upcoming := next_due_instant()) is not None and upcoming <= end:
        clock.set(max(upcoming, clock.now()))
        for reminder in claim_due(clock.now()):
            fired.append((reminder.kind, clock.now()))
        full_pass(clock.now())
    assert {kind for kind, _at in fired} >= {"note_due_soon", plan.reminder.kind}
    for kind, instant in fired:
        local = instant.astimezone(BERLIN)
        assert time(9) <= local.time() < time(17), (kind, local)
        assert local.weekday() < 5 or kind.startswith("note_"), (kind, local)


def test_the_reminder_hours_are_the_users_not_the_interviews(
    user_in_berlin: None, clock: FakeClock
) -> None:
    """The bug this pins: reminder hours applied on the interviewer's clock sent a Berlin
    user a "note due soon" at 02:00."""
    day = date(2026, 12, 1)
    clock.set(datetime.combine(day, time(9), LOS_ANGELES))
    interview_in_los_angeles(clock, day, None)
    full_pass(clock.now())
    for reminder in Reminder.select():
        local = reminder.due_at.astimezone(BERLIN)
        assert time(9) <= local.time() < time(17), (reminder.kind, local)


def test_a_call_to_los_angeles_entered_in_berlin_is_planned_in_their_morning(
    user_in_berlin: None, clock: FakeClock
) -> None:
    """The other half: times entered on the user's clock still plan the call inside the
    interviewer's working hours, not at 00:30 their time."""
    clock.set(datetime(2026, 12, 1, 9, tzinfo=BERLIN).astimezone(UTC))
    application = create_application(clock, "Initech", "Analyst")
    save_interview(
        InterviewDraft(
            application_id=application.id,
            day=date(2026, 12, 1),
            start=time(18),
            end=time(19),
            time_zone="America/Los_Angeles",
        ),
        clock,
    )
    plan = follow_up_plan(application.id)
    assert plan is not None and isinstance(plan.step, FollowUp)
    assert plan.step.due.astimezone(LOS_ANGELES).time() == time(9, 30)
