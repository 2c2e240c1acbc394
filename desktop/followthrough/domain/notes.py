"""Thank-you notes: drafting one from the facts of an interview (the checks before it goes
out are in ``note_checks``).

docs/advice.md, Thank-you notes: one note per interviewer, personalised, never the same
text to a whole panel.
A note thanks them for their time, renews the interest in the role, names one specific
thing that was discussed, adds what the candidate forgot or answered badly, optionally a
link, book, article or work sample, promises a follow-up date and ends with contact
details. It is short and proofread, and a printed card never goes to a home address.

The templates here are written for this app; the user's own texts go in as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from followthrough.domain.wording import full_day, weekday_name


class Tone(StrEnum):
    WARM = "warm"
    CONCISE = "concise"
    FORMAL = "formal"


@dataclass(frozen=True)
class NoteFacts:
    """What the app already knows about the interview and the sender."""

    interviewer_name: str
    interviewer_title: str
    company: str
    role_title: str
    interview_day: date
    sender_name: str = ""
    # Several lines, as kept in the settings: e-mail, phone, LinkedIn.
    sender_contact: str = ""


@dataclass(frozen=True)
class PersonalParts:
    """What only the user can write: the parts that make one note differ from the next."""

    specific_point: str = ""
    wish_said: str = ""
    # A link, a book, an article or a work sample.
    extra: str = ""
    promised_on: date | None = None


@dataclass(frozen=True)
class ComposedNote:
    subject: str
    body: str


# Shown where the note still needs the user's words; the placeholder check finds them.
POINT_PLACEHOLDER = "[one specific thing you talked about]"
SENDER_PLACEHOLDER = "[your name]"
NAME_PLACEHOLDER = "[their name]"
COMPANY_PLACEHOLDER = "[company]"
ROLE_PLACEHOLDER = "[role]"

_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir"})
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def first_name(full_name: str) -> str:
    """The first name in ``full_name``, passing over a leading "Dr." or "Ms"."""
    words = full_name.split()
    while len(words) > 1 and words[0].rstrip(".").lower() in _HONORIFICS:
        words = words[1:]
    return words[0] if words else ""


def _or(text: str, placeholder: str) -> str:
    value = text.strip()
    return value if value else placeholder


def _sentence(text: str) -> str:
    """``text`` ending as a sentence: a full stop is added unless it already ends in one
    (or in "!", "?", "…"), or ends in a web or e-mail address a full stop would spoil."""
    value = text.strip().rstrip(",;:").rstrip()
    last_word = value.rsplit(None, 1)[-1] if value else ""
    if (
        not value
        or _SENTENCE_END.search(value)
        or "://" in last_word
        or last_word.lower().startswith("www.")
        or "@" in last_word
    ):
        return value
    return value + "."


def _sign_off(closing: str, facts: NoteFacts) -> str:
    contact = [line.strip() for line in facts.sender_contact.splitlines() if line.strip()]
    return "\n".join([closing, _or(facts.sender_name, SENDER_PLACEHOLDER), *contact])


def _paragraphs(*paragraphs: str) -> str:
    return "\n\n".join(p for p in paragraphs if p)


def _lines(*sentences: str) -> str:
    return " ".join(s for s in sentences if s)


def compose(tone: Tone, facts: NoteFacts, parts: PersonalParts) -> ComposedNote:
    """A first draft of the note to one interviewer, in ``tone``.

    Sentences for the optional parts (what you wish you had said, the extra, the follow-up
    date) are left out when the part is empty; a missing specific point, name, company or
    role shows as a bracketed placeholder that the checks then report.
    """
    return _COMPOSERS[tone](facts, parts)


def _compose_warm(facts: NoteFacts, parts: PersonalParts) -> ComposedNote:
    weekday = weekday_name(facts.interview_day)
    role = _or(facts.role_title, ROLE_PLACEHOLDER)
    company = _or(facts.company, COMPANY_PLACEHOLDER)
    name = _or(first_name(facts.interviewer_name), NAME_PLACEHOLDER)
    title = facts.interviewer_title.strip()
    thanks = f"Thank you for giving me so much of your time on {weekday}"
    if title:
        thanks += f", and for showing me how the work looks from where you sit as {title}"
    thanks = _sentence(thanks)
    point = _or(parts.specific_point, POINT_PLACEHOLDER)
    body = _paragraphs(
        f"Dear {name},",
        _lines(
            thanks,
            f"I came away even keener on the {role} role and on the idea of joining you at"
            f" {company}.",
        ),
        _lines(
            _sentence(f"The part of our talk that has stayed with me most: {point}"),
            _sentence(f"One thing I wish I had said on the day: {parts.wish_said.strip()}")
            if parts.wish_said.strip()
            else "",
        ),
        _sentence(f"I also wanted to pass this along: {parts.extra.strip()}")
        if parts.extra.strip()
        else "",
        f"I'll be in touch on {full_day(parts.promised_on)} to hear how things are going;"
        " until then, I'm glad to help with anything you need."
        if parts.promised_on
        else "",
        "Thanks again, it was a real pleasure to meet you.",
        _sign_off("Warm regards,", facts),
    )
    return ComposedNote(f"Thank you for {weekday}'s conversation about the {role} role", body)


def _compose_concise(facts: NoteFacts, parts: PersonalParts) -> ComposedNote:
    weekday = weekday_name(facts.interview_day)
    role = _or(facts.role_title, ROLE_PLACEHOLDER)
    company = _or(facts.company, COMPANY_PLACEHOLDER)
    name = _or(first_name(facts.interviewer_name), NAME_PLACEHOLDER)
    title = facts.interviewer_title.strip()
    thanks = f"Thanks for making time to talk on {weekday}"
    if title:
        thanks += f" and for your view as {title}"
    thanks = _sentence(thanks)
    point = _or(parts.specific_point, POINT_PLACEHOLDER)
    body = _paragraphs(
        f"Hi {name},",
        _lines(thanks, f"I'm keen on the {role} role at {company}."),
        _lines(
            _sentence(f"What stood out for me: {point}"),
            _sentence(f"One thing I'd add to my answers: {parts.wish_said.strip()}")
            if parts.wish_said.strip()
            else "",
            _sentence(f"You may find this useful: {parts.extra.strip()}")
            if parts.extra.strip()
            else "",
        ),
        f"I'll follow up on {full_day(parts.promised_on)}." if parts.promised_on else "",
        _sign_off("Best,", facts),
    )
    return ComposedNote(f"Thanks — {role} interview", body)


def _compose_formal(facts: NoteFacts, parts: PersonalParts) -> ComposedNote:
    day = full_day(facts.interview_day)
    role = _or(facts.role_title, ROLE_PLACEHOLDER)
    company = _or(facts.company, COMPANY_PLACEHOLDER)
    name = _or(facts.interviewer_name, NAME_PLACEHOLDER)
    title = facts.interviewer_title.strip()
    thanks = f"Thank you for meeting with me on {day} to discuss the {role} position at {company}"
    if title:
        thanks += f", and for setting out the team's priorities from your perspective as {title}"
    thanks = _sentence(thanks)
    point = _or(parts.specific_point, POINT_PLACEHOLDER)
    body = _paragraphs(
        f"Dear {name},",
        _lines(thanks, "Our meeting has strengthened my interest in the position."),
        _lines(
            _sentence(f"I particularly valued our discussion of the following: {point}"),
            _sentence(
                f"On reflection, I would like to add one point to my answers: "
                f"{parts.wish_said.strip()}"
            )
            if parts.wish_said.strip()
            else "",
        ),
        _sentence(f"You may also find the following of interest: {parts.extra.strip()}")
        if parts.extra.strip()
        else "",
        _lines(
            f"I will contact you on {full_day(parts.promised_on)} to follow up."
            if parts.promised_on
            else "",
            "Should you need anything further from me in the meantime, please let me know.",
        ),
        _sign_off("Yours sincerely,", facts),
    )
    return ComposedNote(f"Thank you: {role} interview on {day}", body)


_COMPOSERS = {
    Tone.WARM: _compose_warm,
    Tone.CONCISE: _compose_concise,
    Tone.FORMAL: _compose_formal,
}


# -- the medium: a handwritten card for creative roles -----------------------------------
#
# docs/advice.md, A handwritten card for creative roles: for a job in a creative field, a
# well-made or handwritten card shows the very skills the role is about [002]. Which roles
# count is a list the user keeps (Preferences); these are the defaults.

DEFAULT_CREATIVE_ROLES = ("design", "writing", "art", "marketing")


def creative_role_words(text: str) -> tuple[str, ...]:
    """The words of the preference (separated by commas or semicolons), lower-cased, each
    once, in their order; blanks dropped."""
    words: list[str] = []
    for part in re.split(r"[,;\n]", text):
        word = " ".join(part.split()).lower()
        if word and word not in words:
            words.append(word)
    return tuple(words)


def _forms(word: str) -> list[str]:
    """The word and the usual ways a job title bends it: design → designer, designers;
    art → artist, arts; writing → writer; marketing → marketer."""
    forms = [word, f"{word}s", f"{word}er", f"{word}ers", f"{word}r", f"{word}rs"]
    forms += [f"{word}ist", f"{word}ists"]
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        forms += [stem, f"{stem}e", f"{stem}es", f"{stem}er", f"{stem}ers"]
    return forms


def creative_role_match(role_title: str, words: tuple[str, ...]) -> str | None:
    """The word of ``words`` the role title contains as a whole word (any case, allowing
    the usual bends: "Senior Product Designer" matches "design"), or None. A word of
    several words ("graphic design") matches them in that order."""
    title = " ".join(role_title.split()).lower()
    if not title:
        return None
    for word in words:
        *first, last = word.split()
        lead = "".join(re.escape(w) + r"\s+" for w in first)
        alternatives = "|".join(re.escape(f) for f in _forms(last))
        if re.search(rf"(?<!\w){lead}(?:{alternatives})(?!\w)", title):
            return word
    return None
