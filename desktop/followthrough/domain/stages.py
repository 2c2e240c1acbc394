"""The stages an application moves through, and which moves are allowed.

Closing an application (any stage that ends it) records when, and for every closing stage
but an accepted offer, why: the reason decides what the app suggests next (thank them and
ask for feedback after a rejection, tell the references how it went, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from followthrough.domain.errors import UserError
from followthrough.domain.wording import QT_TRANSLATE_NOOP, translate


class Stage(StrEnum):
    APPLIED = "applied"
    INTERVIEWING = "interviewing"
    # The employer is calling the references: give them a heads-up if not done yet.
    REFERENCE_CHECK = "reference_check"
    OFFER = "offer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    FILLED = "filled"
    NO_RESPONSE = "no_response"

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]


# Kept here, marked for translation: the stage rules' refusals and the store's timeline
# write them too; the window translates them in the "stages" context.
STAGE_LABELS: dict[Stage, str] = {
    Stage.APPLIED: QT_TRANSLATE_NOOP("stages", "Applied"),
    Stage.INTERVIEWING: QT_TRANSLATE_NOOP("stages", "Interviewing"),
    Stage.REFERENCE_CHECK: QT_TRANSLATE_NOOP("stages", "Reference check"),
    Stage.OFFER: QT_TRANSLATE_NOOP("stages", "Offer"),
    Stage.ACCEPTED: QT_TRANSLATE_NOOP("stages", "Accepted"),
    Stage.REJECTED: QT_TRANSLATE_NOOP("stages", "Rejected"),
    Stage.WITHDRAWN: QT_TRANSLATE_NOOP("stages", "Withdrawn"),
    Stage.FILLED: QT_TRANSLATE_NOOP("stages", "Filled by someone else"),
    Stage.NO_RESPONSE: QT_TRANSLATE_NOOP("stages", "No response"),
}


class ClosureReason(StrEnum):
    REJECTED = "rejected"
    WITHDREW = "withdrew"
    FILLED = "filled"
    NO_RESPONSE = "no_response"
    ACCEPTED_ELSEWHERE = "accepted_elsewhere"

    @property
    def label(self) -> str:
        return REASON_LABELS[self]

    @property
    def phrase(self) -> str:
        """The reason inside a sentence ("Withdrawn — I withdrew", "(they turned me
        down)"): written for it, not the label lower-cased ("i withdrew")."""
        return REASON_PHRASES[self]


REASON_LABELS: dict[ClosureReason, str] = {
    ClosureReason.REJECTED: QT_TRANSLATE_NOOP("stages", "They turned me down"),
    ClosureReason.WITHDREW: QT_TRANSLATE_NOOP("stages", "I withdrew"),
    ClosureReason.FILLED: QT_TRANSLATE_NOOP("stages", "Position filled by someone else"),
    ClosureReason.NO_RESPONSE: QT_TRANSLATE_NOOP("stages", "No response"),
    ClosureReason.ACCEPTED_ELSEWHERE: QT_TRANSLATE_NOOP("stages", "I accepted another offer"),
}

# The same reasons inside a sentence, after a dash or in brackets.
REASON_PHRASES: dict[ClosureReason, str] = {
    ClosureReason.REJECTED: QT_TRANSLATE_NOOP("stages", "they turned me down"),
    ClosureReason.WITHDREW: QT_TRANSLATE_NOOP("stages", "I withdrew"),
    ClosureReason.FILLED: QT_TRANSLATE_NOOP("stages", "the position went to someone else"),
    ClosureReason.NO_RESPONSE: QT_TRANSLATE_NOOP("stages", "they never answered"),
    ClosureReason.ACCEPTED_ELSEWHERE: QT_TRANSLATE_NOOP("stages", "I accepted another offer"),
}

ACTIVE_STAGES: tuple[Stage, ...] = (
    Stage.APPLIED,
    Stage.INTERVIEWING,
    Stage.REFERENCE_CHECK,
    Stage.OFFER,
)
# Where the employer's decision is awaited, so follow-ups chase it. An offer is the
# user's to answer: nothing to chase (docs/advice.md, Follow-up timing).
AWAITING_THEM_STAGES: tuple[Stage, ...] = tuple(s for s in ACTIVE_STAGES if s is not Stage.OFFER)
CLOSED_STAGES: tuple[Stage, ...] = (
    Stage.ACCEPTED,
    Stage.REJECTED,
    Stage.WITHDRAWN,
    Stage.FILLED,
    Stage.NO_RESPONSE,
)

