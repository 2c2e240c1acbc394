"""An interview as the user enters it: checks, the derived decision date, the checklist."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from enum import StrEnum
from zoneinfo import ZoneInfo

from followthrough.domain.contacts import ContactMethod, ContactRoleKind, method_message
from followthrough.domain.timeframes import WindowUnit, date_within
from followthrough.domain.validation import (
    LINE_LIMIT,
    NAME_LIMIT,
    day_problem,
    email_problem,
    length_problem,
    phone_problem,
    url_problem,
)
from followthrough.domain.wording import QT_TRANSLATE_NOOP, short_day, translate
from followthrough.domain.zones import zone_known


class InterviewFormat(StrEnum):
    PHONE = "phone"
    VIDEO = "video"
    ONSITE = "onsite"


# In a sentence ("Interview, round 2, on-site"): the agenda writes them, so kept here,
# marked for translation in the "interviews" context.
FORMAT_WORDS: dict[str, str] = {
    InterviewFormat.PHONE: QT_TRANSLATE_NOOP("interviews", "phone"),
    InterviewFormat.VIDEO: QT_TRANSLATE_NOOP("interviews", "video"),
    InterviewFormat.ONSITE: QT_TRANSLATE_NOOP("interviews", "on-site"),
}


@dataclass(frozen=True)
class PersonDraft:
    """An interviewer: an existing contact (``contact_id``) or one created with the interview."""

    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    preferred_method: str | None = None
    contact_id: int | None = None
    role: str = ContactRoleKind.INTERVIEWER


@dataclass(frozen=True)
class InterviewDraft:
    application_id: int
    day: date
    start: time
    end: time
    time_zone: str
    round: int = 1
    format: str = InterviewFormat.VIDEO
    location: str = ""
    people: tuple[PersonDraft, ...] = ()
    next_step: str = ""
    # Either a date that was named, or "within N unit" as it was said.
    decision_on: date | None = None
    decision_within_count: int | None = None
    decision_within_unit: WindowUnit | None = None
    tells_unsuccessful: bool | None = None
    check_back_when: str = ""
    check_back_method: str | None = None
    # "Check back every two weeks" (14) or "on the 14th": what they allowed, if anything.
    check_back_every_days: int | None = None
    check_back_on: date | None = None
    # Their words about the decision ("in one to two weeks"), kept as said.
    decision_said: str = ""
    notes: str = ""
    interview_id: int | None = None

    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def starts_at(self) -> datetime:
        return datetime.combine(self.day, self.start, self.zone())

    def ends_at(self) -> datetime:
        return datetime.combine(self.day, self.end, self.zone())

    def decision_date(self) -> date | None:
        """The date a decision is due: the one named, or the end of the stated window."""
        if self.decision_within_count and self.decision_within_unit:
            return date_within(self.day, self.decision_within_count, self.decision_within_unit)
        return self.decision_on


@dataclass(frozen=True)
class ChecklistItem:
    question: str
    answered: bool
    detail: str = ""


@dataclass
class Problems:
    """Field name -> message; ``people`` problems are keyed ``people.N.field``."""

    messages: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, message: str) -> None:
        self.messages.setdefault(key, message)

    def __bool__(self) -> bool:
        return bool(self.messages)


def zone_problem(name: str) -> str | None:
    # Asking ZoneInfo is instant; listing every zone (available_timezones) walks the whole
    # tz database, 12 ms on each check.
    if not zone_known(name):
        return translate(
            "interviews", "“{name}” is not a time zone this computer knows (e.g. Europe/Paris)."
        ).format(name=name)
    return None


def interview_problems(draft: InterviewDraft) -> Problems:
    problems = Problems()
    _when_problems(draft, problems)
    _decision_problems(draft, problems)
    _check_back_problems(draft, problems)
    if draft.round < 1:
        problems.add("round", translate("interviews", "Rounds are counted from 1."))
    if draft.format not in set(InterviewFormat):
        problems.add("format", translate("interviews", "Choose phone, video or on-site."))
    if draft.format == InterviewFormat.VIDEO:
        link_message = url_problem(draft.location) if "://" in draft.location else None
        if link_message:
            problems.add("location", link_message)
    _people_problems(draft, problems)
    return problems


def _when_problems(draft: InterviewDraft, problems: Problems) -> None:
    zone_message = zone_problem(draft.time_zone)
    if zone_message:
        problems.add("time_zone", zone_message)
    if draft.end <= draft.start or (
        # Compared in UTC: a start inside a daylight-saving gap can lie after the end.
        zone_message is None
        and draft.ends_at().astimezone(UTC) <= draft.starts_at().astimezone(UTC)
    ):
        problems.add("end", translate("interviews", "The interview has to end after it starts."))
    day_message = day_problem(draft.day, translate("interviews", "The interview day"))
    if day_message:
        problems.add("day", day_message)


def _decision_problems(draft: InterviewDraft, problems: Problems) -> None:
    decision_message = day_problem(draft.decision_on, translate("interviews", "The decision date"))
    if decision_message:
        problems.add("decision", decision_message)
    if draft.decision_within_count is not None and draft.decision_within_count <= 0:
        problems.add("decision", translate("interviews", "A timeframe needs a number above zero."))
    if draft.decision_on is not None and draft.decision_on < draft.day:
        problems.add(
            "decision", translate("interviews", "The decision date is before the interview.")
        )


def _check_back_problems(draft: InterviewDraft, problems: Problems) -> None:
    if draft.check_back_method is not None and draft.check_back_method not in set(ContactMethod):
        problems.add("check_back_method", method_message())
    if draft.check_back_every_days is not None and not 1 <= draft.check_back_every_days <= 366:
        problems.add(
            "check_back",
            translate("interviews", "Give how often as 1 to 366 days (or 1 to 52 weeks)."),
        )
    if draft.check_back_on is not None:
        check_message = day_problem(
            draft.check_back_on, translate("interviews", "The day to check back")
        )
        if check_message:
            problems.add("check_back", check_message)
        elif draft.check_back_on < draft.day:
            problems.add(
                "check_back",
                translate("interviews", "The day to check back is before the interview."),
            )


def _people_problems(draft: InterviewDraft, problems: Problems) -> None:
    seen: set[str] = set()
    for index, person in enumerate(draft.people):
        field = f"people.{index}"
        if not person.name.strip():
            problems.add(
                f"{field}.name", translate("interviews", "Every interviewer needs a name.")
            )
        name_message = length_problem(person.name, NAME_LIMIT, translate("interviews", "A name"))
        if name_message:
            problems.add(f"{field}.name", name_message)
        title_message = length_problem(person.title, LINE_LIMIT, translate("interviews", "A title"))
        if title_message:
            problems.add(f"{field}.title", _about(person.name[:NAME_LIMIT], title_message))
        phone_message = phone_problem(person.phone)
        if phone_message:
            problems.add(f"{field}.phone", _about(person.name[:NAME_LIMIT], phone_message))
        email_message = email_problem(person.email)
        if email_message:
            problems.add(f"{field}.email", _about(person.name, email_message))
        link_message = url_problem(person.linkedin_url)
        if link_message:
            problems.add(f"{field}.linkedin_url", _about(person.name, link_message))
        method = person.preferred_method
        if method is not None and method not in set(ContactMethod):
            problems.add(f"{field}.preferred_method", _about(person.name, method_message()))
        if person.role not in set(ContactRoleKind):
            unknown = translate("interviews", "unknown role “{role}”.").format(role=person.role)
            problems.add(f"{field}.role", _about(person.name, unknown))
        key = f"id:{person.contact_id}" if person.contact_id else person.name.strip().casefold()
        if key in seen:
            twice = translate("interviews", "{name} is listed twice.").format(name=person.name)
            problems.add(f"{field}.name", twice)
        seen.add(key)


def _about(name: str, message: str) -> str:
    """ "Ann Lee: This does not look like an e-mail address …": a problem with one person."""
    return translate("interviews", "{name}: {problem}").format(name=name, problem=message)


def end_of_interview_checklist(draft: InterviewDraft) -> list[ChecklistItem]:
    """What a candidate should have learned before leaving (docs/advice.md, "At the end
    of the interview" [002, 003, 004])."""
    people = draft.people
    missing_details = [p.name for p in people if not (p.email.strip() or p.phone.strip())]
    missing_method = [p.name for p in people if not p.preferred_method]
    decision = draft.decision_date()
    return [
        ChecklistItem(
            translate("interviews", "Asked about the next step?"),
            bool(draft.next_step.strip()),
            draft.next_step.strip(),
        ),
        ChecklistItem(
            translate("interviews", "Asked when they will decide?"),
            decision is not None,
            translate("interviews", "by {day}").format(day=short_day(decision)) if decision else "",
        ),
        ChecklistItem(
            translate("interviews", "Asked whether unsuccessful candidates hear back?"),
            draft.tells_unsuccessful is not None,
        ),
        ChecklistItem(
            translate("interviews", "Names and contact details of everyone you met?"),
            bool(people) and not missing_details,
            translate("interviews", "no interviewers yet")
            if not people
            else ", ".join(missing_details),
        ),
        ChecklistItem(
            translate("interviews", "How each of them prefers to be contacted?"),
            bool(people) and not missing_method,
            ", ".join(missing_method),
        ),
        ChecklistItem(
            translate("interviews", "When it is all right to check back?"),
            bool(
                draft.check_back_every_days
                or draft.check_back_on
                or draft.check_back_when.strip()
                or draft.check_back_method
            ),
            check_back_text(draft),
        ),
    ]


def rhythm_text(days: int) -> str:
    """ "every day", "every week", "every 2 weeks", "every 10 days"."""
    if days == 1:
        return translate("interviews", "every day")
    if days % 7 == 0:
        weeks = days // 7
        if weeks == 1:
            return translate("interviews", "every week")
        return translate("interviews", "every {count} weeks").format(count=weeks)
    return translate("interviews", "every {count} days").format(count=days)


def check_back_text(draft: InterviewDraft) -> str:
    """What they said about checking back, in a few words ("every 2 weeks, by e-mail")."""
    parts = []
    if draft.check_back_every_days:
        parts.append(rhythm_text(draft.check_back_every_days))
    if draft.check_back_on:
        day = draft.check_back_on
        parts.append(translate("interviews", "on {day}").format(day=short_day(day)))
    if draft.check_back_when.strip():
        parts.append(draft.check_back_when.strip())
    if draft.check_back_method in (ContactMethod.PHONE, ContactMethod.EMAIL):
        by_phone = draft.check_back_method == ContactMethod.PHONE
        parts.append(
            translate("interviews", "by phone")
            if by_phone
            else translate("interviews", "by e-mail")
        )
    return ", ".join(parts)
