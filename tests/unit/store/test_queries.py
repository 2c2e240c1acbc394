"""Writes through the stage rules, the counts the window shows, and the demo data."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import peewee
import pytest

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.domain.stages import ClosureReason, Stage, StageError
from followthrough.store.agenda import overdue_items
from followthrough.store.fields import UtcDateTimeField
from followthrough.store.models import (
    Application,
    Contact,
    Interview,
    InterviewParticipant,
    StageEvent,
)
from followthrough.store.queries import (
    change_stage,
    create_application,
    data_counts,
)

TODAY = date(2026, 11, 20)


def test_instants_round_trip_in_utc_and_naive_ones_are_refused(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Acme")
    stored = Application.get_by_id(application.id)
    assert stored.created_at == clock.now()
    assert stored.created_at.tzinfo == UTC
    with pytest.raises(ValueError, match="timezone-aware"):
        UtcDateTimeField().db_value(datetime(2026, 1, 1))  # noqa: DTZ001


def test_create_application_trims_and_starts_the_timeline(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "  Acme  ", " Analyst ")
    assert (application.company, application.role_title) == ("Acme", "Analyst")
    events = list(StageEvent.select().where(StageEvent.application == application))
    assert [(e.from_stage, e.to_stage) for e in events] == [(None, "applied")]
    with pytest.raises(ValueError, match="company"):
        create_application(clock, "   ")


def test_change_stage_records_the_move_and_the_reason(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Acme")
    clock.advance(timedelta(days=3))
    change_stage(application.id, Stage.INTERVIEWING, clock, TODAY)
    change_stage(application.id, Stage.FILLED, clock, TODAY, ClosureReason.FILLED)
    stored = Application.get_by_id(application.id)
    assert (stored.stage, stored.closed_on, stored.closure_reason) == ("filled", TODAY, "filled")
    events = list(StageEvent.select().order_by(StageEvent.id))
    assert [(e.from_stage, e.to_stage, e.closure_reason) for e in events] == [
        (None, "applied", None),
        ("applied", "interviewing", None),
        ("interviewing", "filled", "filled"),
    ]
    assert events[-1].happened_at == clock.now()
    # Reopening clears the closing date and reason.
    change_stage(application.id, Stage.INTERVIEWING, clock, TODAY)
    stored = Application.get_by_id(application.id)
    assert (stored.closed_on, stored.closure_reason) == (None, None)


def test_a_refused_stage_change_writes_nothing(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Acme")
    with pytest.raises(StageError, match="needs a reason"):
        change_stage(application.id, Stage.REJECTED, clock, TODAY)
    assert Application.get_by_id(application.id).stage == "applied"
    assert StageEvent.select().count() == 1


def _interview(application: Application, start: datetime, decision: date | None) -> Interview:
    return Interview.create(
        application=application,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        time_zone="America/Chicago",
        decision_expected_on=decision,
    )


def test_counts_upcoming_and_overdue(database: peewee.SqliteDatabase, clock: FakeClock) -> None:
    now = clock.now()
    active = create_application(clock, "Active Co")
    closed = create_application(clock, "Closed Co")
    change_stage(closed.id, Stage.REJECTED, clock, TODAY, ClosureReason.REJECTED)
    _interview(active, now - timedelta(days=10), TODAY - timedelta(days=1))
    _interview(active, now + timedelta(days=2), None)
    _interview(closed, now - timedelta(days=10), TODAY - timedelta(days=3))
    Contact.create(name="Dana Lee", created_at=now)
    counts = data_counts(clock)
    assert (counts.applications, counts.active_applications) == (2, 1)
    assert (counts.interviews, counts.upcoming_interviews, counts.contacts) == (3, 1, 1)
    assert counts.by_stage[Stage.REJECTED] == 1


def test_demo_fills_an_empty_folder_around_today(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    summary = fill_demo(clock, 40)
    assert Application.select().count() == summary.applications == 40
    assert Interview.select().count() == summary.interviews > 40
    assert Contact.select().count() == summary.contacts
    # Every interview has someone to thank, every participant exists.
    assert InterviewParticipant.select(InterviewParticipant.interview).distinct().count() == (
        summary.interviews
    )
    now = clock.now()
    assert Interview.select().where(Interview.starts_at > now).count() > 0
    assert Interview.select().where(Interview.starts_at < now).count() > 0
    assert overdue_items(TODAY, ZoneInfo("America/Chicago"))
    closed = Application.select().where(Application.closed_on.is_null(False))
    for application in closed:
        if application.stage != "accepted":
            assert application.closure_reason is not None
    # Addresses keep every letter of a name with accents ("Tomás" -> "tomas").
    accented = 0
    for contact in Contact.select().where(Contact.email != ""):
        local = contact.email.split("@")[0]
        if contact.name.isascii() or "." not in local:
            continue
        accented += 1
        first, last = contact.name.split(maxsplit=1)
        assert local.isascii() and len(local) == len(first) + 1 + len(last), contact.email
    assert accented


def test_demo_refuses_a_folder_with_data(database: peewee.SqliteDatabase, clock: FakeClock) -> None:
    create_application(clock, "Real Job Inc")
    with pytest.raises(ValueError, match="already holds 1 applications"):
        fill_demo(clock, 5)
    assert Application.select().count() == 1
