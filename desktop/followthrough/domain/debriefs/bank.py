"""The question bank: every question from every debrief, the same question once.

Questions asked at several companies come first (they are the ones to have an answer
ready for), then those asked most often, then the latest. For each, the answer to reuse:
the one the user marked best, else the latest that went well, else the latest."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from followthrough.domain.debriefs.record import HowItWent, theme_key

_PUNCTUATION = re.compile(r"[^\w\s]")


@dataclass(frozen=True)
class AskedAt:
    """One time a question was asked: where, when, what was answered."""

    question_id: int
    question: str
    answer: str
    how_it_went: HowItWent | None
    themes: tuple[str, ...]
    best: bool
    practise: bool
    company: str
    application_id: int
    interview_id: int
    day: date


@dataclass(frozen=True)
class BankQuestion:
    """A question as the bank lists it."""

    text: str  # as it was written the latest time
    asked: tuple[AskedAt, ...]  # latest first
    themes: tuple[str, ...]
    companies: int
    practise: bool
    best_answer: AskedAt | None

    @property
    def times(self) -> int:
        return len(self.asked)

    @property
    def last_asked(self) -> date:
        return self.asked[0].day


def question_key(text: str) -> str:
    """The same question however it was typed: case, accents' forms, punctuation and
    spacing do not count."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_PUNCTUATION.sub(" ", folded).split())


def _best(asked: list[AskedAt]) -> AskedAt | None:
    answered = [a for a in asked if a.answer.strip()]
    for choose in (
        lambda a: a.best,
        lambda a: a.how_it_went is HowItWent.WELL,
        lambda a: True,
    ):
        chosen = [a for a in answered if choose(a)]
        if chosen:
            return chosen[0]
    return None


def theme_spellings(rows: list[AskedAt]) -> dict[str, str]:
    """How each theme is shown, by its ``theme_key``: one spelling for the whole bank
    (its grouping, its theme filter, its search), the one the user wrote most often, the
    first written when several are as common."""
    counts: dict[str, dict[str, int]] = {}
    for row in sorted(rows, key=lambda a: (a.day, a.question_id)):
        for theme in row.themes:
            spellings = counts.setdefault(theme_key(theme), {})
            spellings[theme] = spellings.get(theme, 0) + 1
    # max() keeps the first of equals: dicts keep the order they were first written in.
    return {key: max(spellings, key=spellings.__getitem__) for key, spellings in counts.items()}


def _themes(asked: list[AskedAt], spelling: dict[str, str]) -> tuple[str, ...]:
    keys = {theme_key(theme) for one in asked for theme in one.themes}
    return tuple(sorted((spelling[key] for key in keys), key=theme_key))


def bank_themes(bank: list[BankQuestion]) -> list[str]:
    """Every theme in ``bank`` once, in alphabetical order (the theme filter's list)."""
    found = {theme_key(theme): theme for question in bank for theme in question.themes}
    return sorted(found.values(), key=theme_key)


def build_bank(rows: list[AskedAt]) -> list[BankQuestion]:
    """``rows`` grouped by question, in the bank's order (see the module)."""
    groups: dict[str, list[AskedAt]] = {}
    for row in rows:
        key = question_key(row.question)
        if key:
            groups.setdefault(key, []).append(row)
    spelling = theme_spellings(rows)
    bank = []
    for asked in groups.values():
        asked.sort(key=lambda a: (a.day, a.question_id), reverse=True)
        bank.append(
            BankQuestion(
                text=asked[0].question,
                asked=tuple(asked),
                themes=_themes(asked, spelling),
                companies=len({a.company.casefold() for a in asked}),
                practise=any(a.practise for a in asked),
                best_answer=_best(asked),
            )
        )
    bank.sort(key=lambda q: (-q.companies, -q.times, -q.last_asked.toordinal(), q.text.casefold()))
    return bank


def matches(question: BankQuestion, words: str, theme: str | None = None) -> bool:
    """Whether ``question`` holds every word of ``words`` (in its text, answers or themes)
    and, with ``theme``, carries that theme."""
    if theme is not None and theme_key(theme) not in {theme_key(t) for t in question.themes}:
        return False
    answers = (a.answer for a in question.asked)
    haystack = _folded(" ".join([question.text, *question.themes, *answers]))
    return all(word in haystack for word in _folded(words).split())


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()
