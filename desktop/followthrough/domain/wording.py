"""Small pieces of wording shared by the window, the commands and the domain's texts.

Every day and clock time the app writes goes through ``short_day``, ``long_day``,
``weekday_name`` and ``clock_time`` here: one source, whichever screen, message or note
shows it. By default they write English; the window installs a formatter that follows
the user's locale (``use_day_words``), so the domain stays free of Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from typing import Protocol


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation without translating it (Qt's tools find the name);
    the window translates it in ``context`` when it shows it."""
    del context
    return text


# (context, English text) -> the text in the user's language; the window installs Qt's.
_translate: Callable[[str, str], str] = lambda _context, text: text  # noqa: E731


def use_translation(translate: Callable[[str, str], str] | None) -> None:
    """Translate the domain's and the store's sentences with ``translate`` from now on
    (None: English as written)."""
    global _translate
    _translate = translate if translate is not None else (lambda _context, text: text)


# Per thread: words being written to be stored rather than shown (``as_stored``).
_here = threading.local()


@contextmanager
def as_stored() -> Iterator[None]:
    """Within this block (in this thread), words come out as stored words must: English
    and the plain day format, whatever the window installed. A reminder's planned words
    and parameters then do not depend on the language or locale of whoever planned them
    (they are worded for the person when shown)."""
    before = getattr(_here, "stored", False)
    _here.stored = True
    try:
        yield
    finally:
        _here.stored = before


def _storing() -> bool:
    return bool(getattr(_here, "stored", False))


def translate(context: str, text: str) -> str:
    """``text`` in the user's language. Written with literal arguments, as Qt's
    ``QCoreApplication.translate``, so that lupdate finds it:
    ``translate("cadence", "Call {name} today").format(name=…)``."""
    return text if _storing() else _translate(context, text)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 interview``, ``3 interviews``, ``2 people``, ``1,200 applications`` (English, for
    the command line; the window uses Qt's ``%n`` plurals)."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {word}"


def application_title(company: str, role: str) -> str:
    """ "Acme · Data Analyst", or the company alone without a role: an application as
    every list, heading and history names it."""
    return f"{company} · {role}" if role else company


class DayWords(Protocol):
    """How days and clock times are written."""

    def short_day(self, day: date) -> str: ...
    def long_day(self, day: date) -> str: ...
    def weekday_name(self, day: date) -> str: ...
    def full_day(self, day: date) -> str: ...
    def clock_time(self, moment: datetime | time) -> str: ...


class EnglishDayWords:
    """``Tue 1 Dec``, ``Tue 1 Dec 2026``, ``Tuesday``, ``18:30``. With ``today``, a day in
    another year than today's carries its year (a 2024 reminder must not read like this
    week's)."""

    def __init__(self, today: Callable[[], date] | None = None) -> None:
        self._today = today

    def _other_year(self, day: date) -> bool:
        return self._today is not None and day.year != self._today().year

    def short_day(self, day: date) -> str:
        text = f"{day:%a} {day.day} {day:%b}"
        return f"{text} {day:%Y}" if self._other_year(day) else text

    def long_day(self, day: date) -> str:
        return f"{day:%a} {day.day} {day:%b} {day:%Y}"

    def weekday_name(self, day: date) -> str:
        return f"{day:%A}"

    def full_day(self, day: date) -> str:
        return f"{day:%A} {day.day} {day:%B}"

    def clock_time(self, moment: datetime | time) -> str:
        return f"{moment:%H:%M}"


_words: DayWords = EnglishDayWords()
_STORED_WORDS: DayWords = EnglishDayWords()


def _day_words() -> DayWords:
    return _STORED_WORDS if _storing() else _words


def use_day_words(words: DayWords) -> DayWords:
    """Write days with ``words`` from now on; returns the previous formatter."""
    global _words
    previous, _words = _words, words
    return previous


def short_day(day: date) -> str:
    """``Tue 1 Dec``: how a day reads in lists and sentences (the year when not this one)."""
    return _day_words().short_day(day)


def long_day(day: date) -> str:
    """``Tue 1 Dec 2026``."""
    return _day_words().long_day(day)


def weekday_name(day: date) -> str:
    """``Tuesday``."""
    return _day_words().weekday_name(day)


def full_day(day: date) -> str:
    """``Tuesday 1 December``, as said aloud."""
    return _day_words().full_day(day)


def clock_time(moment: datetime | time) -> str:
    """``18:30`` on the clock ``moment`` is already on."""
    return _day_words().clock_time(moment)
