"""Thank-you notes in the database: the tasks, their drafts, their reminders.

Every interviewer (``domain.note_tasks.NOTE_ROLES``) of an interview has a note to write;
the row in ``thank_you_note`` appears with the first draft. The reminders ("due soon" a
few hours before the deadline, "overdue" at it) are planned from the interviews, so they
appear as soon as an interview with interviewers is logged and go away once the note is
out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from followthrough.domain.cadence import InterviewFacts, first_follow_up_day
from followthrough.domain.clock import Clock
from followthrough.domain.errors import UserError
from followthrough.domain.note_reminders import note_params
from followthrough.domain.note_tasks import (
    FINISHED,
    NAG_UNTIL_AFTER_DEADLINE,
    NOTE_ROLES,
    NoteMedium,
    NoteStatus,
    default_medium,
    note_deadline,
    note_reminder_times,
)
from followthrough.domain.notes import creative_role_words
from followthrough.domain.reminder_kinds import Feature, ReminderKind, SubjectKey, kinds_of
from followthrough.domain.stages import ACTIVE_STAGES
from followthrough.domain.wording import as_stored, translate
from followthrough.store import settings as options
from followthrough.store.debriefs.records import meant_to_say as debrief_meant_to_say
from followthrough.store.fields import day_from_db, instant_from_db, to_db_instant
from followthrough.store.followups import cadence_settings, interview_facts
from followthrough.store.models import (
    Application,
    Contact,
    Interview,
    PersonalWord,
    ThankYouNote,
    db,
)
from followthrough.store.reminders import ReminderSpec, planned_reminder, sync_reminders
from followthrough.store.scope import EVERYTHING, PlanScope
from followthrough.store.transactions import writes, writing

NOTE_DUE_SOON: str = ReminderKind.NOTE_DUE_SOON
NOTE_OVERDUE: str = ReminderKind.NOTE_OVERDUE
NOTE_KINDS = kinds_of(Feature.NOTE)


class NoteError(UserError):
    """The note cannot be saved or changed as asked; the message is for the user."""


def subject_key(interview_id: int, contact_id: int) -> str:
    return str(SubjectKey(Feature.NOTE, (interview_id, contact_id)))


def parse_subject_key(key: str) -> tuple[int, int] | None:
    """(interview id, contact id) of a note reminder's subject, or None for another kind."""
    subject = SubjectKey.parse(key)
    ids = subject.ids_of(Feature.NOTE, 2) if subject is not None else None
    return (ids[0], ids[1]) if ids is not None else None


@dataclass(frozen=True)
class NoteTask:
    """One interviewer's note after one interview, with where it stands."""

    interview_id: int
    contact_id: int
    application_id: int
    name: str
    title: str
    company: str
    role_title: str
    interview_round: int
    interview_starts_at: datetime
    interview_ends_at: datetime
    time_zone: str
    deadline: datetime
    status: NoteStatus
    medium: NoteMedium
    finished_on: date | None
    updated_at: datetime | None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED


_TASKS_SQL = """
SELECT i.id, c.id, a.id, c.name, c.title, a.company, a.role_title, i.round, i.starts_at,
       i.ends_at, i.time_zone, n.status, n.medium, n.finished_on, n.updated_at,
       c.preferred_method, c.email
FROM interview_participant p
JOIN interview i ON i.id = p.interview_id
JOIN application a ON a.id = i.application_id
JOIN contact c ON c.id = p.contact_id
LEFT JOIN thank_you_note n ON n.interview_id = i.id AND n.contact_id = c.id
WHERE p.role IN ({roles}) {where}
ORDER BY i.starts_at, i.id, p.id
"""


