"""The rows behind the Insights page (store.insights; domain.insights defines the
measures): replies from interviews, answered follow-ups and the employer's moves; the
funnel from the stage history; the weeks on the user's clock; and a read that never writes."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import peewee

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.domain.insights import FollowUpSplit, Rate
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.store.insights import load_insights
from followthrough.store.models import Application, Interview, Touchpoint, db
from followthrough.store.queries import change_stage, create_application

CHICAGO = ZoneInfo("America/Chicago")
TODAY = date(2026, 11, 20)


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), CHICAGO)


def _interview(app: Application, day: date) -> None:
    Interview.create(
        application=app,
        starts_at=_at(day),
        ends_at=_at(day) + timedelta(hours=1),
        time_zone="America/Chicago",
    )


def _touchpoint(app: Application, day: date, answered: bool) -> None:
    Touchpoint.create(application=app, happened_at=_at(day), channel="phone", answered=answered)


def test_an_empty_folder_has_nothing_to_chart(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    found = load_insights(clock, CHICAGO)
    assert found.overall == Rate("", 0, 0)
    assert found.by_source == []
    assert found.times_by_company.rows == []
    assert [count for _stage, count in found.funnel] == [0] * 5
    assert found.follow_ups == FollowUpSplit(0, 0)
    assert len(found.weeks) == 12
    assert not any(w.applications or w.interviews or w.follow_ups for w in found.weeks)


def test_replies_come_from_interviews_answers_and_the_employers_moves(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    interviewed = create_application(clock, "A", source="Board", applied_on=date(2026, 11, 2))
    _interview(interviewed, date(2026, 11, 9))
    answered = create_application(clock, "B", source="Board", applied_on=date(2026, 11, 2))
    _touchpoint(answered, date(2026, 11, 5), answered=False)
    _touchpoint(answered, date(2026, 11, 6), answered=True)
    turned_down = create_application(clock, "C", source="Referral", applied_on=date(2026, 11, 2))
    change_stage(turned_down.id, Stage.REJECTED, clock, TODAY, ClosureReason.REJECTED)
    withdrawn = create_application(clock, "D", source="Referral")
    change_stage(withdrawn.id, Stage.WITHDRAWN, clock, TODAY, ClosureReason.WITHDREW)
    create_application(clock, "E")  # nothing yet
    found = load_insights(clock, CHICAGO)
    assert found.overall == Rate("", 3, 5)
    assert found.by_source == [Rate("Board", 2, 2), Rate("Referral", 1, 2), Rate("", 0, 1)]
    # A: 7 days to the interview; B: 4 days to the answer; C: turned down today, 18 days.
    times = {row.key: row.median_days for row in found.times_by_company.rows}
    assert times == {"A": 7.0, "B": 4.0, "C": 18.0}
    assert [(r.key, r.median_days, r.count) for r in found.times_by_source.rows] == [
        ("Board", 5.5, 2),
        ("Referral", 18.0, 1),
    ]
    assert found.follow_ups == FollowUpSplit(1, 1)


def test_the_funnel_reads_the_stage_history(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    for name in "AB":
        create_application(clock, name)
    offered = create_application(clock, "C")
    change_stage(offered.id, Stage.INTERVIEWING, clock, TODAY)
    change_stage(offered.id, Stage.OFFER, clock, TODAY)
    # Reopened after a rejection: it reached interviewing all the same.
    rejected = create_application(clock, "D")
    change_stage(rejected.id, Stage.INTERVIEWING, clock, TODAY)
    change_stage(rejected.id, Stage.REJECTED, clock, TODAY, ClosureReason.REJECTED)
    found = dict(load_insights(clock, CHICAGO).funnel)
    assert found == {
        Stage.APPLIED: 4,
        Stage.INTERVIEWING: 2,
        Stage.REFERENCE_CHECK: 1,
        Stage.OFFER: 1,
        Stage.ACCEPTED: 0,
    }


def test_the_weeks_count_applications_interviews_and_follow_ups(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    # The clock's Friday 20 November: this week began on Monday 16 November.
    this = create_application(clock, "This week", applied_on=date(2026, 11, 16))
    create_application(clock, "Added now")  # no applied-on day: counts by when added
    create_application(clock, "Last week", applied_on=date(2026, 11, 15))
    create_application(clock, "Long ago", applied_on=date(2026, 1, 5))
    _interview(this, date(2026, 11, 19))
    _touchpoint(this, date(2026, 11, 10), answered=False)
    weeks = load_insights(clock, CHICAGO).weeks
    assert [w.first_day for w in weeks[-2:]] == [date(2026, 11, 9), date(2026, 11, 16)]
    assert [(w.applications, w.interviews, w.follow_ups) for w in weeks[-2:]] == [
        (1, 0, 1),
        (2, 1, 0),
    ]
    assert sum(w.applications for w in weeks) == 3


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_loading_the_page_never_writes(
    database: peewee.SqliteDatabase, clock: FakeClock, data_dir: Path
) -> None:
    fill_demo(clock, 40)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    connection = db.connection()
    changes = connection.total_changes
    before = _digest(data_dir)
    found = load_insights(clock, CHICAGO)
    assert found.overall.total == 40
    assert connection.total_changes == changes
    assert _digest(data_dir) == before
