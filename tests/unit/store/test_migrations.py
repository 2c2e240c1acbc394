"""Ordered schema steps: applied once, each after a backup, all-or-nothing per step."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import peewee
import pytest
from playhouse.migrate import SqliteMigrator, migrate

from followthrough.domain.clock import FakeClock
from followthrough.store.database import DatabaseOpenError, open_database
from followthrough.store.migrations import (
    LATEST_VERSION,
    MIGRATIONS,
    Migration,
    migrate_database,
    schema_version,
)
from followthrough.store.models import db
from followthrough.store.queries import create_application


@pytest.fixture(autouse=True)
def _unbind() -> object:
    yield None
    db.initialize(None)


def _add_priority(database: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    migrate(migrator.add_column("application", "priority", peewee.IntegerField(default=0)))


def _half_then_fail(database: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    database.execute_sql("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
    migrate(migrator.add_column("application", "half", peewee.TextField(default="")))
    raise RuntimeError("disk on fire")


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        return {r[0] for r in rows}


def columns(path: Path, table: str) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {r[1] for r in connection.execute(f"PRAGMA table_info({table})")}


def test_empty_database_gets_every_step(data_dir: Path, clock: FakeClock) -> None:
    database = open_database(data_dir, clock)
    assert schema_version(database) == LATEST_VERSION
    assert {
        "application",
        "contact",
        "contact_role",
        "interview",
        "interview_participant",
        "stage_event",
    } <= tables(data_dir / "followthrough.sqlite3")
    # Nothing to protect in an empty file, so no backup was made.
    assert list((data_dir / "backups").iterdir()) == []
    database.close()


def test_reopening_applies_nothing(data_dir: Path, clock: FakeClock) -> None:
    open_database(data_dir, clock).close()
    database = open_database(data_dir, clock)
    assert migrate_database(database, data_dir / "backups", clock) == []
    database.close()


def test_a_new_step_runs_after_a_backup_of_the_old_schema(data_dir: Path, clock: FakeClock) -> None:
    database = open_database(data_dir, clock)
    create_application(clock, "Acme", "Analyst")
    database.close()
    steps = (*MIGRATIONS, Migration(LATEST_VERSION + 1, "priority", _add_priority))
    database = open_database(data_dir, clock, steps)
    assert schema_version(database) == LATEST_VERSION + 1
    assert "priority" in columns(data_dir / "followthrough.sqlite3", "application")
    database.close()
    backups = list((data_dir / "backups").iterdir())
    assert len(backups) == 1
    backup = backups[0]
    assert backup.name.startswith("20261120T150000Z-before-v")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with sqlite3.connect(backup) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert connection.execute("SELECT company FROM application").fetchall() == [("Acme",)]
    assert "priority" not in columns(backup, "application")


def test_a_step_failing_midway_leaves_the_old_schema_intact(
    data_dir: Path, clock: FakeClock
) -> None:
    database = open_database(data_dir, clock)
    create_application(clock, "Acme", "Analyst")
    database.close()
    path = data_dir / "followthrough.sqlite3"
    steps = (
        *MIGRATIONS,
        Migration(LATEST_VERSION + 1, "priority", _add_priority),
        Migration(LATEST_VERSION + 2, "broken", _half_then_fail),
    )
    with pytest.raises(DatabaseOpenError, match="disk on fire") as caught:
        open_database(data_dir, clock, steps)
    assert f"left at version {LATEST_VERSION + 1}" in str(caught.value)
    # The step before the broken one stays applied; nothing of the broken one remains.
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION + 1
        assert connection.execute("SELECT company FROM application").fetchall() == [("Acme",)]
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert "half_done" not in tables(path)
    assert "half" not in columns(path, "application")
    assert "priority" in columns(path, "application")
    # One backup before each step that was tried.
    assert len(list((data_dir / "backups").iterdir())) == 2


def test_versions_must_increase(data_dir: Path, clock: FakeClock) -> None:
    steps = (*MIGRATIONS, Migration(LATEST_VERSION, "again", _add_priority))
    with pytest.raises(DatabaseOpenError, match="strictly increasing"):
        open_database(data_dir, clock, steps)


def test_every_planning_setting_re_plans_everything(data_dir: Path, clock: FakeClock) -> None:
    """A setting that changes when reminders come must be listed in the triggers of the
    latest schema step; adding one means a new step (the old ones are frozen)."""
    from followthrough.store import settings as options

    database = open_database(data_dir, clock)
    triggers = " ".join(
        str(sql)
        for (sql,) in database.execute_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
            "'plan_dirty_setting_%'"
        )
    )
    for option in options.PLANNING_OPTIONS:
        assert f"'{option.key}'" in triggers, option.key
    database.execute_sql("DELETE FROM plan_dirty")
    options.put(options.USER_ZONE, "Europe/Berlin")
    assert database.execute_sql("SELECT application_id FROM plan_dirty").fetchall() == [(0,)]
    options.put(options.SENDER_NAME, "Alex")  # not a planning setting
    assert database.execute_sql("SELECT stamp FROM plan_dirty").fetchall() == [(1,)]
    database.close()
    db.initialize(None)


def test_follow_up_subjects_move_to_the_one_key_format_keeping_their_state(
    data_dir: Path, clock: FakeClock
) -> None:
    data_dir.mkdir()
    database = peewee.SqliteDatabase(str(data_dir / "old.sqlite3"))
    database.connect()
    migrate_database(database, None, clock, MIGRATIONS[:6])
    columns = "kind, subject_key, application_id, title, body, due_at, fired_at"
    for kind, key in (
        ("follow_up", "application:4:interview:9:after:2"),
        ("note_due_soon", "note:9:3"),
        ("follow_up", "application:odd"),  # not one of ours: left as it is
    ):
        database.execute_sql(
            f"INSERT INTO reminder ({columns}) VALUES (?, ?, NULL, 't', '', "
            "'2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')",
            (kind, key),
        )
    migrate_database(database, None, clock)
    # The words' parameters come with the next plan: every application is marked for it.
    assert database.execute_sql("SELECT DISTINCT params FROM reminder").fetchall() == [("",)]
    marks = database.execute_sql("SELECT application_id FROM plan_dirty").fetchall()
    assert (0,) in marks
    rows = database.execute_sql("SELECT subject_key, fired_at FROM reminder ORDER BY id")
    assert [tuple(r) for r in rows] == [
        ("follow_up:4:9:2", "2026-11-20T10:00:00Z"),
        ("note:9:3", "2026-11-20T10:00:00Z"),
        ("application:odd", "2026-11-20T10:00:00Z"),
    ]
    database.close()


def _at_version_13_with_an_offer(data_dir: Path, clock: FakeClock) -> peewee.SqliteDatabase:
    """A database as version 13 left it: an open offer to answer by Tue 8 Dec 10:00 (a
    wall-clock day and time, no zone), its day's reminder lapsed at that time, and an
    answered offer whose lapsed reminder stays as it was."""
    data_dir.mkdir()
    database = peewee.SqliteDatabase(str(data_dir / "old.sqlite3"))
    database.connect()
    migrate_database(database, None, clock, [m for m in MIGRATIONS if m.version <= 13])
    stamp = "2026-11-20T10:00:00Z"
    for app_id, company, stage, status in (
        (1, "Acme", "offer", "open"),
        (2, "Beta", "withdrawn", "declined"),
    ):
        database.execute_sql(
            "INSERT INTO application (id, company, stage, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (app_id, company, stage, stamp, stamp),
        )
        database.execute_sql(
            "INSERT INTO offer (application_id, answer_by, answer_by_time, status, created_at, "
            "updated_at) VALUES (?, '2026-12-08', '10:00', ?, ?, ?)",
            (app_id, status, stamp, stamp),
        )
        database.execute_sql(
            "INSERT INTO reminder (kind, subject_key, application_id, title, body, due_at, "
            "fired_at, expires_at, dismissed_at) VALUES ('offer_answer', ?, ?, 't', '', "
            "'2026-12-08T00:00:00Z', '2026-12-08T00:00:00Z', '2026-12-08T01:00:00Z', "
            "'2026-12-08T01:05:00Z')",
            (f"offer:{app_id}:0", app_id),
        )
    return database


def test_an_offer_deadline_gets_the_users_zone_setting_when_migrated(
    data_dir: Path, clock: FakeClock
) -> None:
    """Step 14: the zone the deadline was given in, kept with it. A deadline recorded
    before gets the zone the app read it on: "Your time zone" (Tokyo here), so it stays
    the instant every reminder was planned for. The day's reminder no longer lapses at
    the deadline: the one that lapsed so comes back for the offer still open."""
    database = _at_version_13_with_an_offer(data_dir, clock)
    database.execute_sql(
        "INSERT INTO setting (key, value) VALUES ('app.time_zone', '\"Asia/Tokyo\"')"
    )
    assert migrate_database(database, None, clock) == [14]
    zones = database.execute_sql("SELECT answer_by_zone FROM offer ORDER BY application_id")
    assert [z for (z,) in zones] == ["Asia/Tokyo", "Asia/Tokyo"]
    reminders = database.execute_sql(
        "SELECT application_id, dismissed_at, expires_at FROM reminder ORDER BY application_id"
    ).fetchall()
    assert [tuple(r) for r in reminders] == [
        (1, None, None),
        (2, "2026-12-08T01:05:00Z", "2026-12-08T01:00:00Z"),
    ]
    assert (0,) in database.execute_sql("SELECT application_id FROM plan_dirty").fetchall()
    # A later change of the zone marks the application for planning.
    database.execute_sql("DELETE FROM plan_dirty")
    database.execute_sql("UPDATE offer SET answer_by_zone = 'UTC' WHERE application_id = 1")
    assert database.execute_sql("SELECT application_id FROM plan_dirty").fetchall() == [(1,)]
    database.close()


def test_without_a_zone_setting_an_offer_deadline_gets_the_computers(
    data_dir: Path, clock: FakeClock
) -> None:
    """No "Your time zone" (or one this computer does not know): the computer's zone,
    the one the app read the deadline on (Berlin in the tests)."""
    database = _at_version_13_with_an_offer(data_dir, clock)
    database.execute_sql(
        "INSERT INTO setting (key, value) VALUES ('app.time_zone', '\"Mars/Olympus\"')"
    )
    migrate_database(database, None, clock)
    zones = database.execute_sql("SELECT DISTINCT answer_by_zone FROM offer").fetchall()
    assert zones == [("Europe/Berlin",)]
    database.close()
