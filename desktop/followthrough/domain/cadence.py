"""The follow-up cadence: when to get back in touch after an interview, how, and when to stop.

Everything here is a pure function of plain data: the facts of one interview, the contacts
logged since (touchpoints) and the user's settings go in; the next step comes out, either a
follow-up (a UTC instant, a channel, the reason in plain words), a suggestion to move on, or
the news that the position is filled. There is no "now": the plan depends only on the facts,
so the same facts always give the same plan, and a plan whose instant lies in the past is
simply overdue.

The rules and where they come from (docs/advice.md, "Follow-up timing"):

* a decision date was given: nothing before that day is over, then the next working day
  [000, 002];
* none was given: a wait of more than three days and at most seven working days (a setting,
  five by default), and never more than a fortnight [003, 000, 004];
* a follow-up date the candidate promised in the thank-you note is kept when it is not
  earlier than the rules allow [002, 003];
* the channel is the one the interviewer preferred, the phone otherwise [003, 001, 002];
* each further follow-up waits longer than the last (one, two, then four weeks by default),
  unless the interviewer named how often to check back: then exactly that, never more
  often [003, 001];
* after a number of unanswered follow-ups in a row (the patience setting) it is time to
  move on [003, 001];
* an answer with a new date starts the plan afresh; an answer saying the post is filled
  closes the application [003];
* follow-ups fall on working days, at a set time inside contact hours, on the local clock
  of the interview, daylight-saving changes included.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import TypeAlias
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followthrough.domain.contacts import ContactMethod
from followthrough.domain.timeframes import WindowUnit
from followthrough.domain.two_clocks import UserHours, call_for_both, email_in_user_day
from followthrough.domain.wording import short_day, translate

PATIENCE_PRESETS: tuple[int, ...] = (1, 3, 5)
DEFAULT_PATIENCE = 3
DEFAULT_WAIT_WORKING_DAYS = 5
# "More than three days" [003]: four working days are always more than three calendar days.
SHORTEST_DEFAULT_WAIT = 4
LONGEST_DEFAULT_WAIT = 7
# Without a decision date, the first follow-up comes within two weeks of the interview [004].
FORTNIGHT_DAYS = 14
DEFAULT_BACKOFF_WEEKS: tuple[int, ...] = (1, 2, 4)
MONDAY_TO_FRIDAY: frozenset[int] = frozenset(range(5))


class Channel(StrEnum):
    """How a touchpoint happened; follow-ups themselves are made by phone or e-mail."""

    PHONE = "phone"
    VOICEMAIL = "voicemail"
    EMAIL = "email"
    REPLY = "reply"


class Outcome(StrEnum):
    """What a touchpoint brought."""

    NO_NEWS = "no_news"
    STILL_CANDIDATE = "still_candidate"
    NEW_TIMEFRAME = "new_timeframe"
    FILLED = "filled"


class Rule(StrEnum):
    """Which rule settled the date of a follow-up (for tests, logs and the UI's detail)."""

    STATED_TIMEFRAME = "stated_timeframe"
    NO_TIMEFRAME = "no_timeframe"
    PROMISED = "promised"
    FORTNIGHT = "fortnight"
    BACKOFF = "backoff"
    RHYTHM = "rhythm"
    CHECK_BACK_DAY = "check_back_day"


@dataclass(frozen=True)
class InterviewFacts:
    """What is known about one interview, as far as following up goes.

    ``decision_on`` is the day by which they said they would decide, already resolved from
    a named date or a window ("within two weeks" counted from the interview day; for a range
    such as "one to two weeks" pass its later end). ``None`` means no timeframe was given.
    ``check_back_every_days`` is the rhythm the interviewer allowed ("check in every two
    weeks" is 14), if any. ``promised_on`` is the day the thank-you note said the candidate
    would be in touch.
    """

    ended_at: datetime
    time_zone: str
    decision_on: date | None = None
    check_back_method: str | None = None
    check_back_every_days: int | None = None
    promised_on: date | None = None
    # How the interviewer likes to be reached (their contact record), and the day they
    # said to check back on, if they named one.
    preferred_method: str | None = None
    check_back_on: date | None = None

    def __post_init__(self) -> None:
        if self.ended_at.tzinfo is None:
            raise ValueError("ended_at needs a time zone")
        try:
            ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError, OSError) as error:
            raise ValueError(f"unknown time zone {self.time_zone!r}") from error
        methods = set(ContactMethod)
        if self.check_back_method is not None and self.check_back_method not in methods:
            raise ValueError(f"check_back_method must be one of {', '.join(ContactMethod)}")
        if self.preferred_method is not None and self.preferred_method not in methods:
            raise ValueError(f"preferred_method must be one of {', '.join(ContactMethod)}")
        if self.check_back_every_days is not None and self.check_back_every_days < 1:
            raise ValueError("check_back_every_days must be at least 1")

    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


