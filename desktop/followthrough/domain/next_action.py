"""What to do next about an application, for the list's "next action" column."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from followthrough.domain.stages import Stage, is_closed
from followthrough.domain.wording import translate


@dataclass(frozen=True)
class NextAction:
    """The one next step of an application, as the list, the board, Today and the
    application's "What's next" header all show it.

    ``kind`` is the agenda/reminder kind the step comes from (``"interview"``, a reminder
    kind such as ``"follow_up_due"``), or ``""`` for advice that follows from the stage
    alone; the board colours a card by it. ``why`` says why this step, now; ``overdue``
    whether its time has passed.
    """

    text: str
    due_day: date | None = None
    due_at: datetime | None = None
    kind: str = ""
    why: str = ""
    overdue: bool = False


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
