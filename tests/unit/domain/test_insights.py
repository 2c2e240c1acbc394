"""The Insights measures (domain.insights; README, "Insights"): the response rate, the
days to a first reply, the funnel, follow-ups answered and activity per week. Four to six
weeks to hear back is common [001]; stop after a few unanswered follow-ups [003]."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from followthrough.domain.clock import FakeClock
from followthrough.domain.insights import (
    FUNNEL_STAGES,
    ActivityRows,
    FollowUpSplit,
    Rate,
    ReplyFacts,
    activity_weeks,
    days_to_first_reply,
    follow_up_split,
    funnel,
    reply_times,
    response_rates,
    weekly_activity,
)
from followthrough.domain.stages import Stage

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def fact(
    source: str = "",
    company: str = "Acme",
    applied_on: date | None = date(2026, 11, 1),
    reply: datetime | None = None,
    replied: bool | None = None,
) -> ReplyFacts:
    return ReplyFacts(
        company, source, applied_on, reply is not None if replied is None else replied, reply
    )


def test_no_applications_rate_nothing() -> None:
    overall, by_source = response_rates([])
    assert overall == Rate("", 0, 0)
    assert overall.share == 0.0
    assert by_source == []


def test_no_replies_is_a_rate_of_zero() -> None:
    overall, by_source = response_rates([fact("Board"), fact("Board")])
    assert (overall.replied, overall.total, overall.share) == (0, 2, 0.0)
    assert by_source == [Rate("Board", 0, 2)]


def test_the_rate_overall_and_per_source_most_applications_first() -> None:
    reply = NOW - timedelta(days=3)
    facts = [
        fact("Referral", reply=reply),
        fact("Board", reply=reply),
        fact("Board"),
        fact("Board"),
        # Turned down without a dated reply: still a reply.
        fact("", replied=True),
    ]
    overall, by_source = response_rates(facts)
    assert (overall.replied, overall.total) == (3, 5)
    assert by_source == [Rate("Board", 1, 3), Rate("", 1, 1), Rate("Referral", 1, 1)]


def test_one_source_is_the_whole_rate() -> None:
    overall, by_source = response_rates([fact("Board", reply=NOW), fact("Board")])
    assert by_source == [Rate("Board", overall.replied, overall.total)]
    assert by_source[0].share == 0.5


def test_days_to_a_first_reply_count_on_the_users_clock() -> None:
    # 23:30 UTC on 4 November is 00:30 on 5 November in Berlin: four days after the 1st.
    late = fact(reply=datetime(2026, 11, 4, 23, 30, tzinfo=UTC))
    assert days_to_first_reply(late, BERLIN, NOW) == 4
    assert days_to_first_reply(late, ZoneInfo("America/Chicago"), NOW) == 3


def test_no_applied_on_day_no_reply_a_reply_ahead_or_before_applying_is_not_timed() -> None:
    reply = datetime(2026, 11, 10, 9, tzinfo=UTC)
    assert days_to_first_reply(fact(applied_on=None, reply=reply), BERLIN, NOW) is None
    assert days_to_first_reply(fact(), BERLIN, NOW) is None
    assert days_to_first_reply(fact(reply=NOW + timedelta(days=2)), BERLIN, NOW) is None
    assert (
        days_to_first_reply(fact(applied_on=date(2026, 11, 12), reply=reply), BERLIN, NOW) is None
    )
    # The same day is a wait of none.
    assert days_to_first_reply(fact(applied_on=date(2026, 11, 10), reply=reply), BERLIN, NOW) == 0


def test_reply_times_are_medians_per_group_most_replies_first_and_cut() -> None:
    def at(days: int, company: str) -> ReplyFacts:
        return fact(company=company, reply=datetime(2026, 11, 1 + days, 9, tzinfo=UTC))

    facts = [at(2, "A"), at(4, "A"), at(9, "A"), at(1, "B"), at(6, "B"), at(3, "C")]
    facts.append(fact(company="D"))  # no reply: no bar
    times = reply_times(facts, BERLIN, NOW, lambda f: f.company, most=2)
    assert times.groups == 3
    assert [(r.key, r.median_days, r.count) for r in times.rows] == [("A", 4.0, 3), ("B", 3.5, 2)]


def test_reply_times_without_any_timed_reply_are_empty() -> None:
    times = reply_times([fact(applied_on=None, reply=NOW)], BERLIN, NOW, lambda f: f.source)
    assert (times.rows, times.groups) == ([], 0)


def test_the_funnel_counts_a_later_stage_as_passing_the_earlier_ones() -> None:
    reached = [
        {Stage.APPLIED},
        {Stage.APPLIED, Stage.INTERVIEWING, Stage.REJECTED},
        # Straight to an offer: it passed interviewing and the reference check too.
        {Stage.APPLIED, Stage.OFFER},
        {Stage.WITHDRAWN},
    ]
    assert funnel(reached) == [
        (Stage.APPLIED, 4),
        (Stage.INTERVIEWING, 2),
        (Stage.REFERENCE_CHECK, 1),
        (Stage.OFFER, 1),
        (Stage.ACCEPTED, 0),
    ]
    assert funnel([]) == [(stage, 0) for stage in FUNNEL_STAGES]


def test_follow_ups_answered_and_not() -> None:
    assert follow_up_split([True, False, False]) == FollowUpSplit(1, 2)
    assert follow_up_split([]).total == 0


def test_activity_weeks_are_the_last_twelve_on_the_users_clock() -> None:
    # Sunday 22 November, 23:30 UTC: Monday 23 November in Berlin, still Sunday in Chicago.
    clock = FakeClock(datetime(2026, 11, 22, 23, 30, tzinfo=UTC))
    weeks = activity_weeks(clock, BERLIN)
    assert len(weeks) == 12
    assert weeks[-1].first_day == date(2026, 11, 23)
    assert weeks[0].first_day == date(2026, 9, 7)
    assert activity_weeks(clock, ZoneInfo("America/Chicago"))[-1].first_day == date(2026, 11, 16)
    # A locale whose week starts on Sunday (6).
    assert activity_weeks(clock, BERLIN, 6)[-1].first_day == date(2026, 11, 22)


def test_weekly_activity_counts_by_day_and_instant_and_leaves_out_the_rest() -> None:
    clock = FakeClock(datetime(2026, 11, 20, 12, tzinfo=UTC))
    weeks = activity_weeks(clock, BERLIN, count=2)  # 9 and 16 November
    # Sunday 15 November 23:30 in Berlin is 22:30 UTC: the first week.
    sunday_night = datetime(2026, 11, 15, 22, 30, tzinfo=UTC)
    monday_early = datetime(2026, 11, 15, 23, 30, tzinfo=UTC)  # Monday 00:30 in Berlin
    rows = ActivityRows(
        applied_days=[date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 1)],
        added_at=[sunday_night],
        interviews_at=[monday_early, monday_early],
        follow_ups_at=[sunday_night, datetime(2026, 12, 1, tzinfo=UTC)],
    )
    found = [
        (w.first_day, w.applications, w.interviews, w.follow_ups)
        for w in weekly_activity(weeks, rows)
    ]
    assert found == [(date(2026, 11, 9), 2, 0, 1), (date(2026, 11, 16), 1, 2, 0)]
