"""The offer's reminders, on the user's clock and inside their hours.

- ``offer_answer``: "Answer <company>'s offer by <day>", twice while the offer is open:
  ``EARLY_DAYS`` (3) days before the deadline's day at the start of the user's hours, and
  on the deadline's day at the start of those hours (the evening before, at the end of
  them, when the deadline's time comes before the user's day starts). The deadline is an
  instant (``record.answer_deadline``, on the clock of the zone it was given in); its day
  is the one it falls on on the user's clock. The early one lapses once the day's comes;
  the day's does not lapse: once the deadline has passed it stays due (overdue on Today)
  and says so, "reply now or ask for more time", until the offer is answered, the
  reminder is done, or the application closes. A passed deadline is still the user's to
  deal with, and silence would hide it. Answering the offer (accepted or declined) ends
  both. Meanwhile the application gets these instead of follow-ups: the decision is the
  user's now, there is nothing to chase. Their words name the offer's deadline (on both
  clocks when its zone shows another time) and, for the person reading, how far off it
  is: a row shows when its reminder came, days before the deadline for the early one.
- ``first_day``: on the start day of an accepted offer, at the start of the user's hours:
  "Your first day at <company>: close the other applications" (until done; lapses after
  two weeks). Until then the other applications stay open: an offer can still fall
  through before the first day [003].

Subjects: "offer:<application id>:<days before the deadline>" and "offer:<application
id>". docs/advice.md, Keeping momentum [001, 003, 004].
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from followthrough.domain.offers.record import OfferTerms, deadline_words
from followthrough.domain.reminder_kinds import KindInfo, Rendering, SubjectKey, register_kind
from followthrough.domain.two_clocks import UserHours, remind_before, remind_from
from followthrough.domain.wording import QT_TRANSLATE_NOOP, application_title, short_day

FEATURE = "offer"
OFFER_ANSWER = "offer_answer"
FIRST_DAY = "first_day"
KINDS = (OFFER_ANSWER, FIRST_DAY)
CONTEXT = "offers"

# The first reminder comes this many days before the deadline's day: time to ask the
# other employers where they stand and to weigh the offers.
EARLY_DAYS = 3
FIRST_DAY_LAPSES_AFTER = timedelta(days=14)


def answer_subject(application_id: int, days_before: int) -> str:
    return str(SubjectKey(FEATURE, (application_id, days_before)))


def first_day_subject(application_id: int) -> str:
    return str(SubjectKey(FEATURE, (application_id,)))


def application_of(subject_key: str) -> int | None:
    """The application an offer reminder is about; None for another feature's key."""
    subject = SubjectKey.parse(subject_key)
    if subject is None or subject.feature != FEATURE or not subject.ids:
        return None
    return subject.ids[0]


def is_first_day(subject_key: str) -> bool:
    subject = SubjectKey.parse(subject_key)
    return subject is not None and subject.feature == FEATURE and len(subject.ids) == 1


@dataclass(frozen=True)
class AnswerReminder:
    days_before: int  # EARLY_DAYS, or 0 on the day
    due_at: datetime  # UTC
    expires_at: datetime | None  # UTC; None: due until the offer is answered


def _start_of_hours(day: date, zone: ZoneInfo, hours: UserHours) -> datetime:
    return remind_from(datetime.combine(day, time(0), zone), zone, hours)


def answer_reminders(terms: OfferTerms, zone: ZoneInfo, hours: UserHours) -> list[AnswerReminder]:
    """The "answer by" reminders of an open offer with ``terms`` (none without a
    deadline), on the user's clock ``zone`` and inside their ``hours``."""
    deadline, day = terms.deadline(zone), terms.deadline_day(zone)
    if deadline is None or day is None:
        return []
    on_the_day = _start_of_hours(day, zone, hours)
    if on_the_day >= deadline:
        # The deadline comes before the user's day starts: the evening before.
        on_the_day = remind_before(deadline, zone, hours)
    early = _start_of_hours(day - timedelta(days=EARLY_DAYS), zone, hours)
    # The day's stays due past the deadline: "reply now or ask for more time".
    reminders = [AnswerReminder(0, on_the_day, None)]
    if early < on_the_day:
        reminders.insert(0, AnswerReminder(EARLY_DAYS, early, on_the_day))
    return reminders


def first_day_due(start_on: date, zone: ZoneInfo, hours: UserHours) -> datetime:
    """The first day's reminder: the start of the user's hours on the start day."""
    return _start_of_hours(start_on, zone, hours)


