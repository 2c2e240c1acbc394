"""After a rejection: the steps the app offers, in order, and what they say.

When an application closes because they turned the user down, the sources agree on what
still pays off [000, 004]: thank them anyway and ask for feedback, ask to be kept in mind
(the résumé kept on file), stay in touch with the people met (LinkedIn), burn no bridges.
So the app offers a playbook, none of it forced:

1. a short thank-you that asks for feedback and to be remembered;
2. one "connect" step per interviewer (their profile link);
3. a reminder to look at the company again after some months;
4. telling the references how it ended (the references feature's own step, when the
   application has references).

Pure rules: plain data in, plain data out. See docs/advice.md, "Keeping momentum".
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from followthrough.domain.errors import UserError
from followthrough.domain.notes import SENDER_PLACEHOLDER, first_name
from followthrough.domain.reminder_kinds import (
    Feature,
    KindInfo,
    ReminderKind,
    Rendering,
    SubjectKey,
    register_kind,
)
from followthrough.domain.stages import CLOSED_STAGES, ClosureReason, Stage
from followthrough.domain.wording import QT_TRANSLATE_NOOP, short_day, translate

CONTEXT = "rejection"

# The revisit reminder: companies keep résumés on file and may call later [003]; keep the
# door open [004]. How many months after the rejection is the user's choice; 6 is the
# app's own default (no source names a number).
REVISIT_MONTHS_DEFAULT = 6
REVISIT_MONTHS_MIN = 1
REVISIT_MONTHS_MAX = 24
# A revisit reminder stands this long once due (then the occasion has passed quietly).
REVISIT_STANDS = timedelta(days=60)


class StepKind(StrEnum):
    THANK_YOU = "thank_you"
    CONNECT = "connect"
    REVISIT = "revisit"
    TELL_REFERENCE = "tell_reference"


class StepState(StrEnum):
    TODO = "todo"
    DONE = "done"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Interviewer:
    """Someone met at the application's interviews, in the order first met."""

    contact_id: int
    name: str
    email: str = ""
    linkedin_url: str = ""


@dataclass(frozen=True)
class ReferenceFact:
    """A reference given to the application, and whether they were told how it ended."""

    link_id: int
    name: str
    told: bool


@dataclass(frozen=True)
class StoredStep:
    """A step's saved state; ``months`` for the revisit step once a reminder is planned."""

    state: StepState
    at: datetime
    months: int | None = None


@dataclass(frozen=True)
class PlaybookFacts:
    company: str
    role_title: str
    stage: Stage
    closure_reason: ClosureReason | None
    closed_on: date | None
    interviewers: tuple[Interviewer, ...] = ()
    references: tuple[ReferenceFact, ...] = ()
    stored: Mapping[str, StoredStep] = field(default_factory=dict)


@dataclass(frozen=True)
class PlaybookStep:
    key: str  # how its state is stored: "thank_you", "connect:<contact id>", ...
    kind: StepKind
    state: StepState
    person: str = ""  # the interviewer or reference it is about
    contact_id: int | None = None
    link_id: int | None = None
    linkedin_url: str = ""
    months: int | None = None  # revisit: the months chosen (None: not planned yet)
    # Reference steps: their state is the references feature's (told or not), not saved
    # here.
    state_from_references: bool = False


def offers_playbook(stage: Stage, reason: ClosureReason | None) -> bool:
    """Whether an application's close calls for the playbook: they turned the user down
    (the Rejected stage, or a closing stage with "they turned me down" as its reason)."""
    return stage is Stage.REJECTED or (stage in CLOSED_STAGES and reason is ClosureReason.REJECTED)


def step_key(kind: StepKind, item_id: int | None = None) -> str:
    return kind.value if item_id is None else f"{kind.value}:{item_id}"


def playbook_steps(facts: PlaybookFacts) -> list[PlaybookStep]:
    """The steps, in the order offered: the thank-you, each interviewer to connect with,
    the revisit reminder, then each reference to tell (only when there are references).
    None of them for an application that was not closed as a rejection."""
    if not offers_playbook(facts.stage, facts.closure_reason):
        return []

    def state_of(key: str) -> StepState:
        stored = facts.stored.get(key)
        return stored.state if stored is not None else StepState.TODO

    thanks = step_key(StepKind.THANK_YOU)
    first = facts.interviewers[0].name if facts.interviewers else ""
    steps = [PlaybookStep(thanks, StepKind.THANK_YOU, state_of(thanks), person=first)]
    for person in facts.interviewers:
        key = step_key(StepKind.CONNECT, person.contact_id)
        steps.append(
            PlaybookStep(
                key,
                StepKind.CONNECT,
                state_of(key),
                person=person.name,
                contact_id=person.contact_id,
                linkedin_url=person.linkedin_url,
            )
        )
    revisit = step_key(StepKind.REVISIT)
    stored_revisit = facts.stored.get(revisit)
    steps.append(
        PlaybookStep(
            revisit,
            StepKind.REVISIT,
            state_of(revisit),
            months=stored_revisit.months if stored_revisit else None,
        )
    )
    for reference in facts.references:
        steps.append(
            PlaybookStep(
                step_key(StepKind.TELL_REFERENCE, reference.link_id),
                StepKind.TELL_REFERENCE,
                StepState.DONE if reference.told else StepState.TODO,
                person=reference.name,
                link_id=reference.link_id,
                state_from_references=True,
            )
        )
    return steps


