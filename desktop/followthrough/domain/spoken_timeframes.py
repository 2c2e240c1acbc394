"""Reading a timeframe the way interviewers say it ("in one to two weeks", "by the 15th",
"mid-December", "after the holidays") as the day by which they expect to decide.

The reading is offered, never imposed: the interview form shows it ("→ by Fri 11 Dec, a
working day") for the person to accept or correct, and keeps their words either way.
What it does not understand it says so (``read_timeframe`` returns None).

Rules (docs/advice.md, "Their rhythm and their words" and "Follow-up timing": do not chase before
the timeframe has passed [000, 002]):

- a range takes its later end ("one to two weeks" is two weeks): calling at the early end
  would chase before the window is over;
- "working"/"business" days skip Saturdays and Sundays; plain days and weeks do not;
- "a couple" is two, "a few" is three;
- parts of a month map to days: early = the 10th, mid = the 15th, late or end = the last
  day, beginning = the 7th;
- a weekday is the next one after the day it was said ("by Friday" said on a Friday is a
  week later); "next week" and "end of next week" are the Friday of next week, "this
  week" its own Friday; "next month" is the end of next month;
- a day of the month ("by the 15th") or a date without a year ("15 December") is the
  next such day after the day it was said (nobody names today by its date); a part of a
  month may be the day it is said on; "early/mid/late next month" as for a named month;
- "the new year" is 15 January, "after the holidays" 7 January (the holidays being the
  turn of the year); "before Christmas" or "by the holidays" is 24 December, said before it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from followthrough.domain.timeframes import add_working_days
from followthrough.domain.wording import short_day, translate, weekday_name

WORD_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "couple": 2,
    "a couple": 2,
    "a couple of": 2,
    "couple of": 2,
    "a few": 3,
    "few": 3,
}
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): number for number, name in enumerate(calendar.day_abbr)})
FRIDAY = 4
MONTH_PARTS = {"beginning": 7, "start": 7, "early": 10, "mid": 15, "middle": 15}
LATE_PARTS = ("late", "end")

# Words around the timeframe that change nothing: "they'll decide", "we will let you
# know", "should have an answer", "hopefully", "expect to hear"...
_FILLER = re.compile(
    r"\b(a final decision|a decision|an answer|final|"
    r"they('ll| will| would| should)?|we('ll| will| would| should)?|i('ll| will)?|"
    r"you('ll| will)?|should|will|would|hope(fully)?|expect(ed)?|hear|back|have|"
    r"decide|decision|let|know|answer|an|news|get|be|in touch|make|made|about|"
    r"around|roughly|approximately|maybe|probably|sometime|some time|the latest|"
    r"at the latest|latest|no later than|please|from now|time)\b"
)
_NUMBER = (
    r"(\d+|a couple of|a couple|couple of|couple|a few|few|"
    + "|".join(sorted((w for w in WORD_NUMBERS if " " not in w), key=len, reverse=True))
    + ")"
)
_UNIT = r"(business days?|working days?|workdays?|days?|weeks?|months?)"
_RANGE = re.compile(
    rf"^(?:within |in |over |next |the next )?(?:{_NUMBER}\s*(?:-|–|to|or|and)\s*)?{_NUMBER}"
    rf"\s*(?:more )?{_UNIT}$"
)
_BETWEEN = re.compile(rf"^between {_NUMBER} and {_NUMBER} {_UNIT}$")
# "a week or two": the later end comes last, after the unit.
_OR_MORE = re.compile(rf"^(?:within |in )?{_NUMBER} {_UNIT} or {_NUMBER}$")
_TO_VERB = re.compile(r"\bto (hear|decide|get|let|have|make|be|come)\b")


@dataclass(frozen=True)
class Reading:
    """What a phrase means: the decision ``day`` and how it was read, for the person."""

    day: date
    how: str

    def explain(self) -> str:
        """ "by Fri 11 Dec, a working day" or "by Sat 12 Dec, a Saturday", with how it was
        read in brackets, in the user's language."""
        if self.day.weekday() < 5:
            kind = translate("timeframes", "a working day")
        else:
            kind = translate("timeframes", "a {weekday}").format(weekday=weekday_name(self.day))
        if self.how:
            text = translate("timeframes", "by {day}, {kind} ({how})")
        else:
            text = translate("timeframes", "by {day}, {kind}")
        return text.format(day=short_day(self.day), kind=kind, how=self.how)


