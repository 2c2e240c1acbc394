"""Planning the follow-up reminders of every active application from its facts.

For each active application the latest interview and the touchpoints since give the next
step of the cadence engine (``domain.cadence``): a follow-up, a suggestion to move on, or
a note that the position was filled. The first follow-up after a stated decision date is
the "decision date passed" reminder. ``plan_reminders`` writes them as reminders keyed by
what they are about, so running it again after any change moves, adds or removes exactly
what changed.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time

from followthrough.domain.cadence import (
    CadenceSettings,
    Channel,
    Closed,
    FollowUp,
    InterviewFacts,
    MoveOn,
    Outcome,
    Rule,
    Touchpoint,
    next_step,
)
from followthrough.domain.stages import ACTIVE_STAGES
from followthrough.store import settings as options
from followthrough.store.fields import UtcDateTimeField
from followthrough.store.models import db
from followthrough.store.reminders import ReminderSpec, sync_reminders
from followthrough.store.scope import EVERYTHING, PlanScope

FOLLOW_UP = "follow_up"
MOVE_ON = "move_on"
POSITION_FILLED = "position_filled"
DECISION_PASSED = "decision_passed"
PLANNED_KINDS = (FOLLOW_UP, MOVE_ON, POSITION_FILLED, DECISION_PASSED)

_instant = UtcDateTimeField()

# The latest interview of each active application (by start, then id), with the earliest
# follow-up date its thank-you notes promised (only notes that went out promise anything).
_LATEST_INTERVIEWS = """
SELECT a.id, a.company, a.role_title, i.id, i.ends_at, i.time_zone, i.decision_expected_on,
       i.check_back_method, i.check_back_every_days,
       (SELECT MIN(n.promised_on) FROM thank_you_note n
        WHERE n.interview_id = i.id AND n.promised_on IS NOT NULL
          AND n.status IN ('sent', 'mailed', 'dropped_off'))
FROM interview i JOIN application a ON a.id = i.application_id
WHERE a.stage IN ({stages}) AND {scope}
  AND NOT EXISTS (
    SELECT 1 FROM interview j WHERE j.application_id = i.application_id
      AND (j.starts_at > i.starts_at OR (j.starts_at = i.starts_at AND j.id > i.id)))
"""


def cadence_settings() -> CadenceSettings:
    start, end = options.get(options.QUIET_START), options.get(options.QUIET_END)
    contact_from = time(start)
    contact_until = time(23, 59) if end >= 24 else time(end)
    return CadenceSettings(
        patience=options.get(options.PATIENCE),
        default_wait_working_days=options.get(options.DEFAULT_WAIT),
        contact_from=contact_from,
        contact_until=contact_until,
        due_at=max(contact_from, min(time(9, 30), contact_until)),
    )


def _day(value: object) -> date | None:
    if value is None:
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _touchpoints_by_application(scope: PlanScope) -> dict[int, list[Touchpoint]]:
    grouped: dict[int, list[Touchpoint]] = defaultdict(list)
    where, params = scope.sql("application_id")
    cursor = db.execute_sql(
        "SELECT application_id, happened_at, channel, answered, outcome, new_decision_on "
        f"FROM touchpoint WHERE {where} ORDER BY happened_at, id",
        params,
    )
    for app_id, at, channel, answered, outcome, new_on in cursor:
        instant = _instant.python_value(at)
        assert instant is not None
        grouped[app_id].append(
            Touchpoint(instant, Channel(channel), bool(answered), Outcome(outcome), _day(new_on))
        )
    return grouped


def planned_reminders(
    settings: CadenceSettings | None = None, scope: PlanScope = EVERYTHING
) -> list[ReminderSpec]:
    """The follow-up reminders the facts call for (of the applications in ``scope``)."""
    settings = settings or cadence_settings()
    stages = [s.value for s in ACTIVE_STAGES]
    where, params = scope.sql("a.id")
    cursor = db.execute_sql(
        _LATEST_INTERVIEWS.format(stages=", ".join("?" * len(stages)), scope=where),
        (*stages, *params),
    )
    touchpoints = _touchpoints_by_application(scope)
    specs: list[ReminderSpec] = []
    for row in cursor:
        app_id, company, role, interview_id, ends_at, zone_name, decided, method, every = row[:9]
        promised = _day(row[9])
        ended = _instant.python_value(ends_at)
        assert ended is not None
        decision_on = _day(decided)
        facts = InterviewFacts(
            ended_at=ended,
            time_zone=zone_name,
            decision_on=decision_on,
            check_back_method=method,
            check_back_every_days=every,
            promised_on=promised,
        )
        since = [t for t in touchpoints.get(app_id, []) if t.at >= ended]
        step = next_step(facts, since, settings)
        subject = f"application:{app_id}:interview:{interview_id}:after:{len(since)}"
        what = f"{company} ({role})" if role else company
        if isinstance(step, FollowUp):
            how = "call" if step.channel == Channel.PHONE else "email"
            if step.rule == Rule.STATED_TIMEFRAME and not since:
                # The first follow-up after a stated date is the "decision passed" nudge:
                # one reminder, not two at the same hour.
                kind, title = DECISION_PASSED, f"{what}: decision date passed — {how} them"
            else:
                kind, title = FOLLOW_UP, f"{how.capitalize()} {what} to follow up"
            specs.append(ReminderSpec(kind, subject, title, step.due, step.reason, app_id))
        elif isinstance(step, MoveOn):
            specs.append(
                ReminderSpec(
                    MOVE_ON, subject, f"Time to move on from {what}?", step.due, step.reason, app_id
                )
            )
        elif isinstance(step, Closed):
            specs.append(
                ReminderSpec(
                    POSITION_FILLED,
                    subject,
                    f"Close {what}: the position is filled",
                    step.at,
                    step.reason,
                    app_id,
                )
            )
    return specs


def plan_reminders(settings: CadenceSettings | None = None) -> tuple[int, int]:
    """Bring the stored follow-up reminders in line with the facts; (written, removed)."""
    return sync_reminders(planned_reminders(settings), PLANNED_KINDS)


def planned_follow_ups(scope: PlanScope, _now: datetime) -> list[ReminderSpec]:
    """The planner's entry (follow-ups do not lapse: the time does not matter)."""
    return planned_reminders(scope=scope)
