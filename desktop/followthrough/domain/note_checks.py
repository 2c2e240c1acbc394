"""Checks on a thank-you note before it goes: placeholders left, missing personal parts,
another company's name, the same text to a whole panel, length, spelling, and whether a
card's address looks like a home (docs/advice.md, "Thank-you notes")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from followthrough.domain.notes import PersonalParts
from followthrough.domain.wording import translate

if TYPE_CHECKING:
    from followthrough.domain.spelling import Speller

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

# Leftovers of a template: "[your name]", "{company}", "<<date>>", on one line each.
PLACEHOLDER_PATTERN = re.compile(r"\[[^\[\]\n]{1,80}\]|\{[^{}\n]{1,80}\}|<<[^<>\n]{1,80}>>")


def placeholders_left(body: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of every placeholder still in ``body``."""
    return [(m.start(), m.end(), m.group()) for m in PLACEHOLDER_PATTERN.finditer(body)]


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
            return translate(
                "notes",
                "At {words} words this may not fit on a card; about {limit} words leave room "
                "to write it neatly.",
            ).format(words=words, limit=CARD_WORD_LIMIT)
        return None
    if words > EMAIL_WORD_LIMIT:
        return translate(
            "notes",
            "At {words} words this is on the long side; a thank-you e-mail reads best under "
            "about {limit} words.",
        ).format(words=words, limit=EMAIL_WORD_LIMIT)
    return None


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
                translate(
                    "notes",
                    "Name one specific thing you talked about: it shows this note was written"
                    " for this interviewer.",
                ),
            )
        )
    elif point not in _comparable(body):
        findings.append(
            Finding(
                "missing_part",
                Severity.PROBLEM,
                translate(
                    "notes",
                    "The specific thing you talked about is no longer in the note: put it back,"
                    " or update it to match what you wrote.",
                ),
            )
        )
    if not parts.wish_said.strip():
        findings.append(
            Finding(
                "missing_part",
                Severity.ADVICE,
                translate(
                    "notes",
                    "Anything you forgot or would answer better now? The note is a good place"
                    " to add it.",
                ),
            )
        )
    if parts.promised_on is None:
        findings.append(
            Finding(
                "missing_part",
                Severity.ADVICE,
                translate(
                    "notes",
                    "Say when you will follow up: the date helps them expect your call, and the"
                    " app will remind you of it.",
                ),
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
            translate("notes", "Fill in or remove what is still in brackets: {shown}.").format(
                shown=shown
            ),
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
    this_note = own_company.strip() or translate("notes", "another company")
    return [
        Finding(
            "other_company",
            Severity.PROBLEM,
            translate("notes", "Mentions {name} — this note is for {company}.").format(
                name=name, company=this_note
            ),
            spans=spans,
        )
        for _, name, spans in sorted(found)
    ]


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
        who = name.strip() or translate("notes", "another interviewer")
        findings.append(
            Finding(
                "similar",
                Severity.PROBLEM,
                translate(
                    "notes",
                    "{percent}% the same as the note to {name}: panels compare notes, so make "
                    "each one about your conversation with that person.",
                ).format(percent=round(score * 100), name=who),
                spans=tuple(spans),
                passages=tuple(body[start:end] for start, end in spans),
            )
        )
    return findings


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
            translate("notes", "Check the spelling of: {words}.").format(words=words),
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
