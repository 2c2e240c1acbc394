"""Saving and loading interviews with their participants."""

from __future__ import annotations

from datetime import UTC
from zoneinfo import ZoneInfo

from followthrough.domain.clock import Clock
from followthrough.domain.errors import UserError
from followthrough.domain.interviews import (
    InterviewDraft,
    PersonDraft,
    Problems,
    interview_problems,
)
from followthrough.domain.stages import Stage
from followthrough.domain.timeframes import WindowUnit
from followthrough.store.models import (
    Application,
    Contact,
    ContactRole,
    Interview,
    InterviewParticipant,
    StageEvent,
)
from followthrough.store.transactions import writes, writing


class InterviewError(UserError):
    """The interview cannot be saved as entered; the message is for the user."""


def _contact_for(person: PersonDraft, company: str, clock: Clock) -> Contact:
    if person.contact_id is not None:
        contact = Contact.get_by_id(person.contact_id)
        # Details typed into the interview form complete the contact, never blank it.
        for name in ("title", "email", "phone", "linkedin_url"):
            value = getattr(person, name).strip()
            if value:
                setattr(contact, name, value)
        if person.preferred_method:
            contact.preferred_method = person.preferred_method
        contact.save()
    else:
        contact = Contact.create(
            name=person.name.strip(),
            title=person.title.strip(),
            company=company,
            email=person.email.strip(),
            phone=person.phone.strip(),
            linkedin_url=person.linkedin_url.strip(),
            preferred_method=person.preferred_method,
            created_at=clock.now(),
        )
    ContactRole.insert(contact=contact, role=person.role).on_conflict_ignore().execute()
    return contact


def _forgive_stored_phones(draft: InterviewDraft, problems: Problems) -> None:
    """A known person's phone number as already stored (perhaps saved before today's
    rules) is not refused: only a changed number is checked."""
    for index, person in enumerate(draft.people):
        key = f"people.{index}.phone"
        if person.contact_id is None or key not in problems.messages:
            continue
        stored = Contact.select(Contact.phone).where(Contact.id == person.contact_id).first()
        if stored is not None and stored.phone.strip() == person.phone.strip():
            del problems.messages[key]


def save_interview(draft: InterviewDraft, clock: Clock) -> int:
    """Create or update an interview and its participants; returns its id.

    Logging the first interview of an application that is still at "applied" moves it to
    "interviewing" (recorded in its timeline).
    """
    problems = interview_problems(draft)
    _forgive_stored_phones(draft, problems)
    if problems:
        raise InterviewError(" ".join(problems.messages.values()))
    with writing():
        application = Application.get_by_id(draft.application_id)
        fields = {
            "application": application,
            "round": draft.round,
            "starts_at": draft.starts_at().astimezone(UTC),
            "ends_at": draft.ends_at().astimezone(UTC),
            "time_zone": draft.time_zone,
            "format": draft.format,
            "location": draft.location.strip(),
            "next_step": draft.next_step.strip(),
            "decision_expected_on": draft.decision_date(),
            "decision_within_count": draft.decision_within_count,
            "decision_within_unit": draft.decision_within_unit.value
            if draft.decision_within_unit
            else None,
            "tells_unsuccessful": draft.tells_unsuccessful,
            "check_back_when": draft.check_back_when.strip(),
            "check_back_method": draft.check_back_method,
            "check_back_every_days": draft.check_back_every_days,
            "check_back_on": draft.check_back_on,
            "decision_said": draft.decision_said.strip(),
            "notes": draft.notes,
        }
        if draft.interview_id is None:
            interview = Interview.create(**fields)
        else:
            interview = Interview.get_by_id(draft.interview_id)
            for name, value in fields.items():
                setattr(interview, name, value)
            interview.save()
        kept: list[int] = []
        for person in draft.people:
            contact = _contact_for(person, application.company, clock)
            kept.append(contact.id)
            # Already there (an edit): keep the row, take the role as now entered.
            InterviewParticipant.insert(
                interview=interview, contact=contact, role=person.role
            ).on_conflict(
                conflict_target=[InterviewParticipant.interview, InterviewParticipant.contact],
                preserve=[InterviewParticipant.role],
            ).execute()
        InterviewParticipant.delete().where(
            (InterviewParticipant.interview == interview)
            & (InterviewParticipant.contact.not_in(kept))
        ).execute()
        if application.stage == Stage.APPLIED.value:
            now = clock.now()
            StageEvent.create(
                application=application,
                from_stage=application.stage,
                to_stage=Stage.INTERVIEWING.value,
                happened_at=now,
            )
            application.stage = Stage.INTERVIEWING.value
            application.updated_at = now
            application.save()
        return int(interview.id)


def load_interview_draft(interview_id: int) -> InterviewDraft:
    interview = Interview.get_by_id(interview_id)
    zone = ZoneInfo(interview.time_zone)
    start = interview.starts_at.astimezone(zone)
    end = interview.ends_at.astimezone(zone)
    people = tuple(
        PersonDraft(
            name=p.contact.name,
            title=p.contact.title,
            email=p.contact.email,
            phone=p.contact.phone,
            linkedin_url=p.contact.linkedin_url,
            preferred_method=p.contact.preferred_method,
            contact_id=p.contact.id,
            role=p.role,
        )
        for p in InterviewParticipant.select(InterviewParticipant, Contact)
        .join(Contact)
        .where(InterviewParticipant.interview == interview)
        .order_by(InterviewParticipant.id)
    )
    unit = interview.decision_within_unit
    return InterviewDraft(
        application_id=interview.application_id,
        day=start.date(),
        start=start.time().replace(tzinfo=None),
        end=end.time().replace(tzinfo=None),
        time_zone=interview.time_zone,
        round=interview.round,
        format=interview.format,
        location=interview.location,
        people=people,
        next_step=interview.next_step,
        decision_on=None if unit else interview.decision_expected_on,
        decision_within_count=interview.decision_within_count,
        decision_within_unit=WindowUnit(unit) if unit else None,
        tells_unsuccessful=interview.tells_unsuccessful,
        check_back_when=interview.check_back_when,
        check_back_method=interview.check_back_method,
        check_back_every_days=interview.check_back_every_days,
        check_back_on=interview.check_back_on,
        decision_said=interview.decision_said,
        notes=interview.notes,
        interview_id=interview.id,
    )


@writes
def delete_interview(interview_id: int) -> None:
    Interview.delete_by_id(interview_id)
