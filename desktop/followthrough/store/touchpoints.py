"""Touchpoints: the calls, voicemails, e-mails and replies logged while following up.

They feed the cadence engine (``store.followups`` reads them back): an unanswered attempt
lengthens the wait, an answer with a new date starts the plan afresh, and the news that
the position is filled closes the application here, in the same transaction as the log.

Also here: what a call sheet needs to know about an application (who to call, what was
said at the latest interview) and the five-second intro line kept per application.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import peewee

from followthrough.domain.cadence import Channel, Outcome, follow_up_channel
from followthrough.domain.clock import Clock
from followthrough.domain.contacts import ContactMethod
from followthrough.domain.errors import UserError
from followthrough.domain.stages import ClosureReason, Stage, allowed_targets
from followthrough.domain.validation import day_problem
from followthrough.domain.wording import short_day, translate
from followthrough.store import settings as options
from followthrough.store.contacts import ContactCard, contact_card
from followthrough.store.followups import interview_facts
from followthrough.store.models import (
    Application,
    Contact,
    Interview,
    InterviewParticipant,
    Touchpoint,
)
from followthrough.store.queries import change_stage
from followthrough.store.transactions import writes, writing


class TouchpointError(UserError):
    """The touchpoint cannot be logged as entered; the message is for the user."""


@dataclass(frozen=True)
class TouchpointInput:
    """A touchpoint as the user enters it. ``at`` is aware; its own zone gives its day."""

    application_id: int
    channel: Channel
    answered: bool
    outcome: Outcome
    new_decision_on: date | None
    notes: str
    contact_id: int | None
    at: datetime

    def __post_init__(self) -> None:
        # Accept the plain strings the database and the UI use; unknown ones raise ValueError.
        object.__setattr__(self, "channel", Channel(self.channel))
        object.__setattr__(self, "outcome", Outcome(self.outcome))

    def day(self) -> date:
        """The calendar day of the touchpoint on the clock it was entered with."""
        return self.at.date()


def touchpoint_problem(data: TouchpointInput, now: datetime) -> str | None:
    """Why ``data`` cannot be logged at ``now``, in a sentence for the user; None if it can."""
    if data.at.tzinfo is None:
        return translate("touchpoints", "The time of the contact needs a time zone.")
    out_of_range = day_problem(
        data.day(), translate("touchpoints", "The day of the contact")
    ) or day_problem(data.new_decision_on, translate("touchpoints", "The new decision date"))
    if out_of_range:
        return out_of_range
    if data.at > now:
        return translate(
            "touchpoints", "That time is still ahead: log a contact once it has happened."
        )
    if data.channel is Channel.REPLY and not data.answered:
        return translate("touchpoints", "A reply is an answer from them: mark it as answered.")
    if data.channel is Channel.VOICEMAIL and data.answered:
        return translate(
            "touchpoints",
            "A voicemail means nobody picked up. If they called back, log that as their reply.",
        )
    if not data.answered and data.outcome is not Outcome.NO_NEWS:
        return translate(
            "touchpoints",
            "Only an answer can bring news: mark it as answered, or choose “no news”.",
        )
    if data.outcome is Outcome.NEW_TIMEFRAME:
        if data.new_decision_on is None:
            return translate("touchpoints", "Enter the new date by which they expect to decide.")
        if data.new_decision_on < data.day():
            return translate(
                "touchpoints", "The new decision date cannot be before the day of this contact."
            )
    elif data.new_decision_on is not None:
        return translate(
            "touchpoints", "A new decision date goes with the “new timeframe” outcome only."
        )
    return None


def log_touchpoint(data: TouchpointInput, clock: Clock, today: date) -> int:
    """Check and store a touchpoint; returns its id.

    When they said the position is filled, the application is closed as filled in the same
    transaction, if its stage allows that (an accepted offer, or an application already
    closed as filled, stays as it is). Raises TouchpointError with a sentence for the user.
    """
    problem = touchpoint_problem(data, clock.now())
    if problem is not None:
        raise TouchpointError(problem)
    with writing():
        application = Application.get_or_none(Application.id == data.application_id)
        if application is None:
            raise TouchpointError(translate("touchpoints", "This application no longer exists."))
        if (
            data.contact_id is not None
            and Contact.get_or_none(Contact.id == data.contact_id) is None
        ):
            raise TouchpointError(
                translate("touchpoints", "That person is no longer in your contacts.")
            )
        touchpoint = Touchpoint.create(
            application=application,
            contact=data.contact_id,
            happened_at=data.at,
            channel=data.channel.value,
            answered=data.answered,
            outcome=data.outcome.value,
            new_decision_on=data.new_decision_on,
            notes=data.notes.strip(),
        )
        if data.outcome is Outcome.FILLED and Stage.FILLED in allowed_targets(
            Stage(application.stage)
        ):
            change_stage(application.id, Stage.FILLED, clock, today, ClosureReason.FILLED)
    return int(touchpoint.id)


# --- Reading them back --------------------------------------------------------------------


@dataclass(frozen=True)
class TouchpointLine:
    touchpoint_id: int
    at: datetime
    channel: Channel
    answered: bool
    outcome: Outcome
    new_decision_on: date | None
    contact_id: int | None
    contact_name: str
    notes: str
    summary: str


def _news(outcome: Outcome, new_decision_on: date | None) -> str:
    if outcome is Outcome.STILL_CANDIDATE:
        return translate("touchpoints", "still a candidate")
    if outcome is Outcome.NEW_TIMEFRAME:
        if new_decision_on:
            return translate("touchpoints", "new decision date {day}").format(
                day=short_day(new_decision_on)
            )
        return translate("touchpoints", "new timeframe")
    if outcome is Outcome.FILLED:
        return translate("touchpoints", "the position is filled")
    return translate("touchpoints", "no news yet")


def touchpoint_summary(
    channel: Channel,
    answered: bool,
    outcome: Outcome,
    new_decision_on: date | None,
    who: str,
) -> str:
    """One line that says what happened: "Called Dana Lee: still a candidate"."""
    news = _news(outcome, new_decision_on)
    if channel is Channel.VOICEMAIL:
        text = translate("touchpoints", "Left a voicemail for {who}")
    elif channel is Channel.PHONE:
        text = (
            translate("touchpoints", "Called {who}: {news}")
            if answered
            else translate("touchpoints", "Called {who}: no answer")
        )
    elif channel is Channel.EMAIL:
        text = (
            translate("touchpoints", "E-mailed {who}: {news}")
            if answered
            else translate("touchpoints", "E-mailed {who}: no reply yet")
        )
    else:
        text = translate("touchpoints", "{who} got back to you: {news}")
    return text.format(who=who, news=news)


def touchpoints_of(application_id: int) -> list[TouchpointLine]:
    """The application's touchpoints, newest first."""
    application = Application.get_or_none(Application.id == application_id)
    if application is None:
        return []
    query = (
        Touchpoint.select(Touchpoint, Contact)
        .join(Contact, peewee.JOIN.LEFT_OUTER)
        .where(Touchpoint.application == application_id)
        .order_by(Touchpoint.happened_at.desc(), Touchpoint.id.desc())
    )
    lines = []
    for row in query:
        contact: Contact | None = row.contact
        name = contact.name if contact is not None else ""
        channel, outcome = Channel(row.channel), Outcome(row.outcome)
        lines.append(
            TouchpointLine(
                touchpoint_id=row.id,
                at=row.happened_at,
                channel=channel,
                answered=bool(row.answered),
                outcome=outcome,
                new_decision_on=row.new_decision_on,
                contact_id=contact.id if contact is not None else None,
                contact_name=name,
                notes=row.notes,
                summary=touchpoint_summary(
                    channel,
                    bool(row.answered),
                    outcome,
                    row.new_decision_on,
                    name or application.company,
                ),
            )
        )
    return lines


