"""Applications: the list's rows, one application's full record, edits and deletion."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from followthrough.domain.clock import Clock
from followthrough.domain.errors import UserError
from followthrough.domain.next_action import NextAction, next_action
from followthrough.domain.note_tasks import NoteMedium, NoteStatus
from followthrough.domain.offers.record import OfferStatus, OfferTerms, answer_due
from followthrough.domain.references import ReferenceKind
from followthrough.domain.stages import (
    CLOSED_STAGES,
    REASON_PHRASES,
    STAGE_LABELS,
    ClosureReason,
    Stage,
)
from followthrough.domain.today import TodayEntry
from followthrough.domain.validation import application_problems, latest_today
from followthrough.domain.wording import short_day, translate
from followthrough.store.contacts import ContactCard, contact_card
from followthrough.store.fields import day_from_db, instant_from_db, to_db_instant
from followthrough.store.followups import follow_up_plan, next_step_text
from followthrough.store.models import (
    Application,
    ApplicationReference,
    Contact,
    Interview,
    InterviewParticipant,
    Offer,
    StageEvent,
    db,
)
from followthrough.store.next_steps import action_of, next_actions
from followthrough.store.notes import NoteTask, note_tasks_for_application
from followthrough.store.offers.records import stored_time
from followthrough.store.references import (
    ReferenceLine,
    reference_timeline,
    references_for_application,
)
from followthrough.store.rejection import playbook_timeline
from followthrough.store.reminders import ReminderSpec
from followthrough.store.touchpoints import touchpoints_of
from followthrough.store.transactions import writes, writing


@dataclass(frozen=True, slots=True)
class ApplicationSummary:
    application_id: int
    company: str
    role_title: str
    stage: Stage
    applied_on: date | None
    location: str
    last_contact: date | None
    next_action: NextAction
    people: str  # names of everyone met, for search
    # The first day of the new job: an accepted offer's start day (None: none accepted).
    starts_on: date | None = None


_SUMMARY_SQL = """
SELECT a.id, a.company, a.role_title, a.stage, a.applied_on, a.location,
  -- The last contact: an interview or a logged follow-up, whichever was later.
  NULLIF(MAX(
    COALESCE((SELECT MAX(i.starts_at) FROM interview i
              WHERE i.application_id = a.id AND i.starts_at <= :now), ''),
    COALESCE((SELECT MAX(t.happened_at) FROM touchpoint t
              WHERE t.application_id = a.id AND t.happened_at <= :now), '')), '') AS last_contact,
  (SELECT i.decision_expected_on FROM interview i
     WHERE i.application_id = a.id AND i.decision_expected_on IS NOT NULL
     ORDER BY i.starts_at DESC, i.id DESC LIMIT 1) AS decision_on,
  people.names AS people,
  o.status AS offer_status, o.answer_by, o.answer_by_time, o.answer_by_zone, o.start_on
FROM application a
LEFT JOIN offer o ON o.application_id = a.id
-- Everyone searchable by name: who was met or is to be met, the references given and the
-- network contacts there, gathered for all applications in one grouped pass.
LEFT JOIN (
  SELECT application_id, group_concat(name, ' ') AS names FROM (
    SELECT i.application_id, c.name FROM interview i
      JOIN interview_participant p ON p.interview_id = i.id
      JOIN contact c ON c.id = p.contact_id
      WHERE :one_i
    UNION
    SELECT r.application_id, c.name FROM application_reference r
      JOIN contact c ON c.id = r.contact_id
      WHERE :one_r)
  GROUP BY application_id) people ON people.application_id = a.id
