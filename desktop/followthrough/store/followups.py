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
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from followthrough.domain.cadence import (
    CadenceSettings,
    CadenceStep,
    Channel,
    FollowUp,
    InterviewFacts,
    MoveOn,
    Outcome,
    Rule,
    Touchpoint,
    next_step,
)
from followthrough.domain.contacts import ContactMethod
from followthrough.domain.follow_up_reminders import EMAIL, PHONE, follow_up_params
from followthrough.domain.note_tasks import FINISHED
from followthrough.domain.reminder_kinds import (
    Feature,
    ReminderKind,
    SubjectKey,
    kinds_of,
    render_text,
)
from followthrough.domain.stages import AWAITING_THEM_STAGES
from followthrough.domain.two_clocks import UserHours, both_clocks, remind_before, remind_from
from followthrough.domain.wording import as_stored, translate
from followthrough.store import settings as options
from followthrough.store.fields import day_from_db, instant_from_db
from followthrough.store.models import db
from followthrough.store.reminders import ReminderSpec, planned_reminder, sync_reminders
from followthrough.store.scope import EVERYTHING, PlanScope

FOLLOW_UP: str = ReminderKind.FOLLOW_UP
MOVE_ON: str = ReminderKind.MOVE_ON
POSITION_FILLED: str = ReminderKind.POSITION_FILLED
DECISION_PASSED: str = ReminderKind.DECISION_PASSED
PLANNED_KINDS = kinds_of(Feature.FOLLOW_UP)

# The latest interview of each active application without an open offer (by start, then
# id), with the earliest follow-up date its thank-you notes promised (only notes that went
# out promise anything).
_SENT = ", ".join(f"'{status.value}'" for status in sorted(FINISHED))
_FACTS_COLUMNS = f"""
a.id, a.company, a.role_title, i.id, i.ends_at, i.time_zone, i.decision_expected_on,
       i.check_back_method, i.check_back_every_days, i.check_back_on,
       (SELECT MIN(n.promised_on) FROM thank_you_note n
        WHERE n.interview_id = i.id AND n.promised_on IS NOT NULL
          AND n.status IN ({_SENT})),
       (SELECT c.preferred_method FROM interview_participant p
        JOIN contact c ON c.id = p.contact_id
        WHERE p.interview_id = i.id
          AND c.preferred_method IN ('{ContactMethod.PHONE}', '{ContactMethod.EMAIL}')
        ORDER BY p.id LIMIT 1)
"""
_LATEST_INTERVIEWS = (
    "SELECT "
    + _FACTS_COLUMNS
    + """
FROM interview i JOIN application a ON a.id = i.application_id
WHERE a.stage IN ({stages}) AND {scope}
  AND NOT EXISTS (SELECT 1 FROM offer o WHERE o.application_id = a.id AND o.status = 'open')
  AND NOT EXISTS (
    SELECT 1 FROM interview j WHERE j.application_id = i.application_id
      AND (j.starts_at > i.starts_at OR (j.starts_at = i.starts_at AND j.id > i.id)))
"""
)


def cadence_settings() -> CadenceSettings:
    """The cadence on the interviewer's clock: their working hours (09:00 to 17:00), a
    call planned for 09:30 their time, moved later that day when the user could not make
    it then (``two_clocks.call_for_both``). The user's own hours decide when the reminder
    of it comes (``remind_before``)."""
    return CadenceSettings(
        patience=options.get(options.PATIENCE),
        default_wait_working_days=options.get(options.DEFAULT_WAIT),
        user_zone=options.user_zone(),
        user_hours=options.user_hours(),
    )


def _touchpoints_by_application(scope: PlanScope) -> dict[int, list[Touchpoint]]:
    grouped: dict[int, list[Touchpoint]] = defaultdict(list)
    where, params = scope.sql("application_id")
    cursor = db.execute_sql(
        "SELECT application_id, happened_at, channel, answered, outcome, new_decision_on "
        f"FROM touchpoint WHERE {where} ORDER BY happened_at, id",
        params,
    )
    for app_id, at, channel, answered, outcome, new_on in cursor:
        instant = instant_from_db(at)
        assert instant is not None
        grouped[app_id].append(
            Touchpoint(
                instant, Channel(channel), bool(answered), Outcome(outcome), day_from_db(new_on)
            )
        )
    return grouped


def user_task_settings() -> CadenceSettings:
    """For what the user does on their own clock (a note, a word to a reference): their
    reminder hours as the hours, 09:30 (or the start of those hours) as the usual time."""
    hours = options.user_hours()
    return CadenceSettings(
        contact_from=hours.start,
        contact_until=hours.end,
        due_at=max(hours.start, min(time(9, 30), hours.end)),
    )


@dataclass(frozen=True)
class FollowUpPlan:
    """The next step about one application, on both clocks: the facts it came from, what
    the cadence says, and the reminder that says it (what every view shows)."""

    application_id: int
    interview_id: int
    facts: InterviewFacts
    step: CadenceStep
    reminder: ReminderSpec


def _facts(row: tuple[object, ...]) -> InterviewFacts:
    ends_at, zone_name, decided, method, every, check_on, promised, preferred = row[4:12]
    return InterviewFacts(
        ended_at=instant_from_db(str(ends_at)),
        time_zone=str(zone_name),
        decision_on=day_from_db(decided),
        check_back_method=method if isinstance(method, str) else None,
        check_back_every_days=int(every) if isinstance(every, int) else None,
        promised_on=day_from_db(promised),
        preferred_method=preferred if isinstance(preferred, str) else None,
        check_back_on=day_from_db(check_on),
    )


