"""The debrief's reminders, planned from the facts (``domain.debriefs.reminders``)."""

from __future__ import annotations

from datetime import UTC, datetime, time

from followthrough.domain.debriefs.reminders import (
    DEBRIEF_DUE,
    SKILL_PRACTICE,
    debrief_params,
    debrief_subject,
    skill_params,
    skill_subject,
)
from followthrough.domain.debriefs.timing import LAPSES_AFTER, debrief_due_at, debrief_lapses_at
from followthrough.domain.two_clocks import remind_from
from followthrough.store import settings as options
from followthrough.store.fields import day_from_db, instant_from_db, to_db_instant
from followthrough.store.models import db
from followthrough.store.reminders import ReminderSpec, planned_reminder
from followthrough.store.scope import PlanScope


def planned_debriefs(scope: PlanScope, now: datetime) -> list[ReminderSpec]:
    """The planner's entry: a "debrief" reminder for each interview of ``scope`` without a
    debrief that has not lapsed by ``now``, and a practice reminder for each skill with a
    day that is not done."""
    zone = options.user_zone()
    hours = options.user_hours()
    where, params = scope.sql("i.application_id")
    specs: list[ReminderSpec] = []
    # Interviews that ended less than a week ago, or have not ended yet.
    rows = db.execute_sql(
        "SELECT i.id, i.application_id, i.round, i.starts_at, i.ends_at, "
        "a.company, a.role_title FROM interview i JOIN application a ON a.id = i.application_id "
        f"WHERE {where} AND i.ends_at > ? "
        "AND NOT EXISTS (SELECT 1 FROM debrief d WHERE d.interview_id = i.id) "
        # An interview after its application closed will not happen: nothing to debrief.
        "AND (a.closed_on IS NULL OR date(i.starts_at) <= a.closed_on)",
        (*params, to_db_instant(now - LAPSES_AFTER)),
    )
    for iid, app, round_, starts, ends, company, role in rows:
        ended = instant_from_db(ends)
        day = instant_from_db(starts).astimezone(zone).date()  # the user's day
        specs.append(
            planned_reminder(
                DEBRIEF_DUE,
                debrief_subject(int(iid)),
                debrief_due_at(ended, zone, hours),
                debrief_params(company, role or "", int(round_), day),
                int(app),
                debrief_lapses_at(ended),
                zone,
            )
        )
    skills = db.execute_sql(
        "SELECT d.interview_id, i.application_id, s.position, s.name, s.practise_by, a.company "
        "FROM debrief_skill s JOIN debrief d ON d.id = s.debrief_id "
        "JOIN interview i ON i.id = d.interview_id JOIN application a ON a.id = i.application_id "
        f"WHERE {where} AND s.practise_by IS NOT NULL AND NOT s.done",
        params,
    )
    for iid, app, place, name, by, company in skills:
        day = day_from_db(by)
        start = datetime.combine(day, time(0), zone)
        specs.append(
            planned_reminder(
                SKILL_PRACTICE,
                skill_subject(int(iid), int(place)),
                remind_from(start, zone, hours).astimezone(UTC),
                skill_params(name, company),
                int(app),
                None,
                zone,
            )
        )
    return [s for s in specs if not s.expired(now)]
