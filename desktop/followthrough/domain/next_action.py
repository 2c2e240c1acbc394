"""What to do next about an application, for the list's "next action" column."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from followthrough.domain.offers.record import AnswerDue
from followthrough.domain.stages import Stage, is_closed
from followthrough.domain.wording import translate

# The agenda's kinds (as in ``domain.agenda.AgendaKind``).
INTERVIEW = "interview"
DECISION = "decision"
# The kind of an offer's "answer by" reminder (``domain.offers.reminders``).
OFFER_ANSWER = "offer_answer"


@dataclass(frozen=True, slots=True)
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
    answer: AnswerDue | None = None,
) -> NextAction:
    """The stage's advice, when nothing is planned for an application (what is planned
    comes first: ``store.next_steps``); ``answer``: the deadline of its open offer."""
    if is_closed(stage):
        return NextAction("")
    if next_interview is not None:
        return NextAction(
            translate("next_action", "Interview"), next_interview_day, next_interview, INTERVIEW
        )
    if stage == Stage.OFFER:
        # They have decided: the step is the user's now, whatever day was named before.
        if answer is not None:
            return _answer_offer(answer)
        return NextAction(
            translate("next_action", "Get the offer in writing and answer it"),
            why=translate(
                "next_action", "An offer is not the end: keep applying until your first day."
            ),
        )
    if decision_on is not None:
        if decision_on < today:
            return NextAction(
                translate("next_action", "Decision date passed: follow up"),
                decision_on,
                kind=DECISION,
                why=translate("next_action", "The day they named for their decision has passed."),
                overdue=True,
            )
        return NextAction(
            translate("next_action", "Wait for their decision"),
            decision_on,
            kind=DECISION,
            why=translate("next_action", "They said they would decide by then."),
        )
    if stage == Stage.APPLIED:
        return NextAction(
            translate("next_action", "Wait for a reply; keep applying"),
            why=translate("next_action", "More applications in play give you more choice."),
        )
    return NextAction(
        translate("next_action", "Ask when they will decide"),
        why=translate("next_action", "Their timeframe tells you when to follow up."),
    )


def _answer_offer(answer: AnswerDue) -> NextAction:
    """Answer the offer by its deadline; once that has passed, now (or ask for more time)."""
    if answer.passed:
        return NextAction(
            translate(
                "next_action",
                "Answer the offer: its deadline, {deadline}, passed — reply now or ask for "
                "more time",
            ).format(deadline=answer.words),
            answer.day,
            answer.at,
            OFFER_ANSWER,
            translate(
                "next_action",
                "The offer may still stand: say yes or no, or ask whether they can give you "
                "a few more days.",
            ),
            overdue=True,
        )
    return NextAction(
        translate("next_action", "Answer the offer by {deadline}").format(deadline=answer.words),
        answer.day,
        answer.at,
        OFFER_ANSWER,
        translate("next_action", "An offer is not the end: keep applying until your first day."),
    )


# Hearing back often takes this long (docs/advice.md, "While you wait"): until then,
# silence is not yet an answer.
USUAL_WAIT_WEEKS = (4, 6)
_WAITING_STAGES = (Stage.APPLIED, Stage.INTERVIEWING, Stage.REFERENCE_CHECK)


@dataclass(frozen=True)
class Waiting:
    """How long the user has been waiting to hear back, and since what."""

    days: int
    since_contact: bool  # since the last contact (an interview or a follow-up), else applying

    @property
    def within_usual_wait(self) -> bool:
        return self.days < USUAL_WAIT_WEEKS[1] * 7


def waiting(
    stage: Stage,
    action: NextAction,
    applied_on: date | None,
    last_contact: date | None,
    today: date,
) -> Waiting | None:
    """How long it has been, while the application waits for the other side: applied or
    interviewed, nothing of the user's due yet (nothing overdue, nothing today)."""
    if stage not in _WAITING_STAGES or action.overdue:
        return None
    if action.due_day is not None and action.due_day <= today:
        return None
    if action.kind == INTERVIEW:
        return None
    since = last_contact or applied_on
    if since is None or since > today:
        return None
    return Waiting((today - since).days, since_contact=last_contact is not None)
