"""What an offer holds, as the user typed it, and how several compare.

Every term is plain text as typed ("85,000 EUR", "10 % bonus, stock after a year"): the
app compares them side by side, it does not read numbers out of them. The answer deadline
is a day with an optional time, on the user's own clock (the one the offer letter named,
as the user reads it); without a time the whole day counts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from followthrough.domain.errors import UserError
from followthrough.domain.stages import Stage
from followthrough.domain.wording import QT_TRANSLATE_NOOP, translate

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


@dataclass(frozen=True)
class OfferTerms:
    """The offer as the form holds it."""

    salary: str = ""
    bonus: str = ""
    benefits: str = ""
    location: str = ""
    answer_by: date | None = None
    answer_by_time: time | None = None  # on the user's clock; None: the whole day

    def deadline(self, zone: ZoneInfo) -> datetime | None:
        """The last moment to answer, on the user's clock: the time given, else the end
        of the day (midnight that starts the next)."""
        if self.answer_by is None:
            return None
        if self.answer_by_time is not None:
            return datetime.combine(self.answer_by, self.answer_by_time, zone)
        return datetime.combine(self.answer_by, time(0), zone) + timedelta(days=1)


def deadline_passed(terms: OfferTerms, now: datetime, zone: ZoneInfo) -> bool:
    """Whether the last moment to answer is behind ``now``, on the user's clock ``zone``:
    a day before today has passed; today's only once its time has (the whole day without
    one). No deadline never passes."""
    deadline = terms.deadline(zone)
    return deadline is not None and deadline <= now


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
    """Days from ``today`` to the deadline's day (0: today; negative: passed)."""
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


def compared(lines: list[OfferLine]) -> list[OfferLine]:
    """The offers side by side: open ones first, the nearest deadline first (none
    last), then the rest by company."""

    def key(line: OfferLine) -> tuple[int, date, str]:
        return (
            0 if line.status is OfferStatus.OPEN else 1,
            line.terms.answer_by or date.max,
            line.company.casefold(),
        )

    return sorted(lines, key=key)
