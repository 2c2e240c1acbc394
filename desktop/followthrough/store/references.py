"""References and network contacts in the database: the pool, who was given to which
employer, each step of keeping them in the loop, and what a message to them needs.

Their reminders (one per person given to one application, ``subject_key`` "ref:{link
id}") are planned in ``store.reference_reminders`` by the rules of
``domain.reference_reminders``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followthrough.domain.clock import Clock
from followthrough.domain.contacts import ContactRoleKind
from followthrough.domain.errors import UserError
from followthrough.domain.references import (
    ContactedBy,
    MessagePurpose,
    ReferenceKind,
    Standing,
    outcome_for,
    overuse_warning,
)
from followthrough.domain.reminder_kinds import Feature, ReminderKind, SubjectKey, kinds_of
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.domain.wording import translate
from followthrough.store import settings as options
from followthrough.store.contacts import (
    CARD_COLUMNS,
    ContactCard,
    ContactFields,
    reference_profile,
    save_contact,
)
from followthrough.store.fields import day_from_db, instant_from_db
from followthrough.store.models import (
    Application,
    ApplicationReference,
    Contact,
    ContactRole,
    db,
)
from followthrough.store.transactions import writes, writing

REFERENCE_HEADS_UP: str = ReminderKind.REFERENCE_HEADS_UP
REFERENCE_THANKS: str = ReminderKind.REFERENCE_THANKS
REFERENCE_OUTCOME: str = ReminderKind.REFERENCE_OUTCOME
NETWORK_CHECK_IN: str = ReminderKind.NETWORK_CHECK_IN
REFERENCE_KINDS = kinds_of(Feature.REFERENCE)


# The contact role each kind of link gives the person.
_ROLE_FOR_KIND = {
    ReferenceKind.REFERENCE: ContactRoleKind.REFERENCE,
    ReferenceKind.NETWORK: ContactRoleKind.REFERRER,
}


class ReferenceLinkError(UserError):
    """The reference cannot be added or changed as asked; the message is for the user."""


def subject_key(link_id: int) -> str:
    return str(SubjectKey(Feature.REFERENCE, (link_id,)))


def parse_subject_key(key: str) -> int | None:
    """The link id of a reference reminder's subject, or None for another kind."""
    subject = SubjectKey.parse(key)
    ids = subject.ids_of(Feature.REFERENCE, 1) if subject is not None else None
    return ids[0] if ids is not None else None


# -- the pool ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PoolEntry(ContactCard):
    """A person in the reference pool, with how much they have been asked of lately."""

    relationship: str
    speaks_to: str
    consent_on: date | None
    times_given: int
    last_given_on: date | None


def reference_pool() -> list[PoolEntry]:
    """Everyone with the reference role or given as a reference, by name."""
    rows = db.execute_sql(
        f"""
        SELECT {CARD_COLUMNS},
               COALESCE(p.relationship, ''), COALESCE(p.speaks_to, ''), p.consent_on,
               (SELECT COUNT(*) FROM application_reference r
                WHERE r.contact_id = c.id AND r.kind = 'reference'),
               (SELECT MAX(COALESCE(r.given_on, date(r.created_at))) FROM application_reference r
                WHERE r.contact_id = c.id AND r.kind = 'reference')
        FROM contact c LEFT JOIN reference_profile p ON p.contact_id = c.id
        WHERE EXISTS (SELECT 1 FROM contact_role cr
                      WHERE cr.contact_id = c.id AND cr.role = 'reference')
           OR EXISTS (SELECT 1 FROM application_reference r
                      WHERE r.contact_id = c.id AND r.kind = 'reference')
        ORDER BY c.name COLLATE NOCASE, c.id
        """
    )
    return [
        PoolEntry(
            **asdict(ContactCard(*card)),
            relationship=relationship,
            speaks_to=speaks_to,
            consent_on=day_from_db(consent),
            times_given=int(count),
            last_given_on=day_from_db(last),
        )
        for (*card, relationship, speaks_to, consent, count, last) in rows
    ]


def network_candidates(application_id: int) -> list[tuple[int, str]]:
    """(id, name) of people who could be this application's network contact: referrers,
    and anyone at the same company who is not an interviewer there."""
    company = Application.get_by_id(application_id).company
    rows = db.execute_sql(
        """
        SELECT c.id, c.name FROM contact c
        WHERE EXISTS (SELECT 1 FROM contact_role cr
                      WHERE cr.contact_id = c.id AND cr.role = 'referrer')
           OR c.company = ? COLLATE NOCASE
        ORDER BY c.name COLLATE NOCASE
        """,
        (company,),
    )
    return [(int(cid), str(name)) for cid, name in rows]


