"""Spelling checks for thank-you notes, over pyspellchecker's English word list.

docs/advice.md, Thank-you notes: a note is short and proofread. The checker looks at
words only: web and e-mail
addresses, numbers, acronyms and single letters are left alone, and the names in a note
(the interviewer's, the company's, the user's own) are made known through personal words.

Building a :class:`Speller` loads the word list, which takes about 0.3 s: callers build one
off the GUI thread (a worker or a thread pool) and then reuse it. Checking a note takes
milliseconds. Suggestions one edit away take about a millisecond; a word with none of those
falls back to two edits, about 0.1 s for a short word and up to about 0.5 s at 12 letters
(longer words do not try), and each answer is cached until the personal words change.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from spellchecker import SpellChecker

# Words people write in notes that the word list lacks: the vocabulary of work and
# job interviews ("onboarding", "roadmap") that the general word list does not know.
BUILTIN_WORDS = frozenset(
    {
        "etc", "linkedin", "github", "gitlab", "résumé", "résumés",
        "onboarding", "offboarding", "upskilling", "reskilling", "upskill",
        "roadmap", "roadmaps", "workflow", "workflows", "dataset", "datasets",
        "frontend", "backend", "fullstack", "devops", "cybersecurity", "onsite",
        "fintech", "edtech", "healthtech", "saas",
    }
)  # fmt: skip
# Edit distance 2 is only tried for words up to this long: beyond it the candidates run
# into the hundreds of thousands and suggestions would no longer be instant.
DISTANCE_2_MAX_LETTERS = 12
# Acronyms ("SQL", "AWS", "NASA") up to this many letters are not checked.
ACRONYM_MAX_LETTERS = 6

# A word: letters and digits with inner apostrophes, straight or typographic ("don't",
# "O'Brien"); tokens holding a digit or an underscore are skipped afterwards, so "3pm" is
# never read as "pm".
_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(
    r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov|io|dev|app|ai|co|me|info|biz|uk|de|fr|nl"
    r"|eu|us|ca|au|ch|se|no|dk|ie|es|it|jp)\b(?:/\S*)?",
    re.IGNORECASE,
)
# Sentence punctuation that ends a pasted address rather than belonging to it.
_URL_TRAILING = ".,;:!?)]}'\"’”"
_POSSESSIVE = re.compile(r"^(.+)['’]s$", re.IGNORECASE)
_SUGGESTION_LETTERS = string.ascii_lowercase + "'"


@dataclass(frozen=True)
class Misspelling:
    """A word the dictionary does not know, and where it is: ``text[start:end] == word``."""

    start: int
    end: int
    word: str


def words_from_names(*texts: str) -> set[str]:
    """The words in names and company names, to add as personal words for one note.

    "Dana Lee" and "Acme Robotics" give {"Dana", "Lee", "Acme", "Robotics"}; hyphenated
    names split ("Jean-Luc" gives "Jean" and "Luc"), "O'Brien" stays whole.
    """
    return {match.group() for text in texts for match in _NAME_WORD.finditer(text)}


def _normalise(word: str) -> str:
    return word.replace("’", "'").lower()


def _without_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _skipped_spans(text: str) -> list[tuple[int, int]]:
    """Where the web and e-mail addresses are: nothing inside them is checked."""
    spans: list[tuple[int, int]] = []
    for pattern in (_EMAIL, _URL):
        for match in pattern.finditer(text):
            end = match.end()
            while end > match.start() and text[end - 1] in _URL_TRAILING:
                end -= 1
            spans.append((match.start(), end))
    return spans


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _with_case_of(original: str, word: str) -> str:
    """``word`` written with the capitalisation pattern of ``original``."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    if letters and letters[0].isupper():
        return word[:1].upper() + word[1:]
    return word


def _edits1(word: str, letters: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {left + right[1:] for left, right in splits if right}
    edits.update(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1)
    edits.update(left + c + right[1:] for left, right in splits if right for c in letters)
    edits.update(left + c + right for left, right in splits for c in letters)
    edits.discard(word)
    return edits


class Speller:
    """A spelling checker for one language, with the user's own words added."""

    def __init__(self, personal_words: Iterable[str] = (), language: str = "en") -> None:
        self._checker = SpellChecker(language=language)
        self._frequency: Mapping[str, int] = self._checker.word_frequency.dictionary
        self._personal: set[str] = {_normalise(w) for w in BUILTIN_WORDS}
        self._suggestion_cache: dict[str, list[str]] = {}
        self.add_words(personal_words)

    def add_words(self, words: Iterable[str]) -> None:
        """Make ``words`` known (case-insensitive): names, companies, the user's jargon."""
        added = {_normalise(w.strip()) for w in words if w.strip()}
        if added - self._personal:
            self._personal |= added
            self._suggestion_cache.clear()

    def _known_key(self, key: str) -> bool:
        if key in self._frequency or key in self._personal:
            return True
        plain = _without_accents(key)
        return plain != key and (plain in self._frequency or plain in self._personal)

    def misspellings(self, text: str) -> list[Misspelling]:
        """The words in ``text`` that are not known, in order, with their places in it."""
        return list(self._iter_misspellings(text))

    def _iter_misspellings(self, text: str) -> Iterator[Misspelling]:
        skipped = _skipped_spans(text)
        for match in _TOKEN.finditer(text):
            token = match.group()
            start, end = match.span()
            if any(c.isdigit() or c == "_" for c in token) or _inside(start, end, skipped):
                continue
            possessive = _POSSESSIVE.match(token)
            word = possessive.group(1) if possessive else token
            if len(word) < 2 or (word.isupper() and len(word) <= ACRONYM_MAX_LETTERS):
                continue
            if self._known_key(_normalise(token)) or self._known_key(_normalise(word)):
                continue
            yield Misspelling(start, start + len(word), word)

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        """Known words close to ``word``, most common first, in ``word``'s capitalisation.

        Words one edit away come first; only when there are none, and the word has at most
        ``DISTANCE_2_MAX_LETTERS`` letters, are words two edits away tried.
        """
        key = _normalise(word.strip())
        if not key or limit <= 0:
            return []
        ranked = self._suggestion_cache.get(key)
        if ranked is None:
            ranked = self._ranked_candidates(key)
            self._suggestion_cache[key] = ranked
        result: list[str] = []
        for candidate in ranked:
            cased = _with_case_of(word, candidate.replace("'", "’") if "’" in word else candidate)
            if cased not in result:
                result.append(cased)
            if len(result) == limit:
                break
        return result

    def _ranked_candidates(self, key: str) -> list[str]:
        letters = _SUGGESTION_LETTERS + "".join(
            sorted({c for c in key if c not in _SUGGESTION_LETTERS})
        )
        first = _edits1(key, letters)
        found = self._rank(first)
        if not found and len(key) <= DISTANCE_2_MAX_LETTERS:
            second = {e2 for e1 in first for e2 in _edits1(e1, letters)}
            second.discard(key)
            found = self._rank(second)
        return found

    def _rank(self, candidates: set[str]) -> list[str]:
        """Known candidates: personal words first (they are this note's names), then by
        how common the word is, then alphabetically so the order is stable."""
        personal = sorted(c for c in candidates if c in self._personal)
        common = sorted(
            (c for c in candidates if c in self._frequency and c not in self._personal),
            key=lambda c: (-self._frequency[c], c),
        )
        return personal + common
