"""The counts behind Today's momentum line (docs/advice.md, Keeping momentum): active
against closed, the late stages, and the week's new applications by applied-on day, else
by when added (domain.momentum)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import peewee

from followthrough.domain.clock import FakeClock
from followthrough.domain.momentum import MomentumCounts, this_week
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.store.momentum import momentum_counts
from followthrough.store.queries import change_stage, create_application

BERLIN = ZoneInfo("Europe/Berlin")
# The test clock's Friday, 20 November 2026: the week runs from Monday 16 November.
TODAY = date(2026, 11, 20)


def counts(clock: FakeClock, zone: ZoneInfo = BERLIN) -> MomentumCounts:
    return momentum_counts(this_week(clock, zone))


def test_an_empty_folder_counts_nothing(database: peewee.SqliteDatabase, clock: FakeClock) -> None:
    assert counts(clock) == MomentumCounts(active=0, late=0, late_company="", this_week=0)


def test_closed_applications_are_not_active_and_late_stages_are_counted(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    a, b, c, d, e = (create_application(clock, name).id for name in "ABCDE")
    change_stage(b, Stage.INTERVIEWING, clock, TODAY)
    change_stage(c, Stage.REFERENCE_CHECK, clock, TODAY)
    change_stage(d, Stage.REJECTED, clock, TODAY, ClosureReason.REJECTED)
    change_stage(e, Stage.OFFER, clock, TODAY)
    change_stage(e, Stage.ACCEPTED, clock, TODAY)
    found = counts(clock)
    # A, B and C are going; D was turned down and E accepted (closed, not in progress).
    assert (found.active, found.late, found.late_company) == (3, 1, "C")
    change_stage(a, Stage.OFFER, clock, TODAY)
    assert (counts(clock).active, counts(clock).late) == (3, 2)
    # A reopened application is in progress again.
    change_stage(d, Stage.INTERVIEWING, clock, TODAY)
    assert counts(clock).active == 4


def test_the_week_counts_by_applied_on_else_by_when_added(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    now = clock.now()
    # Added today, applied this week (Monday) and last week (Sunday).
    create_application(clock, "Monday", applied_on=date(2026, 11, 16))
    create_application(clock, "Last Sunday", applied_on=date(2026, 11, 15))
    # No day given: counts by when added. Added today...
    create_application(clock, "Added now")
    # ... on Sunday 23:30 in Berlin (22:30 UTC): last week; on Monday 00:30 in Berlin
    # (still Sunday, 23:30, in UTC): this week on the user's clock.
    clock.set(datetime(2026, 11, 15, 22, 30, tzinfo=UTC))
    create_application(clock, "Sunday night")
    clock.set(datetime(2026, 11, 15, 23, 30, tzinfo=UTC))
    create_application(clock, "Monday just after midnight")
    # Added today for an application sent long ago: not new this week.
    clock.set(now)
    create_application(clock, "Old one entered today", applied_on=date(2026, 10, 1))
    # Closed since: it was still sent this week.
    closed = create_application(clock, "Turned down", applied_on=date(2026, 11, 18))
    change_stage(closed.id, Stage.REJECTED, clock, TODAY, ClosureReason.REJECTED)
    assert counts(clock).this_week == 4  # Monday, Added now, Monday just after, Turned down
    # In UTC the Monday-00:30 one was added on Sunday: the user's zone decides.
    assert counts(clock, ZoneInfo("UTC")).this_week == 3
    # Next Monday, a new week starts from nothing.
    clock.advance(timedelta(days=3))
    assert counts(clock).this_week == 0


def test_the_counts_read_and_never_write(database: peewee.SqliteDatabase, clock: FakeClock) -> None:
    create_application(clock, "Acme")
    changes = database.execute_sql("SELECT total_changes()").fetchone()[0]
    counts(clock)
    assert database.execute_sql("SELECT total_changes()").fetchone()[0] == changes


def test_an_accepted_offer_is_counted_with_its_company_and_first_day(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    from followthrough.domain.offers.record import OfferTerms
    from followthrough.store.offers.records import accept_offer, save_offer

    acme = create_application(clock, "Acme").id
    create_application(clock, "Birch")
    assert not counts(clock).accepted
    save_offer(acme, OfferTerms(salary="80,000"), clock, TODAY)
    assert not counts(clock).accepted  # an open offer is not accepted
    accept_offer(acme, OfferTerms(salary="80,000"), date(2027, 1, 4), clock, TODAY)
    found = counts(clock)
    assert (found.accepted, found.accepted_company, found.accepted_start) == (
        True,
        "Acme",
        date(2027, 1, 4),
    )
    # The offer fell through (rescinded: closed as rejected): no longer accepted.
    change_stage(acme, Stage.REJECTED, clock, TODAY, ClosureReason.REJECTED)
    assert not counts(clock).accepted