# -- per application -----------------------------------------------------------------------


@dataclass(frozen=True)
class ReferenceLine:
    """One person given to (or to be given to) one employer, and where things stand."""

    link_id: int
    application_id: int
    contact_id: int
    kind: ReferenceKind
    name: str
    email: str
    phone: str
    preferred_method: str | None
    given_on: date | None
    emphasis: str
    resume_path: str
    heads_up_at: datetime | None
    heads_up_via: str | None
    contacted_on: date | None
    contacted_by: ContactedBy | None
    thanked_on: date | None
    outcome_told_on: date | None
    checked_in_at: datetime | None

    @property
    def standing(self) -> tuple[Standing, date | None]:
        """Where this person stands, and the day of that step (None: a step still to take)."""
        if self.kind is ReferenceKind.NETWORK:
            if self.checked_in_at is not None:
                return Standing.CHECKED_IN, self.checked_in_at.date()
            return Standing.CHECK_IN_DUE, None
        if self.outcome_told_on is not None:
            return Standing.TOLD, self.outcome_told_on
        if self.thanked_on is not None:
            return Standing.THANKED, self.thanked_on
        if self.contacted_on is not None:
            return Standing.CONTACTED, self.contacted_on
        if self.heads_up_at is not None:
            return Standing.HEADS_UP_SENT, self.heads_up_at.date()
        return Standing.HEADS_UP_TO_SEND, None


_LINES_SQL = """
SELECT r.id, r.application_id, c.id, r.kind, c.name, c.email, c.phone, c.preferred_method,
       r.given_on, r.emphasis, r.resume_path, r.heads_up_at, r.heads_up_via, r.contacted_on,
       r.contacted_by, r.thanked_on, r.outcome_told_on, r.checked_in_at
FROM application_reference r JOIN contact c ON c.id = r.contact_id
WHERE {where}
ORDER BY r.kind, c.name COLLATE NOCASE, r.id
"""


def _lines(where: str, params: tuple[object, ...]) -> list[ReferenceLine]:
    lines = []
    for row in db.execute_sql(_LINES_SQL.format(where=where), params):
        (link, app, cid, kind, name, email, phone, method, given, emphasis, resume) = row[:11]
        heads_up, via, contacted, by, thanked, told, checked_in = row[11:]
        lines.append(
            ReferenceLine(
                link_id=link,
                application_id=app,
                contact_id=cid,
                kind=ReferenceKind(kind),
                name=name,
                email=email,
                phone=phone,
                preferred_method=method,
                given_on=day_from_db(given),
                emphasis=emphasis,
                resume_path=resume,
                heads_up_at=instant_from_db(heads_up),
                heads_up_via=via,
                contacted_on=day_from_db(contacted),
                contacted_by=ContactedBy(by) if by else None,
                thanked_on=day_from_db(thanked),
                outcome_told_on=day_from_db(told),
                checked_in_at=instant_from_db(checked_in),
            )
        )
    return lines


@dataclass(frozen=True)
class ReferenceUse:
    """One time a person was given as a reference (or was a network contact): for which
    employer, and where the steps with them stand (a contact's history shows these)."""

    line: ReferenceLine
    company: str
    role_title: str


def reference_uses(contact_id: int) -> list[ReferenceUse]:
    """Every application this person was given to, the latest first."""
    lines = _lines("r.contact_id = ?", (contact_id,))
    if not lines:
        return []
    ids = sorted({line.application_id for line in lines})
    names = {
        int(app_id): (str(company), str(role))
        for app_id, company, role in db.execute_sql(
            "SELECT id, company, role_title FROM application WHERE id IN "
            f"({', '.join('?' * len(ids))})",
            tuple(ids),
        )
    }
    uses = [ReferenceUse(line, *names[line.application_id]) for line in lines]

    def latest(use: ReferenceUse) -> tuple[date, int]:
        line = use.line
        day = line.given_on or (line.heads_up_at.date() if line.heads_up_at else date.min)
        return day, line.link_id

    return sorted(uses, key=latest, reverse=True)


