"""Reading never writes: ``read_database`` and ``preview_due`` (what ``due`` uses) leave the
data folder byte for byte as they found it, and agree with what planning would write."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import peewee
import pytest

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.store.database import (
    DatabaseTooNewError,
    connect,
    open_database,
    read_database,
)
from followthrough.store.migrations import MIGRATIONS
from followthrough.store.models import Application, Reminder, db
from followthrough.store.planning import full_pass, plan_changed, preview_due
from followthrough.store.reminders import claim_due, due_at
from followthrough.store.touchpoints import save_intro_line


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def demo(data_dir: Path, clock: FakeClock) -> Path:
    database = open_database(data_dir, clock)
    fill_demo(clock, 30)
    database.close()
    db.initialize(None)
    return data_dir


def count_applications() -> int:
    return int(Application.select().count())


def test_a_closed_database_is_read_without_creating_a_file(demo: Path, clock: FakeClock) -> None:
    before = digest(demo)
    assert read_database(demo, count_applications, clock) == 30
    assert digest(demo) == before  # no -wal, no -shm, nothing changed
    assert db.obj is None  # the proxy is left as it was


def test_with_the_app_running_the_shared_files_are_read_and_left_alone(
    demo: Path, clock: FakeClock
) -> None:
    writer = connect(demo / "followthrough.sqlite3")
    writer.connect()
    writer.execute_sql("UPDATE application SET intro_line = 'fresh' WHERE id = 1")
    assert (demo / "followthrough.sqlite3-wal").exists()
    before = {k: v for k, v in digest(demo).items() if not k.endswith("-shm")}

    def intro() -> str:
        return str(Application.get_by_id(1).intro_line)

    assert read_database(demo, intro, clock) == "fresh"  # the change still in the WAL
    after = {k: v for k, v in digest(demo).items() if not k.endswith("-shm")}
    assert after == before
    writer.close()


def test_a_writer_starting_during_the_read_makes_it_read_again(
    demo: Path, clock: FakeClock
) -> None:
    reads: list[int] = []
    writer = connect(demo / "followthrough.sqlite3")

    def read_while_a_writer_starts() -> int:
        reads.append(1)
        if len(reads) == 1:
            # The app starts and writes while the immutable read is under way.
            writer.connect()
            writer.execute_sql("UPDATE application SET intro_line = 'during' WHERE id = 2")
        return count_applications()

    assert read_database(demo, read_while_a_writer_starts, clock) == 30
    assert len(reads) == 2
    writer.close()


def test_nothing_there_means_nothing_created(tmp_path: Path, clock: FakeClock) -> None:
    missing = tmp_path / "never-used"
    assert read_database(missing, count_applications, clock) is None
    assert not missing.exists()


def test_an_older_schema_is_brought_up_to_date_in_memory_only(
    data_dir: Path, clock: FakeClock
) -> None:
    database = open_database(data_dir, clock, MIGRATIONS[:-1])
    Application.insert(
        company="Acme", stage="applied", created_at=clock.now(), updated_at=clock.now()
    ).execute()
    database.close()
    db.initialize(None)
    before = digest(data_dir)
    assert read_database(data_dir, count_applications, clock) == 1
    assert digest(data_dir) == before
    assert not any((data_dir / "backups").iterdir())


def test_a_newer_schema_is_refused_untouched(data_dir: Path, clock: FakeClock) -> None:
    database = open_database(data_dir, clock)
    database.execute_sql(f"PRAGMA user_version = {MIGRATIONS[-1].version + 1}")
    database.close()
    db.initialize(None)
    before = digest(data_dir)
    with pytest.raises(DatabaseTooNewError):
        read_database(data_dir, count_applications, clock)
    assert digest(data_dir) == before


def test_writing_through_a_read_is_impossible(demo: Path, clock: FakeClock) -> None:
    def sneak_a_write() -> None:
        save_intro_line(1, "should never land")

    with pytest.raises(peewee.OperationalError):
        read_database(demo, sneak_a_write, clock)


@pytest.mark.parametrize("days_ahead", [0, 1, 3, 10, 40])
def test_the_preview_lists_what_planning_and_claiming_would_leave_due(
    demo: Path, clock: FakeClock, tmp_path: Path, days_ahead: int
) -> None:
    """The in-memory answer equals doing it for real on a copy: plan at ``at`` (after a
    change the planner has not seen yet), let lapsed ones go, list the open ones due."""
    database = open_database(demo, clock)
    save_intro_line(1, "unplanned change")
    first = Application.select().order_by(Application.id).first()
    Application.update(stage="rejected", closure_reason="rejected").where(
        Application.id == first.id
    ).execute()
    database.close()
    db.initialize(None)
    at = clock.now() + timedelta(days=days_ahead)
    previewed = read_database(demo, lambda: preview_due(at), FakeClock(at))
    assert previewed is not None

    copy = tmp_path / "copy"
    shutil.copytree(demo, copy)
    database = open_database(copy, FakeClock(at))
    plan_changed(at)
    claim_due(at)  # lets lapsed ones go (and marks the due ones fired: still listed)
    real = due_at(at)
    database.close()
    db.initialize(None)
    assert [(r.kind, r.subject_key, r.effective_due) for r in previewed] == [
        (r.kind, r.subject_key, r.due_at) for r in real
    ]
    assert previewed  # the demo always has something due


def test_a_full_pass_changes_nothing_when_nothing_changed(demo: Path, clock: FakeClock) -> None:
    database = open_database(demo, clock)
    rows = list(Reminder.select().tuples())
    report = full_pass(clock.now() + timedelta(hours=1))
    assert (report.written, report.removed) == (0, 0)
    assert list(Reminder.select().tuples()) == rows
    database.close()
    db.initialize(None)


def test_plain_sqlite_sees_no_leftover_files(demo: Path, clock: FakeClock) -> None:
    read_database(demo, count_applications, clock)
    names = sorted(p.name for p in demo.iterdir())
    assert names == ["backups", "followthrough.sqlite3"]
    with sqlite3.connect(demo / "followthrough.sqlite3") as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