@dataclass(frozen=True)
class Touchpoint:
    """One contact after the interview: a call, a voicemail, an e-mail, or their reply.

    ``answered`` says whether someone on their side responded (a call picked up, an e-mail
    answered, any reply). Only an answered touchpoint can carry news; a new timeframe comes
    with the new decision day in ``new_decision_on``.
    """

    at: datetime
    channel: Channel
    answered: bool = False
    outcome: Outcome = Outcome.NO_NEWS
    new_decision_on: date | None = None

    def __post_init__(self) -> None:
        # Accept the plain strings the database stores; anything unknown raises ValueError.
        object.__setattr__(self, "channel", Channel(self.channel))
        object.__setattr__(self, "outcome", Outcome(self.outcome))
        if self.at.tzinfo is None:
            raise ValueError("a touchpoint needs a timezone-aware instant")
        if self.channel is Channel.REPLY and not self.answered:
            raise ValueError("a reply is an answer: answered must be true")
        if self.channel is Channel.VOICEMAIL and self.answered:
            raise ValueError("a voicemail means nobody picked up: log their call back as a reply")
        if self.outcome is not Outcome.NO_NEWS and not self.answered:
            raise ValueError("only an answered touchpoint can bring news")
        if (self.outcome is Outcome.NEW_TIMEFRAME) != (self.new_decision_on is not None):
            raise ValueError("new_decision_on goes with the new_timeframe outcome, and only there")


@dataclass(frozen=True)
class CadenceSettings:
    """The user's choices; the defaults follow docs/advice.md.

    ``patience``: unanswered follow-ups in a row before suggesting to move on (presets 1,
    3, 5). ``default_wait_working_days``: the wait when no timeframe was given (4 to 7).
    ``backoff_weeks``: the wait after the first, second, ... follow-up; the last step repeats.
    ``working_days``: weekday numbers (Monday is 0) on which to get in touch.
    ``contact_from``/``contact_until``: the local hours when contact is fine; follow-ups are
    due at ``due_at`` on a working day.
    """

    patience: int = DEFAULT_PATIENCE
    default_wait_working_days: int = DEFAULT_WAIT_WORKING_DAYS
    backoff_weeks: tuple[int, ...] = DEFAULT_BACKOFF_WEEKS
    working_days: frozenset[int] = MONDAY_TO_FRIDAY
    contact_from: time = time(9, 0)
    contact_until: time = time(17, 0)
    due_at: time = time(9, 30)
    # The user's own clock and hours: a call is moved, within the day planned, to a time
    # both can make (two_clocks.call_for_both). None: planned on their clock alone.
    user_zone: ZoneInfo | None = None
    user_hours: UserHours | None = None

    def __post_init__(self) -> None:
        if self.patience < 1:
            raise ValueError("patience must allow at least one follow-up")
        if not SHORTEST_DEFAULT_WAIT <= self.default_wait_working_days <= LONGEST_DEFAULT_WAIT:
            raise ValueError(
                f"the default wait must be {SHORTEST_DEFAULT_WAIT} to "
                f"{LONGEST_DEFAULT_WAIT} working days"
            )
        if not self.backoff_weeks or min(self.backoff_weeks) < 1:
            raise ValueError("backoff_weeks needs at least one step of one week or more")
        if any(b < a for a, b in zip(self.backoff_weeks, self.backoff_weeks[1:], strict=False)):
            raise ValueError("backoff_weeks must never shrink")
        if not self.working_days or not self.working_days <= frozenset(range(7)):
            raise ValueError("working_days must be weekday numbers 0 (Monday) to 6 (Sunday)")
        if any(t.tzinfo is not None for t in (self.contact_from, self.contact_until, self.due_at)):
            raise ValueError("contact hours are local wall-clock times without a zone")
        if not self.contact_from <= self.due_at < self.contact_until:
            raise ValueError("due_at must lie inside the contact hours")


@dataclass(frozen=True)
class FollowUp:
    """Get in touch at ``due`` (UTC) by ``channel``; ``attempt`` counts from 1 per plan."""

    due: datetime
    channel: Channel
    reason: str
    rule: Rule
    attempt: int = 1
    unanswered: int = 0


