"""What an offer holds, as the user typed it, and how several compare.

Every term is plain text as typed ("85,000 EUR", "10 % bonus, stock after a year"): the
app compares them side by side, it does not read numbers out of them. The answer deadline
is a day with an optional time on the clock of the zone it was given in (the user's own
when they recorded it, unless they chose the one the letter named); without a time the
whole day counts. It is an instant: ``answer_deadline`` is the one place it is worked out,
and every window, word and reminder about it starts there (``OfferTerms.deadline``), so
that a user who moves to another zone sees the same moment on their new clock.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from followthrough.domain.errors import UserError
from followthrough.domain.stages import Stage
from followthrough.domain.two_clocks import both_clocks, place_name, same_clock
from followthrough.domain.wording import QT_TRANSLATE_NOOP, clock_time, short_day, translate
from followthrough.domain.zones import zone_known, zone_or

CONTEXT = "offers"
# One-line terms (salary, bonus, location) and the free-text benefits.
LINE_LIMIT = 200
TEXT_LIMIT = 4000


class OfferStatus(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    DECLINED = "declined"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[OfferStatus, str] = {
    OfferStatus.OPEN: QT_TRANSLATE_NOOP("offers", "Open"),
    OfferStatus.ACCEPTED: QT_TRANSLATE_NOOP("offers", "Accepted"),
    OfferStatus.DECLINED: QT_TRANSLATE_NOOP("offers", "Declined"),
}


def answer_deadline(day: date, at: time | None, given_in: ZoneInfo) -> datetime:
    """The last moment to answer an offer, as an instant: ``at`` on ``day`` on the clock
    of ``given_in`` (the zone the deadline was given in), else the end of that day there
    (the midnight that starts the next). The one place the deadline is worked out."""
    if at is not None:
        return datetime.combine(day, at, given_in)
    return datetime.combine(day + timedelta(days=1), time(0), given_in)


@dataclass(frozen=True)
class OfferTerms:
    """The offer as the form holds it."""

    salary: str = ""
    bonus: str = ""
    benefits: str = ""
    location: str = ""
    answer_by: date | None = None
    answer_by_time: time | None = None  # None: the whole day
    # The IANA zone the deadline was given in; "": not known, read on the user's clock.
    answer_by_zone: str = ""

    def given_in(self, zone: ZoneInfo) -> ZoneInfo:
        """The zone of the deadline's clock; ``zone`` (the user's) when none is known."""
        return zone_or(self.answer_by_zone, zone)

    def deadline(self, zone: ZoneInfo) -> datetime | None:
        """The last moment to answer (``answer_deadline``); ``zone``, the user's, stands in
        for a zone not known."""
        if self.answer_by is None:
            return None
        return answer_deadline(self.answer_by, self.answer_by_time, self.given_in(zone))

    def deadline_day(self, zone: ZoneInfo) -> date | None:
        """The day of the deadline on the user's clock ``zone``: the day of its last
        moment (a whole day that ends at midnight belongs to the day before it)."""
        deadline = self.deadline(zone)
        if deadline is None:
            return None
        last = deadline.astimezone(UTC)
        if self.answer_by_time is None:
            last -= timedelta(microseconds=1)
        return last.astimezone(zone).date()


def deadline_words(terms: OfferTerms, zone: ZoneInfo) -> str:
    """The deadline as the user reads it on their clock ``zone``: "Tue 8 Dec 01:00", with
    the clock it was given on when that shows another time ("Tue 8 Dec 01:00 (10:00 in
    Tokyo)", as every time of two clocks is written); a whole day as the day ("Tue 8
    Dec"), or, given in a zone whose day ends at another time, the moment it ends ("Tue 8
    Dec 15:00 (the end of Tue 8 Dec in Tokyo)"). "" without a deadline."""
    deadline = terms.deadline(zone)
    if deadline is None or terms.answer_by is None:
        return ""
    given_in = terms.given_in(zone)
    if terms.answer_by_time is not None:
        return both_clocks(deadline, zone, given_in)
    if same_clock(deadline, zone, given_in):
        return short_day(terms.answer_by)
    mine = deadline.astimezone(zone)
    return translate("offers", "{day} {time} (the end of {their_day} in {place})").format(
        day=short_day(mine),
        time=clock_time(mine),
        their_day=short_day(terms.answer_by),
        place=place_name(given_in),
    )


