"""Reference and network-contact reminders in the database: the facts of each person
given to an application, gathered for the rules of ``domain.reference_reminders``."""

from __future__ import annotations

from datetime import datetime

from followthrough.domain.cadence import next_contact_time
from followthrough.domain.reference_reminders import InterviewFact, LinkFacts, reference_steps
from followthrough.domain.references import (
    ReferenceKind,
)
from followthrough.domain.stages import Stage
from followthrough.domain.wording import as_stored
from followthrough.store import settings as options
from followthrough.store.fields import instant_from_db
from followthrough.store.followups import user_task_settings
from followthrough.store.models import (
    Application,
    ApplicationReference,
    Contact,
    db,
)
from followthrough.store.references import (
    REFERENCE_KINDS,
    InterviewRow,
    interviews_by_application,
    subject_key,
)
from followthrough.store.reminders import (
    ReminderSpec,
    planned_reminder,
    sync_reminders,
)
from followthrough.store.scope import EVERYTHING, PlanScope


def _stage_entered(application_ids: list[int]) -> dict[int, datetime]:
    """When each application last entered its current stage."""
    if not application_ids:
        return {}
    marks = ", ".join("?" * len(application_ids))
    rows = db.execute_sql(
        f"""
        SELECT e.application_id, MAX(e.happened_at) FROM stage_event e
        JOIN application a ON a.id = e.application_id AND a.stage = e.to_stage
        WHERE e.application_id IN ({marks}) GROUP BY e.application_id
        """,
        tuple(application_ids),
    )
    entered = {}
    for app_id, at in rows:
        instant = instant_from_db(at)
        if instant is not None:
            entered[int(app_id)] = instant
    return entered


def planned_reference_reminders(now: datetime, scope: PlanScope = EVERYTHING) -> list[ReminderSpec]:
    """Every reminder the references and network contacts call for, leaving out those
    whose occasion has lapsed by ``now``. The reminders themselves depend on the facts
    only, never on the time of planning, so planning again never moves them."""
    return [s for s in _reference_reminders(scope) if not s.expired(now)]


def planned_references(scope: PlanScope, now: datetime) -> list[ReminderSpec]:
    """The planner's entry."""
    return planned_reference_reminders(now, scope)


def _reference_reminders(scope: PlanScope) -> list[ReminderSpec]:
    # Writing to a reference is the user's own task: their clock, their hours.
    settings = user_task_settings()
    user_zone = options.user_zone()
    query = (
        ApplicationReference.select(ApplicationReference, Application, Contact)
        .join(Application)
        .switch(ApplicationReference)
        .join(Contact)
    )
    column = ApplicationReference.application
    if scope.ids is not None:
        query = query.where(column.in_(list(scope.ids)))
    if scope.first is not None:
        query = query.where(column >= scope.first)
    if scope.last is not None:
        query = query.where(column <= scope.last)
    links = list(query)
    if not links:
        return []
    app_ids = sorted({link.application_id for link in links})
    interviews_of = interviews_by_application(app_ids)
    entered = _stage_entered(app_ids)
    specs: list[ReminderSpec] = []

    def earliest(instant: datetime) -> datetime:
        return next_contact_time(instant, user_zone, settings)

    for link in links:
        facts = _reference_facts(link, interviews_of.get(link.application_id, []), entered)
        key = subject_key(link.id)
        for step in reference_steps(facts, earliest):
            specs.append(
                planned_reminder(
                    step.kind,
                    key,
                    step.due_at,
                    step.params,
                    link.application_id,
                    step.expires_at,
                    user_zone,
                )
            )
    return specs


def _reference_facts(
    link: ApplicationReference, interviews: list[InterviewRow], entered: dict[int, datetime]
) -> LinkFacts:
    application = link.application
    return LinkFacts(
        network=link.kind == ReferenceKind.NETWORK.value,
        person=link.contact.name,
        company=application.company,
        role_title=application.role_title or "",
        stage=Stage(application.stage),
        interviews=tuple(InterviewFact(i.round, i.ends_at, i.local_day) for i in interviews),
        listed_at=link.created_at,
        stage_entered_at=entered.get(application.id),
        closed_on=application.closed_on,
        given_on=link.given_on,
        heads_up_at=link.heads_up_at,
        contacted_on=link.contacted_on,
        contacted_logged_at=link.contacted_logged_at,
        thanked_on=link.thanked_on,
        outcome_told_on=link.outcome_told_on,
        checked_in_at=link.checked_in_at,
    )


def plan_reference_reminders(now: datetime) -> tuple[int, int]:
    with as_stored():
        specs = planned_reference_reminders(now)
    return sync_reminders(specs, REFERENCE_KINDS, now)