def _tasks(where: str, params: tuple[object, ...], hours: int) -> list[NoteTask]:
    sql = _TASKS_SQL.format(roles=", ".join("?" * len(NOTE_ROLES)), where=where)
    tasks = []
    for row in db.execute_sql(sql, (*NOTE_ROLES, *params)):
        (iid, cid, aid, name, title, company, role, round_, starts, ends, zone) = row[:11]
        status, medium, finished_on, updated, preferred, email = row[11:]
        ended = instant_from_db(ends)
        assert ended is not None
        started = instant_from_db(starts)
        assert started is not None
        tasks.append(
            NoteTask(
                interview_id=iid,
                contact_id=cid,
                application_id=aid,
                name=name,
                title=title,
                company=company,
                role_title=role,
                interview_round=round_,
                interview_starts_at=started,
                interview_ends_at=ended,
                time_zone=zone,
                deadline=note_deadline(ended, hours),
                status=NoteStatus(status) if status else NoteStatus.TO_WRITE,
                medium=NoteMedium(medium) if medium else default_medium(preferred, email or ""),
                finished_on=day_from_db(finished_on),
                updated_at=instant_from_db(updated),
            )
        )
    return tasks


def note_tasks_for_application(application_id: int) -> list[NoteTask]:
    hours = options.get(options.NOTE_HOURS)
    return _tasks("AND a.id = ?", (application_id,), hours)


def note_task(interview_id: int, contact_id: int) -> NoteTask:
    hours = options.get(options.NOTE_HOURS)
    found = _tasks("AND i.id = ? AND c.id = ?", (interview_id, contact_id), hours)
    if not found:
        raise NoteError(
            translate("notes", "This person is no longer an interviewer of that interview.")
        )
    return found[0]


# -- the composer's view of one note ------------------------------------------------------


@dataclass(frozen=True)
class NoteDraft:
    """What is saved of a note: its text and the personal parts it was built from."""

    tone: str
    subject: str
    body: str
    edited_by_hand: bool
    specific_point: str = ""
    wish_said: str = ""
    extra: str = ""
    promised_on: date | None = None
    medium: NoteMedium = NoteMedium.EMAIL
    address: str = ""


@dataclass(frozen=True)
class NoteContext:
    """Everything the composer needs for one note, loaded in one go."""

    task: NoteTask
    draft: NoteDraft | None  # None until first saved
    checked_at: datetime | None
    interview_day: date  # local to the interview's zone
    email: str
    phone: str
    preferred_method: str | None
    interview_notes: str
    application_notes: str
    sender_name: str
    sender_contact: str
    # (name, text) of the notes to the other interviewers of the same interview.
    siblings: list[tuple[str, str]]
    # Every other company in the database, for the "wrong company" check.
    other_companies: list[str]
    personal_words: list[str]
    # The interview as the follow-up plan reads it, and the day of the first follow-up
    # it calls for: what the note offers to promise, so that note and plan agree.
    follow_up_facts: InterviewFacts | None = None
    planned_follow_up: date | None = None
    # (name, day) promised in the notes already sent to the other interviewers of the
    # interview (the plan keeps the earliest of those promises).
    other_promises: list[tuple[str, date]] = field(default_factory=list)
    # The words of roles that suit a handwritten card (Preferences), lower-cased.
    creative_roles: tuple[str, ...] = ()
    # What the debrief of the interview says the candidate meant to say, one per point.
    meant_to_say: tuple[str, ...] = ()