@dataclass(frozen=True)
class MoveOn:
    """Enough follow-ups went unanswered; ``due`` is the moment the last of them was
    logged (the suggestion comes then, not weeks later when another try would have been)."""

    reason: str
    due: datetime
    unanswered: int


@dataclass(frozen=True)
class Closed:
    """They said the position is filled (at ``at``): the application can be closed."""

    reason: str
    at: datetime


CadenceStep: TypeAlias = FollowUp | MoveOn | Closed


# --- Local calendar and clock -------------------------------------------------------------


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """``at`` on ``day`` on the clocks of ``zone``, as a UTC instant.

    A wall time the clocks skip in spring lands as far after the change as it was meant to
    be after the skipped hour's start (02:30 becomes 03:30); one they show twice in autumn is
    the first of the two.
    """
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def is_contact_time(instant: datetime, zone: ZoneInfo, settings: CadenceSettings) -> bool:
    """Whether ``instant`` falls on a working day inside contact hours, on local clocks."""
    local = instant.astimezone(zone)
    return (
        local.weekday() in settings.working_days
        and settings.contact_from <= local.time() < settings.contact_until
    )


def next_contact_time(earliest: datetime, zone: ZoneInfo, settings: CadenceSettings) -> datetime:
    """The first moment at or after ``earliest`` that suits a follow-up, in UTC.

    ``earliest`` itself when it lies inside contact hours on a working day; otherwise the
    usual follow-up time (``settings.due_at``) on the next working day that has it ahead.
    """
    if earliest.tzinfo is None:
        raise ValueError("earliest needs a time zone")
    if is_contact_time(earliest, zone, settings):
        return earliest.astimezone(UTC)
    day = earliest.astimezone(zone).date()
    # Any run of eight days holds a working day whose due time lies ahead.
    for offset in range(9):
        candidate_day = day + timedelta(days=offset)
        if candidate_day.weekday() not in settings.working_days:
            continue
        candidate = local_instant(candidate_day, settings.due_at, zone)
        if candidate >= earliest:
            return candidate
    raise AssertionError("unreachable: a week always has a working day")


def _on_or_after(day: date, working_days: frozenset[int]) -> date:
    while day.weekday() not in working_days:
        day += timedelta(days=1)
    return day


def _on_or_before(day: date, working_days: frozenset[int]) -> date:
    while day.weekday() not in working_days:
        day -= timedelta(days=1)
    return day


def _after(day: date, working_days: frozenset[int]) -> date:
    return _on_or_after(day + timedelta(days=1), working_days)


def _add_working_days(day: date, count: int, working_days: frozenset[int]) -> date:
    for _ in range(count):
        day = _after(day, working_days)
    return day


def _by(channel: Channel, to_call: str, to_email: str) -> str:
    """The sentence that says to call, or the one that says to e-mail (each written whole,
    so that a translation need not fit a verb into it)."""
    return to_call if channel is Channel.PHONE else to_email


def _no_answer(attempt: Channel, day: date) -> str:
    """ "Your call on Tue 1 Dec got no answer"."""
    if attempt is Channel.PHONE:
        text = translate("cadence", "Your call on {day} got no answer")
    elif attempt is Channel.VOICEMAIL:
        text = translate("cadence", "Your voicemail on {day} got no answer")
    elif attempt is Channel.EMAIL:
        text = translate("cadence", "Your e-mail on {day} got no answer")
    else:
        text = translate("cadence", "Your message on {day} got no answer")
    return text.format(day=short_day(day))


# --- The engine ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _State:
    """Where the touchpoints leave the plan (built by ``_replay``)."""

    anchor: datetime  # when the current plan began: the interview, or a new timeframe
    stated: date | None  # the decision day the current plan waits for
    restated: bool = False  # the decision day came from a later answer, not the interview
    promised: date | None = None  # the note's promise, until any touchpoint spends it
    steps: int = 0  # touchpoints since the plan began
    unanswered: int = 0  # unanswered follow-ups in a row
    last: Touchpoint | None = None
    filled_by: Touchpoint | None = None