# Which reasons fit which closing stage. An accepted offer needs no reason.
_REASONS: dict[Stage, tuple[ClosureReason, ...]] = {
    Stage.ACCEPTED: (),
    Stage.REJECTED: (ClosureReason.REJECTED,),
    Stage.WITHDRAWN: (ClosureReason.WITHDREW, ClosureReason.ACCEPTED_ELSEWHERE),
    Stage.FILLED: (ClosureReason.FILLED,),
    Stage.NO_RESPONSE: (ClosureReason.NO_RESPONSE,),
}

_REOPEN_TO = (Stage.APPLIED, Stage.INTERVIEWING, Stage.REFERENCE_CHECK, Stage.OFFER)
_ALLOWED: dict[Stage, frozenset[Stage]] = {
    # Active stages move forward or close; they do not step back (an extra round after an
    # offer is still "offer": the interviews are logged, the stage stays).
    Stage.APPLIED: frozenset(
        {Stage.INTERVIEWING, Stage.REFERENCE_CHECK, Stage.OFFER, *CLOSED_STAGES} - {Stage.ACCEPTED}
    ),
    Stage.INTERVIEWING: frozenset(
        {Stage.REFERENCE_CHECK, Stage.OFFER, *CLOSED_STAGES} - {Stage.ACCEPTED}
    ),
    # Another round can follow the reference check.
    Stage.REFERENCE_CHECK: frozenset(
        {Stage.INTERVIEWING, Stage.OFFER, *CLOSED_STAGES} - {Stage.ACCEPTED}
    ),
    Stage.OFFER: frozenset(CLOSED_STAGES),
    # An accepted offer is not the end until the first day: it can still be rescinded
    # (rejected) or given up (withdrawn).
    Stage.ACCEPTED: frozenset({Stage.REJECTED, Stage.WITHDRAWN}),
    # Closed applications can be reopened when the employer comes back.
    Stage.REJECTED: frozenset({Stage.INTERVIEWING, Stage.REFERENCE_CHECK, Stage.OFFER}),
    Stage.FILLED: frozenset(_REOPEN_TO),
    Stage.NO_RESPONSE: frozenset(_REOPEN_TO),
    Stage.WITHDRAWN: frozenset(_REOPEN_TO),
}


class StageError(UserError):
    """A stage change that the rules do not allow; the message is meant for the user."""


def is_closed(stage: Stage) -> bool:
    return stage in CLOSED_STAGES


def allowed_targets(current: Stage) -> frozenset[Stage]:
    return _ALLOWED[current]


def reasons_for(stage: Stage) -> tuple[ClosureReason, ...]:
    """The closure reasons that fit ``stage``; empty when none is asked for."""
    return _REASONS.get(stage, ())


@dataclass(frozen=True)
class StageChange:
    """What an application looks like after an allowed stage change."""

    stage: Stage
    closed_on: date | None
    closure_reason: ClosureReason | None


def plan_stage_change(
    current: Stage,
    target: Stage,
    today: date,
    reason: ClosureReason | None = None,
) -> StageChange:
    """Check a move from ``current`` to ``target`` and say what to record.

    Raises StageError with a sentence for the user when the move is not allowed or a
    closing reason is missing or does not fit.
    """
    now, then = _label(current), _label(target)
    if target == current:
        raise StageError(
            translate("stages", "The application is already at “{stage}”.").format(stage=now)
        )
    if target not in _ALLOWED[current]:
        raise StageError(
            translate("stages", "An application cannot go from “{current}” to “{target}”.").format(
                current=now, target=then
            )
        )
    if not is_closed(target):
        if reason is not None:
            raise StageError(
                translate("stages", "A reason is only recorded when an application closes.")
            )
        return StageChange(stage=target, closed_on=None, closure_reason=None)
    fitting = reasons_for(target)
    if not fitting:
        if reason is not None:
            raise StageError(
                translate("stages", "“{stage}” takes no closing reason.").format(stage=then)
            )
        return StageChange(stage=target, closed_on=today, closure_reason=None)
    if reason is None:
        choices = ", ".join(_label(r).lower() for r in fitting)
        raise StageError(
            translate("stages", "Closing as “{stage}” needs a reason ({choices}).").format(
                stage=then, choices=choices
            )
        )
    if reason not in fitting:
        raise StageError(
            translate("stages", "“{reason}” does not fit the stage “{stage}”.").format(
                reason=_label(reason), stage=then
            )
        )
    return StageChange(stage=target, closed_on=today, closure_reason=reason)


def _label(value: Stage | ClosureReason) -> str:
    """A stage's or a reason's name in the user's language."""
    return translate("stages", value.label)
