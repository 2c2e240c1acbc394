"""Stage rules: which moves are allowed, which close an application, which need a reason."""

from __future__ import annotations

from datetime import date

import pytest

from followthrough.domain.stages import (
    ACTIVE_STAGES,
    CLOSED_STAGES,
    ClosureReason,
    Stage,
    StageError,
    allowed_targets,
    is_closed,
    plan_stage_change,
    reasons_for,
)

TODAY = date(2026, 11, 20)


def test_every_stage_is_either_active_or_closed() -> None:
    assert set(ACTIVE_STAGES) | set(CLOSED_STAGES) == set(Stage)
    assert not set(ACTIVE_STAGES) & set(CLOSED_STAGES)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (Stage.APPLIED, Stage.INTERVIEWING),
        (Stage.APPLIED, Stage.OFFER),
        (Stage.INTERVIEWING, Stage.OFFER),
        (Stage.OFFER, Stage.ACCEPTED),
        # reopened when the employer comes back
        (Stage.NO_RESPONSE, Stage.INTERVIEWING),
        (Stage.FILLED, Stage.APPLIED),
        (Stage.REJECTED, Stage.INTERVIEWING),
    ],
)
def test_allowed_moves_to_open_stages(current: Stage, target: Stage) -> None:
    change = plan_stage_change(current, target, TODAY)
    assert change.stage == target
    if target == Stage.ACCEPTED:
        assert change.closed_on == TODAY
    else:
        assert change.closed_on is None
    assert change.closure_reason is None


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (Stage.INTERVIEWING, Stage.APPLIED),  # no stepping back
        (Stage.OFFER, Stage.INTERVIEWING),
        (Stage.APPLIED, Stage.ACCEPTED),  # only an offer can be accepted
        (Stage.INTERVIEWING, Stage.ACCEPTED),
        (Stage.ACCEPTED, Stage.OFFER),
        (Stage.REJECTED, Stage.APPLIED),
    ],
)
def test_forbidden_moves_are_refused(current: Stage, target: Stage) -> None:
    assert target not in allowed_targets(current)
    with pytest.raises(StageError, match="cannot go from"):
        plan_stage_change(current, target, TODAY)


def test_moving_to_the_same_stage_is_refused() -> None:
    with pytest.raises(StageError, match="already"):
        plan_stage_change(Stage.APPLIED, Stage.APPLIED, TODAY)


@pytest.mark.parametrize("stage", [s for s in CLOSED_STAGES if s != Stage.ACCEPTED])
def test_closing_without_a_reason_is_refused(stage: Stage) -> None:
    assert reasons_for(stage)
    with pytest.raises(StageError, match="needs a reason"):
        plan_stage_change(Stage.INTERVIEWING, stage, TODAY)


@pytest.mark.parametrize(
    ("stage", "reason"),
    [
        (Stage.REJECTED, ClosureReason.REJECTED),
        (Stage.WITHDRAWN, ClosureReason.WITHDREW),
        (Stage.WITHDRAWN, ClosureReason.ACCEPTED_ELSEWHERE),
        (Stage.FILLED, ClosureReason.FILLED),
        (Stage.NO_RESPONSE, ClosureReason.NO_RESPONSE),
    ],
)
def test_closing_with_a_fitting_reason_records_date_and_reason(
    stage: Stage, reason: ClosureReason
) -> None:
    change = plan_stage_change(Stage.INTERVIEWING, stage, TODAY, reason)
    assert (change.stage, change.closed_on, change.closure_reason) == (stage, TODAY, reason)
    assert is_closed(stage)


def test_a_reason_that_does_not_fit_is_refused() -> None:
    with pytest.raises(StageError, match="does not fit"):
        plan_stage_change(Stage.INTERVIEWING, Stage.FILLED, TODAY, ClosureReason.WITHDREW)


def test_accepting_an_offer_needs_no_reason_and_takes_none() -> None:
    assert reasons_for(Stage.ACCEPTED) == ()
    with pytest.raises(StageError, match="takes no closing reason"):
        plan_stage_change(Stage.OFFER, Stage.ACCEPTED, TODAY, ClosureReason.REJECTED)


def test_a_reason_is_refused_when_nothing_closes() -> None:
    with pytest.raises(StageError, match="only recorded when"):
        plan_stage_change(Stage.APPLIED, Stage.INTERVIEWING, TODAY, ClosureReason.REJECTED)


def test_an_accepted_offer_can_still_be_rescinded() -> None:
    # docs/advice.md, "Keeping momentum": a written offer is not the end until the first day.
    change = plan_stage_change(Stage.ACCEPTED, Stage.REJECTED, TODAY, ClosureReason.REJECTED)
    assert change.stage == Stage.REJECTED


def test_every_stage_has_a_label_and_somewhere_to_go() -> None:
    for stage in Stage:
        assert stage.label
        assert allowed_targets(stage)
    for reason in ClosureReason:
        assert reason.label