def _replay(facts: InterviewFacts, touchpoints: Iterable[Touchpoint]) -> _State:
    state = _State(anchor=facts.ended_at, stated=facts.decision_on, promised=facts.promised_on)
    # Contacts before this interview ended belong to an earlier round.
    relevant = sorted((t for t in touchpoints if t.at >= facts.ended_at), key=lambda t: t.at)
    for touch in relevant:
        if touch.outcome is Outcome.FILLED:
            state = replace(state, promised=None, unanswered=0, last=touch, filled_by=touch)
        elif state.filled_by is not None and touch.outcome is Outcome.NO_NEWS:
            continue  # only news that they are still hiring reopens a filled post
        elif not touch.answered:
            state = replace(
                state,
                promised=None,
                steps=state.steps + 1,
                unanswered=state.unanswered + 1,
                last=touch,
            )
        elif touch.outcome is Outcome.NEW_TIMEFRAME:
            state = _State(anchor=touch.at, stated=touch.new_decision_on, restated=True, last=touch)
        else:
            # They answered without a new date: patience starts over, but the gaps keep
            # growing, since a drawn-out process calls for fewer check-ins [003].
            state = replace(
                state,
                promised=None,
                steps=state.steps + 1,
                unanswered=0,
                last=touch,
                filled_by=None,
            )
    return state


def _stated_day(state: _State, anchor_day: date, days: frozenset[int]) -> date | None:
    """The first working day after the stated decision day (None: no timeframe)."""
    if state.stated is None:
        return None
    return _after(max(state.stated, anchor_day), days)


def _first_day(
    facts: InterviewFacts, state: _State, settings: CadenceSettings, channel: Channel
) -> tuple[date, Rule, str]:
    zone = facts.zone()
    days = settings.working_days
    anchor_day = state.anchor.astimezone(zone).date()
    day: date
    stated = _stated_day(state, anchor_day, days)
    if stated is not None:
        assert state.stated is not None
        day = stated
        rule = Rule.STATED_TIMEFRAME
        reason = _decide_by(state.stated, state.restated, channel)
    else:
        day = _add_working_days(anchor_day, settings.default_wait_working_days, days)
        rule = Rule.NO_TIMEFRAME
        reason = _by(
            channel,
            translate(
                "cadence",
                "No decision date was given. {count} working days after the interview it is "
                "fair to call and ask how things stand.",
            ),
            translate(
                "cadence",
                "No decision date was given. {count} working days after the interview it is "
                "fair to e-mail and ask how things stand.",
            ),
        ).format(count=settings.default_wait_working_days)
        latest = _on_or_before(anchor_day + timedelta(days=FORTNIGHT_DAYS), days)
        if day > latest:
            day, rule = latest, Rule.FORTNIGHT
            reason = _by(
                channel,
                translate(
                    "cadence",
                    "No decision date was given, and two weeks is the longest to stay silent "
                    "after an interview: call now.",
                ),
                translate(
                    "cadence",
                    "No decision date was given, and two weeks is the longest to stay silent "
                    "after an interview: e-mail now.",
                ),
            )
    if facts.check_back_on is not None and not state.restated:
        day = max(_on_or_after(facts.check_back_on, days), stated or facts.check_back_on)
        rule = Rule.CHECK_BACK_DAY
        reason = _by(
            channel,
            translate("cadence", "They said to check back on {day}: call then."),
            translate("cadence", "They said to check back on {day}: e-mail then."),
        ).format(day=short_day(facts.check_back_on))
    rhythm = facts.check_back_every_days
    if rhythm is not None and day < anchor_day + timedelta(days=rhythm):
        day, rule = _on_or_after(anchor_day + timedelta(days=rhythm), days), Rule.RHYTHM
        reason = _by(
            channel,
            translate(
                "cadence",
                "They asked you to check back no more often than every {days} days; call once "
                "that much time has passed.",
            ),
            translate(
                "cadence",
                "They asked you to check back no more often than every {days} days; e-mail "
                "once that much time has passed.",
            ),
        ).format(days=rhythm)
    if state.promised is not None and promise_problem(facts, state.promised) is None:
        # The day the note promised, whenever the rules allow it: the reminder comes on the
        # day the interviewer was told to expect the call [002, 003].
        day, rule = promise_kept_on(state.promised, settings), Rule.PROMISED
        reason = _by(
            channel,
            translate(
                "cadence",
                "Your thank-you note said you would be in touch on {day}: call as promised.",
            ),
            translate(
                "cadence",
                "Your thank-you note said you would be in touch on {day}: e-mail as promised.",
            ),
        ).format(day=short_day(state.promised))
    return day, rule, reason


