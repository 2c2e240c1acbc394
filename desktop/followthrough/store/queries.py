"""Reads and writes the rest of the app goes through, so rules are applied in one place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import peewee

from followthrough.domain.clock import Clock
from followthrough.domain.stages import ACTIVE_STAGES, ClosureReason, Stage, plan_stage_change
from followthrough.store.models import Application, Contact, Interview, StageEvent, db, rows_of


@dataclass(frozen=True)
class InterviewRow:
    interview_id: int
    application_id: int
    company: str
    role_title: str
    round: int
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    format: str


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
        raise ValueError("An application needs a company name.")
    now = clock.now()
    with db.atomic():
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
    with db.atomic():
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


def interviews_between(start: datetime, end: datetime, limit: int = 500) -> list[InterviewRow]:
    """Interviews starting in [start, end), earliest first."""
    query = (
        Interview.select(Interview, Application.company, Application.role_title)
        .join(Application)
        .where((Interview.starts_at >= start) & (Interview.starts_at < end))
        .order_by(Interview.starts_at)
        .limit(limit)
    )
    return [
        InterviewRow(
            interview_id=i.id,
            application_id=i.application_id,
            company=i.application.company,
            role_title=i.application.role_title,
            round=i.round,
            starts_at=i.starts_at,
            ends_at=i.ends_at,
            time_zone=i.time_zone,
            format=i.format,
        )
        for i in query
    ]


def overdue_decisions(today: date) -> int:
    """Active applications whose latest stated decision date has passed."""
    return int(
        Application.select()
        .join(Interview)
        .where(
            Application.stage.in_([s.value for s in ACTIVE_STAGES])
            & (Interview.decision_expected_on < today)
        )
        .distinct()
        .count()
    )


def interview_days(start: datetime, end: datetime, zone: ZoneInfo) -> dict[date, int]:
    """How many interviews start on each local day between two instants."""
    counts: dict[date, int] = {}
    query = Interview.select(Interview.starts_at).where(
        (Interview.starts_at >= start) & (Interview.starts_at < end)
    )
    for (starts_at,) in rows_of(query):
        day = starts_at.astimezone(zone).date()
        counts[day] = counts.get(day, 0) + 1
    return counts