def references_for_application(application_id: int) -> list[ReferenceLine]:
    return _lines("r.application_id = ?", (application_id,))


def reference_line(link_id: int) -> ReferenceLine:
    found = _lines("r.id = ?", (link_id,))
    if not found:
        raise ReferenceLinkError(
            translate("references", "This person is no longer listed for that application.")
        )
    return found[0]


def add_reference(
    application_id: int,
    contact_id: int,
    kind: ReferenceKind,
    clock: Clock,
    given_on: date | None = None,
) -> int:
    """List ``contact_id`` as a reference (or network contact) of the application."""
    now = clock.now()
    with writing():
        existing = ApplicationReference.get_or_none(
            (ApplicationReference.application == application_id)
            & (ApplicationReference.contact == contact_id)
        )
        if existing is not None:
            name = Contact.get_by_id(contact_id).name
            raise ReferenceLinkError(
                translate("references", "{name} is already listed for this application.").format(
                    name=name
                )
            )
        ContactRole.insert(
            contact=contact_id, role=_ROLE_FOR_KIND[kind]
        ).on_conflict_ignore().execute()
        row = ApplicationReference.create(
            application=application_id,
            contact=contact_id,
            kind=kind.value,
            given_on=given_on,
            created_at=now,
            updated_at=now,
        )
    return int(row.id)


def add_new_person(
    application_id: int,
    kind: ReferenceKind,
    name: str,
    clock: Clock,
    *,
    email: str = "",
    phone: str = "",
    relationship: str = "",
    given_on: date | None = None,
) -> int:
    """Create the person (as ``save_contact`` does, refusing what it refuses) and list
    them for the application in one go; returns the link id."""
    with writing():
        # A network contact usually works at the employer; a reference usually does not.
        company = (
            Application.get_by_id(application_id).company if kind is ReferenceKind.NETWORK else ""
        )
        person = ContactFields(
            name=name,
            company=company,
            email=email,
            phone=phone,
            roles=frozenset({_ROLE_FOR_KIND[kind]}),
            relationship=relationship if kind is ReferenceKind.REFERENCE else "",
        )
        return add_reference(application_id, save_contact(person, clock), kind, clock, given_on)


@writes
def remove_reference(link_id: int) -> None:
    ApplicationReference.delete().where(ApplicationReference.id == link_id).execute()


def given_days(contact_id: int, exclude_application_id: int | None = None) -> list[date]:
    """The days this person was given as a reference (the day listed when no day was set)."""
    rows = db.execute_sql(
        "SELECT COALESCE(given_on, date(created_at)) FROM application_reference "
        "WHERE contact_id = ? AND kind = 'reference' AND application_id != ?",
        (contact_id, exclude_application_id if exclude_application_id is not None else -1),
    )
    return [d for (value,) in rows if (d := day_from_db(value)) is not None]


def overuse_for(contact_id: int, today: date, adding_to: int | None = None) -> str | None:
    """The overuse warning for this person, counting one more use when ``adding_to`` is
    an application they are about to be given to."""
    days = given_days(contact_id, adding_to)
    if adding_to is not None:
        days.append(today)
    return overuse_warning(
        days,
        today,
        options.get(options.REFERENCE_OVERUSE_DAYS),
        options.get(options.REFERENCE_OVERUSE_COUNT),
    )


def _update(link_id: int, clock: Clock, **values: object) -> None:
    with writing():
        changed = (
            ApplicationReference.update(updated_at=clock.now(), **values)
            .where(ApplicationReference.id == link_id)
            .execute()
        )
    if not changed:
        raise ReferenceLinkError(
            translate("references", "This person is no longer listed for that application.")
        )


def save_heads_up_draft(link_id: int, emphasis: str, resume_path: str, clock: Clock) -> None:
    """Keep what to emphasise and which résumé, for the next time the composer opens."""
    _update(link_id, clock, emphasis=emphasis, resume_path=resume_path)


def record_heads_up(link_id: int, via: str, clock: Clock) -> None:
    """The heads-up went out (``via``: "email", "phone" or "copied")."""
    line = reference_line(link_id)
    values: dict[str, object] = {"heads_up_at": clock.now(), "heads_up_via": via}
    if line.given_on is None:
        values["given_on"] = clock.now().date()
    _update(link_id, clock, **values)


