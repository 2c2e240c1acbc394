"""The playbook after a rejection in the database: its steps' states, the facts they are
offered from, the revisit reminder's planner, and the lines it adds to the timeline.

The rules are ``domain.rejection``'s; the states live in ``rejection_step`` (migration
10). The revisit reminder is planned from those rows and the application's stage, like
every reminder: a change marks the application (triggers), the planner plans from facts,
so reopening the application takes its pending reminder away.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from followthrough.domain.cadence import next_contact_time
from followthrough.domain.clock import Clock
from followthrough.domain.reference_reminders import involved
from followthrough.domain.references import ReferenceKind
from followthrough.domain.rejection import (
    REVISIT_STANDS,
    Interviewer,
    PlaybookFacts,
    PlaybookProgress,
    PlaybookStep,
    ReferenceFact,
    StepKind,
    StepState,
    StoredStep,
    ThankYouMessage,
    checked_months,
    offers_playbook,
    playbook_progress,
    playbook_steps,
    revisit_due,
    revisit_params,
    revisit_subject,
    step_key,
    thank_you_message,
)
from followthrough.domain.reminder_kinds import ReminderKind
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.domain.validation import url_problem
from followthrough.domain.wording import long_day, translate
from followthrough.store import settings as options
from followthrough.store.contacts import ContactError
from followthrough.store.fields import day_from_db, instant_from_db, to_db_instant
from followthrough.store.followups import user_task_settings
from followthrough.store.models import Contact, db
from followthrough.store.reminders import ReminderSpec, planned_reminder
from followthrough.store.scope import PlanScope
from followthrough.store.transactions import writes, writing

REJECTION_KINDS: tuple[str, ...] = (ReminderKind.REVISIT_COMPANY,)


@dataclass(frozen=True)
class Playbook:
    """One application's playbook as the window shows it."""

    application_id: int
    facts: PlaybookFacts
    steps: list[PlaybookStep]
    thank_you: ThankYouMessage
    revisit_at: datetime | None  # when the revisit reminder comes (None: not planned)


def _stored_steps(application_id: int) -> dict[str, StoredStep]:
    rows = db.execute_sql(
        "SELECT step_key, state, months, updated_at FROM rejection_step WHERE application_id = ?",
        (application_id,),
    )
    stored = {}
    for key, state, months, updated in rows:
        at = instant_from_db(updated)
        if at is not None:
            stored[key] = StoredStep(StepState(state), at, months)
    return stored


def _interviewers(application_id: int) -> tuple[Interviewer, ...]:
    """Everyone met at the application's interviews, once each, in the order first met."""
    rows = db.execute_sql(
        "SELECT c.id, c.name, c.email, c.linkedin_url FROM interview i "
        "JOIN interview_participant p ON p.interview_id = i.id "
        "JOIN contact c ON c.id = p.contact_id "
        "WHERE i.application_id = ? ORDER BY i.starts_at, i.id, p.id",
        (application_id,),
    )
    seen: dict[int, Interviewer] = {}
    for contact_id, name, email, linkedin in rows:
        seen.setdefault(int(contact_id), Interviewer(int(contact_id), name, email, linkedin))
    return tuple(seen.values())


def _references(application_id: int) -> tuple[ReferenceFact, ...]:
    """The references who took part (given, warned or contacted): a name only added to
    the application has nothing to be told, nor thanked for."""
    rows = db.execute_sql(
        "SELECT r.id, c.name, r.outcome_told_on, r.given_on, r.heads_up_at, r.contacted_on "
        "FROM application_reference r JOIN contact c ON c.id = r.contact_id "
        "WHERE r.application_id = ? AND r.kind = ? ORDER BY r.id",
        (application_id, ReferenceKind.REFERENCE.value),
    )
    return tuple(
        ReferenceFact(int(i), name, told is not None)
        for i, name, told, given, warned, contacted in rows
        if involved(given, warned, contacted)
    )


def playbook_facts(application_id: int) -> PlaybookFacts:
    row = db.execute_sql(
        "SELECT company, role_title, stage, closure_reason, closed_on FROM application "
        "WHERE id = ?",
        (application_id,),
    ).fetchone()
    if row is None:
        raise LookupError(f"no application {application_id}")
    company, role, stage, reason, closed_on = row
    return PlaybookFacts(
        company=company,
        role_title=role,
        stage=Stage(stage),
        closure_reason=ClosureReason(reason) if reason else None,
        closed_on=day_from_db(closed_on),
        interviewers=_interviewers(application_id),
        references=_references(application_id),
        stored=_stored_steps(application_id),
    )


def _revisit_at(facts: PlaybookFacts, months: int | None) -> datetime | None:
    if months is None or facts.closed_on is None:
        return None
    zone = options.user_zone()
    settings = user_task_settings()
    return revisit_due(
        facts.closed_on, months, zone, lambda at: next_contact_time(at, zone, settings)
    )


def load_playbook(application_id: int) -> Playbook:
    """The steps and what they need (a read: writes nothing)."""
    facts = playbook_facts(application_id)
    steps = playbook_steps(facts)
    revisit = next((s for s in steps if s.kind is StepKind.REVISIT), None)
    return Playbook(
        application_id=application_id,
        facts=facts,
        steps=steps,
        thank_you=thank_you_message(
            facts.company,
            facts.role_title,
            facts.interviewers[0] if facts.interviewers else None,
            options.get(options.SENDER_NAME),
            options.get(options.SENDER_CONTACT),
        ),
        revisit_at=_revisit_at(facts, revisit.months if revisit else None),
    )