def _decide_by(stated: date, restated: bool, channel: Channel) -> str:
    """ "They said they would decide by …. With no news once that day is over, call …"."""
    if restated:
        text = _by(
            channel,
            translate(
                "cadence",
                "They later said they would decide by {day}. With no news once that day is "
                "over, call to ask where things stand.",
            ),
            translate(
                "cadence",
                "They later said they would decide by {day}. With no news once that day is "
                "over, e-mail to ask where things stand.",
            ),
        )
    else:
        text = _by(
            channel,
            translate(
                "cadence",
                "They said they would decide by {day}. With no news once that day is over, "
                "call to ask where things stand.",
            ),
            translate(
                "cadence",
                "They said they would decide by {day}. With no news once that day is over, "
                "e-mail to ask where things stand.",
            ),
        )
    return text.format(day=short_day(stated))


# More than three days after the interview before any follow-up [003].
SHORTEST_PROMISE_DAYS = 4


def earliest_promise(facts: InterviewFacts) -> date:
    """The first day a thank-you note may promise to follow up on: after any stated
    decision day [000, 002], more than three days after the interview [003], and never
    sooner than the interviewer's rhythm or the day they named allows [003]."""
    interview_day = facts.ended_at.astimezone(facts.zone()).date()
    candidates = [interview_day + timedelta(days=SHORTEST_PROMISE_DAYS)]
    if facts.decision_on is not None:
        candidates.append(facts.decision_on + timedelta(days=1))
    if facts.check_back_every_days is not None:
        candidates.append(interview_day + timedelta(days=facts.check_back_every_days))
    if facts.check_back_on is not None:
        candidates.append(facts.check_back_on)
    return max(candidates)


def promise_kept_on(promised: date, settings: CadenceSettings | None = None) -> date:
    """The day the plan follows up for a note that promised ``promised``: that day, or
    the next working day when it falls on a day off (a Saturday promise is kept Monday)."""
    return _on_or_after(promised, (settings or CadenceSettings()).working_days)


def promise_problem(facts: InterviewFacts, promised: date) -> str | None:
    """Why a note may not promise to follow up on ``promised`` (with the earliest day that
    it may), or None when it may."""
    earliest = earliest_promise(facts)
    if promised >= earliest:
        return None
    interview_day = facts.ended_at.astimezone(facts.zone()).date()
    if facts.decision_on is not None and promised <= facts.decision_on:
        text = translate(
            "cadence",
            "Too early: they said they would decide by {day}. The earliest day to promise is "
            "{earliest}.",
        ).format(day=short_day(facts.decision_on), earliest=short_day(earliest))
    elif facts.check_back_on is not None and promised < facts.check_back_on:
        text = translate(
            "cadence",
            "Too early: they said to check back on {day}. The earliest day to promise is "
            "{earliest}.",
        ).format(day=short_day(facts.check_back_on), earliest=short_day(earliest))
    elif facts.check_back_every_days is not None and promised < interview_day + timedelta(
        days=facts.check_back_every_days
    ):
        text = translate(
            "cadence",
            "Too early: they asked for no check-in sooner than every {days} days. The "
            "earliest day to promise is {earliest}.",
        ).format(days=facts.check_back_every_days, earliest=short_day(earliest))
    else:
        text = translate(
            "cadence",
            "Too early: give them more than three days after the interview. The earliest day "
            "to promise is {earliest}.",
        ).format(earliest=short_day(earliest))
    return text


def first_follow_up_day(facts: InterviewFacts, settings: CadenceSettings | None = None) -> date:
    """The day of the first follow-up as the plan stands, a promise already made included
    (another interviewer's note): what the next note offers, so the notes agree."""
    settings = settings or CadenceSettings()
    day, _rule, _reason = _first_day(facts, _replay(facts, ()), settings, follow_up_channel(facts))
    return day


def follow_up_channel(facts: InterviewFacts) -> Channel:
    """The interviewer's preferred method first, then what they said about checking
    back, the phone otherwise [003, 001, 002]. "Either" leaves it to the next."""
    for method in (facts.preferred_method, facts.check_back_method):
        if method == ContactMethod.EMAIL:
            return Channel.EMAIL
        if method == ContactMethod.PHONE:
            return Channel.PHONE
    return Channel.PHONE