def _later_end(how: str) -> str:
    """Why a range is read at its later end, with any other reason after it."""
    if how:
        return translate("timeframes", "the later end of the range; {how}").format(how=how)
    return translate("timeframes", "the later end of the range")


def _number(word: str) -> int | None:
    word = word.strip()
    if word.isdigit():
        value = int(word)
        return value if 0 < value <= 400 else None
    return WORD_NUMBERS.get(word)


def _add_months(start: date, count: int) -> date:
    month = start.month - 1 + count
    year = start.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _after(start: date, count: int, unit: str) -> tuple[date, str]:
    if unit.startswith(("business", "working", "workday")):
        return add_working_days(start, count), translate(
            "timeframes", "working days skip the weekend"
        )
    if unit.startswith("day"):
        return start + timedelta(days=count), ""
    if unit.startswith("week"):
        return start + timedelta(weeks=count), ""
    return _add_months(start, count), ""


def _next_weekday(said_on: date, weekday: int) -> date:
    ahead = (weekday - said_on.weekday()) % 7
    return said_on + timedelta(days=ahead or 7)


def _friday_of_week(day: date) -> date:
    return day + timedelta(days=FRIDAY - day.weekday())


def _next_month_day(said_on: date, day_number: int) -> date | None:
    for offset in range(13):
        month = _add_months(date(said_on.year, said_on.month, 1), offset)
        if day_number <= calendar.monthrange(month.year, month.month)[1]:
            candidate = month.replace(day=day_number)
            # "By the 1st" said on the 1st means the next one: nobody names today by date.
            if candidate > said_on:
                return candidate
    return None


def _next_date(said_on: date, month: int, day_number: int | None, part: str | None) -> date | None:
    """The next ``day_number`` of ``month`` after ``said_on`` (a month part: on or after
    it); None for a day the month never has (30 February)."""
    for year in range(said_on.year, said_on.year + 5):
        last = _last_day(year, month)
        if day_number is not None:
            if day_number > last.day:
                continue
            candidate = date(year, month, day_number)
        elif part in LATE_PARTS:
            candidate = last
        else:
            candidate = date(year, month, MONTH_PARTS.get(part or "", last.day))
        if candidate > said_on or (candidate == said_on and day_number is None):
            return candidate
    return None


