"""Reads and writes the rest of the app goes through, so rules are applied in one place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import peewee

from followthrough.domain.clock import Clock
from followthrough.domain.errors import UserError
from followthrough.domain.stages import ACTIVE_STAGES, ClosureReason, Stage, plan_stage_change
from followthrough.domain.validation import application_problems, latest_today
from followthrough.domain.wording import translate
from followthrough.store.models import Application, Contact, Interview, StageEvent, rows_of
from followthrough.store.transactions import writing


@dataclass(frozen=True)
class DataCounts:
    applications: int
    active_applications: int
    interviews: int
    upcoming_interviews: int
    contacts: int
    by_stage: dict[Stage, int]


def create_application(
    clock: Clock,
    company: str,
    role_title: str = "",
    *,
    posting_url: str = "",
    location: str = "",
    source: str = "",
    applied_on: date | None = None,
    notes: str = "",
) -> Application:
    if not company.strip():
        raise UserError(translate("applications", "An application needs a company name."))
    now = clock.now()
    problems = application_problems(
        company,
        posting_url,
        applied_on,
        role_title=role_title,
        location=location,
        source=source,
        today=latest_today(now),
    )
    if problems:
        raise UserError(" ".join(problems.values()))
    with writing():
        application = Application.create(
            company=company.strip(),
            role_title=role_title.strip(),
            posting_url=posting_url.strip(),
            location=location.strip(),
            source=source.strip(),
            applied_on=applied_on,
            notes=notes,
            stage=Stage.APPLIED.value,
            created_at=now,
            updated_at=now,
        )
        StageEvent.create(
            application=application, from_stage=None, to_stage=Stage.APPLIED.value, happened_at=now
        )
    return application


def change_stage(
    application_id: int,
    target: Stage,
    clock: Clock,
    today: date,
    reason: ClosureReason | None = None,
) -> Application:
    """Move an application to ``target`` if the stage rules allow it (StageError if not)."""
    with writing():
        application = Application.get_by_id(application_id)
        change = plan_stage_change(Stage(application.stage), target, today, reason)
        now = clock.now()
        StageEvent.create(
            application=application,
            from_stage=application.stage,
            to_stage=change.stage.value,
            closure_reason=change.closure_reason.value if change.closure_reason else None,
            happened_at=now,
        )
        application.stage = change.stage.value
        application.closed_on = change.closed_on
        application.closure_reason = change.closure_reason.value if change.closure_reason else None
        application.updated_at = now
        application.save()
    return application


def data_counts(clock: Clock) -> DataCounts:
    by_stage = dict.fromkeys(Stage, 0)
    query = Application.select(
        Application.stage, peewee.fn.COUNT(Application.id).alias("n")
    ).group_by(Application.stage)
    for row in rows_of(query):
        by_stage[Stage(row[0])] = int(row[1])
    upcoming = Interview.select().where(Interview.starts_at >= clock.now()).count()
    return DataCounts(
        applications=sum(by_stage.values()),
        active_applications=sum(by_stage[s] for s in ACTIVE_STAGES),
        interviews=Interview.select().count(),
        upcoming_interviews=upcoming,
        contacts=Contact.select().count(),
        by_stage=by_stage,
    )