def record_contacted(link_id: int, on: date, by: ContactedBy, clock: Clock) -> None:
    if on > clock.now().date() + timedelta(days=1):
        raise ReferenceLinkError(
            translate("references", "A call that has not happened yet cannot be logged.")
        )
    _update(
        link_id,
        clock,
        contacted_on=on,
        contacted_by=by.value,
        contacted_logged_at=clock.now(),
    )


def record_thanked(link_id: int, on: date, clock: Clock) -> None:
    _update(link_id, clock, thanked_on=on)


def record_outcome_told(link_id: int, on: date, clock: Clock) -> None:
    _update(link_id, clock, outcome_told_on=on)


def record_checked_in(link_id: int, clock: Clock) -> None:
    _update(link_id, clock, checked_in_at=clock.now())


# What recording a message can change: what an undo puts back.
_MESSAGE_COLUMNS = (
    "given_on",
    "heads_up_at",
    "heads_up_via",
    "thanked_on",
    "outcome_told_on",
    "checked_in_at",
)


@dataclass(frozen=True)
class RecordedMessage:
    """A message recorded as sent, with what its row held before (to undo it)."""

    link_id: int
    before: dict[str, object]


def record_message_sent(
    link_id: int, purpose: MessagePurpose, via: str, on: date, clock: Clock
) -> RecordedMessage:
    """The message for ``purpose`` went out (or was said on the phone) on ``on``; returns
    what ``undo_message`` needs to take it back."""
    with writing():
        row = ApplicationReference.get_or_none(ApplicationReference.id == link_id)
        if row is None:
            raise ReferenceLinkError(
                translate("references", "This person is no longer listed for that application.")
            )
        before = {column: getattr(row, column) for column in _MESSAGE_COLUMNS}
        if purpose is MessagePurpose.HEADS_UP:
            record_heads_up(link_id, via, clock)
        elif purpose is MessagePurpose.THANKS:
            record_thanked(link_id, on, clock)
        elif purpose is MessagePurpose.OUTCOME:
            record_outcome_told(link_id, on, clock)
        else:
            record_checked_in(link_id, clock)
    return RecordedMessage(link_id, before)


def record_heads_up_sent(
    link_id: int, emphasis: str, resume_path: str, via: str, on: date, clock: Clock
) -> RecordedMessage:
    """The heads-up went out as written: what it emphasised and which résumé are kept, and
    it is recorded as sent, in one transaction (both or neither)."""
    with writing():
        save_heads_up_draft(link_id, emphasis, resume_path, clock)
        return record_message_sent(link_id, MessagePurpose.HEADS_UP, via, on, clock)


def undo_message(recorded: RecordedMessage, clock: Clock) -> None:
    """Take back a message just recorded (said on the phone by mistake): the row holds
    again what it held before, in one transaction; its reminder comes back."""
    _update(recorded.link_id, clock, **recorded.before)


def undo_step(link_id: int, step: str, clock: Clock) -> None:
    """Take back one recorded step (it was logged by mistake); its reminder comes back."""
    columns: dict[str, dict[str, object]] = {
        "heads_up": {"heads_up_at": None, "heads_up_via": None},
        "contacted": {"contacted_on": None, "contacted_by": None, "contacted_logged_at": None},
        "thanked": {"thanked_on": None},
        "outcome": {"outcome_told_on": None},
        "checked_in": {"checked_in_at": None},
    }
    if step not in columns:
        raise ValueError(f"unknown step {step!r}")
    _update(link_id, clock, **columns[step])


# -- what a message needs ------------------------------------------------------------------


@dataclass(frozen=True)
class ReferenceContext:
    """Everything the message composer needs for one person and one application."""

    line: ReferenceLine
    company: str
    role_title: str
    stage: Stage
    closure_reason: ClosureReason | None
    outcome: Stage | None
    posting_notes: str
    interview_notes: str
    interview_day: date | None
    interview_round: int | None
    relationship: str
    speaks_to: str
    contact_notes: str
    sender_name: str
    overuse: str | None


