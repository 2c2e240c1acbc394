"""docs/advice.md, "Time: two clocks": a follow-up call planned at 09:30 on the
interviewer's clock is moved, within that day of theirs, to a time the user can make it,
and its reminder comes inside the user's hours (domain.two_clocks.call_for_both, applied
by cadence.next_step when it knows the user's clock). Time from a fake clock."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from followthrough.domain.cadence import (
    CadenceSettings,
    Channel,
    FollowUp,
    InterviewFacts,
    next_step,
)
from followthrough.domain.clock import FakeClock
from followthrough.domain.two_clocks import UserHours, email_in_user_day, remind_before

BERLIN = ZoneInfo("Europe/Berlin")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
NEW_YORK = ZoneInfo("America/New_York")
HOURS = UserHours(time(9), time(17))
# Tue 1 Dec 2026, 15:00 in the interviewer's city: the interview has just ended.
CLOCK = FakeClock(datetime(2026, 12, 1, 15, 0, tzinfo=BERLIN))


def _call(their: ZoneInfo, user: ZoneInfo | None, clock: FakeClock = CLOCK) -> FollowUp:
    ended = clock.now().astimezone(their).replace(hour=15, minute=0)
    facts = InterviewFacts(ended_at=ended, time_zone=their.key, preferred_method="phone")
    step = next_step(facts, (), CadenceSettings(user_zone=user, user_hours=HOURS))
    assert isinstance(step, FollowUp) and step.channel is Channel.PHONE
    return step


def test_a_new_yorker_calls_berlin_when_both_are_at_work() -> None:
    planned = _call(BERLIN, None).due
    assert planned.astimezone(BERLIN).time() == time(9, 30)  # 03:30 in New York
    call = _call(BERLIN, NEW_YORK).due
    assert call.astimezone(BERLIN).date() == planned.astimezone(BERLIN).date()
    assert call.astimezone(BERLIN).time() == time(15, 0)  # their afternoon ...
    assert call.astimezone(NEW_YORK).time() == time(9, 0)  # ... the user's morning
    # The reminder comes at the call, on the day of the call, inside the user's hours
    # (it used to come the evening before, for a call at 03:30).
    reminder = remind_before(call, NEW_YORK, HOURS)
    assert reminder == call
    assert remind_before(planned, NEW_YORK, HOURS) < planned - timedelta(hours=10)


def test_a_user_in_los_angeles_calls_berlin_at_the_end_of_their_day() -> None:
    planned = _call(BERLIN, None).due
    assert planned.astimezone(LOS_ANGELES).time() == time(0, 30)  # half past midnight
    call = _call(BERLIN, LOS_ANGELES).due
    # No hour is shared: the last half hour of their day, early morning in Los Angeles.
    assert call.astimezone(BERLIN).time() == time(16, 30)
    assert call.astimezone(LOS_ANGELES).time() == time(7, 30)
    assert call.astimezone(BERLIN).date() == planned.astimezone(BERLIN).date()
    reminder = remind_before(call, LOS_ANGELES, HOURS).astimezone(LOS_ANGELES)
    assert HOURS.holds(reminder, LOS_ANGELES)
    assert reminder.date() == call.astimezone(LOS_ANGELES).date() - timedelta(days=1)


def test_a_user_in_berlin_keeps_the_call_at_0930_in_los_angeles() -> None:
    # Their morning is the user's evening: later that day is further from the user's day.
    call = _call(LOS_ANGELES, BERLIN).due
    assert call.astimezone(LOS_ANGELES).time() == time(9, 30)
    reminder = remind_before(call, BERLIN, HOURS).astimezone(BERLIN)
    assert reminder.date() == call.astimezone(BERLIN).date()
    assert HOURS.holds(reminder, BERLIN)


def test_the_same_clock_is_left_alone() -> None:
    assert _call(BERLIN, BERLIN).due == _call(BERLIN, None).due


def test_an_e_mail_is_written_in_the_users_day_never_the_evening_before() -> None:
    """Planned at 09:30 their time (00:30 in Los Angeles): written at the start of the
    user's day, the same day; its reminder then comes at it (it came at 16:45 the day
    before, a Sunday for a Monday e-mail)."""
    ended = CLOCK.now()
    facts = InterviewFacts(ended_at=ended, time_zone="Europe/Berlin", preferred_method="email")
    plain = next_step(facts)
    settings = CadenceSettings(user_zone=LOS_ANGELES, user_hours=HOURS)
    assert isinstance(plain, FollowUp) and plain.channel is Channel.EMAIL
    moved = next_step(facts, (), settings)
    assert isinstance(moved, FollowUp)
    local = moved.due.astimezone(LOS_ANGELES)
    assert local.date() == plain.due.astimezone(LOS_ANGELES).date()
    assert local.time() == HOURS.start
    assert remind_before(moved.due, LOS_ANGELES, HOURS) == moved.due
    # Inside the user's hours it stays as planned; after them, the end of their day.
    assert email_in_user_day(plain.due, BERLIN, HOURS) == plain.due
    evening = datetime(2026, 12, 7, 18, 30, tzinfo=BERLIN)
    written = email_in_user_day(evening, BERLIN, HOURS).astimezone(BERLIN)
    assert written.date() == evening.date() and HOURS.holds(written, BERLIN)