def _later_day(
    facts: InterviewFacts, state: _State, settings: CadenceSettings, channel: Channel
) -> tuple[date, Rule, str]:
    assert state.last is not None  # there is a touchpoint once steps > 0
    zone = facts.zone()
    days = settings.working_days
    last = state.last
    last_day = last.at.astimezone(zone).date()
    if last.answered:
        what = translate("cadence", "Your last contact, on {day}, brought no decision").format(
            day=short_day(last_day)
        )
    else:
        what = _no_answer(last.channel, last_day)
        if state.unanswered > 1:
            what = translate("cadence", "{what} ({count} in a row)").format(
                what=what, count=state.unanswered
            )
    rhythm = facts.check_back_every_days
    if rhythm is not None:
        day = _on_or_after(last_day + timedelta(days=rhythm), days)
        rule = Rule.RHYTHM
        reason = _by(
            channel,
            translate(
                "cadence",
                "{what}. They asked for no more than one check-in every {days} days: call then.",
            ),
            translate(
                "cadence",
                "{what}. They asked for no more than one check-in every {days} days: e-mail then.",
            ),
        ).format(what=what, days=rhythm)
    else:
        weeks = settings.backoff_weeks[min(state.steps, len(settings.backoff_weeks)) - 1]
        day = _on_or_after(last_day + timedelta(weeks=weeks), days)
        rule = Rule.BACKOFF
        reason = _by(
            channel,
            translate(
                "cadence",
                "{what}. The longer it takes, the longer the gaps: call again after {wait}.",
            ),
            translate(
                "cadence",
                "{what}. The longer it takes, the longer the gaps: e-mail again after {wait}.",
            ),
        ).format(what=what, wait=WindowUnit.WEEKS.phrase(weeks))
    if state.stated is not None and day <= state.stated:
        day = _after(state.stated, days)
        rule = Rule.STATED_TIMEFRAME
        reason = _by(
            channel,
            translate(
                "cadence",
                "They said they would decide by {day}; call once that day is over, not before.",
            ),
            translate(
                "cadence",
                "They said they would decide by {day}; e-mail once that day is over, not before.",
            ),
        ).format(day=short_day(state.stated))
    return day, rule, reason


def next_step(
    facts: InterviewFacts,
    touchpoints: Iterable[Touchpoint] = (),
    settings: CadenceSettings | None = None,
) -> CadenceStep:
    """The next thing to do about ``facts``' interview after ``touchpoints`` (any order).

    Returns a ``FollowUp`` with a UTC instant inside contact hours, a ``MoveOn`` once
    ``settings.patience`` follow-ups in a row went unanswered, or ``Closed`` once they said
    the position is filled.
    """
    settings = settings or CadenceSettings()
    state = _replay(facts, touchpoints)
    if state.filled_by is not None:
        filled_on = state.filled_by.at.astimezone(facts.zone()).date()
        return Closed(
            reason=translate(
                "cadence",
                "On {day} they said the position has gone to someone else. Close the application.",
            ).format(day=short_day(filled_on)),
            at=state.filled_by.at.astimezone(UTC),
        )
    channel = follow_up_channel(facts)
    if state.steps == 0:
        day, rule, reason = _first_day(facts, state, settings, channel)
    else:
        day, rule, reason = _later_day(facts, state, settings, channel)
    due = next_contact_time(
        local_instant(day, settings.due_at, facts.zone()), facts.zone(), settings
    )
    if channel is Channel.EMAIL and settings.user_zone is not None:
        # Written in the user's own day: its reminder never comes the evening (or the
        # Sunday) before an e-mail planned for their early morning.
        due = email_in_user_day(due, settings.user_zone, settings.user_hours or UserHours())
    if channel is Channel.PHONE and settings.user_zone is not None:
        due = call_for_both(
            due,
            facts.zone(),
            (settings.contact_from, settings.contact_until),
            settings.user_zone,
            settings.user_hours or UserHours(),
        )
    if state.unanswered >= settings.patience:
        assert state.last is not None
        if state.unanswered == 1:
            tries = translate(
                "cadence",
                "{count} follow-up in a row got no answer. Put the effort into other openings "
                "now; should they get in touch, log it and a new plan starts.",
            )
        else:
            tries = translate(
                "cadence",
                "{count} follow-ups in a row got no answer. Put the effort into other openings "
                "now; should they get in touch, log it and a new plan starts.",
            )
        return MoveOn(
            reason=tries.format(count=state.unanswered),
            # At once: the last allowed attempt has just gone unanswered [003, 001].
            due=state.last.at.astimezone(UTC),
            unanswered=state.unanswered,
        )
    return FollowUp(
        due=due,
        channel=channel,
        reason=reason,
        rule=rule,
        attempt=state.steps + 1,
        unanswered=state.unanswered,
    )
