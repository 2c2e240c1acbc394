"""The demo tells a possible story: no application was applied for after its first
interview, or after anything else that only happens once one has applied (a walkthrough
found Fernhill applied for after its first round)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import peewee
import pytest

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.store.fields import day_from_db, instant_from_db
from followthrough.store.models import db

DEMO_ZONE = ZoneInfo("America/Chicago")  # fill_demo's own

# (what, SQL giving application id and a day or an instant, whether it is an instant)
_AFTER_APPLYING = (
    (
        "an interview",
        "SELECT application_id, starts_at, time_zone FROM interview",
    ),
    (
        "a follow-up",
        "SELECT application_id, happened_at, NULL FROM touchpoint",
    ),
    (
        "a move from 'applied' on",
        "SELECT application_id, happened_at, NULL FROM stage_event WHERE from_stage IS NOT NULL",
    ),
    ("its close", "SELECT id, closed_on, NULL FROM application WHERE closed_on IS NOT NULL"),
    (
        "a reference given",
        "SELECT application_id, given_on, NULL FROM application_reference "
        "WHERE given_on IS NOT NULL",
    ),
    (
        "a reference's heads-up",
        "SELECT application_id, heads_up_at, NULL FROM application_reference "
        "WHERE heads_up_at IS NOT NULL",
    ),
    (
        "a thank-you note",
        "SELECT i.application_id, n.created_at, NULL FROM thank_you_note n "
        "JOIN interview i ON i.id = n.interview_id",
    ),
    (
        "a debrief",
        "SELECT i.application_id, d.written_at, NULL FROM debrief d "
        "JOIN interview i ON i.id = d.interview_id WHERE d.written_at IS NOT NULL",
    ),
    ("an offer", "SELECT application_id, created_at, NULL FROM offer"),
    ("a step after the no", "SELECT application_id, updated_at, NULL FROM rejection_step"),
)


def _day(value: object, zone: str | None) -> date:
    if isinstance(value, str) and "T" in value:
        instant: datetime = instant_from_db(value)
        return instant.astimezone(ZoneInfo(zone) if zone else DEMO_ZONE).date()
    day = day_from_db(value)
    assert day is not None
    return day


def _too_early() -> list[str]:
    """Each application applied for after something that needs it applied for."""
    applied = {
        int(app_id): day_from_db(day)
        for app_id, day in db.execute_sql("SELECT id, applied_on FROM application")
    }
    company = dict(db.execute_sql("SELECT id, company FROM application").fetchall())
    earliest: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for what, query in _AFTER_APPLYING:
        for app_id, value, zone in db.execute_sql(query):
            earliest[int(app_id)].append((_day(value, zone), what))
    found = []
    for app_id, day in applied.items():
        if day is None or not earliest[app_id]:
            continue
        first, what = min(earliest[app_id])
        if day > first:
            found.append(f"{company[app_id]} (#{app_id}): applied {day}, {what} {first}")
    return found


@pytest.mark.parametrize(
    ("count", "seed", "hour"),
    [(25, 2026, 15), (25, 7, 4), (300, 2026, 22), (120, 11, 9)],
)
def test_no_application_is_applied_for_after_anything_that_needs_it(
    database: peewee.SqliteDatabase, clock: FakeClock, count: int, seed: int, hour: int
) -> None:
    clock.advance(timedelta(hours=hour - 15))
    fill_demo(clock, count, seed=seed)
    assert db.execute_sql("SELECT COUNT(*) FROM interview").fetchone()[0] > count // 2
    assert _too_early() == []


@pytest.mark.parametrize(("count", "seed"), [(25, 2026), (300, 2026), (120, 11)])
def test_no_application_still_at_applied_has_had_an_interview(
    database: peewee.SqliteDatabase, clock: FakeClock, count: int, seed: int
) -> None:
    """Recording an interview moves an application to "Interviewing"; the demo had
    "Applied" ones with interviews (walkthrough 3: Cedar Outfitters), which Insights'
    funnel then counted as never interviewed."""
    fill_demo(clock, count, seed=seed)
    found = db.execute_sql(
        "SELECT a.company FROM application a WHERE a.stage = 'applied' "
        "AND EXISTS (SELECT 1 FROM interview i WHERE i.application_id = a.id)"
    ).fetchall()
    assert found == []
    assert db.execute_sql("SELECT COUNT(*) FROM application WHERE stage = 'applied'").fetchone()[0]
