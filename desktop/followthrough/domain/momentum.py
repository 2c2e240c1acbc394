"""Keeping momentum: a gentle word on Today when too much hangs on too few applications,
and the week's new applications against the user's goal.

docs/advice.md, "Keeping momentum": keep applying elsewhere while you wait; more offers
give leverage [001, 003, 004]; a written offer is not the end until the first day [003].

Plain data in, plain data out: the window words the result (with its plurals).

Decisions, also in docs/advice.md:
- "Late" is a stage where the employer is close to a decision: a reference check or an
  offer. A second or later interview round is not late: several candidates are still in
  the running then, and the stage (not the interview log) is what the count reads, so
  one cheap query serves it.
- The week's new applications count by the day the user applied; an application without
  that day counts by when it was added to the app. Closed ones count too: an application
  sent this week was sent, whatever has happened to it since.
- Once an offer is accepted, the search is as good as over: no nudge to apply more and no
  weekly goal. Until the first day Today says instead to keep the others open, as an
  accepted offer can still fall through [003]; from the first day on, nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from followthrough.domain.clock import Clock
from followthrough.domain.stages import Stage

# Where the employer is close to a decision (see the module's docstring).
LATE_STAGES: tuple[Stage, ...] = (Stage.REFERENCE_CHECK, Stage.OFFER)

# Fewer active applications than this and Today says so; 0 turns the warning off.
DEFAULT_MIN_ACTIVE = 5
MOST_MIN_ACTIVE = 50
# New applications a week the user aims for; 0: no goal.
DEFAULT_WEEKLY_GOAL = 0
MOST_WEEKLY_GOAL = 100

MONDAY = 0


@dataclass(frozen=True)
class MomentumCounts:
    """What the rules need, counted by the store in one query."""

    # Applications not closed (domain.stages.ACTIVE_STAGES).
    active: int
    # Active applications at a late stage (LATE_STAGES).
    late: int
    # The company of one late application ("" when there is none).
    late_company: str
    # Applications new this week (by applied-on day, else by when added).
    this_week: int
    # An accepted offer's company and first day (the latest first day, if several).
    accepted_company: str = ""
    accepted_start: date | None = None
    accepted: bool = False


class WarningKind(StrEnum):
    # Fewer active applications than the user wants going.
    FEW_ACTIVE = "few_active"
    # One application is close to a decision and little else is going.
    ONE_PROCESS = "one_process"
    # An offer is accepted and its first day is still to come: keep the others open.
    ACCEPTED = "accepted"


@dataclass(frozen=True)
class MomentumWarning:
    kind: WarningKind
    # How many applications are active, and how many the user wants going.
    active: int
    wanted: int
    # The late application's company (ONE_PROCESS), or the accepted one's (ACCEPTED);
    # user text, shown as plain text.
    company: str = ""
    # ACCEPTED: the first day, when known.
    start: date | None = None


@dataclass(frozen=True)
class WeeklyGoal:
    """The week's new applications against the goal."""

    done: int
    goal: int

    @property
    def reached(self) -> bool:
        return self.done >= self.goal


@dataclass(frozen=True)
class Week:
    """A week on the user's clock: its first day and the first day of the next, and the
    instants (UTC) where they begin."""

    first_day: date
    next_first_day: date
    starts_at: datetime
    ends_at: datetime


def momentum_warning(
    counts: MomentumCounts, min_active: int, today: date | None = None
) -> MomentumWarning | None:
    """What Today warns about, if anything.

    An accepted offer: until its first day (``today`` on the user's clock), keep the
    others open [003]; from then on, nothing. Otherwise one late application with fewer
    than ``min_active`` others going: everything hangs on that one process, and the
    warning names it [001, 003, 004]. Otherwise fewer than ``min_active`` active
    applications: keep applying [001, 003]. ``min_active`` 0 turns the last two off.
    """
    if counts.accepted:
        start = counts.accepted_start
        if start is not None and today is not None and start <= today:
            return None
        return MomentumWarning(
            WarningKind.ACCEPTED, counts.active, min_active, counts.accepted_company, start
        )
    if min_active <= 0:
        return None
    others = counts.active - counts.late
    if counts.late == 1 and others < min_active:
        return MomentumWarning(
            WarningKind.ONE_PROCESS, counts.active, min_active, counts.late_company
        )
    if counts.active < min_active:
        return MomentumWarning(WarningKind.FEW_ACTIVE, counts.active, min_active)
    return None


def weekly_goal(counts: MomentumCounts, goal: int) -> WeeklyGoal | None:
    """The week's progress towards ``goal`` new applications (None: no goal set, or an
    offer accepted)."""
    if goal <= 0 or counts.accepted:
        return None
    return WeeklyGoal(counts.this_week, goal)


def this_week(clock: Clock, zone: ZoneInfo, first_weekday: int = MONDAY) -> Week:
    """The week the clock's now falls in, on the user's clock (``zone``), starting on
    ``first_weekday`` (0 Monday .. 6 Sunday: the user's locale's, else Monday)."""
    today = clock.now().astimezone(zone).date()
    return week_from(today - timedelta(days=(today.weekday() - first_weekday) % 7), zone)


def week_from(first: date, zone: ZoneInfo) -> Week:
    """The week that starts on the day ``first``, on the user's clock (``zone``)."""
    after = first + timedelta(days=7)
    return Week(first, after, _day_starts(first, zone), _day_starts(after, zone))


def _day_starts(day: date, zone: ZoneInfo) -> datetime:
    """The instant (UTC) the day begins on the user's clock."""
    return datetime.combine(day, time(0), zone).astimezone(UTC)