def load_playbook_progress(application_id: int) -> PlaybookProgress | None:
    """How far the application's playbook is, while it has steps left (a read: for the
    application's "What's next"); None for an application not closed as a rejection."""
    stage = db.execute_sql(
        "SELECT stage, closure_reason FROM application WHERE id = ?", (application_id,)
    ).fetchone()
    if stage is None or not offers_playbook(
        Stage(stage[0]), ClosureReason(stage[1]) if stage[1] else None
    ):
        return None  # the common case: one small read, not the playbook's facts
    return playbook_progress(playbook_facts(application_id))


def _upsert(application_id: int, key: str, state: StepState, now: datetime) -> None:
    db.execute_sql(
        "INSERT INTO rejection_step (application_id, step_key, state, updated_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (application_id, step_key) DO UPDATE SET "
        "state = excluded.state, updated_at = excluded.updated_at",
        (application_id, key, state.value, to_db_instant(now)),
    )


def set_step_state(application_id: int, key: str, state: StepState, clock: Clock) -> None:
    """Mark a step done, skipped, or to do again (one short write)."""
    with writing():
        _upsert(application_id, key, state, clock.now())


def plan_revisit(application_id: int, months: int, clock: Clock) -> None:
    """Plan (or move) the "look at the company again" reminder ``months`` after the
    application closed; the step is to do until the user has looked."""
    months = checked_months(months)
    key = step_key(StepKind.REVISIT)
    with writing():
        _upsert(application_id, key, StepState.TODO, clock.now())
        db.execute_sql(
            "UPDATE rejection_step SET months = ? WHERE application_id = ? AND step_key = ?",
            (months, application_id, key),
        )


@writes
def set_contact_profile(contact_id: int, url: str) -> None:
    """The person's profile link (LinkedIn), as added from the playbook."""
    problem = url_problem(url) if url.strip() else None
    if problem or not url.strip():
        raise ContactError(problem or translate("rejection", "Enter the profile's address."))
    Contact.update(linkedin_url=url.strip()).where(Contact.id == contact_id).execute()


# --- the planner ----------------------------------------------------------------------------


def planned_revisits(scope: PlanScope, now: datetime) -> list[ReminderSpec]:
    """A "look at the company again" reminder for each application closed as a rejection
    whose revisit step is planned and still to do."""
    del now  # the reminder depends on the facts only
    where, params = scope.sql("s.application_id")
    rows = db.execute_sql(
        "SELECT a.id, a.company, a.role_title, a.stage, a.closure_reason, a.closed_on, s.months "
        "FROM rejection_step s JOIN application a ON a.id = s.application_id "
        f"WHERE s.step_key = ? AND s.state = ? AND s.months IS NOT NULL AND {where}",
        (step_key(StepKind.REVISIT), StepState.TODO.value, *params),
    ).fetchall()
    if not rows:
        return []
    zone = options.user_zone()
    settings = user_task_settings()
    specs = []
    for app_id, company, role, stage, reason, closed_text, months in rows:
        closed_on = day_from_db(closed_text)
        reason_now = ClosureReason(reason) if reason else None
        if closed_on is None or not offers_playbook(Stage(stage), reason_now):
            continue
        due = revisit_due(
            closed_on, int(months), zone, lambda at: next_contact_time(at, zone, settings)
        )
        specs.append(
            planned_reminder(
                ReminderKind.REVISIT_COMPANY,
                revisit_subject(int(app_id)),
                due,
                revisit_params(company, role, closed_on),
                int(app_id),
                due + REVISIT_STANDS,
                zone,
            )
        )
    return specs


# --- the timeline ---------------------------------------------------------------------------


def playbook_timeline(application_id: int) -> list[tuple[datetime, str]]:
    """(when, what) of each playbook step done, skipped or planned (the references' own
    steps are on the timeline through the references feature)."""
    facts = playbook_facts(application_id)
    names = {person.contact_id: person.name for person in facts.interviewers}
    entries = []
    for key, stored in facts.stored.items():
        kind_text, _, item = key.partition(":")
        try:
            kind = StepKind(kind_text)
        except ValueError:
            continue
        text = _timeline_text(kind, stored, names.get(int(item)) if item.isdigit() else None)
        if kind is StepKind.REVISIT and stored.state is StepState.TODO:
            when = _revisit_at(facts, stored.months)
            if when is None:
                continue
            text = translate("rejection", "Reminder to look at {company} again on {day}").format(
                company=facts.company, day=long_day(when.astimezone(options.user_zone()).date())
            )
        if text:
            entries.append((stored.at, text))
    return entries


def _timeline_text(kind: StepKind, stored: StoredStep, person: str | None) -> str:
    done = stored.state is StepState.DONE
    if stored.state is StepState.TODO:
        return ""
    if kind is StepKind.THANK_YOU:
        return (
            translate("rejection", "After the rejection: thank-you sent")
            if done
            else translate("rejection", "After the rejection: thank-you skipped")
        )
    if kind is StepKind.CONNECT:
        who = person or translate("rejection", "an interviewer")
        template = (
            translate("rejection", "Connected with {who}")
            if done
            else translate("rejection", "Skipped connecting with {who}")
        )
        return template.format(who=who)
    if kind is StepKind.REVISIT:
        return (
            translate("rejection", "Looked at the company again")
            if done
            else translate("rejection", "Skipped looking at the company again")
        )
    return ""
