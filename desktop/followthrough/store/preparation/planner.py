"""The preparation reminder of each further round ahead (``domain.preparation``)."""

from __future__ import annotations

from datetime import datetime

from followthrough.domain.preparation.checklist import FIRST_FURTHER_ROUND
from followthrough.domain.preparation.reminders import (
    PREPARE,
    prep_subject,
    prepare_due_at,
    prepare_params,
)
from followthrough.domain.stages import ACTIVE_STAGES
from followthrough.store import settings as options
from followthrough.store.fields import instant_from_db, to_db_instant
from followthrough.store.models import db
from followthrough.store.reminders import ReminderSpec, planned_reminder
from followthrough.store.scope import PlanScope


def planned_preparations(scope: PlanScope, now: datetime) -> list[ReminderSpec]:
    """The planner's entry: for each interview of ``scope`` from round 2 on that has not
    begun by ``now``, a reminder two days before (it lapses when the interview begins)."""
    zone, hours = options.user_zone(), options.user_hours()
    where, params = scope.sql("i.application_id")
    rows = db.execute_sql(
        "SELECT i.id, i.application_id, i.round, i.starts_at, a.company, "
        "a.role_title FROM interview i JOIN application a ON a.id = i.application_id "
        f"WHERE {where} AND i.round >= ? AND i.starts_at > ? "
        # A closed application's rounds ahead need no preparing (withdrawn, say).
        f"AND a.stage IN ({', '.join('?' * len(ACTIVE_STAGES))})",
        (*params, FIRST_FURTHER_ROUND, to_db_instant(now), *(s.value for s in ACTIVE_STAGES)),
    )
    specs = []
    for iid, app, round_, starts, company, role in rows:
        starts_at = instant_from_db(starts)
        day = starts_at.astimezone(zone).date()  # the user's day
        specs.append(
            planned_reminder(
                PREPARE,
                prep_subject(int(iid)),
                prepare_due_at(starts_at, zone, hours),
                prepare_params(company, role or "", int(round_), day),
                int(app),
                starts_at,
                zone,
            )
        )
    return specs
