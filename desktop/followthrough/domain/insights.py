"""Insights: what the user's own record says about their search, as counts and medians.

Plain rows in (the store reads them, ``store.insights``), plain numbers out; the Insights
page draws them. What each measure means (also in README, "Insights"):

- A *reply* is any sign the employer answered: an interview was recorded, a follow-up was
  answered (a touchpoint marked answered), or the application moved to a stage only the
  employer moves it to (interviewing, reference check, offer, accepted; turned down, or
  filled by someone else). Withdrawing and "no response" are the user's own closings, not
  replies. Four to six weeks to hear back is common [001], so a low rate among recent
  applications is not yet a verdict.
- The *response rate* is applications with a reply over all applications, overall and by
  the application's source (where the user found it; "" when none was given).
- The *time to first reply* is the days from the applied-on day to the day of the first
  dated reply on the user's clock (the first interview, the first answered follow-up or
  the first move by them, whichever came first). Applications without an applied-on day
  are left out, as are replies dated after now (an interview booked ahead) or before the
  applied-on day (a mistyped date cannot make a negative wait).
- The *funnel*: how many applications reached each step of the way to a job (applied,
  interviewing, reference check, offer, accepted). Reaching a later step counts as having
  passed the earlier ones (an application can go from applied straight to an offer).
- *Follow-ups answered*: the touchpoints the user logged, answered or not; stopping after
  a few unanswered attempts is the advice [003], so the share unanswered is worth seeing.
- *Activity per week*: applications sent (by applied-on day, else by when added, as the
  weekly goal counts them, ``domain.momentum``), interviews (by their start) and
  follow-ups (by when they happened), for the last twelve weeks on the user's clock.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import median
from zoneinfo import ZoneInfo

from followthrough.domain.clock import Clock
from followthrough.domain.momentum import MONDAY, Week, this_week, week_from
from followthrough.domain.stages import Stage

# The stages only the employer moves an application to: reaching one is a reply.
REPLY_STAGES: frozenset[Stage] = frozenset(
    {
        Stage.INTERVIEWING,
        Stage.REFERENCE_CHECK,
        Stage.OFFER,
        Stage.ACCEPTED,
        Stage.REJECTED,
        Stage.FILLED,
    }
)
# The way to a job, in order (the funnel's steps).
FUNNEL_STAGES: tuple[Stage, ...] = (
    Stage.APPLIED,
    Stage.INTERVIEWING,
    Stage.REFERENCE_CHECK,
    Stage.OFFER,
    Stage.ACCEPTED,
)
# How many weeks the activity chart shows, and how many companies or sources the
# time-to-reply bars at most (those with the most replies).
ACTIVITY_WEEKS = 12
MOST_REPLY_BARS = 10


@dataclass(frozen=True)
class ReplyFacts:
    """One application, as the reply measures need it."""

    company: str
    source: str
    applied_on: date | None
    # Whether the employer answered in any way (see the module's docstring).
    replied: bool
    # When the first dated reply came (UTC), if any was dated.
    first_reply_at: datetime | None = None


@dataclass(frozen=True)
class Rate:
    """Of ``total`` applications (from one source, or all), ``replied`` got a reply."""

    key: str
    replied: int
    total: int

    @property
    def share(self) -> float:
        return self.replied / self.total if self.total else 0.0


@dataclass(frozen=True)
class ReplyTime:
    """The median days to a first reply, over ``count`` applications (of one company or
    source)."""

    key: str
    median_days: float
    count: int


@dataclass(frozen=True)
class ReplyTimes:
    """The bars to draw (the groups with the most replies) and how many groups had one."""

    rows: list[ReplyTime]
    groups: int


@dataclass(frozen=True)
class FollowUpSplit:
    answered: int
    unanswered: int

    @property
    def total(self) -> int:
        return self.answered + self.unanswered


@dataclass(frozen=True)
class WeekActivity:
    first_day: date
    applications: int
    interviews: int
    follow_ups: int


@dataclass(frozen=True)
class ActivityRows:
    """What happened in the weeks shown, as the store reads it: applied-on days, the
    instants applications without one were added, interviews began and follow-ups
    happened."""

    applied_days: list[date]
    added_at: list[datetime]
    interviews_at: list[datetime]
    follow_ups_at: list[datetime]


@dataclass(frozen=True)
class Insights:
    """Everything the Insights page draws."""

    overall: Rate
    by_source: list[Rate]
    times_by_company: ReplyTimes
    times_by_source: ReplyTimes
    funnel: list[tuple[Stage, int]]
    follow_ups: FollowUpSplit
    weeks: list[WeekActivity]


def response_rates(facts: Sequence[ReplyFacts]) -> tuple[Rate, list[Rate]]:
    """The share replied to, overall and by source (most applications first)."""
    replied: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for fact in facts:
        total[fact.source] += 1
        replied[fact.source] += fact.replied
    overall = Rate("", sum(replied.values()), len(facts))
    order = sorted(total, key=lambda key: (-total[key], key.casefold()))
    return overall, [Rate(key, replied[key], total[key]) for key in order]


def days_to_first_reply(fact: ReplyFacts, zone: ZoneInfo, now: datetime) -> int | None:
    """Days from applied-on to the first dated reply's day on the user's clock (None: no
    applied-on day, no dated reply, a reply still ahead or dated before applying)."""
    if fact.applied_on is None or fact.first_reply_at is None or fact.first_reply_at > now:
        return None
    days = (fact.first_reply_at.astimezone(zone).date() - fact.applied_on).days
    return days if days >= 0 else None


def reply_times(
    facts: Iterable[ReplyFacts],
    zone: ZoneInfo,
    now: datetime,
    by: Callable[[ReplyFacts], str],
    most: int = MOST_REPLY_BARS,
) -> ReplyTimes:
    """The median days to a first reply per group (``by``: the company, the source), for
    the ``most`` groups with the most timed replies, those first."""
    days: dict[str, list[int]] = defaultdict(list)
    for fact in facts:
        waited = days_to_first_reply(fact, zone, now)
        if waited is not None:
            days[by(fact)].append(waited)
    order = sorted(days, key=lambda key: (-len(days[key]), key.casefold()))
    rows = [ReplyTime(key, float(median(days[key])), len(days[key])) for key in order[:most]]
    return ReplyTimes(rows, len(days))


def funnel(reached: Iterable[Collection[Stage]]) -> list[tuple[Stage, int]]:
    """How many applications reached each funnel step; ``reached`` holds, per
    application, the stages it was ever moved to (a later step counts the earlier ones)."""
    counts = [0] * len(FUNNEL_STAGES)
    for stages in reached:
        furthest = max((FUNNEL_STAGES.index(s) for s in stages if s in FUNNEL_STAGES), default=0)
        for step in range(furthest + 1):
            counts[step] += 1
    return list(zip(FUNNEL_STAGES, counts, strict=True))


def follow_up_split(answered: Iterable[bool]) -> FollowUpSplit:
    """The follow-ups logged, answered and not."""
    flags = list(answered)
    yes = sum(1 for flag in flags if flag)
    return FollowUpSplit(yes, len(flags) - yes)


def activity_weeks(
    clock: Clock, zone: ZoneInfo, first_weekday: int = MONDAY, count: int = ACTIVITY_WEEKS
) -> list[Week]:
    """The last ``count`` weeks on the user's clock, this one last."""
    current = this_week(clock, zone, first_weekday)
    weeks = []
    for back in range(count - 1, -1, -1):
        first = current.first_day - timedelta(weeks=back)
        weeks.append(week_from(first, zone))
    return weeks


def weekly_activity(weeks: Sequence[Week], rows: ActivityRows) -> list[WeekActivity]:
    """Per week: applications sent, interviews and follow-ups (see the module's docstring)."""

    def by_day(days: Iterable[date]) -> list[int]:
        counts = [0] * len(weeks)
        for day in days:
            for index, week in enumerate(weeks):
                if week.first_day <= day < week.next_first_day:
                    counts[index] += 1
                    break
        return counts

    def by_instant(instants: Iterable[datetime]) -> list[int]:
        counts = [0] * len(weeks)
        for instant in instants:
            for index, week in enumerate(weeks):
                if week.starts_at <= instant < week.ends_at:
                    counts[index] += 1
                    break
        return counts

    applied = by_day(rows.applied_days)
    added = by_instant(rows.added_at)
    interviews = by_instant(rows.interviews_at)
    follow_ups = by_instant(rows.follow_ups_at)
    return [
        WeekActivity(week.first_day, applied[i] + added[i], interviews[i], follow_ups[i])
        for i, week in enumerate(weeks)
    ]