def load_note_context(interview_id: int, contact_id: int) -> NoteContext:
    task = note_task(interview_id, contact_id)
    interview = Interview.get_by_id(interview_id)
    application = Application.get_by_id(task.application_id)
    contact = Contact.get_by_id(contact_id)
    row = ThankYouNote.get_or_none(
        (ThankYouNote.interview == interview_id) & (ThankYouNote.contact == contact_id)
    )
    draft = None
    if row is not None:
        draft = NoteDraft(
            tone=row.tone,
            subject=row.subject,
            body=row.body,
            edited_by_hand=bool(row.edited_by_hand),
            specific_point=row.specific_point,
            wish_said=row.wish_said,
            extra=row.extra,
            promised_on=row.promised_on,
            medium=NoteMedium(row.medium),
            address=row.address,
        )
    siblings = [
        (str(name), str(body))
        for name, body in db.execute_sql(
            "SELECT c.name, n.body FROM thank_you_note n JOIN contact c ON c.id = n.contact_id "
            "WHERE n.interview_id = ? AND n.contact_id != ? AND trim(n.body) != '' "
            "ORDER BY c.name",
            (interview_id, contact_id),
        )
    ]
    facts = interview_facts(interview_id)
    companies = [
        str(name)
        for (name,) in db.execute_sql(
            "SELECT DISTINCT company FROM application WHERE company != ? COLLATE NOCASE "
            "ORDER BY company",
            (application.company,),
        )
    ]
    return NoteContext(
        task=task,
        draft=draft,
        checked_at=row.checked_at if row is not None else None,
        interview_day=task.interview_starts_at.astimezone(ZoneInfo(task.time_zone)).date(),
        email=contact.email,
        phone=contact.phone,
        preferred_method=contact.preferred_method,
        interview_notes=interview.notes,
        meant_to_say=tuple(debrief_meant_to_say(interview.id)),
        application_notes=application.notes,
        sender_name=options.get(options.SENDER_NAME),
        sender_contact=options.get(options.SENDER_CONTACT),
        creative_roles=creative_role_words(options.get(options.CREATIVE_ROLES)),
        siblings=siblings,
        other_companies=companies,
        personal_words=personal_words(),
        follow_up_facts=facts,
        planned_follow_up=first_follow_up_day(facts, cadence_settings()) if facts else None,
        other_promises=[
            (str(name), day)
            for name, promised in db.execute_sql(
                "SELECT c.name, n.promised_on FROM thank_you_note n "
                "JOIN contact c ON c.id = n.contact_id WHERE n.interview_id = ? "
                "AND n.contact_id != ? AND n.promised_on IS NOT NULL "
                f"AND n.status IN ({', '.join('?' * len(FINISHED))}) "
                "ORDER BY n.promised_on, c.name",
                (interview_id, contact_id, *sorted(s.value for s in FINISHED)),
            )
            if (day := day_from_db(promised)) is not None
        ],
    )


def save_note(
    interview_id: int, contact_id: int, draft: NoteDraft, clock: Clock, *, checked: bool = False
) -> int:
    """Store the draft; returns the note's id.

    A note that is already out keeps its state (the text is kept as sent); otherwise it
    becomes "checked" when the checks were run and passed (or were accepted), else "drafted".
    """
    note_task(interview_id, contact_id)  # refuses people who are not interviewers there
    now = clock.now()
    with writing():
        row = ThankYouNote.get_or_none(
            (ThankYouNote.interview == interview_id) & (ThankYouNote.contact == contact_id)
        )
        if row is None:
            row = ThankYouNote(interview=interview_id, contact=contact_id, created_at=now)
        status = NoteStatus(row.status) if row.status else NoteStatus.TO_WRITE
        if status not in FINISHED:
            if checked:
                row.status, row.checked_at = NoteStatus.CHECKED.value, now
            elif not draft.body.strip():
                row.status = NoteStatus.TO_WRITE.value
            elif status is NoteStatus.CHECKED and _text_changed(row, draft):
                row.status = NoteStatus.DRAFTED.value  # a changed text is checked again
            elif status is not NoteStatus.CHECKED:
                row.status = NoteStatus.DRAFTED.value
        row.tone = draft.tone
        row.subject = draft.subject
        row.body = draft.body
        row.edited_by_hand = draft.edited_by_hand
        row.specific_point = draft.specific_point.strip()
        row.wish_said = draft.wish_said.strip()
        row.extra = draft.extra.strip()
        row.promised_on = draft.promised_on
        row.medium = draft.medium.value
        row.address = draft.address
        row.updated_at = now
        row.save()
    return int(row.id)


def _text_changed(row: ThankYouNote, draft: NoteDraft) -> bool:
    return bool(row.body != draft.body or row.subject != draft.subject)