def _clean(text: str) -> str:
    text = text.lower().strip()
    text = text.replace("’", "'").replace("mid-", "mid ").replace("\u2013", "-")
    text = re.sub(r"[,.!?;:]", " ", text)
    text = re.sub(r"\b(\d+)(st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"\bweek's\b", "week", text)
    text = re.sub(r"\bor so\b", " ", text)
    text = _TO_VERB.sub(r"\1", text)
    text = _FILLER.sub(" ", text)
    text = re.sub(r"\b(by|before|until|till|on|of)\b", " ", text)
    text = re.sub(r"\bthe\b", " ", text)
    return " ".join(text.split())


def read_timeframe(phrase: str, said_on: date) -> Reading | None:
    """The day by which they expect to decide, read from ``phrase`` said on ``said_on``;
    None when the phrase is not understood (the caller keeps the words as they are)."""
    text = _clean(phrase)
    if not text:
        return None
    for reader in (_read_count, _read_weekday, _read_named_span, _read_month_or_date):
        reading = reader(text, said_on)
        if reading is not False:
            return reading
    return None


# Each reader answers a Reading, None (its kind of phrase, but not a sound one), or False
# (not its kind of phrase: ask the next).
Answer = Reading | None | Literal[False]


def _read_count(text: str, said_on: date) -> Answer:
    """ "one to two weeks", "within 10 working days", "a couple of weeks", "a week or two"."""
    for pattern in (_RANGE, _BETWEEN):
        match = pattern.match(text)
        if match:
            low_word, high_word, unit = match.groups()
            high = _number(high_word)
            low = _number(low_word) if low_word else None
            if high is None or (low_word is not None and low is None):
                return None
            day, how = _after(said_on, max(high, low or 0), unit)
            if low is not None:
                how = _later_end(how)
            return Reading(day, how)
    match = _OR_MORE.match(text)
    if match:
        low_word, unit, high_word = match.groups()
        low, high = _number(low_word), _number(high_word)
        if low is None or high is None:
            return None
        day, how = _after(said_on, max(low, high), unit)
        return Reading(day, _later_end(how))
    return False


_WEEK_PHRASES = {
    "this week": 0,
    "end week": 0,
    "end this week": 0,
    "next week": 1,
    "end next week": 1,
    "early next week": 1,
    "following week": 1,
    "week after next": 2,
}


def _read_weekday(text: str, said_on: date) -> Answer:
    """ "Friday", "next Tuesday", "next week", "end of this week", "early next week"."""
    words = text.split()
    if len(words) <= 2 and words[-1] in WEEKDAYS and (len(words) == 1 or words[0] == "next"):
        target = WEEKDAYS[words[-1]]
        day = _next_weekday(said_on, target)
        if words[0] == "next" and day - said_on < timedelta(days=7) and said_on.weekday() < target:
            # "next Friday" said on a Monday: the Friday of next week, not this one.
            day += timedelta(days=7)
        return Reading(day, "")
    if text not in _WEEK_PHRASES:
        return False
    friday = _friday_of_week(said_on) + timedelta(weeks=_WEEK_PHRASES[text])
    if text == "early next week":
        friday -= timedelta(days=3)  # the Tuesday
    if friday < said_on:
        friday += timedelta(weeks=1)
    return Reading(friday, "")


_NEW_YEAR = (
    "new year",
    "early new year",
    "early in new year",
    "in new year",
    "after new year",
    "early next year",
    "start next year",
)


def _read_named_span(text: str, said_on: date) -> Answer:
    """ "end of the month", "next month", "after the holidays", "the new year", "tomorrow"."""
    if text in ("end month", "end this month", "this month"):
        return Reading(_last_day(said_on.year, said_on.month), "")
    if text in ("next month", "end next month"):
        start = _add_months(date(said_on.year, said_on.month, 1), 1)
        return Reading(
            _last_day(start.year, start.month), translate("timeframes", "the end of next month")
        )
    if text in ("after holidays", "after christmas", "after christmas holidays"):
        return Reading(
            date(said_on.year + 1, 1, 7),
            translate("timeframes", "the holidays being the turn of the year"),
        )
    if text in ("christmas", "holidays", "christmas holidays"):
        # "Before Christmas", "by the holidays": this year's Christmas Eve. Said on it or
        # after, it names no day ("after the holidays" would).
        eve = date(said_on.year, 12, 24)
        return Reading(eve, translate("timeframes", "24 December")) if said_on < eve else None
    if text in _NEW_YEAR:
        return Reading(date(said_on.year + 1, 1, 15), translate("timeframes", "15 January"))
    if text == "tomorrow":
        return Reading(said_on + timedelta(days=1), "")
    if text in ("today", "tonight", "end day", "end today"):
        return Reading(said_on, "")
    return False


def _month_part_day(part: str | None) -> str:
    """Which day "early", "mid" or "start of" a month was read as ("" for its end)."""
    if part == "early":
        return translate("timeframes", "the 10th")
    if part in ("beginning", "start"):
        return translate("timeframes", "the 7th")
    if part in ("mid", "middle"):
        return translate("timeframes", "the 15th")
    return ""


def _read_month_or_date(text: str, said_on: date) -> Answer:
    """ "mid December", "late Jan", "15 December", "Dec 15", "the 15th"."""
    parts = text.split()
    part = None
    if parts and (parts[0] in MONTH_PARTS or parts[0] in LATE_PARTS):
        part, parts = parts[0], parts[1:]
        if parts and parts[0] == "in":
            parts = parts[1:]
    if part is not None and parts == ["next", "month"]:
        # "Early next month", "mid next month", "late next month".
        start = _add_months(date(said_on.year, said_on.month, 1), 1)
        parts = [next(name for name, number in MONTHS.items() if number == start.month)]
    if len(parts) == 1 and parts[0] in MONTHS:
        day = _next_date(said_on, MONTHS[parts[0]], None, part or "end")
        return Reading(day, _month_part_day(part)) if day else None
    if part is not None:
        return False
    if len(parts) == 2:
        first, second = parts
        named = None
        if first.isdigit() and second in MONTHS:
            named = _next_date(said_on, MONTHS[second], int(first), None)
        elif second.isdigit() and first in MONTHS:
            named = _next_date(said_on, MONTHS[first], int(second), None)
        else:
            return False
        return Reading(named, "") if named else None
    if len(parts) == 1 and parts[0].isdigit() and 1 <= int(parts[0]) <= 31:
        found = _next_month_day(said_on, int(parts[0]))
        return Reading(found, "") if found else None
    return False
