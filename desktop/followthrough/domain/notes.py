"""Thank-you notes: drafting one from the facts of an interview, and checking it before it
goes out.

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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followthrough.domain.spelling import Speller


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

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir"})
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def long_date(day: date) -> str:
    """ "Tuesday 1 December": how a note names a day."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


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
    weekday = WEEKDAYS[facts.interview_day.weekday()]
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
        f"I'll be in touch on {long_date(parts.promised_on)} to hear how things are going;"
        " until then, I'm glad to help with anything you need."
        if parts.promised_on
        else "",
        "Thanks again, it was a real pleasure to meet you.",
        _sign_off("Warm regards,", facts),
    )
    return ComposedNote(f"Thank you for {weekday}'s conversation about the {role} role", body)


def _compose_concise(facts: NoteFacts, parts: PersonalParts) -> ComposedNote:
    weekday = WEEKDAYS[facts.interview_day.weekday()]
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
        f"I'll follow up on {long_date(parts.promised_on)}." if parts.promised_on else "",
        _sign_off("Best,", facts),
    )
    return ComposedNote(f"Thanks — {role} interview", body)


def _compose_formal(facts: NoteFacts, parts: PersonalParts) -> ComposedNote:
    day = long_date(facts.interview_day)
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
            f"I will contact you on {long_date(parts.promised_on)} to follow up."
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


# --- Placeholders ------------------------------------------------------------------------

# Leftovers of a template: "[your name]", "{company}", "<<date>>", on one line each.
PLACEHOLDER_PATTERN = re.compile(r"\[[^\[\]\n]{1,80}\]|\{[^{}\n]{1,80}\}|<<[^<>\n]{1,80}>>")