def finish_note(
    interview_id: int, contact_id: int, medium: NoteMedium, on: date, clock: Clock
) -> None:
    """Record that the note went out: e-mailed, posted or dropped off on ``on``."""
    now = clock.now()
    with writing():
        row = ThankYouNote.get_or_none(
            (ThankYouNote.interview == interview_id) & (ThankYouNote.contact == contact_id)
        )
        if row is None or not row.body.strip():
            raise NoteError(translate("notes", "Write the note before marking it as sent."))
        row.status = medium.finished_status.value
        row.medium = medium.value
        row.finished_on = on
        row.finished_at = now
        row.updated_at = now
        row.save()


def reopen_note(interview_id: int, contact_id: int, clock: Clock) -> None:
    """Undo "sent": the note goes back to checked (or drafted) and is reminded of again."""
    with writing():
        row = ThankYouNote.get_or_none(
            (ThankYouNote.interview == interview_id) & (ThankYouNote.contact == contact_id)
        )
        if row is None:
            return
        row.status = (NoteStatus.CHECKED if row.checked_at else NoteStatus.DRAFTED).value
        row.finished_on = None
        row.finished_at = None
        row.updated_at = clock.now()
        row.save()


# -- the personal word list ----------------------------------------------------------------


def personal_words() -> list[str]:
    return [str(w) for (w,) in db.execute_sql("SELECT word FROM personal_word ORDER BY word")]


@writes
def add_personal_word(word: str) -> None:
    cleaned = word.strip()
    if not cleaned or any(c.isspace() for c in cleaned):
        raise NoteError(translate("notes", "Add one word at a time."))
    PersonalWord.insert(word=cleaned).on_conflict_ignore().execute()


# -- reminders -----------------------------------------------------------------------------


def planned_note_reminders(now: datetime, scope: PlanScope = EVERYTHING) -> list[ReminderSpec]:
    """A "due soon" and an "overdue" reminder for every note not yet out, from interviews
    whose notes are not past the outer limit at ``now`` (those lapse: ``expires_at``)."""
    hours = options.get(options.NOTE_HOURS)
    # Writing the note is the user's task: their clock and hours decide when it is said;
    # the deadline is shown on their clock, and on the interview's when that differs.
    user_zone, user_hours = options.user_zone(), options.user_hours()
    earliest_end = now - timedelta(hours=hours) - NAG_UNTIL_AFTER_DEADLINE
    stages = [s.value for s in ACTIVE_STAGES]
    in_scope, scope_params = scope.sql("a.id")
    where = (
        f"AND i.ends_at >= ? AND a.stage IN ({', '.join('?' * len(stages))}) "
        f"AND (n.status IS NULL OR n.status NOT IN ({', '.join('?' * len(FINISHED))})) "
        f"AND {in_scope}"
    )
    params = (
        to_db_instant(earliest_end),
        *stages,
        *sorted(s.value for s in FINISHED),
        *scope_params,
    )
    specs = []
    for task in _tasks(where, params, hours):
        times = note_reminder_times(
            task.interview_ends_at, hours, user_zone, user_hours.start, user_hours.end
        )
        if now >= times.stop_after:
            continue
        key = subject_key(task.interview_id, task.contact_id)
        words = note_params(
            task.name, task.company, task.interview_round, times.deadline, task.time_zone
        )
        # "Due soon" lasts until the "overdue" reminder comes (at the deadline, or the
        # next morning when the deadline falls outside the user's hours), so a note past
        # its deadline at night is never missing from Today; its words then say it is
        # late. An interview recorded after the deadline gets only "overdue".
        for kind, due, until in (
            (NOTE_DUE_SOON, times.due_soon, times.overdue),
            (NOTE_OVERDUE, times.overdue, times.stop_after),
        ):
            specs.append(
                planned_reminder(kind, key, due, words, task.application_id, until, user_zone)
            )
    return specs


def plan_note_reminders(now: datetime) -> tuple[int, int]:
    with as_stored():
        specs = planned_note_reminders(now)
    return sync_reminders(specs, NOTE_KINDS, now)
