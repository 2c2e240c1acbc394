"""Days and clock times in the user's locale: the formatter the window installs into
``domain.wording`` so that every date the app shows, wherever it is written, comes out
the same way ("Tue 1 Dec" in English, "Di. 1. Dez." in German)."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QLocale, QTime

from followthrough.domain.clock import Clock
from followthrough.domain.wording import DayWords, use_day_words
from followthrough.ui.common.formatting import system_zone

# Qt date patterns; the locale supplies the names and the order stays the app's own.
# The only place a day or time pattern is written (tests/unit/test_date_patterns.py).
SHORT_DAY = "ddd d MMM"
SHORT_DAY_WITH_YEAR = "ddd d MMM yyyy"
FULL_DAY = "dddd d MMMM"
CLOCK = "HH:mm"
# A day in a narrow place (under a chart's bar): day and month alone.
DAY_MONTH = "d MMM"
# What date and time editors show: the day as ``long_day`` writes it, the clock as
# ``clock_time`` does, so a field reads like the text around it.
DAY_EDIT = SHORT_DAY_WITH_YEAR
TIME_EDIT = CLOCK
DAY_TIME_EDIT = f"{SHORT_DAY_WITH_YEAR} {CLOCK}"


def number_text(number: int) -> str:
    """``number`` as the user's locale writes it ("1,234" in English)."""
    return str(QLocale().toString(number))


def day_month_text(day: date) -> str:
    """``day`` as its day and month, in the user's locale ("7 Dec"): for a chart's axis."""
    return str(QLocale().toString(to_qdate(day), DAY_MONTH))


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class LocaleDayWords:
    """``domain.wording.DayWords`` through ``QLocale()`` (the default locale when called,
    so a changed default takes effect at once); a day in another year than today (on the
    user's own clock) shows its year.

    Tens of thousands of reminders are worded at a time (Today at 10,000 applications), so
    each text is kept per locale, pattern and value, and "this year" is looked up once a
    minute rather than once a day written."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._year_minute = -1
        self._year = 0
        self._texts: dict[tuple[str, str, int], str] = {}

    def _this_year(self) -> int:
        now = self._clock.now()
        minute = int(now.timestamp()) // 60
        if minute != self._year_minute:
            self._year_minute, self._year = minute, now.astimezone(system_zone()).year
        return self._year

    def _day_text(self, day: date, pattern: str) -> str:
        locale = QLocale()
        key = (locale.name(), pattern, day.toordinal())
        text = self._texts.get(key)
        if text is None:
            if len(self._texts) > _KEEP_TEXTS:
                self._texts.clear()
            text = self._texts[key] = locale.toString(to_qdate(day), pattern)
        return text

    def short_day(self, day: date) -> str:
        other_year = day.year != self._this_year()
        return self._day_text(day, SHORT_DAY_WITH_YEAR if other_year else SHORT_DAY)

    def long_day(self, day: date) -> str:
        return self._day_text(day, SHORT_DAY_WITH_YEAR)

    def weekday_name(self, day: date) -> str:
        return QLocale().dayName(day.isoweekday(), QLocale.FormatType.LongFormat)

    def full_day(self, day: date) -> str:
        return self._day_text(day, FULL_DAY)

    def clock_time(self, moment: datetime | time) -> str:
        locale = QLocale()
        key = (locale.name(), CLOCK, moment.hour * 60 + moment.minute)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = locale.toString(QTime(moment.hour, moment.minute), CLOCK)
        return text


# Plenty for every day a session shows; cleared past it so memory stays small.
_KEEP_TEXTS = 20_000


def use_locale_day_words(clock: Clock) -> DayWords:
    """Install the locale formatter for the window; returns the one it replaces."""
    return use_day_words(LocaleDayWords(clock))
