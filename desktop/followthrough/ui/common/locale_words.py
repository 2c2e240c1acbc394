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
SHORT_DAY = "ddd d MMM"
SHORT_DAY_WITH_YEAR = "ddd d MMM yyyy"
FULL_DAY = "dddd d MMMM"
CLOCK = "HH:mm"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class LocaleDayWords:
    """``domain.wording.DayWords`` through ``QLocale()`` (the default locale when called,
    so a changed default takes effect at once); a day in another year than today (on the
    user's own clock) shows its year."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    def short_day(self, day: date) -> str:
        other_year = day.year != self._clock.now().astimezone(system_zone()).year
        return QLocale().toString(_qdate(day), SHORT_DAY_WITH_YEAR if other_year else SHORT_DAY)

    def long_day(self, day: date) -> str:
        return QLocale().toString(_qdate(day), SHORT_DAY_WITH_YEAR)

    def weekday_name(self, day: date) -> str:
        return QLocale().dayName(day.isoweekday(), QLocale.FormatType.LongFormat)

    def full_day(self, day: date) -> str:
        return QLocale().toString(_qdate(day), FULL_DAY)

    def clock_time(self, moment: datetime | time) -> str:
        return QLocale().toString(QTime(moment.hour, moment.minute), CLOCK)


def use_locale_day_words(clock: Clock) -> DayWords:
    """Install the locale formatter for the window; returns the one it replaces."""
    return use_day_words(LocaleDayWords(clock))