"""


def application_summaries(
    now: datetime,
    zone: ZoneInfo,
    application_id: int | None = None,
    firsts: Mapping[int, TodayEntry] | None = None,
) -> list[ApplicationSummary]:
    """Every application's row (or the one given), with its next step: the first of its
    open items in Today's order (``store.next_steps``; ``firsts`` when the caller has
    them already), else the stage's advice."""
    today = now.astimezone(zone).date()
    stamp = to_db_instant(now)
    sql = _SUMMARY_SQL.replace(":now", "?")
    params: tuple[object, ...] = (stamp,) * _SUMMARY_SQL.count(":now")
    if application_id is None:
        sql = sql.replace(":one_i", "1").replace(":one_r", "1")
    else:
        # One application's people only: gathering everyone's costs ~30 ms at 10,000.
        sql = sql.replace(":one_i", "i.application_id = ?").replace(
            ":one_r", "r.application_id = ?"
        )
        sql, params = (
            sql + " WHERE a.id = ?",
            (*params, application_id, application_id, application_id),
        )
    planned = (
        next_actions(now, zone, application_id)
        if firsts is None
        else {app: action_of(entry) for app, entry in firsts.items()}
    )
    cursor = db.execute_sql(sql, params)
    rows = []
    for (
        app_id,
        company,
        role,
        stage,
        applied_on,
        location,
        last_contact,
        decision_on,
        people,
        offer_status,
        answer_by,
        answer_by_time,
        answer_by_zone,
        start_on,
    ) in cursor.fetchall():
        last = instant_from_db(last_contact)
        stage_now = Stage(stage)
        answer = None
        if offer_status == OfferStatus.OPEN.value:
            terms = OfferTerms(
                answer_by=day_from_db(answer_by),
                answer_by_time=stored_time(answer_by_time),
                answer_by_zone=answer_by_zone or "",
            )
            answer = answer_due(terms, now, zone)
        # What is still open comes first, even when closed ("tell your reference how it
        # ended"); else the stage's advice (none for a closed application).
        action = planned.get(app_id) or next_action(
            stage_now, today, None, None, day_from_db(decision_on), answer
        )
        accepted = offer_status == OfferStatus.ACCEPTED.value and stage_now is Stage.ACCEPTED
        rows.append(
            ApplicationSummary(
                application_id=app_id,
                company=company,
                role_title=role,
                stage=Stage(stage),
                applied_on=day_from_db(applied_on),
                location=location,
                last_contact=last.astimezone(zone).date() if last else None,
                next_action=action,
                people=people or "",
                starts_on=day_from_db(start_on) if accepted else None,
            )
        )
    return rows


@dataclass(frozen=True)
class ApplicationFields:
    company: str
    role_title: str = ""
    posting_url: str = ""
    location: str = ""
    source: str = ""
    applied_on: date | None = None
    notes: str = ""


class ApplicationError(UserError):
    """The application cannot be saved as entered; the message is for the user."""


def application_names() -> list[tuple[int, str, str, bool]]:
    """(id, company, role, closed) of every application: what Today needs of the ones it
    does not list (a raw read; tens of thousands are a few milliseconds)."""
    closed = {stage.value for stage in CLOSED_STAGES}
    return [
        (int(app_id), company, role, stage in closed)
        for app_id, company, role, stage in db.execute_sql(
            "SELECT id, company, role_title, stage FROM application"
        )
    ]


def update_application(application_id: int, fields: ApplicationFields, clock: Clock) -> None:
    problems = application_problems(
        fields.company,
        fields.posting_url,
        fields.applied_on,
        role_title=fields.role_title,
        location=fields.location,
        source=fields.source,
        today=latest_today(clock.now()),
    )
    if problems:
        raise ApplicationError(" ".join(problems.values()))
    with writing():
        application = Application.get_by_id(application_id)
        application.company = fields.company.strip()
        application.role_title = fields.role_title.strip()
        application.posting_url = fields.posting_url.strip()
        application.location = fields.location.strip()
        application.source = fields.source.strip()
        application.applied_on = fields.applied_on
        application.notes = fields.notes
        application.updated_at = clock.now()
        application.save()


@writes
def delete_application(application_id: int) -> None:
    """Removes the application with its interviews, participations and timeline (not people)."""
    Application.delete_by_id(application_id)


@dataclass(frozen=True)
class InterviewLine:
    interview_id: int
    round: int
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    format: str
    people: str
    next_step: str
    decision_on: date | None


