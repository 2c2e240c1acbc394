"""When to write to references and network contacts, and what the reminder says: the
rules of the references feature, from facts the store gathers, as pure functions
(like ``cadence.next_step`` for follow-ups).

One subject per person given to one application:

- heads-up: once the application has an interview (a couple of hours after it ends) or
  moves to the reference check, until the heads-up is recorded as sent;
- thank-you: once they were contacted, until they are thanked;
- outcome: once the application closes, until they are told how it went (only for those
  who were actually given, warned or contacted);
- check-in: for network contacts, a day after each interview, until checked in.

See docs/advice.md, "References".
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from followthrough.domain.reminder_kinds import (
    Feature,
    KindInfo,
    ReminderKind,
    Rendering,
    register_kind,
)
from followthrough.domain.stages import ACTIVE_STAGES, CLOSED_STAGES, Stage
from followthrough.domain.wording import QT_TRANSLATE_NOOP, short_day

CONTEXT = "references"

# Past this, a missed heads-up or check-in is no longer worth a reminder (the calls it was
# meant to prepare have happened); thanks and the outcome are never too late in a month.
STALE_AFTER = timedelta(days=14)
LATE_THANKS_LIMIT = timedelta(days=30)

EarliestContact = Callable[[datetime], datetime]


@dataclass(frozen=True)
class InterviewFact:
    round: int
    ends_at: datetime
    local_day: date  # the day it ended, on the interview's clock


@dataclass(frozen=True)
class LinkFacts:
    """One person given to one application, and where things stand."""

    network: bool  # a network contact (check-ins), not a reference
    person: str
    company: str
    role_title: str
    stage: Stage
    interviews: tuple[InterviewFact, ...]  # in order
    listed_at: datetime  # when they were added to the application
    stage_entered_at: datetime | None  # when the application entered its stage
    closed_on: date | None
    given_on: date | None = None
    heads_up_at: datetime | None = None
    contacted_on: date | None = None
    contacted_logged_at: datetime | None = None
    thanked_on: date | None = None
    outcome_told_on: date | None = None
    checked_in_at: datetime | None = None


@dataclass(frozen=True)
class ReminderStep:
    """A reminder the facts call for: its kind, when, until when, and its words' values."""

    kind: str
    due_at: datetime
    expires_at: datetime
    params: Mapping[str, Any]


def _noon(day: date) -> datetime:
    """A day recorded without a time counts from noon UTC (the same day everywhere)."""
    return datetime.combine(day, time(12), UTC)


def reference_steps(facts: LinkFacts, earliest: EarliestContact) -> list[ReminderStep]:
    """The reminders one person's link calls for now (``earliest``: the first moment the
    user would write to someone at or after an instant)."""
    if facts.network:
        return _check_in(facts, earliest)
    return [
        step
        for step in (
            _heads_up(facts, earliest),
            _thanks(facts, earliest),
            _outcome(facts, earliest),
        )
        if step is not None
    ]


def reminder_round(params: str) -> int | None:
    """The interview round a reference reminder (its stored parameters) is about."""
    try:
        values = json.loads(params) if params else {}
    except ValueError:
        return None
    found = values.get("round") if isinstance(values, dict) else None
    return found if isinstance(found, int) and not isinstance(found, bool) else None


def _names(facts: LinkFacts) -> dict[str, Any]:
    return {"person": facts.person, "company": facts.company, "role": facts.role_title}


def _check_in(facts: LinkFacts, earliest: EarliestContact) -> list[ReminderStep]:
    """After the first interview since the last check-in (planned ahead when it is still
    to come); it stands until a while after the latest of them."""
    since = [
        i
        for i in facts.interviews
        if facts.checked_in_at is None or i.ends_at > facts.checked_in_at
    ]
    if facts.stage not in ACTIVE_STAGES or not since:
        return []
    first, last = since[0], since[-1]
    return [
        ReminderStep(
            ReminderKind.NETWORK_CHECK_IN,
            check_in_due(first.ends_at, earliest),
            last.ends_at + STALE_AFTER,
            {**_names(facts), "round": first.round},
        )
    ]