def answer_params(company: str, role: str, terms: OfferTerms) -> dict[str, Any]:
    """What the words of an "answer by" reminder are written from (``_render_answer``):
    the deadline as given (day, time, zone) and the salary."""
    assert terms.answer_by is not None  # reminded of only with a deadline
    at = terms.answer_by_time
    return {
        "company": company,
        "role": role,
        "day": terms.answer_by.isoformat(),
        "time": at.isoformat(timespec="minutes") if at else "",
        "zone": terms.answer_by_zone,
        "salary": terms.salary,
    }


def first_day_params(company: str, role: str, start_on: date) -> dict[str, Any]:
    return {"company": company, "role": role, "day": start_on.isoformat()}


def _terms(params: Mapping[str, Any]) -> OfferTerms:
    """The deadline the words are written from (a reminder planned before zones were
    kept has none: the user's clock stands in)."""
    at = str(params.get("time") or "")
    return OfferTerms(
        answer_by=date.fromisoformat(str(params["day"])),
        answer_by_time=time.fromisoformat(at) if at else None,
        answer_by_zone=str(params.get("zone") or ""),
    )


def _due_words(params: Mapping[str, Any], r: Rendering) -> str:
    """When the answer is due, naming the offer's own deadline (the row's "When" is the
    moment the reminder came, which for the early one is days before it) and, for the
    person reading now, how far off it is."""
    terms = _terms(params)
    deadline = deadline_words(terms, r.zone)
    if r.now is None:
        text = QT_TRANSLATE_NOOP("offers", "Your answer is due {deadline}.")
        return r.translate(CONTEXT, text).format(deadline=deadline)
    now = r.now()
    last, day = terms.deadline(r.zone), terms.deadline_day(r.zone)
    assert last is not None and day is not None  # reminded of only with a deadline
    if last <= now:
        text = QT_TRANSLATE_NOOP(
            "offers", "The deadline, {deadline}, has passed: reply now or ask for more time."
        )
        return r.translate(CONTEXT, text).format(deadline=deadline)
    left = (day - now.astimezone(r.zone).date()).days
    if left <= 0:
        text = QT_TRANSLATE_NOOP("offers", "Your answer is due today ({deadline}).")
    elif left == 1:
        text = QT_TRANSLATE_NOOP("offers", "Your answer is due tomorrow ({deadline}).")
    else:
        text = QT_TRANSLATE_NOOP("offers", "Your answer is due in {n} days ({deadline}).")
    return r.translate(CONTEXT, text).format(deadline=deadline, n=left)


def _render_answer(params: Mapping[str, Any], r: Rendering) -> tuple[str, str]:
    title = r.translate(CONTEXT, QT_TRANSLATE_NOOP("offers", "Answer {company}'s offer by {day}"))
    if params.get("salary"):
        body = r.translate(
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "offers",
                "{due} {where}, {salary}: weigh it against the others and ask the companies "
                "still deciding where they stand. Keep applying until the first day.",
            ),
        )
    else:
        body = r.translate(
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "offers",
                "{due} {where}: weigh it against the others and ask the companies still "
                "deciding where they stand. Keep applying until the first day.",
            ),
        )
    where = application_title(str(params["company"]), str(params.get("role", "")))
    return (
        title.format(company=params["company"], day=deadline_words(_terms(params), r.zone)),
        body.format(due=_due_words(params, r), where=where, salary=params.get("salary", "")),
    )


def _render_first_day(params: Mapping[str, Any], r: Rendering) -> tuple[str, str]:
    title = r.translate(
        CONTEXT,
        QT_TRANSLATE_NOOP("offers", "Your first day at {company}: close the other applications"),
    )
    body = r.translate(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "offers",
            "You start on {day}. Write a short, friendly word to each company still in "
            "touch and mark those applications as withdrawn.",
        ),
    )
    day = short_day(date.fromisoformat(str(params["day"])))
    return title.format(company=params["company"]), body.format(day=day)


register_kind(
    KindInfo(
        OFFER_ANSWER,
        FEATURE,
        QT_TRANSLATE_NOOP("ReminderKind", "Answer an offer"),
        # The colour of a decision that is due: this one is the user's.
        "decision",
        _render_answer,
    )
)
register_kind(
    KindInfo(
        FIRST_DAY,
        FEATURE,
        QT_TRANSLATE_NOOP("ReminderKind", "First day"),
        "closing",
        _render_first_day,
    )
)
