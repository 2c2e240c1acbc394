"""What to do next about an application, for the list's "next action" column."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from followthrough.domain.stages import Stage, is_closed
from followthrough.domain.wording import translate


@dataclass(frozen=True)
class NextAction:
    text: str
    due_day: date | None = None
    due_at: datetime | None = None


def next_action(
    stage: Stage,
    today: date,
    next_interview: datetime | None,
    next_interview_day: date | None,
    decision_on: date | None,
) -> NextAction:
    """The one next thing for an application (later features add notes and follow-ups)."""
    if is_closed(stage):
        return NextAction("")
    if next_interview is not None:
        return NextAction(translate("next_action", "Interview"), next_interview_day, next_interview)
    if decision_on is not None:
        if decision_on < today:
            return NextAction(
                translate("next_action", "Decision date passed: follow up"), decision_on
            )
        return NextAction(translate("next_action", "Wait for their decision"), decision_on)
    if stage == Stage.APPLIED:
        return NextAction(translate("next_action", "Wait for a reply; keep applying"))
    return NextAction(translate("next_action", "Ask when they will decide"))