def _heads_up(facts: LinkFacts, earliest: EarliestContact) -> ReminderStep | None:
    """After the first interview (calls can follow any round), or after they were listed
    if that was later; the reference check asks for a fresh one."""
    if facts.stage not in ACTIVE_STAGES or facts.contacted_on is not None:
        return None
    sent = facts.heads_up_at
    due: datetime | None = None
    interview_day: date | None = None
    if facts.stage == Stage.REFERENCE_CHECK and facts.stage_entered_at is not None:
        # Listed after the stage changed: due from the listing, as for interviews.
        trigger = max(facts.stage_entered_at, facts.listed_at)
        if sent is None or sent < trigger:
            due = earliest(trigger)
    elif facts.interviews and sent is None:
        first = facts.interviews[0]
        due = heads_up_due(max(first.ends_at, facts.listed_at), earliest)
        interview_day = first.local_day
    if due is None:
        return None
    params = {**_names(facts), "interview_day": interview_day and interview_day.isoformat()}
    return ReminderStep(ReminderKind.REFERENCE_HEADS_UP, due, due + STALE_AFTER, params)


def _thanks(facts: LinkFacts, earliest: EarliestContact) -> ReminderStep | None:
    if facts.contacted_on is None or facts.thanked_on is not None:
        return None
    logged = facts.contacted_logged_at or _noon(facts.contacted_on)
    return ReminderStep(
        ReminderKind.REFERENCE_THANKS,
        thanks_due(logged, earliest),
        logged + LATE_THANKS_LIMIT,
        {**_names(facts), "contacted_on": facts.contacted_on.isoformat()},
    )


def involved(given_on: object, heads_up_at: object, contacted_on: object) -> bool:
    """Whether a reference took part in an application (given to it, warned, or
    contacted by the employer): only they are told how it ended, here and in the
    rejection playbook."""
    return given_on is not None or heads_up_at is not None or contacted_on is not None


def _outcome(facts: LinkFacts, earliest: EarliestContact) -> ReminderStep | None:
    took_part = involved(facts.given_on, facts.heads_up_at, facts.contacted_on)
    if facts.stage not in CLOSED_STAGES or not took_part or facts.outcome_told_on is not None:
        return None
    # The stage change when recorded, else the closing day (whichever is later).
    marks = [facts.stage_entered_at]
    if facts.closed_on is not None:
        marks.append(_noon(facts.closed_on))
    known = [m for m in marks if m is not None]
    if not known:
        return None
    closed_at = max(known)
    return ReminderStep(
        ReminderKind.REFERENCE_OUTCOME,
        outcome_due(closed_at, earliest),
        closed_at + LATE_THANKS_LIMIT,
        {**_names(facts), "stage": facts.stage.value},
    )


# --- when to write ----------------------------------------------------------------------

HEADS_UP_AFTER = timedelta(hours=2)  # after the interview ends


CHECK_IN_AFTER = timedelta(days=1)  # after the interview ends


THANKS_AFTER = timedelta(hours=2)  # after the contact is logged


OUTCOME_AFTER = timedelta(days=1)  # after the application closed


def _due(
    base: datetime, delay: timedelta, earliest_contact: Callable[[datetime], datetime]
) -> datetime:
    if base.tzinfo is None or base.utcoffset() is None:
        raise ValueError("a timezone-aware instant is needed")
    # In UTC: adding to a zoned datetime would add wall-clock hours across a DST change.
    return earliest_contact(base.astimezone(UTC) + delay)


def heads_up_due(
    interview_ends_at: datetime, earliest_contact: Callable[[datetime], datetime]
) -> datetime:
    """When to remind the user to give the references a heads-up."""
    return _due(interview_ends_at, HEADS_UP_AFTER, earliest_contact)


def check_in_due(
    interview_ends_at: datetime, earliest_contact: Callable[[datetime], datetime]
) -> datetime:
    """When to remind the user to check in with the contact who referred them."""
    return _due(interview_ends_at, CHECK_IN_AFTER, earliest_contact)