def deadline_passed(terms: OfferTerms, now: datetime, zone: ZoneInfo) -> bool:
    """Whether the last moment to answer is behind ``now`` (``zone``, the user's clock,
    stands in for a zone not known): a day before today has passed; today's only once its
    time has (the whole day without one). No deadline never passes."""
    deadline = terms.deadline(zone)
    return deadline is not None and deadline <= now


@dataclass(frozen=True)
class AnswerDue:
    """An open offer's deadline as the application's next step names it."""

    words: str  # ``deadline_words`` on the user's clock
    at: datetime  # the last moment to answer
    day: date  # its day on the user's clock
    passed: bool


def answer_due(terms: OfferTerms, now: datetime, zone: ZoneInfo) -> AnswerDue | None:
    """The deadline of an open offer with ``terms`` as seen at ``now`` on the user's clock
    ``zone``; None without one."""
    deadline, day = terms.deadline(zone), terms.deadline_day(zone)
    if deadline is None or day is None:
        return None
    return AnswerDue(deadline_words(terms, zone), deadline, day, deadline <= now)


# Recording an offer moves an application still before the Offer stage there, in the same
# transaction: the board, the lists and Insights read the stage.
STAGES_BEFORE_OFFER: tuple[Stage, ...] = (Stage.APPLIED, Stage.INTERVIEWING, Stage.REFERENCE_CHECK)


def moves_to_offer(stage: Stage) -> bool:
    """Whether recording an open offer moves an application at ``stage`` to "Offer": from
    an active stage before it only. Never backwards (an accepted offer stays accepted) and
    never reopening a closed application behind the user's back (that is theirs to do)."""
    return stage in STAGES_BEFORE_OFFER


def checked(terms: OfferTerms) -> OfferTerms:
    """The terms trimmed, or UserError in the user's words."""
    clean = replace(
        terms,
        salary=terms.salary.strip(),
        bonus=terms.bonus.strip(),
        benefits=terms.benefits.strip(),
        location=terms.location.strip(),
        answer_by_time=terms.answer_by_time if terms.answer_by is not None else None,
        answer_by_zone=terms.answer_by_zone.strip(),
    )
    if clean.answer_by_zone and not zone_known(clean.answer_by_zone):
        raise UserError(
            translate(
                "offers", "“{zone}” is not a time zone this computer knows. Pick one from the list."
            ).format(zone=clean.answer_by_zone)
        )
    for text, limit in (
        (clean.salary, LINE_LIMIT),
        (clean.bonus, LINE_LIMIT),
        (clean.location, LINE_LIMIT),
        (clean.benefits, TEXT_LIMIT),
    ):
        if len(text) > limit:
            raise UserError(
                translate(
                    "offers", "A term of the offer can be at most {limit} characters."
                ).format(limit=f"{limit:,}")
            )
    return clean


@dataclass(frozen=True)
class OfferLine:
    """One offer in the comparison: its application and where it stands."""

    application_id: int
    company: str
    role: str
    terms: OfferTerms
    status: OfferStatus
    start_on: date | None = None


def days_left(answer_by: date, today: date) -> int:
    """Days from ``today`` to the deadline's day on the same clock (0: today; negative:
    passed): ``OfferTerms.deadline_day`` on the user's."""
    return (answer_by - today).days


def days_left_text(answer_by: date | None, today: date, passed: bool = False) -> str:
    """The deadline's distance in words: "3 days left", "answer today", "passed 2 days
    ago"; ``passed``: the deadline's time today is already behind (``deadline_passed``)."""
    if answer_by is None:
        return translate("offers", "no deadline given")
    left = days_left(answer_by, today)
    if left == 0:
        if passed:
            return translate("offers", "passed today")
        return translate("offers", "answer today")
    if left == 1:
        return translate("offers", "1 day left")
    if left > 1:
        return translate("offers", "{n} days left").format(n=left)
    if left == -1:
        return translate("offers", "passed yesterday")
    return translate("offers", "passed {n} days ago").format(n=-left)


def compared(lines: list[OfferLine], zone: ZoneInfo) -> list[OfferLine]:
    """The offers side by side: open ones first, the nearest deadline first (none
    last), then the rest by company; ``zone``, the user's, for a deadline's zone not
    known."""
    latest = datetime.max.replace(tzinfo=UTC)

    def key(line: OfferLine) -> tuple[int, datetime, str]:
        return (
            0 if line.status is OfferStatus.OPEN else 1,
            line.terms.deadline(zone) or latest,
            line.company.casefold(),
        )

    return sorted(lines, key=key)