@dataclass(frozen=True)
class PersonLine(ContactCard):
    """Someone met in this application's interviews (and in which rounds), or listed for
    it as a network contact (someone who works there or referred you: a recruiter
    brought in from a spreadsheet is one)."""

    rounds: str
    network: bool = False


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    text: str


@dataclass(frozen=True)
class ApplicationDetail:
    application_id: int
    fields: ApplicationFields
    stage: Stage
    closed_on: date | None
    closure_reason: ClosureReason | None
    interviews: list[InterviewLine]
    people: list[PersonLine]
    timeline: list[TimelineEntry]
    notes: list[NoteTask] = field(default_factory=list)
    references: list[ReferenceLine] = field(default_factory=list)
    # The next follow-up, exactly as its reminder says it (None: nothing planned), and
    # the same step as the window states it ahead of time.
    follow_up: ReminderSpec | None = None
    next_step: str | None = None
    # The first day of the new job, once an offer is accepted (None: none accepted).
    starts_on: date | None = None


def application_detail(application_id: int, now: datetime) -> ApplicationDetail:
    application = Application.get_by_id(application_id)
    interviews = list(
        Interview.select().where(Interview.application == application).order_by(Interview.starts_at)
    )
    participants = list(
        InterviewParticipant.select(InterviewParticipant, Contact)
        .join(Contact)
        .where(InterviewParticipant.interview.in_([i.id for i in interviews]))
        .order_by(InterviewParticipant.id)
    )
    names_by_interview: dict[int, list[str]] = {}
    rounds_by_person: dict[int, list[int]] = {}
    round_of = {i.id: i.round for i in interviews}
    people: dict[int, Contact] = {}
    network = {
        link.contact_id: link.contact
        for link in ApplicationReference.select(ApplicationReference, Contact)
        .join(Contact)
        .where(
            (ApplicationReference.application == application)
            & (ApplicationReference.kind == ReferenceKind.NETWORK.value)
        )
        .order_by(ApplicationReference.id)
    }
    for participant in participants:
        names_by_interview.setdefault(participant.interview_id, []).append(participant.contact.name)
        rounds_by_person.setdefault(participant.contact_id, []).append(
            round_of[participant.interview_id]
        )
        people[participant.contact_id] = participant.contact
    timeline: list[TimelineEntry] = []
    starts_on = _start_day(application)
    events = list(
        StageEvent.select().where(StageEvent.application == application).order_by(StageEvent.id)
    )
    accepting = [e for e in events if e.to_stage == Stage.ACCEPTED.value][-1:]
    for event in events:
        text = _stage_event_text(event)
        if starts_on is not None and event in accepting:
            # Accepting the offer: the move that set the first day says it.
            text = translate("applications", "{change} · starts {day}").format(
                change=text, day=short_day(starts_on)
            )
        timeline.append(TimelineEntry(event.happened_at, text))
    for interview in interviews:
        who = ", ".join(names_by_interview.get(interview.id, [])) or translate(
            "applications", "no interviewers recorded"
        )
        text = (
            translate("applications", "Interview, round {round} with {who}")
            if interview.starts_at <= now
            else translate("applications", "Interview planned, round {round} with {who}")
        )
        timeline.append(
            TimelineEntry(interview.starts_at, text.format(round=interview.round, who=who))
        )
    for line in touchpoints_of(application_id):
        if line.notes.strip():
            text = translate("applications", "Follow-up: {summary} — {notes}").format(
                summary=line.summary, notes=line.notes
            )
        else:
            text = translate("applications", "Follow-up: {summary}").format(summary=line.summary)
        timeline.append(TimelineEntry(line.at, text))
    timeline.extend(_note_timeline(application_id))
    timeline.extend(TimelineEntry(at, text) for at, text in reference_timeline(application_id))
    timeline.extend(TimelineEntry(at, text) for at, text in playbook_timeline(application_id))
    timeline.sort(key=lambda entry: entry.at)
    return ApplicationDetail(
        application_id=application.id,
        fields=ApplicationFields(
            company=application.company,
            role_title=application.role_title,
            posting_url=application.posting_url,
            location=application.location,
            source=application.source,
            applied_on=application.applied_on,
            notes=application.notes,
        ),
        stage=Stage(application.stage),
        closed_on=application.closed_on,
        closure_reason=ClosureReason(application.closure_reason)
        if application.closure_reason
        else None,
        interviews=[
            InterviewLine(
                interview_id=i.id,
                round=i.round,
                starts_at=i.starts_at,
                ends_at=i.ends_at,
                time_zone=i.time_zone,
                format=i.format,
                people=", ".join(names_by_interview.get(i.id, [])),
                next_step=i.next_step,
                decision_on=i.decision_expected_on,
            )
            for i in interviews
        ],
        people=[
            PersonLine(
                **asdict(contact_card(c)),
                rounds=", ".join(str(r) for r in sorted(set(rounds_by_person.get(c.id, [])))),
                network=c.id in network,
            )
            for c in {**people, **network}.values()
        ],
        timeline=timeline,
        notes=note_tasks_for_application(application_id),
        references=references_for_application(application_id),
        follow_up=plan.reminder if (plan := follow_up_plan(application_id)) else None,
        next_step=next_step_text(plan, now) if plan else None,
        starts_on=starts_on,
    )


