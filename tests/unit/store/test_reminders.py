"""Reminders: planned from the facts, claimed at most once, snoozed and done for good."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import peewee
import pytest

from followthrough.domain.clock import FakeClock
from followthrough.domain.reminder_plan import due_by
from followthrough.store.database import connect, open_database
from followthrough.store.models import Reminder, db
from followthrough.store.queries import create_application
from followthrough.store.reminders import (
    OPEN,
    PLACED,
    ReminderSpec,
    claim_due,
    dismiss,
    due_at,
    mark_done,
    next_due_instant,
    open_fired,
    snooze,
    stored_reminders,
    sync_reminders,
    undo_done,
)

T0 = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def spec(
    key: str, due: datetime, kind: str = "follow_up", title: str = "Follow up"
) -> ReminderSpec:
    return ReminderSpec(kind=kind, subject_key=key, title=title, due_at=due)


def test_sync_creates_moves_and_suspends(database: peewee.SqliteDatabase) -> None:
    assert sync_reminders([spec("a", T0), spec("b", T0 + timedelta(hours=1))], ["follow_up"]) == (
        2,
        0,
    )
    assert sync_reminders([spec("a", T0), spec("b", T0 + timedelta(hours=1))], ["follow_up"]) == (
        0,
        0,
    )
    # b moves, a goes away (suspended: kept as it was, no longer open).
    assert sync_reminders([spec("b", T0 + timedelta(hours=3))], ["follow_up"]) == (1, 1)
    assert [(r.subject_key, r.due_at) for r in Reminder.active()] == [
        ("b", T0 + timedelta(hours=3))
    ]
    assert [r.subject_key for r in due_at(T0 + timedelta(days=1))] == ["b"]


def test_a_subject_that_comes_back_resumes_as_it_was(database: peewee.SqliteDatabase) -> None:
    """Shown, then snoozed; its subject goes (the note went out) and comes back ("not sent
    after all"): the snooze stands and nothing is shown again before it."""
    sync_reminders([spec("a", T0)], ["follow_up"])
    (shown,) = claim_due(T0)
    snooze(shown.reminder_id, T0 + timedelta(hours=5))
    sync_reminders([], ["follow_up"])
    assert claim_due(T0 + timedelta(hours=6)) == []  # suspended: not shown
    sync_reminders([spec("a", T0)], ["follow_up"])
    row = Reminder.get_by_id(shown.reminder_id)
    assert (row.suspended_at, row.snoozed_until) == (None, T0 + timedelta(hours=5))
    assert claim_due(T0 + timedelta(hours=4)) == []
    assert [r.reminder_id for r in claim_due(T0 + timedelta(hours=6))] == [shown.reminder_id]
    assert claim_due(T0 + timedelta(days=2)) == []


def test_a_snooze_still_ahead_outlives_a_moved_plan(database: peewee.SqliteDatabase) -> None:
    """Snoozed until tomorrow, then the plan moves (another time zone, a re-plan): it does
    not come back before the snooze; a snooze already past, or before the new time, goes."""
    from followthrough.domain.reminder_plan import kept_snooze

    sync_reminders([spec("a", T0)], ["follow_up"])
    (shown,) = claim_due(T0)
    tomorrow = T0 + timedelta(days=1)
    snooze(shown.reminder_id, tomorrow)
    sync_reminders([spec("a", T0 + timedelta(minutes=15))], ["follow_up"], T0)
    row = Reminder.get_by_id(shown.reminder_id)
    assert (row.due_at, row.snoozed_until, row.fired_at) == (
        T0 + timedelta(minutes=15),
        tomorrow,
        None,
    )
    assert claim_due(T0 + timedelta(hours=2)) == []
    assert [r.reminder_id for r in claim_due(tomorrow)] == [shown.reminder_id]
    # The rule itself: kept only while ahead of now and of the new time.
    assert kept_snooze(tomorrow, T0, T0) == tomorrow
    assert kept_snooze(tomorrow, tomorrow + timedelta(hours=1), T0) is None
    assert kept_snooze(T0, T0 - timedelta(hours=1), T0 + timedelta(minutes=1)) is None
    assert kept_snooze(None, T0, T0) is None


def test_a_moved_reminder_fires_again_but_a_done_one_stays_done(
    database: peewee.SqliteDatabase,
) -> None:
    sync_reminders([spec("a", T0), spec("b", T0)], ["follow_up"])
    assert {r.title for r in claim_due(T0)} == {"Follow up"}
    a, b = Reminder.select().order_by(Reminder.subject_key)
    mark_done(b.id, T0)
    later = T0 + timedelta(days=2)
    sync_reminders([spec("a", later), spec("b", later)], ["follow_up"])
    a, b = Reminder.select().order_by(Reminder.subject_key)
    assert (a.due_at, a.fired_at) == (later, None)
    assert b.done_at == T0 and b.due_at == T0  # done is history: not moved, not removed
    assert [r.reminder_id for r in claim_due(later)] == [a.id]


def test_done_taken_back_is_open_as_it_was(database: peewee.SqliteDatabase) -> None:
    """Undo after Done: open again, still fired (listed, not fired as new), its snooze
    kept; a second undo, or one for another time, changes nothing."""
    sync_reminders([spec("a", T0), spec("b", T0 + timedelta(hours=1))], ["follow_up"])
    (shown,) = claim_due(T0)
    done_at = T0 + timedelta(minutes=5)
    mark_done(shown.reminder_id, done_at)
    assert open_fired() == []
    assert not undo_done(shown.reminder_id, T0)  # not the Done being taken back
    assert Reminder.get_by_id(shown.reminder_id).done_at == done_at
    assert undo_done(shown.reminder_id, done_at)
    row = Reminder.get_by_id(shown.reminder_id)
    assert (row.done_at, row.fired_at, row.due_at) == (None, T0, T0)
    assert [r.reminder_id for r in open_fired()] == [shown.reminder_id]
    assert [r.subject_key for r in claim_due(T0 + timedelta(hours=2))] == ["b"]
    assert not undo_done(shown.reminder_id, done_at)


def test_sync_leaves_other_kinds_alone(database: peewee.SqliteDatabase) -> None:
    sync_reminders([spec("x", T0, kind="decision_passed")], ["decision_passed"])
    sync_reminders([], ["follow_up"])
    assert Reminder.select().count() == 1


def test_claim_fires_each_reminder_once(database: peewee.SqliteDatabase) -> None:
    sync_reminders([spec("a", T0), spec("b", T0 + timedelta(minutes=5))], ["follow_up"])
    assert claim_due(T0 - timedelta(seconds=1)) == []
    first = claim_due(T0)
    assert len(first) == 1
    assert claim_due(T0) == []
    assert len(claim_due(T0 + timedelta(hours=1))) == 1
    assert claim_due(T0 + timedelta(days=1)) == []


def test_two_processes_on_one_database_fire_it_once(
    database: peewee.SqliteDatabase, data_dir: Path
) -> None:
    sync_reminders([spec(f"r{i}", T0) for i in range(50)], ["follow_up"])
    other = connect(data_dir / "followthrough.sqlite3")
    claimed_here: list[int] = []
    claimed_there: list[int] = []
    # Alternate between two connections, each claiming what it can.
    for _ in range(5):
        claimed_here += [r.reminder_id for r in claim_due(T0, limit=7)]
        db.initialize(other)
        claimed_there += [r.reminder_id for r in claim_due(T0, limit=7)]
        db.initialize(database)
    claimed_here += [r.reminder_id for r in claim_due(T0)]
    assert not set(claimed_here) & set(claimed_there)
    assert len(claimed_here) + len(claimed_there) == 50
    other.close()


def test_restart_after_firing_does_not_fire_again(data_dir: Path, clock: FakeClock) -> None:
    database = open_database(data_dir, clock)
    sync_reminders([spec("a", T0)], ["follow_up"])
    assert len(claim_due(T0)) == 1
    database.close()
    database = open_database(data_dir, clock)
    assert claim_due(T0 + timedelta(days=30)) == []
    assert [r.title for r in open_fired()] == ["Follow up"]  # still waits for the user
    database.close()
    db.initialize(None)


def test_what_came_due_while_closed_fires_once_at_start(data_dir: Path, clock: FakeClock) -> None:
    database = open_database(data_dir, clock)
    sync_reminders(
        [
            spec("old", T0 - timedelta(days=40)),
            spec("recent", T0 - timedelta(minutes=1)),
            spec("future", T0 + timedelta(days=1)),
        ],
        ["follow_up"],
    )
    database.close()
    database = open_database(data_dir, clock)  # "started" 40 days later: no look-back limit
    assert sorted(r.reminder_id for r in claim_due(T0)) == [1, 2]
    assert claim_due(T0) == []
    database.close()
    db.initialize(None)


def test_snooze_and_done_survive_restart(data_dir: Path, clock: FakeClock) -> None:
    database = open_database(data_dir, clock)
    sync_reminders([spec("a", T0), spec("b", T0)], ["follow_up"])
    a, b = claim_due(T0)
    snooze(a.reminder_id, T0 + timedelta(hours=1))
    mark_done(b.reminder_id, T0)
    database.close()
    database = open_database(data_dir, clock)
    assert next_due_instant() == T0 + timedelta(hours=1)
    assert claim_due(T0 + timedelta(minutes=59)) == []
    again = claim_due(T0 + timedelta(hours=1))
    assert [r.reminder_id for r in again] == [a.reminder_id]
    assert again[0].due_at == T0 + timedelta(hours=1)
    assert claim_due(T0 + timedelta(days=9)) == []
    database.close()
    db.initialize(None)


def test_next_due_skips_fired_done_and_dismissed(database: peewee.SqliteDatabase) -> None:
    assert next_due_instant() is None
    sync_reminders(
        [spec(k, T0 + timedelta(hours=h)) for k, h in (("a", 1), ("b", 2), ("c", 3), ("d", 4))],
        ["follow_up"],
    )
    claim_due(T0 + timedelta(hours=1))
    ids = {r.subject_key: r.id for r in Reminder.select()}
    mark_done(ids["b"], T0)
    dismiss(ids["c"], T0)
    assert next_due_instant() == T0 + timedelta(hours=4)


def test_due_at_lists_open_items_in_order(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Acme")
    sync_reminders(
        [
            ReminderSpec(
                "follow_up", "x", "Call Acme", T0 + timedelta(hours=2), "body", application.id
            ),
            ReminderSpec("decision_passed", "y", "Decision passed", T0, "", application.id),
        ],
        ["follow_up", "decision_passed"],
    )
    assert due_at(T0 - timedelta(seconds=1)) == []
    items = due_at(T0 + timedelta(hours=2))
    assert [(i.kind, i.title, i.application_id) for i in items] == [
        ("decision_passed", "Decision passed", application.id),
        ("follow_up", "Call Acme", application.id),
    ]
    # Deleting the application takes its reminders with it.
    application.delete_instance()
    assert Reminder.select().count() == 0


@pytest.mark.parametrize("jump", ["forward", "back"])
def test_clock_jumps(database: peewee.SqliteDatabase, jump: str) -> None:
    sync_reminders([spec(f"r{h}", T0 + timedelta(hours=h)) for h in range(10)], ["follow_up"])
    if jump == "forward":
        # Ten hours skipped at once (sleep, clock change): each missed reminder fires once.
        assert len(claim_due(T0 + timedelta(hours=10))) == 10
        assert claim_due(T0 + timedelta(hours=11)) == []
    else:
        assert len(claim_due(T0 + timedelta(hours=5))) == 6
        # The clock goes back three hours: nothing fires again, nothing new is due.
        assert claim_due(T0 + timedelta(hours=2)) == []
        assert len(claim_due(T0 + timedelta(hours=9))) == 4


@pytest.mark.slow
def test_a_simulated_year_of_ten_thousand_reminders(database: peewee.SqliteDatabase) -> None:
    rng = random.Random(7)
    year = timedelta(days=365)
    specs = [
        spec(f"r{i}", T0 + timedelta(seconds=rng.randrange(int(year.total_seconds()))))
        for i in range(10_000)
    ]
    sync_reminders(specs, ["follow_up"])
    fired: dict[int, datetime] = {}
    now = T0
    # The scheduler's loop: sleep until the next due instant (at most an hour), then claim.
    while (upcoming := next_due_instant()) is not None:
        now = max(now, min(upcoming, now + timedelta(hours=1)))
        for reminder in claim_due(now):
            assert reminder.reminder_id not in fired, "fired twice"
            assert reminder.due_at <= now
            fired[reminder.reminder_id] = now
    assert len(fired) == 10_000
    by_key = {r.id: r.due_at for r in Reminder.select()}
    assert all(fired[rid] == due for rid, due in by_key.items()), "late or early"


def test_where_an_open_reminder_is_listed_is_one_rule_in_sql_and_in_the_domain(
    database: peewee.SqliteDatabase,
) -> None:
    """``PLACED`` (SQL) and ``StoredReminder.placed_at`` agree: when it fires, or when it
    was shown if that was earlier (a new zone moved it later without showing it again);
    and the agenda's range query is answered from the index made for it."""
    rng = random.Random(13)
    keys = [f"k{n}" for n in range(60)]
    sync_reminders(
        [spec(key, T0 + timedelta(hours=rng.randint(-48, 48))) for key in keys], ["follow_up"]
    )
    for row in Reminder.select():
        shift = timedelta(hours=rng.randint(-30, 30))
        fired = rng.choice([None, row.due_at + shift])
        snoozed = rng.choice([None, None, row.due_at + timedelta(hours=rng.randint(1, 20))])
        Reminder.update(fired_at=fired, snoozed_until=snoozed).where(
            Reminder.id == row.id
        ).execute()
    stored = {r.reminder_id: r for r in stored_reminders()}
    earlier = [r for r in stored.values() if r.fired_at and r.fired_at < r.effective_due]
    assert earlier, "no row was shown before the instant it fires: the rule is not tested"
    for at in (T0 - timedelta(hours=24), T0, T0 + timedelta(hours=30)):
        listed = [(r.reminder_id, r.due_at) for r in due_at(at)]
        expected = [(r.reminder_id, r.placed_at) for r in due_by(stored.values(), at)]
        assert listed == expected
    plan = database.execute_sql(
        f"EXPLAIN QUERY PLAN SELECT id FROM reminder WHERE {OPEN} AND {PLACED} >= ? "
        f"AND {PLACED} < ?",
        ("a", "b"),
    ).fetchall()
    assert "USING INDEX reminder_open_due" in str(plan)
