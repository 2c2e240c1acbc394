"""The follow-up cadence, rule by rule (docs/advice.md, "Follow-up timing"): each case
names its source in its id.

Most cases start from one interview that ended on Tuesday 17 November 2026 at 15:00 in
Berlin; the calendar comments spell out the weekdays the expectations rely on.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followthrough.domain.cadence import (
    DEFAULT_BACKOFF_WEEKS,
    PATIENCE_PRESETS,
    CadenceSettings,
    CadenceStep,
    Channel,
    Closed,
    FollowUp,
    InterviewFacts,
    MoveOn,
    Outcome,
    Rule,
    Touchpoint,
    earliest_promise,
    first_follow_up_day,
    follow_up_channel,
    is_contact_time,
    local_instant,
    next_contact_time,
    next_step,
    promise_problem,
)
from followthrough.domain.timeframes import WindowUnit, add_working_days, date_within

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
TUESDAY = date(2026, 11, 17)
INTERVIEW_END = datetime(2026, 11, 17, 15, 0, tzinfo=BERLIN)
DEFAULTS = CadenceSettings()
EVERY_DAY = frozenset(range(7))


def facts(**changes: Any) -> InterviewFacts:
    """The Tuesday interview in Berlin with nothing stated, changed as the case needs."""
    return replace(InterviewFacts(ended_at=INTERVIEW_END, time_zone="Europe/Berlin"), **changes)


def on(day: date, hour: int = 10, minute: int = 0, zone: ZoneInfo = BERLIN) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=zone)


def missed(day: date, channel: Channel = Channel.PHONE, hour: int = 10) -> Touchpoint:
    return Touchpoint(at=on(day, hour), channel=channel)


def answered(
    day: date,
    outcome: Outcome = Outcome.NO_NEWS,
    new_decision_on: date | None = None,
    channel: Channel = Channel.PHONE,
    hour: int = 10,
) -> Touchpoint:
    return Touchpoint(
        at=on(day, hour),
        channel=channel,
        answered=True,
        outcome=outcome,
        new_decision_on=new_decision_on,
    )


def local(instant: datetime, zone: ZoneInfo = BERLIN) -> str:
    return instant.astimezone(zone).strftime("%a %Y-%m-%d %H:%M")


def follow_up(step: CadenceStep) -> FollowUp:
    assert isinstance(step, FollowUp), step
    return step


def test_the_named_days_are_the_weekdays_they_claim_to_be() -> None:
    # Guards the tables below: they rely on these weekdays.
    assert TUESDAY.strftime("%a") == "Tue"
    assert [d.strftime("%a") for d in (date(2026, 11, 20), date(2026, 11, 27))] == ["Fri"] * 2
    assert date(2026, 12, 1).strftime("%a") == "Tue"
    sundays = [date(2026, 3, 29), date(2026, 3, 8), date(2026, 10, 25), date(2026, 11, 1)]
    assert {d.weekday() for d in sundays} == {6}


# --- The first follow-up ------------------------------------------------------------------

FIRST_FOLLOW_UPS = [
    # A stated timeframe: not before it is over, then the next working day.
    pytest.param(
        facts(decision_on=date(2026, 12, 1)),
        DEFAULTS,
        "Wed 2026-12-02 09:30",
        Rule.STATED_TIMEFRAME,
        id="[000] two weeks said: no call on day two, the day after they are up",
    ),
    pytest.param(
        facts(
            ended_at=on(date(2026, 11, 20), 15),
            decision_on=date_within(date(2026, 11, 20), 2, WindowUnit.WEEKS),  # Fri 4 Dec
        ),
        DEFAULTS,
        "Mon 2026-12-07 09:30",
        Rule.STATED_TIMEFRAME,
        id="[002] one to two weeks said: wait the full two weeks, then call",
    ),
    pytest.param(
        facts(decision_on=date(2026, 11, 27)),
        DEFAULTS,
        "Mon 2026-11-30 09:30",
        Rule.STATED_TIMEFRAME,
        id="[000] decision by a Friday: the Monday after, not the weekend",
    ),
    pytest.param(
        facts(decision_on=date(2026, 11, 29)),
        DEFAULTS,
        "Mon 2026-11-30 09:30",
        Rule.STATED_TIMEFRAME,
        id="[000] decision by a Sunday: the Monday after",
    ),
    pytest.param(
        facts(decision_on=TUESDAY),
        DEFAULTS,
        "Wed 2026-11-18 09:30",
        Rule.STATED_TIMEFRAME,
        id="[000] decision the same day: the next working day",
    ),
    pytest.param(
        facts(decision_on=date(2026, 11, 10)),
        DEFAULTS,
        "Wed 2026-11-18 09:30",
        Rule.STATED_TIMEFRAME,
        id="[000] a decision day before the interview: never before the interview day is over",
    ),
    # No timeframe: more than three days, at most seven working days (default five).
    pytest.param(
        facts(),
        DEFAULTS,
        "Tue 2026-11-24 09:30",
        Rule.NO_TIMEFRAME,
        id="[003] no timeframe: five working days by default",
    ),
    pytest.param(
        facts(),
        CadenceSettings(default_wait_working_days=4),
        "Mon 2026-11-23 09:30",
        Rule.NO_TIMEFRAME,
        id="[003] no timeframe, shortest setting: four working days, more than three days",
    ),
    pytest.param(
        facts(),
        CadenceSettings(default_wait_working_days=7),
        "Thu 2026-11-26 09:30",
        Rule.NO_TIMEFRAME,
        id="[003] no timeframe, longest setting: seven working days",
    ),
    pytest.param(
        facts(ended_at=on(date(2026, 11, 20), 15)),
        DEFAULTS,
        "Fri 2026-11-27 09:30",
        Rule.NO_TIMEFRAME,
        id="[000] no timeframe after a Friday interview: a week later",
    ),
    pytest.param(
        facts(
            ended_at=datetime(2026, 11, 17, 21, 0, tzinfo=NEW_YORK),  # Wed 02:00 UTC
            time_zone="America/New_York",
        ),
        DEFAULTS,
        "Tue 2026-11-24 15:30",  # 09:30 in New York, shown on Berlin clocks
        Rule.NO_TIMEFRAME,
        id="[003] working days count from the interview's local day, not the UTC one",
    ),
    # A follow-up date promised in the thank-you note.
    pytest.param(
        facts(promised_on=date(2026, 11, 27)),
        DEFAULTS,
        "Fri 2026-11-27 09:30",
        Rule.PROMISED,
        id="[002] promised date later than the earliest allowed: keep the promise",
    ),
    pytest.param(
        facts(promised_on=date(2026, 11, 18)),
        DEFAULTS,
        "Tue 2026-11-24 09:30",
        Rule.NO_TIMEFRAME,
        id="[003] promised date too soon: more than three days still comes first",
    ),
    pytest.param(
        facts(promised_on=date(2026, 11, 24)),
        DEFAULTS,
        "Tue 2026-11-24 09:30",
        Rule.PROMISED,
        id="[002] promised the planned day: the same day, as promised",
    ),
    pytest.param(
        facts(promised_on=date(2026, 11, 21)),
        DEFAULTS,
        "Mon 2026-11-23 09:30",
        Rule.PROMISED,
        id="[003] a promise four days out is allowed and kept, before the default wait",
    ),
    pytest.param(
        facts(promised_on=date(2026, 11, 20)),
        DEFAULTS,
        "Tue 2026-11-24 09:30",
        Rule.NO_TIMEFRAME,
        id="[003] a promise three days out is too soon: the plan stands",
    ),
    pytest.param(
        facts(decision_on=date(2026, 11, 27), promised_on=date(2026, 12, 2)),
        DEFAULTS,
        "Wed 2026-12-02 09:30",
        Rule.PROMISED,
        id="[002] promised date after the stated timeframe: keep the promise",
    ),
    pytest.param(
        facts(decision_on=date(2026, 11, 27), promised_on=date(2026, 11, 25)),
        DEFAULTS,
        "Mon 2026-11-30 09:30",
        Rule.STATED_TIMEFRAME,
        id="[000] promised date inside the stated timeframe: their date wins",
    ),
    pytest.param(
        facts(promised_on=date(2026, 11, 28)),
        DEFAULTS,
        "Mon 2026-11-30 09:30",
        Rule.PROMISED,
        id="[002] promised a Saturday: the Monday after",
    ),
    # Within a fortnight at the latest.
    pytest.param(
        facts(promised_on=date(2026, 12, 10)),
        DEFAULTS,
        "Thu 2026-12-10 09:30",
        Rule.PROMISED,
        id="[002] a promise three weeks out is kept: the note told them to expect it",
    ),
    pytest.param(
        facts(promised_on=date(2026, 12, 1)),
        DEFAULTS,
        "Tue 2026-12-01 09:30",
        Rule.PROMISED,
        id="[004] a promise on the fortnight's last day is kept",
    ),
    pytest.param(
        facts(),
        CadenceSettings(default_wait_working_days=7, working_days=frozenset({0})),
        "Mon 2026-11-30 09:30",
        Rule.FORTNIGHT,
        id="[004] seven Mondays-only working days would exceed a fortnight: capped",
    ),
    # A named rhythm: never more often than they said, also for the first follow-up.
    pytest.param(
        facts(check_back_every_days=14),
        DEFAULTS,
        "Tue 2026-12-01 09:30",
        Rule.RHYTHM,
        id="[003] every two weeks named, no timeframe: the first follow-up waits two weeks",
    ),
    pytest.param(
        facts(check_back_every_days=21),
        DEFAULTS,
        "Tue 2026-12-08 09:30",
        Rule.RHYTHM,
        id="[003] a named rhythm beyond a fortnight: what they said wins",
    ),
    pytest.param(
        facts(check_back_every_days=7, decision_on=date(2026, 11, 27)),
        DEFAULTS,
        "Mon 2026-11-30 09:30",
        Rule.STATED_TIMEFRAME,
        id="[003] a weekly rhythm and a later decision date: the date is later anyway",
    ),
    pytest.param(
        facts(check_back_every_days=14, promised_on=date(2026, 11, 27)),
        DEFAULTS,
        "Tue 2026-12-01 09:30",
        Rule.RHYTHM,
        id="[003] a promise sooner than their rhythm: their rhythm wins",
    ),
    # Working days and contact hours.
    pytest.param(
        facts(),
        CadenceSettings(due_at=time(10, 15)),
        "Tue 2026-11-24 10:15",
        Rule.NO_TIMEFRAME,
        id="[design] follow-ups are due at the chosen morning time",
    ),
    pytest.param(
        facts(),
        CadenceSettings(working_days=EVERY_DAY),
        "Sun 2026-11-22 09:30",
        Rule.NO_TIMEFRAME,
        id="[design] weekends allowed by the user: five days counts them",
    ),
]


@pytest.mark.parametrize(("interview", "settings", "expected", "rule"), FIRST_FOLLOW_UPS)
def test_the_first_follow_up(
    interview: InterviewFacts, settings: CadenceSettings, expected: str, rule: Rule
) -> None:
    step = follow_up(next_step(interview, (), settings))
    assert (local(step.due), step.rule) == (expected, rule)
    assert step.due.tzinfo is UTC
    assert (step.attempt, step.unanswered) == (1, 0)


def test_two_weeks_said_means_nothing_due_in_those_two_weeks() -> None:
    # [000] "two weeks" means no call on day two (nor on any other day of the two weeks).
    step = follow_up(next_step(facts(decision_on=date(2026, 12, 1))))
    assert step.due.astimezone(BERLIN).date() > date(2026, 12, 1)
    assert step.due > INTERVIEW_END + timedelta(days=14)


@pytest.mark.parametrize(
    ("method", "channel"),
    [
        pytest.param("email", Channel.EMAIL, id="[003] they prefer e-mail: e-mail"),
        pytest.param("phone", Channel.PHONE, id="[002] they prefer the phone: phone"),
        pytest.param("either", Channel.PHONE, id="[003] either is fine: phone"),
        pytest.param(None, Channel.PHONE, id="[001] nothing said: phone by default"),
    ],
)
def test_the_preferred_method_wins_phone_otherwise(method: str | None, channel: Channel) -> None:
    first = follow_up(next_step(facts(check_back_method=method)))
    later = follow_up(next_step(facts(check_back_method=method), [missed(date(2026, 11, 24))]))
    assert first.channel == later.channel == channel
    assert ("call" if channel is Channel.PHONE else "e-mail") in first.reason


# --- Later follow-ups ---------------------------------------------------------------------

NOV_24 = date(2026, 11, 24)  # the first follow-up without a timeframe (Tuesday)
DEC_1 = date(2026, 12, 1)
DEC_15 = date(2026, 12, 15)
JAN_12 = date(2027, 1, 12)
FEB_9 = date(2027, 2, 9)
PATIENT = CadenceSettings(patience=5)

LATER_FOLLOW_UPS = [
    # Each unanswered attempt lengthens the wait: 1, 2, then 4 weeks.
    pytest.param(
        facts(),
        [missed(NOV_24)],
        DEFAULTS,
        ("Tue 2026-12-01 09:30", Rule.BACKOFF, 2, 1),
        id="[003] one unanswered call: wait a week",
    ),
    pytest.param(
        facts(),
        [missed(NOV_24), missed(DEC_1, Channel.VOICEMAIL)],
        DEFAULTS,
        ("Tue 2026-12-15 09:30", Rule.BACKOFF, 3, 2),
        id="[003] two unanswered: wait two weeks",
    ),
    pytest.param(
        facts(),
        [missed(NOV_24), missed(DEC_1, Channel.VOICEMAIL), missed(DEC_15, Channel.EMAIL)],
        PATIENT,
        ("Tue 2027-01-12 09:30", Rule.BACKOFF, 4, 3),
        id="[003] three unanswered, more patience: wait four weeks",
    ),
    pytest.param(
        facts(),
        [missed(NOV_24), missed(DEC_1), missed(DEC_15), missed(JAN_12)],
        PATIENT,
        ("Tue 2027-02-09 09:30", Rule.BACKOFF, 5, 4),
        id="[003] four unanswered: the last step repeats, never shorter",
    ),
    pytest.param(
        facts(),
        [missed(NOV_24)],
        CadenceSettings(backoff_weeks=(2, 3)),
        ("Tue 2026-12-08 09:30", Rule.BACKOFF, 2, 1),
        id="[001] a slower ladder chosen in the settings",
    ),
    pytest.param(
        facts(),
        [missed(date(2026, 11, 28))],
        DEFAULTS,
        ("Mon 2026-12-07 09:30", Rule.BACKOFF, 2, 1),
        id="[design] a week after a Saturday attempt: moved to the Monday",
    ),
    pytest.param(
        facts(),
        [missed(DEC_1, Channel.VOICEMAIL), missed(NOV_24)],
        DEFAULTS,
        ("Tue 2026-12-15 09:30", Rule.BACKOFF, 3, 2),
        id="[003] touchpoints in any order",
    ),
    pytest.param(
        facts(),
        [missed(date(2026, 11, 10))],
        DEFAULTS,
        ("Tue 2026-11-24 09:30", Rule.NO_TIMEFRAME, 1, 0),
        id="[003] a contact before this interview belongs to an earlier round",
    ),
    # A named rhythm: exactly that, never more often.
    pytest.param(
        facts(check_back_every_days=10),
        [missed(NOV_24)],
        DEFAULTS,
        ("Fri 2026-12-04 09:30", Rule.RHYTHM, 2, 1),
        id="[003] every ten days named: ten days, not the ladder's week",
    ),
    pytest.param(
        facts(check_back_every_days=10),
        [missed(NOV_24), missed(date(2026, 12, 4))],
        DEFAULTS,
        ("Mon 2026-12-14 09:30", Rule.RHYTHM, 3, 2),
        id="[003] a named rhythm does not grow: ten days again",
    ),
    pytest.param(
        facts(check_back_every_days=4),
        [missed(NOV_24)],
        DEFAULTS,
        ("Mon 2026-11-30 09:30", Rule.RHYTHM, 2, 1),
        id="[003] a rhythm landing on a Saturday: the Monday after, later not sooner",
    ),
    pytest.param(
        facts(check_back_every_days=3),
        [missed(NOV_24)],
        DEFAULTS,
        ("Fri 2026-11-27 09:30", Rule.RHYTHM, 2, 1),
        id="[003] they encouraged frequent check-ins: their rhythm, not the ladder",
    ),
    # Answers.
    pytest.param(
        facts(),
        [answered(NOV_24)],
        DEFAULTS,
        ("Tue 2026-12-01 09:30", Rule.BACKOFF, 2, 0),
        id="[003] picked up, no news yet: a week, patience untouched",
    ),
    pytest.param(
        facts(),
        [missed(NOV_24), missed(DEC_1), answered(DEC_15, Outcome.STILL_CANDIDATE)],
        DEFAULTS,
        ("Tue 2027-01-12 09:30", Rule.BACKOFF, 4, 0),
        id="[003] still a candidate: patience starts over, the gaps keep growing",
    ),
    pytest.param(
        facts(),
        [
            missed(NOV_24),
            missed(DEC_1),
            answered(DEC_15, channel=Channel.REPLY),
            missed(JAN_12),
            missed(FEB_9),
        ],
        DEFAULTS,
        ("Tue 2027-03-09 09:30", Rule.BACKOFF, 6, 2),
        id="[003] two unanswered after a reply: only those count against patience",
    ),
    pytest.param(
        facts(),
        [
            missed(NOV_24),
            missed(DEC_1),
            answered(date(2026, 12, 8), Outcome.NEW_TIMEFRAME, date(2026, 12, 18)),
        ],
        DEFAULTS,
        ("Mon 2026-12-21 09:30", Rule.STATED_TIMEFRAME, 1, 0),
        id="[003] a new timeframe resets the plan: the working day after it, counted afresh",
    ),
    pytest.param(
        facts(check_back_every_days=14),
        [answered(NOV_24, Outcome.NEW_TIMEFRAME, date(2026, 11, 27))],
        DEFAULTS,
        ("Tue 2026-12-08 09:30", Rule.RHYTHM, 1, 0),
        id="[003] a new date sooner than their rhythm: still never more often",
    ),
    pytest.param(
        facts(),
        [answered(date(2026, 12, 8), Outcome.NEW_TIMEFRAME, date(2026, 12, 4))],
        DEFAULTS,
        ("Wed 2026-12-09 09:30", Rule.STATED_TIMEFRAME, 1, 0),
        id="[003] a new date that is already over: the working day after the answer",
    ),
    pytest.param(
        facts(decision_on=date(2026, 12, 4)),
        [answered(date(2026, 11, 20), Outcome.STILL_CANDIDATE, channel=Channel.REPLY)],
        DEFAULTS,
        ("Mon 2026-12-07 09:30", Rule.STATED_TIMEFRAME, 2, 0),
        id="[000] still a candidate before their date: wait until it is over",
    ),
    pytest.param(
        facts(decision_on=date(2026, 12, 4)),
        [missed(date(2026, 11, 19))],
        DEFAULTS,
        ("Mon 2026-12-07 09:30", Rule.STATED_TIMEFRAME, 2, 1),
        id="[000] an early call does not bring the next one before their date",
    ),
    pytest.param(
        facts(promised_on=date(2026, 11, 27)),
        [missed(NOV_24)],
        DEFAULTS,
        ("Tue 2026-12-01 09:30", Rule.BACKOFF, 2, 1),
        id="[002] a promise is spent once any follow-up happened",
    ),
    pytest.param(
        facts(),
        [answered(date(2026, 11, 20), Outcome.STILL_CANDIDATE, channel=Channel.REPLY, hour=20)],
        DEFAULTS,
        ("Fri 2026-11-27 09:30", Rule.BACKOFF, 2, 0),
        id="[design] a reply on a Friday evening: the next one in the morning, a week on",
    ),
    pytest.param(
        facts(),
        [
            answered(DEC_1, Outcome.FILLED, channel=Channel.REPLY),
            answered(date(2026, 12, 10), Outcome.NEW_TIMEFRAME, date(2026, 12, 18)),
        ],
        DEFAULTS,
        ("Mon 2026-12-21 09:30", Rule.STATED_TIMEFRAME, 1, 0),
        id="[003] filled, then they come back with a new date: the plan starts again",
    ),
]


@pytest.mark.parametrize(("interview", "touchpoints", "settings", "expected"), LATER_FOLLOW_UPS)
def test_later_follow_ups(
    interview: InterviewFacts,
    touchpoints: list[Touchpoint],
    settings: CadenceSettings,
    expected: tuple[str, Rule, int, int],
) -> None:
    step = follow_up(next_step(interview, touchpoints, settings))
    assert (local(step.due), step.rule, step.attempt, step.unanswered) == expected


def test_until_told_it_is_filled_keep_following_up() -> None:
    # [003] Answers without news never run out the patience, however many there are.
    touches: list[Touchpoint] = []
    day = NOV_24
    for _ in range(10):
        touches.append(answered(day))
        step = follow_up(next_step(facts(), touches))
        day = step.due.astimezone(BERLIN).date()
    assert local(step.due) == "Tue 2027-07-27 09:30"  # four weeks after the tenth, Tue 29 Jun


# --- Moving on and closing ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("interview", "touchpoints", "settings", "due", "count"),
    [
        pytest.param(
            facts(),
            [missed(NOV_24, Channel.EMAIL)],
            CadenceSettings(patience=1),
            "Tue 2026-11-24 10:00",
            1,
            id="[001] patience 1: one unanswered message is the sign, at once",
        ),
        pytest.param(
            facts(),
            [missed(NOV_24), missed(DEC_1, Channel.VOICEMAIL), missed(DEC_15, Channel.EMAIL)],
            DEFAULTS,
            "Tue 2026-12-15 10:00",
            3,
            id="[003] default patience 3: voicemails and e-mails count alike",
        ),
        pytest.param(
            facts(),
            [missed(d) for d in (NOV_24, DEC_1, DEC_15, JAN_12, FEB_9)],
            PATIENT,
            "Tue 2027-02-09 10:00",
            5,
            id="[003] patience 5: after five",
        ),
        pytest.param(
            facts(),
            [
                missed(NOV_24),
                answered(DEC_1),
                missed(DEC_15),
                missed(JAN_12),
                missed(FEB_9),
            ],
            DEFAULTS,
            "Tue 2027-02-09 10:00",
            3,
            id="[003] three unanswered in a row after an answer",
        ),
        pytest.param(
            facts(check_back_every_days=10),
            [missed(NOV_24)],
            CadenceSettings(patience=1),
            "Tue 2026-11-24 10:00",
            1,
            id="[001] with a named rhythm too: when the last try went unanswered",
        ),
    ],
)
def test_after_enough_unanswered_attempts_move_on(
    interview: InterviewFacts,
    touchpoints: list[Touchpoint],
    settings: CadenceSettings,
    due: str,
    count: int,
) -> None:
    step = next_step(interview, touchpoints, settings)
    assert isinstance(step, MoveOn)
    assert (local(step.due), step.unanswered) == (due, count)
    assert str(count) in step.reason


@pytest.mark.parametrize("patience", PATIENCE_PRESETS)
def test_patience_is_the_number_of_unanswered_follow_ups(patience: int) -> None:
    # [003, 001] One fewer than the patience still gets a follow-up; the patience-th does not.
    settings = CadenceSettings(patience=patience)
    touches = [missed(d) for d in (NOV_24, DEC_1, DEC_15, JAN_12, FEB_9)[:patience]]
    assert isinstance(next_step(facts(), touches[:-1], settings), FollowUp)
    assert isinstance(next_step(facts(), touches, settings), MoveOn)


@pytest.mark.parametrize(
    "touchpoints",
    [
        pytest.param(
            [answered(DEC_1, Outcome.FILLED, channel=Channel.REPLY)],
            id="[003] they wrote that it is filled",
        ),
        pytest.param(
            [missed(NOV_24), missed(date(2026, 11, 30)), answered(DEC_1, Outcome.FILLED)],
            id="[003] filled, told on a call after unanswered ones",
        ),
        pytest.param(
            [answered(DEC_1, Outcome.FILLED, channel=Channel.EMAIL), missed(date(2026, 12, 8))],
            id="[003] chasing a filled post does not reopen it",
        ),
        pytest.param(
            [answered(DEC_1, Outcome.FILLED), answered(date(2026, 12, 8))],
            id="[003] a chat without news after filled does not reopen it",
        ),
    ],
)
def test_filled_closes_the_application(touchpoints: list[Touchpoint]) -> None:
    step = next_step(facts(), touchpoints)
    assert isinstance(step, Closed)
    assert step.at == on(DEC_1).astimezone(UTC)
    assert "Tue 1 Dec" in step.reason


# --- Reasons in plain words ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("interview", "touchpoints", "words"),
    [
        pytest.param(facts(decision_on=DEC_1), [], "Tue 1 Dec", id="[000] names their date"),
        pytest.param(facts(), [], "5 working days", id="[003] names the wait"),
        pytest.param(
            facts(promised_on=date(2026, 11, 27)), [], "thank-you note", id="[002] the promise"
        ),
        pytest.param(facts(), [missed(NOV_24)], "1 week", id="[003] names the step"),
        pytest.param(
            facts(), [missed(NOV_24, Channel.VOICEMAIL)], "voicemail", id="[003] names the try"
        ),
        pytest.param(
            facts(check_back_every_days=10), [missed(NOV_24)], "10 days", id="[003] the rhythm"
        ),
        pytest.param(
            facts(promised_on=date(2026, 12, 10)), [], "as promised", id="[002] the promise"
        ),
    ],
)
def test_the_reason_says_why_in_plain_words(
    interview: InterviewFacts, touchpoints: list[Touchpoint], words: str
) -> None:
    reason = follow_up(next_step(interview, touchpoints)).reason
    assert words in reason
    assert "_" not in reason  # no rule or enum names leak into the text


# --- Daylight saving ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("interview", "touchpoints", "settings", "due_utc"),
    [
        pytest.param(
            facts(ended_at=on(date(2026, 3, 26), 16), decision_on=date(2026, 3, 27)),
            [],
            DEFAULTS,
            datetime(2026, 3, 30, 7, 30, tzinfo=UTC),  # 09:30 CEST; it was 08:30 UTC before
            id="[000] Berlin spring 2026-03-29: Monday 09:30 summer time",
        ),
        pytest.param(
            facts(ended_at=on(date(2026, 3, 13), 16)),
            [missed(date(2026, 3, 20))],  # Friday before the change, 10:00 CET
            DEFAULTS,
            datetime(2026, 3, 27, 8, 30, tzinfo=UTC),
            id="[003] Berlin, a week before the change: still winter time",
        ),
        pytest.param(
            facts(ended_at=on(date(2026, 3, 16), 16)),
            [missed(date(2026, 3, 23))],  # Monday 10:00 CET
            DEFAULTS,
            datetime(2026, 3, 30, 7, 30, tzinfo=UTC),
            id="[003] Berlin spring 2026-03-29: a week's wait across the change",
        ),
        pytest.param(
            facts(ended_at=on(date(2026, 3, 20), 9, 30), check_back_every_days=7),
            [Touchpoint(at=on(date(2026, 3, 27), 9, 30), channel=Channel.VOICEMAIL)],
            DEFAULTS,
            datetime(2026, 4, 3, 7, 30, tzinfo=UTC),  # a local week on, though 167 hours
            id="[003] Berlin spring: a weekly rhythm is a week on the local calendar",
        ),
        pytest.param(
            facts(
                ended_at=on(date(2026, 3, 4), 16, zone=NEW_YORK),
                time_zone="America/New_York",
                decision_on=date(2026, 3, 6),
            ),
            [],
            DEFAULTS,
            datetime(2026, 3, 9, 13, 30, tzinfo=UTC),  # 09:30 EDT
            id="[000] New York spring 2026-03-08: Monday 09:30 daylight time",
        ),
        pytest.param(
            facts(ended_at=on(date(2026, 10, 21), 16), decision_on=date(2026, 10, 23)),
            [],
            DEFAULTS,
            datetime(2026, 10, 26, 8, 30, tzinfo=UTC),  # 09:30 CET
            id="[000] Berlin autumn 2026-10-25: Monday 09:30 winter time",
        ),
        pytest.param(
            facts(ended_at=on(date(2026, 10, 12), 16)),
            [missed(date(2026, 10, 19))],
            DEFAULTS,
            datetime(2026, 10, 26, 8, 30, tzinfo=UTC),
            id="[003] Berlin autumn 2026-10-25: a week's wait across the change",
        ),
        pytest.param(
            facts(
                ended_at=on(date(2026, 10, 28), 16, zone=NEW_YORK),
                time_zone="America/New_York",
                decision_on=date(2026, 10, 30),
            ),
            [],
            DEFAULTS,
            datetime(2026, 11, 2, 14, 30, tzinfo=UTC),  # 09:30 EST
            id="[000] New York autumn 2026-11-01: Monday 09:30 standard time",
        ),
        # On the change days themselves, with weekends and early hours allowed.
        pytest.param(
            facts(ended_at=on(date(2026, 3, 28), 12), decision_on=date(2026, 3, 28)),
            [],
            CadenceSettings(
                working_days=EVERY_DAY,
                contact_from=time(1),
                due_at=time(2, 30),
                contact_until=time(6),
            ),
            datetime(2026, 3, 29, 1, 30, tzinfo=UTC),  # 02:30 does not exist: 03:30 CEST
            id="[design] Berlin 2026-03-29 02:30, skipped by the clocks: 03:30 summer time",
        ),
        pytest.param(
            facts(ended_at=on(date(2026, 10, 24), 12), decision_on=date(2026, 10, 24)),
            [],
            CadenceSettings(
                working_days=EVERY_DAY,
                contact_from=time(1),
                due_at=time(2, 30),
                contact_until=time(6),
            ),
            datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # the first 02:30, still CEST
            id="[design] Berlin 2026-10-25 02:30, shown twice: the first one",
        ),
        pytest.param(
            facts(
                ended_at=on(date(2026, 3, 7), 12, zone=NEW_YORK),
                time_zone="America/New_York",
                decision_on=date(2026, 3, 7),
            ),
            [],
            CadenceSettings(
                working_days=EVERY_DAY,
                contact_from=time(1),
                due_at=time(2, 30),
                contact_until=time(6),
            ),
            datetime(2026, 3, 8, 7, 30, tzinfo=UTC),  # 03:30 EDT
            id="[design] New York 2026-03-08 02:30, skipped: 03:30 daylight time",
        ),
        pytest.param(
            facts(
                ended_at=on(date(2026, 10, 31), 12, zone=NEW_YORK),
                time_zone="America/New_York",
                decision_on=date(2026, 10, 31),
            ),
            [],
            CadenceSettings(
                working_days=EVERY_DAY,
                contact_from=time(0, 30),
                due_at=time(1, 30),
                contact_until=time(6),
            ),
            datetime(2026, 11, 1, 5, 30, tzinfo=UTC),  # the first 01:30, still EDT
            id="[design] New York 2026-11-01 01:30, shown twice: the first one",
        ),
    ],
)
def test_daylight_saving_changes(
    interview: InterviewFacts,
    touchpoints: list[Touchpoint],
    settings: CadenceSettings,
    due_utc: datetime,
) -> None:
    step = follow_up(next_step(interview, touchpoints, settings))
    assert step.due == due_utc
    assert step.due.tzinfo is UTC
    assert is_contact_time(step.due, interview.zone(), settings)


# --- Contact hours ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("earliest", "expected"),
    [
        pytest.param(on(NOV_24, 11), "Tue 2026-11-24 11:00", id="[design] inside hours: as is"),
        pytest.param(on(NOV_24, 7), "Tue 2026-11-24 09:30", id="[design] early: that morning"),
        pytest.param(on(NOV_24, 17), "Wed 2026-11-25 09:30", id="[design] evening: next day"),
        pytest.param(
            on(date(2026, 11, 27), 18), "Mon 2026-11-30 09:30", id="[design] Friday night: Monday"
        ),
        pytest.param(
            on(date(2026, 11, 28), 11), "Mon 2026-11-30 09:30", id="[design] Saturday: Monday"
        ),
        pytest.param(on(NOV_24, 8, 59), "Tue 2026-11-24 09:30", id="[design] 08:59: at 09:30"),
        pytest.param(on(NOV_24, 9), "Tue 2026-11-24 09:00", id="[design] 09:00: hours begin"),
    ],
)
def test_next_contact_time_avoids_evenings_and_weekends(earliest: datetime, expected: str) -> None:
    instant = next_contact_time(earliest, BERLIN, DEFAULTS)
    assert local(instant) == expected
    assert instant.tzinfo is UTC
    assert instant >= earliest


def test_local_instant_handles_the_clock_changes() -> None:
    assert local_instant(date(2026, 3, 29), time(2, 30), BERLIN) == datetime(
        2026, 3, 29, 1, 30, tzinfo=UTC
    )
    assert local_instant(date(2026, 10, 25), time(2, 30), BERLIN) == datetime(
        2026, 10, 25, 0, 30, tzinfo=UTC
    )
    assert local_instant(date(2026, 11, 1), time(1, 30), NEW_YORK) == datetime(
        2026, 11, 1, 5, 30, tzinfo=UTC
    )


# --- Checks on the inputs -----------------------------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(
            lambda: InterviewFacts(datetime(2026, 11, 17, 15), "Europe/Berlin"),  # noqa: DTZ001
            id="naive interview end",
        ),
        pytest.param(lambda: facts(time_zone="Mars/Olympus"), id="unknown zone"),
        pytest.param(lambda: facts(check_back_method="fax"), id="unknown method"),
        pytest.param(lambda: facts(check_back_every_days=0), id="rhythm of zero days"),
        pytest.param(
            lambda: Touchpoint(datetime(2026, 11, 24, 10), Channel.PHONE),  # noqa: DTZ001
            id="naive touchpoint",
        ),
        pytest.param(lambda: Touchpoint(on(NOV_24), Channel.REPLY), id="unanswered reply"),
        pytest.param(
            lambda: Touchpoint(on(NOV_24), Channel.VOICEMAIL, answered=True),
            id="answered voicemail",
        ),
        pytest.param(
            lambda: Touchpoint(on(NOV_24), Channel.EMAIL, outcome=Outcome.FILLED),
            id="news without an answer",
        ),
        pytest.param(
            lambda: answered(NOV_24, Outcome.NEW_TIMEFRAME), id="new timeframe without a date"
        ),
        pytest.param(
            lambda: answered(NOV_24, Outcome.STILL_CANDIDATE, DEC_1), id="a date without reason"
        ),
        pytest.param(lambda: Touchpoint(on(NOV_24), "fax"), id="unknown channel"),  # type: ignore[arg-type]
        pytest.param(lambda: CadenceSettings(patience=0), id="patience 0"),
        pytest.param(lambda: CadenceSettings(default_wait_working_days=3), id="wait of 3 days"),
        pytest.param(lambda: CadenceSettings(default_wait_working_days=8), id="wait of 8 days"),
        pytest.param(lambda: CadenceSettings(backoff_weeks=()), id="no backoff"),
        pytest.param(lambda: CadenceSettings(backoff_weeks=(2, 1)), id="shrinking backoff"),
        pytest.param(lambda: CadenceSettings(backoff_weeks=(0, 1)), id="zero-week step"),
        pytest.param(lambda: CadenceSettings(working_days=frozenset()), id="no working day"),
        pytest.param(lambda: CadenceSettings(working_days=frozenset({7})), id="weekday 7"),
        pytest.param(lambda: CadenceSettings(due_at=time(18)), id="due after hours"),
        pytest.param(lambda: CadenceSettings(due_at=time(8)), id="due before hours"),
        pytest.param(
            lambda: CadenceSettings(due_at=time(9, 30, tzinfo=UTC)), id="zoned contact time"
        ),
    ],
)
def test_bad_inputs_are_refused(build: Any) -> None:
    with pytest.raises(ValueError):
        build()


def test_touchpoints_accept_the_stored_strings() -> None:
    touch = Touchpoint(on(NOV_24), "reply", answered=True, outcome="still_candidate")  # type: ignore[arg-type]
    assert (touch.channel, touch.outcome) == (Channel.REPLY, Outcome.STILL_CANDIDATE)


def test_the_defaults_follow_the_design() -> None:
    assert (DEFAULTS.patience, DEFAULTS.default_wait_working_days) == (3, 5)
    assert DEFAULTS.backoff_weeks == DEFAULT_BACKOFF_WEEKS == (1, 2, 4)
    assert DEFAULTS.working_days == frozenset(range(5))
    assert (DEFAULTS.contact_from, DEFAULTS.contact_until) == (time(9), time(17))
    assert PATIENCE_PRESETS == (1, 3, 5)


# --- Properties ---------------------------------------------------------------------------

ZONES = ["Europe/Berlin", "America/New_York", "Pacific/Auckland", "Asia/Kolkata", "UTC"]


@st.composite
def interviews(draw: st.DrawFn, *, rhythm: bool | None = None) -> InterviewFacts:
    zone = draw(st.sampled_from(ZONES))
    day = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 730)))
    end = time(draw(st.integers(7, 21)), draw(st.sampled_from([0, 15, 30, 45])))
    decision = draw(st.none() | st.integers(-3, 60).map(lambda n: day + timedelta(days=n)))
    promised = draw(st.none() | st.integers(0, 40).map(lambda n: day + timedelta(days=n)))
    every: int | None
    if rhythm is None:
        every = draw(st.none() | st.integers(1, 30))
    else:
        every = draw(st.integers(1, 30)) if rhythm else None
    return InterviewFacts(
        ended_at=datetime.combine(day, end, tzinfo=ZoneInfo(zone)),
        time_zone=zone,
        decision_on=decision,
        check_back_method=draw(st.sampled_from([None, "phone", "email", "either"])),
        check_back_every_days=every,
        promised_on=promised,
    )


@st.composite
def cadence_settings(draw: st.DrawFn) -> CadenceSettings:
    ladder = sorted(draw(st.lists(st.integers(1, 8), min_size=1, max_size=4)))
    working = draw(st.just(frozenset(range(5))) | st.frozensets(st.integers(0, 6), min_size=1))
    return CadenceSettings(
        patience=draw(st.integers(1, 6)),
        default_wait_working_days=draw(st.integers(4, 7)),
        backoff_weeks=tuple(ladder),
        working_days=working,
        due_at=draw(st.sampled_from([time(9), time(9, 30), time(10)])),
    )


# What the candidate logs at each follow-up: (answered, outcome, channel, days to new date).
Event = tuple[bool, Outcome, Channel, int]
events = st.one_of(
    st.tuples(
        st.just(False),
        st.just(Outcome.NO_NEWS),
        st.sampled_from([Channel.PHONE, Channel.VOICEMAIL, Channel.EMAIL]),
        st.just(0),
    ),
    st.tuples(
        st.just(True),
        st.sampled_from([Outcome.NO_NEWS, Outcome.STILL_CANDIDATE, Outcome.NEW_TIMEFRAME]),
        st.sampled_from([Channel.PHONE, Channel.EMAIL, Channel.REPLY]),
        st.integers(0, 40),
    ),
)


def touch_for(event: Event, at: datetime, zone: ZoneInfo) -> Touchpoint:
    was_answered, outcome, channel, days = event
    new_date = None
    if outcome is Outcome.NEW_TIMEFRAME:
        new_date = at.astimezone(zone).date() + timedelta(days=days)
    return Touchpoint(at, channel, was_answered, outcome, new_date)


@given(interviews(), cadence_settings(), st.lists(events, max_size=8), st.data())
def test_never_before_their_date_never_after_hours(
    interview: InterviewFacts,
    settings: CadenceSettings,
    script: list[Event],
    data: st.DataObject,
) -> None:
    """[000] never before the stated timeframe; [design] always on a working day in hours."""
    zone = interview.zone()
    stated = interview.decision_on
    touches: list[Touchpoint] = []
    for event in [*script, None]:
        step = next_step(interview, touches, settings)
        assert isinstance(step, FollowUp | MoveOn)
        if isinstance(step, MoveOn):
            # Suggested the moment the last allowed try went unanswered.
            assert step.due == touches[-1].at.astimezone(UTC)
            break
        local_due = step.due.astimezone(zone)
        assert step.due.tzinfo is UTC
        assert is_contact_time(step.due, zone, settings)
        assert local_due.time() == settings.due_at
        assert local_due.weekday() in settings.working_days
        if stated is not None:
            assert local_due.date() > stated
        assert step.due > (touches[-1].at if touches else interview.ended_at)
        if event is None or isinstance(step, MoveOn):
            break
        delay = timedelta(minutes=data.draw(st.integers(0, 3 * 24 * 60)))
        touches.append(touch_for(event, step.due + delay, zone))
        if touches[-1].new_decision_on is not None:
            stated = touches[-1].new_decision_on


@given(interviews(rhythm=False), cadence_settings(), st.data())
def test_waits_never_shrink_as_unanswered_attempts_grow(
    interview: InterviewFacts, settings: CadenceSettings, data: st.DataObject
) -> None:
    """[003] each unanswered attempt waits at least as long as the one before; and after
    ``patience`` of them, the advice is to move on [003, 001]."""
    zone = interview.zone()
    touches: list[Touchpoint] = []
    gaps: list[int] = []
    while True:
        step = next_step(interview, touches, settings)
        if isinstance(step, MoveOn):
            break
        assert isinstance(step, FollowUp)
        if touches:
            gaps.append(
                (step.due.astimezone(zone).date() - touches[-1].at.astimezone(zone).date()).days
            )
        # Acted on the same day, within the contact hours.
        delay = timedelta(minutes=data.draw(st.integers(0, 6 * 60)))
        touches.append(Touchpoint(step.due + delay, data.draw(st.sampled_from(list(Channel)[:3]))))
    assert len(touches) == settings.patience == step.unanswered
    assert gaps == sorted(gaps)
    ladder = settings.backoff_weeks
    for index, gap in enumerate(gaps):
        assert gap >= 7 * ladder[min(index, len(ladder) - 1)]


@given(interviews(rhythm=True), cadence_settings(), st.lists(events, max_size=8), st.data())
def test_never_more_often_than_a_named_rhythm(
    interview: InterviewFacts,
    settings: CadenceSettings,
    script: list[Event],
    data: st.DataObject,
) -> None:
    """[003] with a rhythm named, every follow-up is at least that many local days after the
    previous contact (the interview included), whatever happened in between."""
    zone = interview.zone()
    assert interview.check_back_every_days is not None
    touches: list[Touchpoint] = []
    for event in [*script, None]:
        step = next_step(interview, touches, settings)
        assert isinstance(step, FollowUp | MoveOn)
        if isinstance(step, MoveOn):
            break  # no more contact: nothing can be too often
        previous = touches[-1].at if touches else interview.ended_at
        days = (step.due.astimezone(zone).date() - previous.astimezone(zone).date()).days
        assert days >= interview.check_back_every_days
        if event is None or isinstance(step, MoveOn):
            break
        delay = timedelta(minutes=data.draw(st.integers(0, 3 * 24 * 60)))
        touches.append(touch_for(event, step.due + delay, zone))


@given(interviews(rhythm=False), st.integers(4, 7))
def test_without_a_timeframe_more_than_three_days_and_within_a_fortnight(
    interview: InterviewFacts, wait: int
) -> None:
    """[003, 000, 004] no date given: after more than three days, the setting's working days
    unless a later promise, and never beyond two weeks."""
    interview = replace(interview, decision_on=None)
    step = follow_up(next_step(interview, (), CadenceSettings(default_wait_working_days=wait)))
    zone = interview.zone()
    day = interview.ended_at.astimezone(zone).date()
    due_day = step.due.astimezone(zone).date()
    assert (due_day - day).days > 3
    if (
        interview.promised_on is not None
        and promise_problem(interview, interview.promised_on) is None
    ):
        # [002] an allowed promise is kept, whatever the setting and the fortnight.
        assert due_day >= interview.promised_on
        assert (due_day - interview.promised_on).days <= 2  # its working day
    else:
        assert (due_day - day).days <= 14
        assert due_day == add_working_days(day, wait)


@given(interviews(rhythm=False))
def test_with_a_timeframe_the_next_working_day_after_it(interview: InterviewFacts) -> None:
    """[000, 002] the first follow-up is the working day after their date (or the interview
    day, if that is later), unless a later promise was made."""
    interview = replace(interview, promised_on=None)
    step = follow_up(next_step(interview))
    zone = interview.zone()
    day = interview.ended_at.astimezone(zone).date()
    if interview.decision_on is not None:
        assert step.due.astimezone(zone).date() == add_working_days(
            max(day, interview.decision_on), 1
        )
        assert step.rule is Rule.STATED_TIMEFRAME


@given(interviews(), cadence_settings(), st.lists(events, max_size=6), st.randoms())
def test_the_order_touchpoints_come_in_does_not_matter(
    interview: InterviewFacts,
    settings: CadenceSettings,
    script: list[Event],
    rng: Any,
) -> None:
    zone = interview.zone()
    touches = [
        touch_for(event, interview.ended_at + timedelta(days=3 * (i + 1), hours=1), zone)
        for i, event in enumerate(script)
    ]
    shuffled = list(touches)
    rng.shuffle(shuffled)
    assert next_step(interview, touches, settings) == next_step(interview, shuffled, settings)


def test_the_fortnight_is_said_in_plain_words() -> None:
    """[004] within two weeks at the latest, when no date was given."""
    mondays = CadenceSettings(default_wait_working_days=7, working_days=frozenset({0}))
    step = follow_up(next_step(facts(), (), mondays))
    assert step.rule is Rule.FORTNIGHT
    assert "two weeks" in step.reason


# --- What the interviewer said, honoured: channel, promise, check-back day -----------------


@pytest.mark.parametrize(
    ("preferred", "check_back", "expected"),
    [
        pytest.param("email", None, Channel.EMAIL, id="[003] their preferred method: e-mail"),
        pytest.param("email", "phone", Channel.EMAIL, id="[003] the person's preference first"),
        pytest.param("phone", "email", Channel.PHONE, id="[001] the person prefers the phone"),
        pytest.param("either", "email", Channel.EMAIL, id="[002] either: what they said next"),
        pytest.param(None, "email", Channel.EMAIL, id="[002] check back by e-mail"),
        pytest.param(None, None, Channel.PHONE, id="[003] nothing said: the phone"),
        pytest.param("either", "either", Channel.PHONE, id="[003] either and either: phone"),
    ],
)
def test_the_channel_follows_the_person_then_the_interview_then_the_phone(
    preferred: str | None, check_back: str | None, expected: Channel
) -> None:
    interview = facts(preferred_method=preferred, check_back_method=check_back)
    assert follow_up_channel(interview) is expected
    assert follow_up(next_step(interview)).channel is expected


@pytest.mark.parametrize(
    ("interview", "earliest", "words"),
    [
        pytest.param(facts(), date(2026, 11, 21), "more than three days", id="[003] 3 days"),
        pytest.param(
            facts(decision_on=date(2026, 12, 4)),
            date(2026, 12, 5),
            "decide by Fri 4 Dec",
            id="[000] after their date",
        ),
        pytest.param(
            facts(check_back_every_days=14),
            date(2026, 12, 1),
            "every 14 days",
            id="[003] their rhythm",
        ),
        pytest.param(
            facts(check_back_on=date(2026, 11, 30)),
            date(2026, 11, 30),
            "check back on Mon 30 Nov",
            id="[002] the day they named",
        ),
    ],
)
def test_a_promise_too_early_is_refused_with_the_reason_and_the_earliest_day(
    interview: InterviewFacts, earliest: date, words: str
) -> None:
    assert earliest_promise(interview) == earliest
    assert promise_problem(interview, earliest) is None
    problem = promise_problem(interview, earliest - timedelta(days=1))
    assert problem is not None and words in problem
    assert f"{earliest:%a} {earliest.day} {earliest:%b}" in problem


def test_an_allowed_promise_wins_over_the_default_wait_setting() -> None:
    """[002, 003] the reminder comes on the day the note promised, whatever the setting."""
    for wait in (4, 5, 7):
        settings = CadenceSettings(default_wait_working_days=wait)
        step = follow_up(next_step(facts(promised_on=date(2026, 11, 23)), (), settings))
        assert (local(step.due), step.rule) == ("Mon 2026-11-23 09:30", Rule.PROMISED)


@pytest.mark.parametrize(
    "interview",
    [
        pytest.param(facts(), id="no timeframe"),
        pytest.param(facts(decision_on=date(2026, 12, 4)), id="a stated date"),
        pytest.param(facts(check_back_every_days=21), id="a rhythm"),
        pytest.param(facts(check_back_on=date(2026, 12, 2)), id="a check-back day"),
    ],
)
def test_the_planned_day_is_an_allowed_promise_and_promising_it_changes_nothing(
    interview: InterviewFacts,
) -> None:
    """The note offers the plan's own day, so note and reminder agree from the start."""
    day = first_follow_up_day(interview)
    assert promise_problem(interview, day) is None
    unpromised = follow_up(next_step(interview))
    promised = follow_up(next_step(replace(interview, promised_on=day)))
    assert promised.due == unpromised.due
    assert unpromised.due.astimezone(BERLIN).date() == day


def test_they_said_to_check_back_on_a_day() -> None:
    """[002] "check back on the 30th": that day, not the default wait."""
    step = follow_up(next_step(facts(check_back_on=date(2026, 11, 30))))
    assert (local(step.due), step.rule) == ("Mon 2026-11-30 09:30", Rule.CHECK_BACK_DAY)
    saturday = follow_up(next_step(facts(check_back_on=date(2026, 11, 28))))
    assert local(saturday.due) == "Mon 2026-11-30 09:30"