def placeholders_left(body: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of every placeholder still in ``body``."""
    return [(m.start(), m.end(), m.group()) for m in PLACEHOLDER_PATTERN.finditer(body)]


# --- Length ------------------------------------------------------------------------------

# Above these, a note gets a gentle hint: an e-mail is read in a minute, a card has room
# for a few short paragraphs.
EMAIL_WORD_LIMIT = 200
CARD_WORD_LIMIT = 120


def word_count(text: str) -> int:
    """Words in ``text``: runs without spaces holding at least one letter or digit."""
    return sum(1 for chunk in text.split() if any(c.isalnum() for c in chunk))


def length_hint(words: int, medium: str) -> str | None:
    """A gentle hint when a note of ``words`` words is long for ``medium`` ("email",
    "card" or "drop_off"), or None."""
    if medium in ("card", "drop_off"):
        if words > CARD_WORD_LIMIT:
            return (
                f"At {words} words this may not fit on a card; about {CARD_WORD_LIMIT}"
                " words leave room to write it neatly."
            )
        return None
    if words > EMAIL_WORD_LIMIT:
        return (
            f"At {words} words this is on the long side; a thank-you e-mail reads best under"
            f" about {EMAIL_WORD_LIMIT} words."
        )
    return None


# --- Debrief suggestions -----------------------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-*•·–—>]+|\d{1,2}[.)]|[a-z][.)])\s+", re.IGNORECASE)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")
_WISH_CUES = re.compile(
    r"\b(?:forgot|forget|forgotten|wish|wished|should\s+have|should've|meant\s+to"
    r"|didn['’]?t\s+mention|did\s+not\s+mention|never\s+mentioned|could\s+have|could've"
    r"|better\s+answer|missed|didn['’]?t\s+say|did\s+not\s+say|left\s+out)\b",
    re.IGNORECASE,
)


def _debrief_items(notes_text: str) -> list[str]:
    items: list[str] = []
    for line in notes_text.splitlines():
        line = _BULLET.sub("", line).strip()
        for sentence in _SENTENCE_SPLIT.split(line):
            sentence = sentence.strip()
            # Headings ("What went well:") introduce items rather than being one.
            if sentence and not sentence.endswith(":") and any(c.isalpha() for c in sentence):
                items.append(sentence)
    return items


def debrief_suggestions(notes_text: str, limit: int = 5) -> list[str]:
    """Sentences and bullets from the interview's debrief worth offering as "what you wish
    you had said": those saying so ("forgot", "should have", "meant to"…) first, then the
    rest in their order, each once."""
    items = _debrief_items(notes_text)
    cued = [item for item in items if _WISH_CUES.search(item)]
    others = [item for item in items if not _WISH_CUES.search(item)]
    result: list[str] = []
    seen: set[str] = set()
    for item in cued + others:
        key = " ".join(item.casefold().split()).rstrip(".!?")
        if key in seen:
            continue
        seen.add(key)
        result.append(item)
        if len(result) >= limit:
            break
    return result


# --- Checks ------------------------------------------------------------------------------


class Severity(StrEnum):
    PROBLEM = "problem"  # fix it, or confirm it, before sending
    ADVICE = "advice"


CHECKS = (
    "spelling",
    "missing_part",
    "placeholder",
    "other_company",
    "similar",
    "length",
    # The composer adds this one: a promised day the follow-up plan may not keep.
    "promise",
)


@dataclass(frozen=True)
class Finding:
    """One thing a check found in a note, with a message for the user."""

    check: str  # one of CHECKS
    severity: Severity
    message: str
    # Character ranges in the body to highlight.
    spans: tuple[tuple[int, int], ...] = ()
    # For "similar": the passages the two notes share.
    passages: tuple[str, ...] = ()


def _comparable(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split()).rstrip(".!?… ")


def check_missing_parts(body: str, parts: PersonalParts) -> list[Finding]:
    """The content docs/advice.md describes that the note lacks."""
    findings: list[Finding] = []
    point = _comparable(parts.specific_point)
    if not point:
        findings.append(
            Finding(
                "missing_part",
                Severity.PROBLEM,
                "Name one specific thing you talked about: it shows this note was written"
                " for this interviewer.",
            )
        )
    elif point not in _comparable(body):
        findings.append(
            Finding(
                "missing_part",
                Severity.PROBLEM,
                "The specific thing you talked about is no longer in the note: put it back,"
                " or update it to match what you wrote.",
            )
        )
    if not parts.wish_said.strip():
        findings.append(
            Finding(
                "missing_part",
                Severity.ADVICE,
                "Anything you forgot or would answer better now? The note is a good place"
                " to add it.",
            )
        )
    if parts.promised_on is None:
        findings.append(
            Finding(
                "missing_part",
                Severity.ADVICE,
                "Say when you will follow up: the date helps them expect your call, and the"
                " app will remind you of it.",
            )
        )
    return findings


def check_placeholders(body: str) -> list[Finding]:
    left = placeholders_left(body)
    if not left:
        return []
    shown = ", ".join(dict.fromkeys(text for _, _, text in left))
    return [
        Finding(
            "placeholder",
            Severity.PROBLEM,
            f"Fill in or remove what is still in brackets: {shown}.",
            spans=tuple((start, end) for start, end, _ in left),
        )
    ]


# Company names that are also everyday words in a note are not searched for.
COMMON_WORDS = frozenset(
    {
        "the",
        "and",
        "company",
        "group",
        "team",
        "inc",
        "ltd",
        "llc",
        "corp",
        "co",
        "labs",
        "thanks",
        "thank you",
        "you",
        "our",
        "your",
        "role",
        "interview",
        "regards",
    }
)


def _name_pattern(name: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in name.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def check_other_companies(body: str, own_company: str, companies: Iterable[str]) -> list[Finding]:
    """Other companies named in the note: the tell-tale of a note reused from another
    application. Names inside the own company's name, short names and everyday words are
    passed over."""
    own = " ".join(own_company.casefold().split())
    own_spans = [m.span() for m in _name_pattern(own_company).finditer(body)] if own else []
    found: list[tuple[int, str, tuple[tuple[int, int], ...]]] = []
    seen: set[str] = set()
    for company in companies:
        name = " ".join(company.split())
        key = name.casefold()
        if len(key) < 3 or key in COMMON_WORDS or key in seen or (own and key in own):
            continue
        seen.add(key)
        spans = tuple(
            m.span()
            for m in _name_pattern(name).finditer(body)
            if not any(s <= m.start() and m.end() <= e for s, e in own_spans)
        )
        if spans:
            found.append((spans[0][0], name, spans))
    this_note = own_company.strip() or "another company"
    return [
        Finding(
            "other_company",
            Severity.PROBLEM,
            f"Mentions {name} — this note is for {this_note}.",
            spans=spans,
        )
        for _, name, spans in sorted(found)
    ]


# --- Similarity between the notes to one panel -------------------------------------------

# Calibrated on the templates above with a three-person panel (the cases are in
# tests/unit/domain/test_notes.py), word-level SequenceMatcher ratios:
#   identical notes                                             1.00
#   same note, only the name and title changed                  0.97-0.98
#   same tone, only the specific point differs (20-25 words;
#     wish and extra copied)                                    0.80-0.87
#   same tone, only a specific point, nothing else added        0.64-0.77
#   same tone, point, wish and extra all differ (15-25 words)   0.54-0.71
#   different tones, different parts                            0.22-0.27
# A note whose specific point is its own is personalised as docs/advice.md asks (the letters
# need not differ completely, each should be individual), so the line sits above all the
# notes with their own point and well below a copy with the name swapped: it catches the
# "same text to the whole panel" the rule is about, with a margin on both sides.
SIMILARITY_THRESHOLD = 0.9
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _words(matches: list[re.Match[str]]) -> list[str]:
    return [m.group().replace("’", "'").lower() for m in matches]


def similarity(a: str, b: str) -> float:
    """How much of two texts is the same, 0 to 1, comparing their words in order (case
    and punctuation aside). A text without words is like nothing else: 0."""
    words_a = _words(_tokens(a))
    words_b = _words(_tokens(b))
    if not words_a or not words_b:
        return 0.0
    return SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()


def _shared_spans(a: str, b: str, min_words: int) -> list[tuple[int, int]]:
    tokens_a = _tokens(a)
    words_a = _words(tokens_a)
    words_b = _words(_tokens(b))
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    return [
        (tokens_a[block.a].start(), tokens_a[block.a + block.size - 1].end())
        for block in matcher.get_matching_blocks()
        if block.size >= max(1, min_words)
    ]


def check_similarity(
    body: str,
    siblings: Sequence[tuple[str, str]],
    threshold: float = SIMILARITY_THRESHOLD,
) -> list[Finding]:
    """One problem for each other note to the same panel (interviewer name, body) that is
    too much like this one."""
    findings: list[Finding] = []
    for name, other in siblings:
        score = similarity(body, other)
        if score < threshold:
            continue
        spans = _shared_spans(body, other, 6)
        who = name.strip() or "another interviewer"
        findings.append(
            Finding(
                "similar",
                Severity.PROBLEM,
                f"{round(score * 100)}% the same as the note to {who}: panels compare notes,"
                " so make each one about your conversation with that person.",
                spans=tuple(spans),
                passages=tuple(body[start:end] for start, end in spans),
            )
        )
    return findings


# --- Length and spelling ------------------------------------------------------------------


def check_length(body: str, medium: str) -> list[Finding]:
    hint = length_hint(word_count(body), medium)
    return [Finding("length", Severity.ADVICE, hint)] if hint else []


def check_spelling(body: str, speller: Speller) -> list[Finding]:
    misspelled = speller.misspellings(body)
    if not misspelled:
        return []
    words = ", ".join(dict.fromkeys(m.word for m in misspelled))
    return [
        Finding(
            "spelling",
            Severity.PROBLEM,
            f"Check the spelling of: {words}.",
            spans=tuple((m.start, m.end) for m in misspelled),
        )
    ]


def run_checks(
    body: str,
    parts: PersonalParts,
    own_company: str,
    companies: Iterable[str],
    siblings: Sequence[tuple[str, str]],
    medium: str,
    speller: Speller | None,
) -> list[Finding]:
    """Every check on one note, problems first (each group in check order)."""
    findings = [
        *check_placeholders(body),
        *check_missing_parts(body, parts),
        *check_other_companies(body, own_company, companies),
        *(check_spelling(body, speller) if speller is not None else []),
        *check_similarity(body, siblings),
        *check_length(body, medium),
    ]
    return sorted(findings, key=lambda f: f.severity is not Severity.PROBLEM)


# --- Where a card goes --------------------------------------------------------------------

_RESIDENTIAL = re.compile(r"\b(?:apt|apartment|flat|home)\b|\bunit\s*#", re.IGNORECASE)
_BUSINESS = re.compile(
    r"\b(?:suite|ste|floor|fl\.|building|bldg|reception|attn|c/o|inc|ltd|llc|gmbh|corp"
    r"|corporation|office|offices|tower|plaza|park|headquarters|hq)(?!\w)",
    re.IGNORECASE,
)


def looks_like_home_address(address: str, company: str) -> bool:
    """True when a card's address looks residential: docs/advice.md says never to send one to an
    interviewer's home. An address counts as residential when it says so (Apt, Flat,
    "home"…) or when it names neither the company nor anything a business address has
    (Suite, Floor, Reception, Inc…). Empty text is not judged."""
    text = address.strip()
    if not text:
        return False
    name = company.strip()
    without_company = _name_pattern(name).sub(" ", text) if name else text
    if _RESIDENTIAL.search(without_company):
        return True
    names_company = bool(name) and _name_pattern(name).search(text) is not None
    return not names_company and _BUSINESS.search(text) is None