def _plans(scope: PlanScope, settings: CadenceSettings) -> list[FollowUpPlan]:
    # Follow-ups chase a decision: not once an offer is on the table (the stage "Offer",
    # or an open offer recorded at an earlier stage: its "answer by" reminders instead).
    stages = [s.value for s in AWAITING_THEM_STAGES]
    where, params = scope.sql("a.id")
    cursor = db.execute_sql(
        _LATEST_INTERVIEWS.format(stages=", ".join("?" * len(stages)), scope=where),
        (*stages, *params),
    )
    touchpoints = _touchpoints_by_application(scope)
    zone, hours = options.user_zone(), options.user_hours()
    plans: list[FollowUpPlan] = []
    for row in cursor:
        app_id, company, role, interview_id = row[:4]
        facts = _facts(row)
        since = [t for t in touchpoints.get(app_id, []) if t.at >= facts.ended_at]
        step = next_step(facts, since, settings)
        # The n-th follow-up after this interview of this application.
        subject = str(SubjectKey(Feature.FOLLOW_UP, (int(app_id), int(interview_id), len(since))))
        spec = _reminder(
            step, subject, str(company), role or "", int(app_id), facts, zone, hours, bool(since)
        )
        plans.append(FollowUpPlan(int(app_id), int(interview_id), facts, step, spec))
    return plans


def _reminder(
    step: CadenceStep,
    subject: str,
    company: str,
    role: str,
    app_id: int,
    facts: InterviewFacts,
    zone: ZoneInfo,
    hours: UserHours,
    followed_up: bool,
) -> ReminderSpec:
    """The reminder of ``step``: a call or e-mail planned on their clock, reminded of on the
    user's, with the time in both when they differ."""
    if isinstance(step, FollowUp):
        how = PHONE if step.channel == Channel.PHONE else EMAIL
        words = follow_up_params(
            company, role, step.reason, how=how, at=step.due, their_zone=facts.time_zone
        )
        # The first follow-up after a stated date is the "decision passed" nudge: one
        # reminder, not two at the same hour.
        first_after_date = step.rule == Rule.STATED_TIMEFRAME and not followed_up
        kind = DECISION_PASSED if first_after_date else FOLLOW_UP
        due = remind_before(step.due, zone, hours)
    elif isinstance(step, MoveOn):
        kind, due = MOVE_ON, remind_from(step.due, zone, hours)
        words = follow_up_params(company, role, step.reason)
    else:
        kind, due = POSITION_FILLED, remind_from(step.at, zone, hours)
        words = follow_up_params(company, role, step.reason)
    return planned_reminder(kind, subject, due, words, app_id, None, zone)


def next_step_text(plan: FollowUpPlan, now: datetime) -> str:
    """The plan's next step as the application window states it ahead of time (the
    reminder's own title is worded for the moment it comes)."""
    step, reminder = plan.step, plan.reminder
    if isinstance(step, FollowUp):
        when = both_clocks(step.due, options.user_zone(), plan.facts.zone())
        phone, overdue = step.channel == Channel.PHONE, step.due <= now
        if phone and overdue:
            text = translate("followups", "Overdue: call them {when}. {reason}")
        elif phone:
            text = translate("followups", "Next: call them {when}. {reason}")
        elif overdue:
            text = translate("followups", "Overdue: email them {when}. {reason}")
        else:
            text = translate("followups", "Next: email them {when}. {reason}")
        return text.format(when=when, reason=step.reason)
    # The reminder's words as shown now (in the user's language), else as planned.
    title, body = render_text(reminder.kind, reminder.params, reminder.title, reminder.body)
    return translate("followups", "Next: {title}. {body}").format(title=title, body=body)


def planned_reminders(
    settings: CadenceSettings | None = None, scope: PlanScope = EVERYTHING
) -> list[ReminderSpec]:
    """The follow-up reminders the facts call for (of the applications in ``scope``)."""
    return [plan.reminder for plan in _plans(scope, settings or cadence_settings())]


def follow_up_plan(application_id: int) -> FollowUpPlan | None:
    """The next step about one active application with an interview (None otherwise):
    the same function the planner runs, so the window, the note and the reminder agree."""
    plans = _plans(PlanScope.of([application_id]), cadence_settings())
    return plans[0] if plans else None


def interview_facts(interview_id: int) -> InterviewFacts | None:
    """The facts of one interview as the cadence reads them (for the note's promise)."""
    sql = (
        "SELECT "
        + _FACTS_COLUMNS
        + " FROM interview i JOIN application a ON a.id = i.application_id WHERE i.id = ?"
    )
    row = db.execute_sql(sql, (interview_id,)).fetchone()
    return _facts(row) if row is not None else None


def plan_reminders(settings: CadenceSettings | None = None) -> tuple[int, int]:
    """Bring the stored follow-up reminders in line with the facts; (written, removed)."""
    with as_stored():
        specs = planned_reminders(settings)
    return sync_reminders(specs, PLANNED_KINDS)


def planned_follow_ups(scope: PlanScope, _now: datetime) -> list[ReminderSpec]:
    """The planner's entry (follow-ups do not lapse: the time does not matter)."""
    return planned_reminders(scope=scope)