def thanks_due(
    contacted_logged_at: datetime, earliest_contact: Callable[[datetime], datetime]
) -> datetime:
    """When to remind the user to thank a reference the employer has spoken to."""
    return _due(contacted_logged_at, THANKS_AFTER, earliest_contact)


def outcome_due(closed_at: datetime, earliest_contact: Callable[[datetime], datetime]) -> datetime:
    """When to remind the user to tell the references how the application ended."""
    return _due(closed_at, OUTCOME_AFTER, earliest_contact)


# --- the words, written when shown --------------------------------------------------------


def _where(params: Mapping[str, Any]) -> str:
    role = params.get("role") or ""
    return f"{params['company']} ({role})" if role else str(params["company"])


def _render_check_in(params: Mapping[str, Any], r: Rendering) -> tuple[str, str]:
    title = r.translate(
        CONTEXT, QT_TRANSLATE_NOOP("references", "Check in with {person} about {company}")
    )
    body = r.translate(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "references",
            "Round {round} at {where}: tell {person} how it went and thank them for the way in.",
        ),
    )
    values = {**params, "where": _where(params)}
    return title.format(**values), body.format(**values)


def _render_heads_up(params: Mapping[str, Any], r: Rendering) -> tuple[str, str]:
    title = r.translate(
        CONTEXT, QT_TRANSLATE_NOOP("references", "Give {person} a heads-up: {company} may call")
    )
    day = params.get("interview_day")
    why = (
        r.translate(CONTEXT, QT_TRANSLATE_NOOP("references", "interview on {day}")).format(
            day=short_day(date.fromisoformat(day))
        )
        if day
        else r.translate(
            CONTEXT, QT_TRANSLATE_NOOP("references", "they are checking references now")
        )
    )
    body = r.translate(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "references",
            "{where}, {why}: tell them the role, what to stress and which résumé you sent, "
            "and ask them to say if they are called.",
        ),
    )
    return title.format(**params), body.format(where=_where(params), why=why)


def _render_thanks(params: Mapping[str, Any], r: Rendering) -> tuple[str, str]:
    title = r.translate(
        CONTEXT, QT_TRANSLATE_NOOP("references", "Thank {person} for speaking to {company}")
    )
    body = r.translate(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "references", "{company} was in touch with them on {day}: a short thank-you now."
        ),
    )
    day = short_day(date.fromisoformat(params["contacted_on"]))
    return title.format(**params), body.format(company=params["company"], day=day)


def _render_outcome(params: Mapping[str, Any], r: Rendering) -> tuple[str, str]:
    title = r.translate(
        CONTEXT, QT_TRANSLATE_NOOP("references", "Tell {person} how {company} ended")
    )
    body = r.translate(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "references",
            "{where} is closed ({stage}). References like to hear the end of the story.",
        ),
    )
    stage = Stage(params["stage"]).label.lower()
    return title.format(**params), body.format(where=_where(params), stage=stage)


LABELS = "ReminderKind"
for _info in (
    KindInfo(
        ReminderKind.REFERENCE_HEADS_UP,
        Feature.REFERENCE,
        QT_TRANSLATE_NOOP("ReminderKind", "Reference heads-up"),
        "reference",
        _render_heads_up,
    ),
    KindInfo(
        ReminderKind.REFERENCE_THANKS,
        Feature.REFERENCE,
        QT_TRANSLATE_NOOP("ReminderKind", "Thank reference"),
        "reference_thanks",
        _render_thanks,
    ),
    KindInfo(
        ReminderKind.REFERENCE_OUTCOME,
        Feature.REFERENCE,
        QT_TRANSLATE_NOOP("ReminderKind", "Tell reference"),
        "reference_outcome",
        _render_outcome,
    ),
    KindInfo(
        ReminderKind.NETWORK_CHECK_IN,
        Feature.REFERENCE,
        QT_TRANSLATE_NOOP("ReminderKind", "Check in"),
        "network",
        _render_check_in,
    ),
):
    register_kind(_info)


# Reminder delays. A heads-up waits a little so it does not land while the user is still
# in the building; a check-in waits a day so there is something to report.