def _start_day(application: Application) -> date | None:
    """The start day of the application's accepted offer, while it stands accepted."""
    if application.stage != Stage.ACCEPTED.value:
        return None
    offer = Offer.get_or_none(
        (Offer.application == application.id) & (Offer.status == OfferStatus.ACCEPTED.value)
    )
    return day_from_db(offer.start_on) if offer is not None else None


def _stage_event_text(event: StageEvent) -> str:
    """ "Stage: Applied → Rejected (they turned me down)", in the user's language."""
    target = translate("stages", STAGE_LABELS[Stage(event.to_stage)])
    if event.from_stage is None:
        text = translate("applications", "Added at “{stage}”").format(stage=target)
    else:
        text = translate("applications", "Stage: {before} → {after}").format(
            before=translate("stages", STAGE_LABELS[Stage(event.from_stage)]), after=target
        )
    if event.closure_reason:
        reason = translate("stages", REASON_PHRASES[ClosureReason(event.closure_reason)])
        text = translate("applications", "{change} ({reason})").format(change=text, reason=reason)
    return text


def _note_timeline(application_id: int) -> list[TimelineEntry]:
    """Thank-you notes: when each was drafted or checked, and when it went out."""
    entries = []
    rows = db.execute_sql(
        "SELECT c.name, n.status, n.medium, n.updated_at, n.checked_at, n.finished_at, "
        "n.finished_on FROM thank_you_note n "
        "JOIN interview i ON i.id = n.interview_id JOIN contact c ON c.id = n.contact_id "
        "WHERE i.application_id = ?",
        (application_id,),
    )
    for name, status_text, medium_text, updated, checked, finished, finished_on in rows:
        status = NoteStatus(status_text)
        if status.finished:
            at = instant_from_db(finished)
            day = day_from_db(finished_on)
            if status is NoteStatus.SENT:
                template = translate("applications", "Thank-you note to {name} e-mailed ({day})")
            elif status is NoteStatus.MAILED:
                template = translate("applications", "Thank-you note to {name} posted ({day})")
            else:
                template = translate("applications", "Thank-you note to {name} dropped off ({day})")
            text = template.format(name=name, day=short_day(day))
        elif status in (NoteStatus.DRAFTED, NoteStatus.CHECKED):
            at = instant_from_db(checked if status is NoteStatus.CHECKED else updated)
            medium = translate("notes", NoteMedium(medium_text).label).lower()
            template = (
                translate("applications", "Thank-you note to {name} checked ({medium})")
                if status is NoteStatus.CHECKED
                else translate("applications", "Thank-you note to {name} drafted ({medium})")
            )
            text = template.format(name=name, medium=medium)
        else:
            continue
        if at is not None:
            entries.append(TimelineEntry(at, text))
    return entries
