"""Keeping momentum (docs/advice.md, Keeping momentum): which word Today says, and the
week the weekly goal counts.

Sources: keep applying elsewhere while you wait; more offers give leverage [001, 003,
004]; a written offer is not the end until the first day [003].
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from followthrough.domain.clock import FakeClock
from followthrough.domain.momentum import (
    LATE_STAGES,
    MomentumCounts,
    MomentumWarning,
    WarningKind,
    WeeklyGoal,
    momentum_warning,
    this_week,
    weekly_goal,
)
from followthrough.domain.stages import ACTIVE_STAGES, Stage

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
TOKYO = ZoneInfo("Asia/Tokyo")
SUNDAY = 6


def counts(active: int, late: int = 0, company: str = "", this_week: int = 0) -> MomentumCounts:
    return MomentumCounts(active, late, company if late else "", this_week)


# -- the warning ---------------------------------------------------------------------------


def test_too_few_active_applications_are_named_with_the_wanted_number() -> None:
    """Keep applying elsewhere while you wait [001, 003, 004]."""
    assert momentum_warning(counts(2), 5) == MomentumWarning(WarningKind.FEW_ACTIVE, 2, 5)
    assert momentum_warning(counts(0), 5) == MomentumWarning(WarningKind.FEW_ACTIVE, 0, 5)
    assert momentum_warning(counts(4), 5) == MomentumWarning(WarningKind.FEW_ACTIVE, 4, 5)


def test_enough_active_applications_say_nothing() -> None:
    assert momentum_warning(counts(5), 5) is None
    assert momentum_warning(counts(12), 5) is None


def test_zero_turns_the_warning_off() -> None:
    assert momentum_warning(counts(0), 0) is None
    assert momentum_warning(counts(1, late=1, company="Acme"), 0) is None


def test_one_late_process_carrying_everything_is_named() -> None:
    """An offer (or a reference check) with little else going: more offers give leverage
    [001, 003, 004], and an offer is not the end until the first day [003]."""
    warning = momentum_warning(counts(3, late=1, company="Acme"), 5)
    assert warning == MomentumWarning(WarningKind.ONE_PROCESS, 3, 5, "Acme")


def test_one_late_process_is_named_even_when_the_total_reaches_the_threshold() -> None:
    """The late one does not count among the others: four others and an offer still
    means fewer than five other applications going."""
    warning = momentum_warning(counts(5, late=1, company="Acme"), 5)
    assert warning is not None and warning.kind is WarningKind.ONE_PROCESS
    assert momentum_warning(counts(6, late=1, company="Acme"), 5) is None


def test_two_late_processes_are_not_one_basket() -> None:
    """Two offers in sight already give leverage; only the plain count remains."""
    assert momentum_warning(counts(3, late=2, company="Acme"), 5) == MomentumWarning(
        WarningKind.FEW_ACTIVE, 3, 5
    )
    assert momentum_warning(counts(7, late=2, company="Acme"), 5) is None


def test_late_means_reference_check_or_offer_and_both_are_active() -> None:
    """Decided here (docs/advice.md): a second interview round is not late."""
    assert LATE_STAGES == (Stage.REFERENCE_CHECK, Stage.OFFER)
    assert Stage.INTERVIEWING not in LATE_STAGES
    assert set(LATE_STAGES) <= set(ACTIVE_STAGES)


# -- the weekly goal -----------------------------------------------------------------------


def test_no_goal_shows_no_line() -> None:
    assert weekly_goal(counts(3, this_week=2), 0) is None


def test_the_goal_counts_up_and_reads_as_reached() -> None:
    assert weekly_goal(counts(3, this_week=2), 5) == WeeklyGoal(2, 5)
    assert not WeeklyGoal(4, 5).reached
    assert WeeklyGoal(5, 5).reached
    assert WeeklyGoal(7, 5).reached


# -- the week ------------------------------------------------------------------------------


def test_the_week_starts_on_monday_on_the_users_clock() -> None:
    # Friday 20 November 2026, 15:00 UTC (16:00 in Berlin).
    week = this_week(FakeClock(datetime(2026, 11, 20, 15, tzinfo=UTC)), BERLIN)
    assert (week.first_day, week.next_first_day) == (date(2026, 11, 16), date(2026, 11, 23))
    # Midnight in Berlin (UTC+1 in November).
    assert week.starts_at == datetime(2026, 11, 15, 23, tzinfo=UTC)
    assert week.ends_at == datetime(2026, 11, 22, 23, tzinfo=UTC)


def test_the_week_follows_the_locales_first_day() -> None:
    week = this_week(FakeClock(datetime(2026, 11, 20, 15, tzinfo=UTC)), BERLIN, SUNDAY)
    assert (week.first_day, week.next_first_day) == (date(2026, 11, 15), date(2026, 11, 22))


@pytest.mark.parametrize(
    ("zone", "first_weekday", "first_day"),
    [
        # Monday 03:00 UTC is still Sunday evening in Los Angeles: last week's Monday...
        (LOS_ANGELES, 0, date(2026, 11, 16)),
        # ... and, where weeks start on Sunday, the week that began that Sunday.
        (LOS_ANGELES, SUNDAY, date(2026, 11, 22)),
        # In UTC it is Monday: a new week.
        (ZoneInfo("UTC"), 0, date(2026, 11, 23)),
        (TOKYO, 0, date(2026, 11, 23)),
    ],
)
def test_the_week_is_the_users_not_utcs(
    zone: ZoneInfo, first_weekday: int, first_day: date
) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 3, tzinfo=UTC))
    week = this_week(clock, zone, first_weekday)
    assert week.first_day == first_day
    assert week.next_first_day == first_day + timedelta(days=7)
    assert week.starts_at.astimezone(zone) == datetime.combine(first_day, datetime.min.time(), zone)
    assert week.starts_at <= clock.now() < week.ends_at


def test_a_week_with_the_spring_change_is_an_hour_short() -> None:
    """Berlin moves its clocks forward on Sunday 29 March 2026: the week from Monday 23
    March starts at 23:00 UTC (winter time) and ends at 22:00 UTC (summer time)."""
    clock = FakeClock(datetime(2026, 3, 29, 12, tzinfo=UTC))
    week = this_week(clock, BERLIN)
    assert (week.first_day, week.next_first_day) == (date(2026, 3, 23), date(2026, 3, 30))
    assert week.starts_at == datetime(2026, 3, 22, 23, tzinfo=UTC)
    assert week.ends_at == datetime(2026, 3, 29, 22, tzinfo=UTC)
    assert week.ends_at - week.starts_at == timedelta(hours=167)
    # Sunday night, 23:30 in Berlin (21:30 UTC): still this week; 22:00 UTC is next week's.
    clock.set(datetime(2026, 3, 29, 21, 30, tzinfo=UTC))
    assert this_week(clock, BERLIN).first_day == date(2026, 3, 23)
    clock.set(datetime(2026, 3, 29, 22, tzinfo=UTC))
    assert this_week(clock, BERLIN).first_day == date(2026, 3, 30)


def test_a_sunday_week_with_the_autumn_change_is_an_hour_long() -> None:
    """New York moves its clocks back on Sunday 1 November 2026; a week that starts on
    Sunday runs from 04:00 UTC (EDT) to 05:00 UTC (EST) a week later."""
    clock = FakeClock(datetime(2026, 11, 4, 12, tzinfo=UTC))
    week = this_week(clock, NEW_YORK, SUNDAY)
    assert (week.first_day, week.next_first_day) == (date(2026, 11, 1), date(2026, 11, 8))
    assert week.starts_at == datetime(2026, 11, 1, 4, tzinfo=UTC)
    assert week.ends_at == datetime(2026, 11, 8, 5, tzinfo=UTC)
    assert week.ends_at - week.starts_at == timedelta(hours=169)


# -- after accepting an offer ---------------------------------------------------------------


def accepted(start: date | None, active: int = 2) -> MomentumCounts:
    return MomentumCounts(
        active, 0, "", 1, accepted_company="Acme", accepted_start=start, accepted=True
    )


def test_an_accepted_offer_says_keep_the_others_open_until_the_first_day() -> None:
    """[003]: not the end until the first day; no nudge to apply more meanwhile."""
    today = date(2026, 12, 2)
    found = momentum_warning(accepted(date(2027, 1, 4), active=0), 5, today)
    assert found == MomentumWarning(WarningKind.ACCEPTED, 0, 5, "Acme", date(2027, 1, 4))
    # Even with the warning turned off, the accepted offer's word stays (it is no nag).
    assert momentum_warning(accepted(date(2027, 1, 4)), 0, today) is not None
    assert momentum_warning(accepted(None), 5, today) == MomentumWarning(
        WarningKind.ACCEPTED, 2, 5, "Acme", None
    )


def test_from_the_first_day_on_nothing_is_said() -> None:
    assert momentum_warning(accepted(date(2026, 12, 2)), 5, date(2026, 12, 2)) is None
    assert momentum_warning(accepted(date(2026, 11, 30)), 5, date(2026, 12, 2)) is None


def test_an_accepted_offer_ends_the_weekly_goal() -> None:
    assert weekly_goal(accepted(date(2027, 1, 4)), 3) is None
    assert weekly_goal(counts(2, this_week=1), 3) == WeeklyGoal(1, 3)
