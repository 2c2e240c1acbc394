"""The rows behind the Insights page: read, never written (``domain.insights`` says what
each measure means). Loaded when the page is first shown, on the background runner."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from followthrough.domain.clock import Clock
from followthrough.domain.insights import (
    REPLY_STAGES,
    ActivityRows,
    Insights,
    ReplyFacts,
    activity_weeks,
    follow_up_split,
    funnel,
    reply_times,
    response_rates,
    weekly_activity,
)
from followthrough.domain.momentum import MONDAY, Week
from followthrough.domain.stages import Stage
from followthrough.store.fields import day_from_db, instant_from_db, to_db_instant
from followthrough.store.models import db

_REPLY_STAGES = sorted(s.value for s in REPLY_STAGES)
_MARKS = ", ".join("?" * len(_REPLY_STAGES))

# One row per application: its first interview, first answered follow-up and first move
# by the employer (each the earliest, by index), and every stage it was moved to.
_FACTS_SQL = f"""
SELECT a.company, a.source, a.applied_on, a.stage,
    (SELECT MIN(i.starts_at) FROM interview i WHERE i.application_id = a.id),
    (SELECT MIN(t.happened_at) FROM touchpoint t
        WHERE t.application_id = a.id AND t.answered),
    (SELECT MIN(e.happened_at) FROM stage_event e
        WHERE e.application_id = a.id AND e.to_stage IN ({_MARKS})),
    (SELECT GROUP_CONCAT(e.to_stage) FROM stage_event e WHERE e.application_id = a.id)
FROM application a
"""


def reply_rows() -> tuple[list[ReplyFacts], list[set[Stage]]]:
    """Per application: the reply facts, and the stages it reached (with its stage now)."""
    facts: list[ReplyFacts] = []
    reached: list[set[Stage]] = []
    known = {s.value for s in Stage}
    for company, source, applied_on, stage, interview, answer, move, moves in db.execute_sql(
        _FACTS_SQL, _REPLY_STAGES
    ):
        stages = {Stage(v) for v in (moves or "").split(",") if v in known}
        stages.add(Stage(stage))
        dated = [instant_from_db(v) for v in (interview, answer, move) if v is not None]
        facts.append(
            ReplyFacts(
                company=company,
                source=source,
                applied_on=day_from_db(applied_on),
                replied=bool(dated) or bool(stages & REPLY_STAGES),
                first_reply_at=min(dated, default=None),
            )
        )
        reached.append(stages)
    return facts, reached


def answered_flags() -> list[bool]:
    return [bool(row[0]) for row in db.execute_sql("SELECT answered FROM touchpoint")]


def activity_rows(first: Week, last: Week) -> ActivityRows:
    """What happened from ``first``'s start to ``last``'s end."""
    days = (first.first_day.isoformat(), last.next_first_day.isoformat())
    instants = (to_db_instant(first.starts_at), to_db_instant(last.ends_at))
    applied = db.execute_sql(
        "SELECT applied_on FROM application WHERE applied_on >= ? AND applied_on < ?", days
    )
    added = db.execute_sql(
        "SELECT created_at FROM application"
        " WHERE applied_on IS NULL AND created_at >= ? AND created_at < ?",
        instants,
    )
    interviews = db.execute_sql(
        "SELECT starts_at FROM interview WHERE starts_at >= ? AND starts_at < ?", instants
    )
    follow_ups = db.execute_sql(
        "SELECT happened_at FROM touchpoint WHERE happened_at >= ? AND happened_at < ?",
        instants,
    )
    return ActivityRows(
        applied_days=[day_from_db(row[0]) for row in applied],
        added_at=[instant_from_db(row[0]) for row in added],
        interviews_at=[instant_from_db(row[0]) for row in interviews],
        follow_ups_at=[instant_from_db(row[0]) for row in follow_ups],
    )


def load_insights(clock: Clock, zone: ZoneInfo, first_weekday: int = MONDAY) -> Insights:
    """Everything the Insights page draws, read in one go (reads only)."""
    now = clock.now()
    facts, reached = reply_rows()
    overall, by_source = response_rates(facts)
    weeks = activity_weeks(clock, zone, first_weekday)
    return Insights(
        overall=overall,
        by_source=by_source,
        times_by_company=reply_times(facts, zone, now, lambda f: f.company),
        times_by_source=reply_times(facts, zone, now, lambda f: f.source),
        funnel=funnel(reached),
        follow_ups=follow_up_split(answered_flags()),
        weeks=weekly_activity(weeks, activity_rows(weeks[0], weeks[-1])),
    )