def steps_left(steps: list[PlaybookStep]) -> int:
    return sum(1 for step in steps if step.state is StepState.TODO)


@dataclass(frozen=True)
class PlaybookProgress:
    """How far the playbook is, for the application's "What's next": ``done`` and
    ``skipped`` of ``total`` steps, and the first step in order still to do."""

    company: str
    done: int
    skipped: int
    total: int
    next_step: PlaybookStep


def playbook_progress(facts: PlaybookFacts) -> PlaybookProgress | None:
    """The playbook's progress while it has a step left to do (None: no playbook, or
    every step done or skipped: nothing more to say)."""
    steps = playbook_steps(facts)
    left = [step for step in steps if step.state is StepState.TODO]
    if not left:
        return None
    return PlaybookProgress(
        company=facts.company,
        done=sum(1 for step in steps if step.state is StepState.DONE),
        skipped=sum(1 for step in steps if step.state is StepState.SKIPPED),
        total=len(steps),
        next_step=left[0],
    )


# --- the thank-you ------------------------------------------------------------------------


@dataclass(frozen=True)
class ThankYouMessage:
    to: str  # their e-mail address ("" when not known)
    subject: str
    body: str  # plain text: shown as plain text, percent-encoded into a mailto: link


def thank_you_message(
    company: str,
    role_title: str,
    interviewer: Interviewer | None,
    sender_name: str,
    sender_contact: str,
) -> ThankYouMessage:
    """A short, gracious answer to a rejection: thanks for the chance and their time,
    still keen on the company, a request for feedback, a request to be kept in mind (the
    résumé kept on file), a friendly close [000, 004]. Plain text, never markup."""
    role = role_title.strip()
    subject = (
        translate("rejection", "Thank you: the {role} role at {company}").format(
            role=role, company=company
        )
        if role
        else translate("rejection", "Thank you, {company}").format(company=company)
    )
    # By first name, as the thank-you notes greet them.
    name = first_name(interviewer.name) if interviewer else ""
    greeting = (
        translate("rejection", "Dear {name},").format(name=name)
        if name
        else translate("rejection", "Hello,")
    )
    what = (
        translate("rejection", "the {role} role").format(role=role)
        if role
        else translate("rejection", "the role")
    )
    paragraphs = [
        greeting,
        translate(
            "rejection",
            "Thank you for letting me know, and for the chance to be considered for {what}. "
            "I appreciated the time you and the team gave me, and I remain keen on {company}.",
        ).format(what=what, company=company),
        translate(
            "rejection",
            "If you can spare a moment, I would value any feedback on how I could have "
            "made a stronger case.",
        ),
        translate(
            "rejection",
            "Please keep me in mind, and my résumé on file, should another opening suit me. "
            "I would be glad to stay in touch.",
        ),
    ]
    closing = [translate("rejection", "All the best,")]
    # Never unsigned: without a name in Preferences, a placeholder to fill in (the notes'
    # own).
    closing += [sender_name.strip() or SENDER_PLACEHOLDER]
    closing += [line for line in (sender_contact.strip(),) if line]
    body = "\n\n".join(paragraphs) + "\n\n" + "\n".join(closing)
    return ThankYouMessage(interviewer.email.strip() if interviewer else "", subject, body)


# --- the revisit reminder -------------------------------------------------------------------


class MonthsError(UserError):
    """Months outside what the revisit reminder takes; the message is for the user."""


def checked_months(months: int) -> int:
    if not REVISIT_MONTHS_MIN <= months <= REVISIT_MONTHS_MAX:
        raise MonthsError(
            translate("rejection", "Choose between {least} and {most} months.").format(
                least=REVISIT_MONTHS_MIN, most=REVISIT_MONTHS_MAX
            )
        )
    return months


def months_later(day: date, months: int) -> date:
    """The same day of the month ``months`` later (the month's last day when it is
    shorter: 31 August + 6 months is 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def revisit_due(
    closed_on: date,
    months: int,
    zone: ZoneInfo,
    earliest: Callable[[datetime], datetime],
) -> datetime:
    """When the "look at the company again" reminder comes: ``months`` after the day the
    application closed, on the user's clock (``zone``), at the first moment of that day
    the user takes reminders (``earliest``: their hours, working days). The one place the
    playbook, the reminder and the timeline take this date from."""
    day = months_later(closed_on, checked_months(months))
    return earliest(datetime.combine(day, time(0), zone))


def revisit_subject(application_id: int) -> str:
    return str(SubjectKey(Feature.REJECTION, (application_id,)))


def revisit_params(company: str, role_title: str, closed_on: date) -> dict[str, Any]:
    return {"company": company, "role": role_title, "closed_on": closed_on.isoformat()}


def _render_revisit(params: Mapping[str, Any], r: Rendering) -> tuple[str, str]:
    title = r.translate("rejection", QT_TRANSLATE_NOOP("rejection", "Look at {company} again"))
    body = r.translate(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "rejection",
            "{company} said no on {day}. See what is open there now, and send a friendly "
            "word to the people you met.",
        ),
    )
    day = short_day(date.fromisoformat(params["closed_on"]))
    return title.format(company=params["company"]), body.format(company=params["company"], day=day)


register_kind(
    KindInfo(
        ReminderKind.REVISIT_COMPANY,
        Feature.REJECTION,
        QT_TRANSLATE_NOOP("ReminderKind", "Look again"),
        "closing",
        _render_revisit,
    )
)
