"""References and network contacts: what to tell them and how often to lean on them
(when to write to them is ``reference_reminders``).

docs/advice.md, "References": after an interview, give each reference a heads-up with the job
title, the company, what to emphasise and an updated résumé; ask them to say if they are
contacted; thank them after the check; and tell them how it went once the application
closes. "Keeping momentum": check in with the contact who referred you.

Plain data in, plain text out. The texts are first drafts the user edits before sending;
a fact that is not known is left out rather than shown as a placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from followthrough.domain.mailto import MailtoError, mailto_url
from followthrough.domain.phone_followup import greeting_name
from followthrough.domain.stages import Stage
from followthrough.domain.wording import QT_TRANSLATE_NOOP, full_day, translate

NO_ADDRESS_MESSAGE = QT_TRANSLATE_NOOP(
    "references", "Add their e-mail address first, or copy the message instead."
)

# Points offered by suggested_emphasis are cut to this length, "…" included.
EMPHASIS_MAX_CHARS = 140


class ReferenceKind(StrEnum):
    REFERENCE = "reference"  # someone who vouches for you
    NETWORK = "network"  # someone who referred you or works there


class ContactedBy(StrEnum):
    """Who told the user that the employer had been in touch with the reference."""

    COMPANY = "company"  # the employer told me they called
    REFERENCE = "reference"  # the reference told me

    @property
    def label(self) -> str:
        """In English; the window translates it in the "references" context."""
        return CONTACTED_BY_LABELS[self]


# Also written into the application's timeline by the store, so kept here.
CONTACTED_BY_LABELS = {
    ContactedBy.COMPANY: QT_TRANSLATE_NOOP("references", "The employer told me"),
    ContactedBy.REFERENCE: QT_TRANSLATE_NOOP("references", "They told me"),
}


class MessagePurpose(StrEnum):
    HEADS_UP = "heads_up"
    THANKS = "thanks"
    OUTCOME = "outcome"
    CHECK_IN = "check_in"


class Standing(StrEnum):
    """Where someone given to an application stands: the latest step taken with them."""

    HEADS_UP_TO_SEND = "heads_up_to_send"
    HEADS_UP_SENT = "heads_up_sent"
    CONTACTED = "contacted"  # the employer was in touch with them: thank them
    THANKED = "thanked"
    TOLD = "told"  # told how it ended
    CHECK_IN_DUE = "check_in_due"  # a network contact, after the interview
    CHECKED_IN = "checked_in"


@dataclass(frozen=True)
class ReferenceFacts:
    """What the app knows about one reference (or contact) and one application."""

    person_name: str  # full name of the reference / network contact
    company: str  # the employer applied to
    role_title: str  # may be ""
    sender_name: str  # the user's name for the signature; "" gives the closing alone
    relationship: str = ""  # how they know the user, e.g. "my team lead at my last job"
    speaks_to: str = ""  # what they can speak to (free text, may be multi-line)
    interview_day: date | None = None  # local day of the latest interview
    interview_round: int | None = None
    reference_check: bool = False  # the employer said it is now checking references
    emphasis: tuple[str, ...] = ()  # points to emphasise, one per item
    resume_name: str = ""  # file name (not path) of the résumé version to send
    contacted_on: date | None = None
    contacted_by: ContactedBy | None = None
    outcome: Stage | None = None  # for OUTCOME messages: one of OUTCOME_STAGES


@dataclass(frozen=True)
class Message:
    subject: str
    body: str


# --- Outcomes -------------------------------------------------------------------------

# The stages that are news for a reference: how the application ended, or an offer.
OUTCOME_STAGES: tuple[Stage, ...] = (
    Stage.ACCEPTED,
    Stage.OFFER,
    Stage.REJECTED,
    # Withdrawing for another offer is still a withdrawal from this one; the accepted
    # offer gets its own message from its own application.
    Stage.WITHDRAWN,
    Stage.FILLED,
    Stage.NO_RESPONSE,
)


def outcome_for(stage: str, closure_reason: str | None) -> Stage | None:
    """What to tell the references about an application at ``stage``: the stage, once it
    is news (one of ``OUTCOME_STAGES``); None while it is still open (an offer counts as
    news worth sharing).

    The stage decides; ``closure_reason`` does not change the answer (any withdrawal is
    WITHDRAWN). An unknown stage raises ValueError rather than guessing.
    """
    try:
        known = Stage(stage)
    except ValueError:
        raise ValueError(f"unknown stage: {stage!r}") from None
    return known if known in OUTCOME_STAGES else None


# --- Points to emphasise --------------------------------------------------------------

# A bullet mark at the start of a line: "•", "*" or "-" (but not the minus of "-5%").
_BULLET = re.compile(r"^(?:(?:[•*]|-(?!\d))\s*)+")
_SPEAKS_TO_SPLIT = re.compile(r"[\n\r;•]+")
_TRAILING_PUNCTUATION = ".,;:"


def _clean(text: str) -> str:
    """One point: whitespace collapsed, leading bullet marks gone."""
    return _BULLET.sub("", " ".join(text.split())).strip()


def _shorten(text: str, limit: int = EMPHASIS_MAX_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    # Cut on a word boundary unless the point is one enormous word.
    if text[limit - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" " + _TRAILING_PUNCTUATION) + "…"


def _points(text: str, *, split_sentences: bool) -> list[str]:
    pieces = _SPEAKS_TO_SPLIT.split(text) if split_sentences else text.splitlines()
    return [point for point in (_clean(piece) for piece in pieces) if point]


def suggested_emphasis(
    posting_notes: str, interview_notes: str, speaks_to: str, limit: int = 4
) -> tuple[str, ...]:
    """Points the reference could emphasise, for the user to edit.

    What the reference can speak to comes first (split on lines, semicolons and bullets),
    then the lines of the interview notes, then those of the posting notes. Bullet marks
    and extra spaces go, repeats (ignoring case and a final full stop) are dropped, and
    each point is cut to ``EMPHASIS_MAX_CHARS`` on a word boundary.
    """
    if limit < 0:
        raise ValueError("limit cannot be negative")
    candidates = [
        *_points(speaks_to, split_sentences=True),
        *_points(interview_notes, split_sentences=False),
        *_points(posting_notes, split_sentences=False),
    ]
    seen: set[str] = set()
    chosen: list[str] = []
    for point in candidates:
        if len(chosen) >= limit:
            break
        key = point.rstrip(_TRAILING_PUNCTUATION).casefold()
        if not key or key in seen:
            continue
        seen.add(key)
        chosen.append(_shorten(point))
    return tuple(chosen)


# --- Composing ------------------------------------------------------------------------

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _end(text: str) -> str:
    """``text`` with a full stop, unless it already ends a sentence ("Acme Inc.")."""
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _paragraphs(*paragraphs: str) -> str:
    return "\n\n".join(p for p in paragraphs if p)


def _words(*sentences: str) -> str:
    return " ".join(s for s in sentences if s)


def _bullets(points: Sequence[str]) -> str:
    return "\n".join(f"- {point}" for point in points)


@dataclass(frozen=True)
class _Known:
    """The facts tidied up once: one-line texts, the company never empty."""

    greeting: str
    company: str
    company_first: str  # the same, fit to start a sentence or a line
    role: str
    sender: str
    relationship: str
    interview: str  # "interview" or "second interview"
    day: str  # "Tuesday 10 November" or ""
    emphasis: tuple[str, ...]
    speaks_to: tuple[str, ...]
    resume: str


def _known(facts: ReferenceFacts) -> _Known:
    name = greeting_name(facts.person_name)
    company = _one_line(facts.company)
    round_ = facts.interview_round
    # Only a small round number reads naturally as a word; otherwise just "interview".
    ordinal = _ORDINALS[round_ - 1] + " " if round_ and 0 < round_ <= len(_ORDINALS) else ""
    return _Known(
        greeting=f"Hi {name}," if name else "Hi,",
        # The company is required when an application is saved; this only keeps the text
        # readable if one slips through empty.
        company=company or "the company",
        company_first=company or "The company",
        role=_one_line(facts.role_title),
        sender=_one_line(facts.sender_name),
        relationship=_one_line(facts.relationship).rstrip(_TRAILING_PUNCTUATION),
        interview=ordinal + "interview",
        day=full_day(facts.interview_day) if facts.interview_day else "",
        emphasis=tuple(p for p in (_clean(e) for e in facts.emphasis) if p),
        speaks_to=tuple(_points(facts.speaks_to, split_sentences=True)),
        resume=_one_line(facts.resume_name),
    )


def _sign_off(closing: str, known: _Known) -> str:
    return f"{closing}\n{known.sender}" if known.sender else closing


def _for_role(known: _Known) -> str:
    return f" for the {known.role} role" if known.role else ""


def _role_at(known: _Known) -> str:
    """ "the Data Analyst role at Acme", or "a role at Acme"."""
    return (
        f"the {known.role} role at {known.company}" if known.role else f"a role at {known.company}"
    )


def compose(purpose: MessagePurpose, facts: ReferenceFacts) -> Message:
    """A first draft of the message for ``purpose``, to edit before it goes out.

    OUTCOME needs ``facts.outcome`` and raises ValueError without it.
    """
    known = _known(facts)
    if purpose is MessagePurpose.HEADS_UP:
        return _heads_up(facts, known)
    if purpose is MessagePurpose.THANKS:
        return _thanks(facts, known)
    if purpose is MessagePurpose.OUTCOME:
        return _outcome(facts, known)
    return _check_in(facts, known)


def _heads_up(facts: ReferenceFacts, known: _Known) -> Message:
    company = known.company
    if facts.reference_check:
        after = f"after my {known.interview} on {known.day}, " if known.day else ""
        opening = (
            f"A quick heads-up: {after}{company} told me they are now checking references"
            f"{_for_role(known)}, so you may get a call from them soon."
        )
    elif known.day:
        verb = f"had my {known.interview}" if known.interview != "interview" else "interviewed"
        what = f" for the {known.role} role" if known.role else ""
        opening = (
            f"A quick heads-up: I {verb}{what} at {company} on {known.day}, so they may get"
            " in touch with you as one of my references."
        )
    else:
        opening = (
            f"A quick heads-up: I'm in the running for {_role_at(known)}, and they may get in"
            " touch with you as one of my references."
        )
    described = (
        f"In case they ask how we know each other, I've described you as {known.relationship}."
        if known.relationship
        else ""
    )
    if known.emphasis:
        what_to_say = "If they do call, these are the points that would help most:\n" + _bullets(
            known.emphasis
        )
    elif known.speaks_to:
        what_to_say = (
            "If they do call, please speak to whatever you know best about my work,"
            " for instance:\n" + _bullets(known.speaks_to)
        )
    else:
        what_to_say = (
            "If they do call, please speak to whatever you know best about my work;"
            " an honest picture is all I'm hoping for."
        )
    resume = (
        f"I've attached my latest résumé ({known.resume}) so you have the details to hand."
        if known.resume
        else "I'm happy to send you my latest résumé if that would help."
    )
    body = _paragraphs(
        known.greeting,
        _words(opening, described),
        what_to_say,
        _words(
            resume,
            f"Could you let me know if anyone from {company} gets in touch?",
            "It helps me keep track of where things stand.",
        ),
        "Thank you so much for backing me; I really appreciate it.",
        _sign_off("Best wishes,", known),
    )
    if facts.reference_check:
        subject = f"Heads-up: {company} is checking my references"
    else:
        subject = f"Heads-up: {company} may call you about me"
    if known.role:
        subject += f" ({known.role})"
    return Message(subject, body)


def _thanks(facts: ReferenceFacts, known: _Known) -> Message:
    company = known.company
    when = f" on {full_day(facts.contacted_on)}" if facts.contacted_on else ""
    thanks = _end(f"Thank you for speaking to {company} about me{_for_role(known)}{when}")
    if facts.contacted_by is ContactedBy.REFERENCE:
        aside = "And thanks for letting me know they had called."
    elif facts.contacted_by is ContactedBy.COMPANY:
        aside = "They told me you had been in touch, and I'm grateful you made the time."
    else:
        aside = "I'm grateful you made the time."
    body = _paragraphs(
        known.greeting,
        _words(thanks, aside),
        "I'll let you know how it turns out.",
        _sign_off("With thanks,", known),
    )
    return Message(f"Thank you for speaking to {company}", body)


def _news(outcome: Stage, known: _Known) -> str:
    """One sentence with the news, in the tone that suits it."""
    company, role = known.company, known.role
    the_role = f"the {role} role" if role else "the job"
    if outcome is Stage.ACCEPTED:
        return f"Good news: {company} offered me {the_role}, and I've said yes!"
    if outcome is Stage.OFFER:
        return f"Good news: {company} has offered me {the_role}, and I'm thinking it over."
    if outcome is Stage.REJECTED:
        return _end(
            f"{known.company_first} has gone with another candidate{_for_role(known)}. I'm a"
            " little disappointed, but it was a good experience and I learned plenty from it"
        )
    if outcome is Stage.FILLED:
        position = f"The {role} role" if role else "The position"
        return (
            f"{position} at {company} has been filled by someone else. It was still a"
            " worthwhile process, and I'm glad I went for it."
        )
    if outcome is Stage.NO_RESPONSE:
        return _end(
            f"I haven't heard back from {company}{_for_role(known)}, so I'm treating it as"
            " closed. These things happen, and I'm taking what I learned into the next one"
        )
    if role:
        return _end(f"I've decided to withdraw my application for the {role} role at {company}")
    return _end(f"I've decided to withdraw my application to {company}")


def _outcome(facts: ReferenceFacts, known: _Known) -> Message:
    outcome = facts.outcome
    if outcome is None:
        raise ValueError("an outcome message needs the outcome")
    if outcome is Stage.ACCEPTED:
        onward = ""
    elif outcome is Stage.OFFER:
        onward = (
            "Until I've decided, my search carries on, so I may ask for your help again;"
            " I hope that's all right."
        )
    else:
        onward = "My search carries on, so I may ask for your help again; I hope that's all right."
    happy = outcome in (Stage.ACCEPTED, Stage.OFFER)
    body = _paragraphs(
        known.greeting,
        _news(outcome, known),
        _words("Thank you for your help along the way; it meant a lot.", onward),
        _sign_off("Best wishes,", known),
    )
    subject = f"Good news from {known.company}" if happy else f"An update on {known.company}"
    return Message(subject, body)


def _check_in(facts: ReferenceFacts, known: _Known) -> Message:
    company = known.company
    what = f" for the {known.role} role" if known.role else ""
    if known.day:
        update = f"A quick update: I had my {known.interview}{what} at {company} on {known.day}."
    else:
        update = _end(f"A quick update: I've now had my {known.interview}{what} at {company}")
    body = _paragraphs(
        known.greeting,
        _words(
            update,
            "Thank you again for putting me forward; the introduction made a real difference.",
        ),
        "They have told me they are checking references now, so things are moving;"
        " I'll keep you posted."
        if facts.reference_check
        else "I'm now waiting to hear what comes next, and I'll keep you posted.",
        "If there's ever anything I can do for you in return, just say the word.",
        _sign_off("Best wishes,", known),
    )
    return Message(f"My interview at {company}", body)


# --- The phone version ----------------------------------------------------------------

# Talking points for a heads-up stay within this many lines: enough to glance at.
_MAX_HEADS_UP_POINTS = 7


def talking_points(purpose: MessagePurpose, facts: ReferenceFacts) -> tuple[str, ...]:
    """Short lines to glance at during a call: 4 to 7 for a heads-up, 3 to 5 otherwise.

    OUTCOME needs ``facts.outcome`` and raises ValueError without it.
    """
    known = _known(facts)
    if purpose is MessagePurpose.HEADS_UP:
        return _heads_up_points(facts, known)
    if purpose is MessagePurpose.THANKS:
        return _thanks_points(facts, known)
    if purpose is MessagePurpose.OUTCOME:
        return _outcome_points(facts, known)
    return _check_in_points(facts, known)


# The talking points are shown in the window, so they are written through translate; the
# messages above are drafts in English that the person edits and sends.
_INTERVIEWS_SAID = (
    QT_TRANSLATE_NOOP("references", "first interview"),
    QT_TRANSLATE_NOOP("references", "second interview"),
    QT_TRANSLATE_NOOP("references", "third interview"),
    QT_TRANSLATE_NOOP("references", "fourth interview"),
    QT_TRANSLATE_NOOP("references", "fifth interview"),
    QT_TRANSLATE_NOOP("references", "sixth interview"),
    QT_TRANSLATE_NOOP("references", "seventh interview"),
    QT_TRANSLATE_NOOP("references", "eighth interview"),
)


def _said(text: str) -> str:
    return translate("references", text)


def _interview_said(facts: ReferenceFacts) -> str:
    round_ = facts.interview_round
    if round_ and 0 < round_ <= len(_INTERVIEWS_SAID):
        return _said(_INTERVIEWS_SAID[round_ - 1])
    return translate("references", "interview")


def _company_said(known: _Known, facts: ReferenceFacts) -> str:
    return known.company if _one_line(facts.company) else translate("references", "the company")


def _heads_up_points(facts: ReferenceFacts, known: _Known) -> tuple[str, ...]:
    company = _company_said(known, facts)
    values = {"company": company, "role": known.role}
    if facts.reference_check:
        who = (
            translate(
                "references",
                "{company} is checking references now for the {role} role: a call may come soon",
            )
            if known.role
            else translate(
                "references", "{company} is checking references now: a call may come soon"
            )
        )
    else:
        who = (
            translate("references", "{company} may call them about you for the {role} role")
            if known.role
            else translate("references", "{company} may call them about you")
        )
    who = _capitalised(who.format(**values))
    when = (
        [
            translate("references", "Your {interview} was on {day}").format(
                interview=_interview_said(facts), day=known.day
            )
        ]
        if known.day
        else []
    )
    resume = (
        translate("references", "Tell them you'll e-mail your résumé ({resume})").format(
            resume=known.resume
        )
        if known.resume
        else translate("references", "Offer to send your latest résumé")
    )
    closing = [
        resume,
        translate("references", "Ask them to tell you if {company} contacts them").format(
            company=company
        ),
        translate("references", "Thank them for backing you"),
    ]
    return (who, *when, *_what_to_stress(known, len(when) + len(closing)), *closing)


def _what_to_stress(known: _Known, other_lines: int) -> list[str]:
    if known.emphasis:
        # One line per point while they fit; the rest share the last line.
        room = _MAX_HEADS_UP_POINTS - 1 - other_lines
        points = list(known.emphasis)
        if len(points) > room:
            points = [*points[: room - 1], "; ".join(points[room - 1 :])]
        stress = translate("references", "Ask them to stress: {point}")
        return [stress.format(point=point) for point in points]
    if known.speaks_to:
        return [
            translate("references", "Ask them to speak to what they know best: {points}").format(
                points="; ".join(known.speaks_to)
            )
        ]
    return [translate("references", "Ask them to speak to what they know best")]


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _thanks_points(facts: ReferenceFacts, known: _Known) -> tuple[str, ...]:
    company = _company_said(known, facts)
    lines = [
        translate("references", "Thank them for speaking to {company} on {day}").format(
            company=company, day=full_day(facts.contacted_on)
        )
        if facts.contacted_on
        else translate("references", "Thank them for speaking to {company}").format(company=company)
    ]
    if facts.contacted_by is ContactedBy.REFERENCE:
        lines.append(translate("references", "Thank them for letting you know about the call"))
    elif facts.contacted_by is ContactedBy.COMPANY:
        lines.append(
            translate("references", "Mention that {company} told you about the call").format(
                company=company
            )
        )
    lines += [
        translate("references", "Ask how it went and what they were asked"),
        translate("references", "Promise to tell them how it ends"),
    ]
    return tuple(lines)


_NEWS = {
    Stage.ACCEPTED: QT_TRANSLATE_NOOP("references", "you accepted the offer from {company}"),
    Stage.REJECTED: QT_TRANSLATE_NOOP("references", "{company} chose another candidate"),
    Stage.WITHDRAWN: QT_TRANSLATE_NOOP("references", "you withdrew from the process at {company}"),
    Stage.FILLED: QT_TRANSLATE_NOOP("references", "{company} filled the role with someone else"),
    Stage.NO_RESPONSE: QT_TRANSLATE_NOOP("references", "{company} never got back to you"),
}


def _outcome_points(facts: ReferenceFacts, known: _Known) -> tuple[str, ...]:
    outcome = facts.outcome
    if outcome is None:
        raise ValueError("an outcome message needs the outcome")
    company = _company_said(known, facts)
    if outcome is Stage.OFFER:
        news = (
            translate("references", "{company} offered you the {role} role")
            if known.role
            else translate("references", "{company} offered you the job")
        ).format(company=company, role=known.role)
    else:
        news = translate("references", _NEWS[outcome]).format(company=company)
    lines = [
        translate("references", "Tell them how it went: {news}").format(news=news),
        translate("references", "Thank them for their help along the way"),
    ]
    if outcome is not Stage.ACCEPTED:
        lines.append(translate("references", "Say your search goes on and you may ask again"))
    lines.append(translate("references", "Offer to return the favour"))
    return tuple(lines)


def _check_in_points(facts: ReferenceFacts, known: _Known) -> tuple[str, ...]:
    company = _company_said(known, facts)
    values = {
        "interview": _interview_said(facts),
        "role": known.role,
        "company": company,
        "day": known.day,
    }
    if known.role:
        had = (
            translate(
                "references",
                "Tell them you had your {interview} for the {role} role at {company} on {day}",
            )
            if known.day
            else translate(
                "references", "Tell them you had your {interview} for the {role} role at {company}"
            )
        )
    else:
        had = (
            translate("references", "Tell them you had your {interview} at {company} on {day}")
            if known.day
            else translate("references", "Tell them you had your {interview} at {company}")
        )
    update = (
        translate("references", "Update: {company} is checking references now").format(
            company=company
        )
        if facts.reference_check
        else translate("references", "Update: you're waiting to hear what comes next")
    )
    return (
        had.format(**values),
        translate("references", "Thank them for referring or introducing you"),
        update,
        translate("references", "Offer to return the favour"),
    )


# --- Leaning on one reference too often -----------------------------------------------


def overuse_warning(
    given_on: Sequence[date], today: date, window_days: int, threshold: int
) -> str | None:
    """A gentle warning when this reference was given to ``threshold`` or more employers
    in the last ``window_days`` days (today included); else None.

    A day exactly ``window_days`` ago is outside the window; days after ``today`` are
    not counted (they cannot have happened yet).
    """
    if window_days < 1:
        raise ValueError("window_days must be at least 1")
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    start = today - timedelta(days=window_days)
    count = sum(1 for day in given_on if start < day <= today)
    if count < threshold:
        return None
    if window_days == 1:
        period = translate("references", "day")
    else:
        period = translate("references", "{count} days").format(count=window_days)
    if count == 1:
        text = translate(
            "references",
            "Given to {count} employer in the last {period}: check they're still happy to take "
            "calls, or share the load with another reference.",
        )
    else:
        text = translate(
            "references",
            "Given to {count} employers in the last {period}: check they're still happy to "
            "take calls, or share the load with another reference.",
        )
    return text.format(count=f"{count:,}", period=period)


# --- Sending ------------------------------------------------------------------------


def mailto_for(address: str, message: Message) -> str:
    """A mailto: link with ``message`` filled in; MailtoError when ``address`` is blank
    or is not exactly one plain address."""
    if not address.strip():
        raise MailtoError(translate("references", NO_ADDRESS_MESSAGE))
    return mailto_url(address, message.subject, message.body)