def load_reference_context(
    link_id: int, now: datetime, today: date, interview_round: int | None = None
) -> ReferenceContext:
    """What a message to the person on ``link_id`` speaks of: the last interview that took
    place, or with ``interview_round`` (the round a reminder is about) that one's."""
    line = reference_line(link_id)
    application = Application.get_by_id(line.application_id)
    interviews = interviews_by_application([line.application_id]).get(line.application_id, [])
    # The messages speak of an interview that took place, never of one to come.
    past = [i for i in reversed(interviews) if i.ends_at <= now]
    latest = next((i for i in past if i.round == interview_round), None) or next(iter(past), None)
    profile = reference_profile(line.contact_id)
    contact = Contact.get_by_id(line.contact_id)
    stage = Stage(application.stage)
    reason = ClosureReason(application.closure_reason) if application.closure_reason else None
    return ReferenceContext(
        line=line,
        company=application.company,
        role_title=application.role_title,
        stage=stage,
        closure_reason=reason,
        outcome=outcome_for(stage.value, reason.value if reason else None),
        posting_notes=application.notes,
        interview_notes=latest.notes if latest else "",
        interview_day=latest.local_day if latest else None,
        interview_round=latest.round if latest else None,
        relationship=profile.relationship,
        speaks_to=profile.speaks_to,
        contact_notes=contact.notes,
        sender_name=options.get(options.SENDER_NAME),
        overuse=overuse_for(line.contact_id, today)
        if line.kind is ReferenceKind.REFERENCE
        else None,
    )


@writes
def save_contact_notes(contact_id: int, notes: str) -> None:
    """A network contact's notes, kept with them (the contact's own notes field)."""
    Contact.update(notes=notes).where(Contact.id == contact_id).execute()


# -- reminders -----------------------------------------------------------------------------


@dataclass(frozen=True)
class InterviewRow:
    round: int
    ends_at: datetime
    zone: ZoneInfo
    notes: str

    @property
    def local_day(self) -> date:
        return self.ends_at.astimezone(self.zone).date()


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return ZoneInfo("UTC")


def interviews_by_application(application_ids: list[int]) -> dict[int, list[InterviewRow]]:
    """Every interview of these applications, by end."""
    if not application_ids:
        return {}
    marks = ", ".join("?" * len(application_ids))
    rows = db.execute_sql(
        "SELECT application_id, round, ends_at, time_zone, notes FROM interview "
        f"WHERE application_id IN ({marks}) ORDER BY ends_at, id",
        tuple(application_ids),
    )
    found: dict[int, list[InterviewRow]] = {}
    for app_id, round_, ends, zone, notes in rows:
        ended = instant_from_db(ends)
        assert ended is not None
        row = InterviewRow(int(round_), ended, _zone(zone), notes)
        found.setdefault(int(app_id), []).append(row)
    return found


def _noon(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


# -- the timeline --------------------------------------------------------------------------


def _heads_up_text(who: str, via: str | None) -> str:
    if via == "email":
        text = translate("references", "Heads-up to {who} by e-mail")
    elif via == "phone":
        text = translate("references", "Heads-up to {who} by phone")
    elif via == "copied":
        text = translate("references", "Heads-up to {who} (message copied)")
    else:
        text = translate("references", "Heads-up to {who}")
    return text.format(who=who)


def reference_timeline(application_id: int) -> list[tuple[datetime, str]]:
    """(when, what) of each recorded step with this application's references."""
    entries: list[tuple[datetime, str]] = []
    for line in references_for_application(application_id):
        who = line.name
        if line.kind is ReferenceKind.NETWORK:
            if line.checked_in_at is not None:
                text = translate("references", "Checked in with {who} (network contact)")
                entries.append((line.checked_in_at, text.format(who=who)))
            continue
        if line.given_on is not None:
            text = translate("references", "{who} given as a reference").format(who=who)
            entries.append((_noon(line.given_on), text))
        if line.heads_up_at is not None:
            entries.append((line.heads_up_at, _heads_up_text(who, line.heads_up_via)))
        if line.contacted_on is not None:
            if line.contacted_by:
                by = translate("references", line.contacted_by.label).lower()
                text = translate("references", "{who} was contacted about you ({by})").format(
                    who=who, by=by
                )
            else:
                text = translate("references", "{who} was contacted about you").format(who=who)
            entries.append((_noon(line.contacted_on), text))
        if line.thanked_on is not None:
            text = translate("references", "Thanked {who} for the reference").format(who=who)
            entries.append((_noon(line.thanked_on), text))
        if line.outcome_told_on is not None:
            text = translate("references", "Told {who} how it ended").format(who=who)
            entries.append((_noon(line.outcome_told_on), text))
    return entries
