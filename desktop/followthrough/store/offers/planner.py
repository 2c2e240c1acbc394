"""The offer's reminders, planned from the facts (``domain.offers.reminders``)."""

from __future__ import annotations

from datetime import datetime

from followthrough.domain.offers.record import OfferTerms
from followthrough.domain.offers.reminders import (
    FIRST_DAY,
    FIRST_DAY_LAPSES_AFTER,
    OFFER_ANSWER,
    answer_params,
    answer_reminders,
    answer_subject,
    first_day_due,
    first_day_params,
    first_day_subject,
)
from followthrough.domain.stages import ACTIVE_STAGES, Stage
from followthrough.store import settings as options
from followthrough.store.fields import day_from_db
from followthrough.store.models import db
from followthrough.store.offers.records import stored_time
from followthrough.store.reminders import ReminderSpec, planned_reminder
from followthrough.store.scope import PlanScope


def planned_offers(scope: PlanScope, now: datetime) -> list[ReminderSpec]:
    """The planner's entry: "answer by" reminders for each open offer with a deadline of
    an active application in ``scope`` (the deadline's instant from the zone it was given
    in, the reminders on the user's clock), and the first day's reminder for each accepted
    offer with a start day; those lapsed by ``now`` left out."""
    zone = options.user_zone()
    hours = options.user_hours()
    where, params = scope.sql("o.application_id")
    stages = [s.value for s in ACTIVE_STAGES]
    rows = db.execute_sql(
        "SELECT o.application_id, a.company, a.role_title, a.stage, o.status, o.answer_by, "
        "o.answer_by_time, o.answer_by_zone, o.salary, o.start_on FROM offer o "
        f"JOIN application a ON a.id = o.application_id WHERE {where}",
        params,
    )
    specs: list[ReminderSpec] = []
    for app, company, role, stage, status, by, at, given_in, salary, start in rows:
        app_id = int(app)
        if status == "open" and by is not None and stage in stages:
            terms = OfferTerms(
                salary=salary,
                answer_by=day_from_db(by),
                answer_by_time=stored_time(at),
                answer_by_zone=given_in or "",
            )
            words = answer_params(company, role or "", terms)
            for reminder in answer_reminders(terms, zone, hours):
                specs.append(
                    planned_reminder(
                        OFFER_ANSWER,
                        answer_subject(app_id, reminder.days_before),
                        reminder.due_at,
                        words,
                        app_id,
                        reminder.expires_at,
                        zone,
                    )
                )
        elif status == "accepted" and start is not None and stage == Stage.ACCEPTED.value:
            due = first_day_due(day_from_db(start), zone, hours)
            specs.append(
                planned_reminder(
                    FIRST_DAY,
                    first_day_subject(app_id),
                    due,
                    first_day_params(company, role or "", day_from_db(start)),
                    app_id,
                    due + FIRST_DAY_LAPSES_AFTER,
                    zone,
                )
            )
    return [s for s in specs if not s.expired(now)]