# --- The call sheet -----------------------------------------------------------------------


@dataclass(frozen=True)
class CallSheetFacts:
    """What the call sheet shows: who, and what was said at the latest interview.

    ``interview_day`` is the local day of the latest interview on the clocks it was entered
    with; it, the people and what was said are empty when no interview is logged yet.
    ``last_touchpoint`` is the newest contact since, if any.
    """

    application_id: int
    company: str
    role_title: str
    intro_line: str
    people: tuple[ContactCard, ...]
    interview_day: date | None = None
    interview_round: int | None = None
    next_step: str = ""
    decision_on: date | None = None
    check_back_when: str = ""
    check_back_method: str | None = None
    last_touchpoint: TouchpointLine | None = None
    # How the plan says to follow up (the person's preference, else what was said about
    # checking back, else the phone): the call sheet and the log form start from it.
    channel: Channel = Channel.PHONE
    # The user's name as their notes are signed ("" when not given yet).
    sender_name: str = ""


def call_sheet_facts(application_id: int, now: datetime | None = None) -> CallSheetFacts:
    """The facts for a phone follow-up of one application (TouchpointError if it is gone).

    With ``now``, the latest interview is the latest one that has begun by then: a round
    still ahead is not what the call follows up on.
    """
    application = Application.get_or_none(Application.id == application_id)
    if application is None:
        raise TouchpointError(translate("touchpoints", "This application no longer exists."))
    condition = Interview.application == application_id
    if now is not None:
        condition &= Interview.starts_at <= now
    interview = (
        Interview.select()
        .where(condition)
        .order_by(Interview.starts_at.desc(), Interview.id.desc())
        .first()
    )
    people: tuple[ContactCard, ...] = ()
    if interview is not None:
        people = tuple(
            contact_card(p.contact)
            for p in InterviewParticipant.select(InterviewParticipant, Contact)
            .join(Contact)
            .where(InterviewParticipant.interview == interview)
            .order_by(InterviewParticipant.id)
        )
    # The person whose preference sets the channel comes first: the one to reach.
    reachable = (ContactMethod.PHONE, ContactMethod.EMAIL)
    people = tuple(sorted(people, key=lambda p: p.preferred_method not in reachable))
    facts = interview_facts(interview.id) if interview is not None else None
    channel = follow_up_channel(facts) if facts is not None else Channel.PHONE
    history = touchpoints_of(application_id)
    last = history[0] if history else None
    if interview is None:
        return CallSheetFacts(
            application_id=application.id,
            company=application.company,
            role_title=application.role_title,
            intro_line=application.intro_line,
            people=people,
            last_touchpoint=last,
            sender_name=options.get(options.SENDER_NAME),
        )
    zone = ZoneInfo(interview.time_zone)
    return CallSheetFacts(
        application_id=application.id,
        company=application.company,
        role_title=application.role_title,
        intro_line=application.intro_line,
        people=people,
        interview_day=interview.starts_at.astimezone(zone).date(),
        interview_round=interview.round,
        next_step=interview.next_step,
        decision_on=interview.decision_expected_on,
        check_back_when=interview.check_back_when,
        check_back_method=interview.check_back_method,
        last_touchpoint=last if last is not None and last.at >= interview.ends_at else None,
        channel=channel,
        sender_name=options.get(options.SENDER_NAME),
    )


@writes
def save_intro_line(application_id: int, text: str) -> None:
    """Keeps the five-second intro of an application (TouchpointError if it is gone)."""
    changed = (
        Application.update(intro_line=" ".join(text.split()))
        .where(Application.id == application_id)
        .execute()
    )
    if not changed:
        raise TouchpointError(translate("touchpoints", "This application no longer exists."))
