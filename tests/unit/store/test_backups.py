"""Backups while the app runs: the daily copy, keeping the last N, "Back up now", restoring.

- The daily copy is made once a day on the user's clock (Berlin here), never twice.
- Only the automatic daily copies are ever deleted, the oldest first, down to the number
  asked for; copies made before a format update or a restore, by "Back up now", and any
  other file stay.
- A copy made while another connection is half-way through a write is a committed state:
  it passes ``integrity_check`` and holds none of the unfinished transaction.
- A restore checks the file first (damaged, cut short, not a database, another program's,
  from a newer version, the data in use itself: refused in plain words, nothing changed),
  keeps the current data aside, and brings back exactly what the backup held.
"""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import peewee
import pytest

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.store import settings as options
from followthrough.store.backup import integrity_problems, newest_backup
from followthrough.store.backups import copies
from followthrough.store.backups.copies import (
    CopyRefusedError,
    back_up_daily,
    back_up_to,
    daily_backups,
    prune_daily,
)
from followthrough.store.backups.restore import (
    RestoreRefusedError,
    discard_staged,
    finish_restore,
    keep_current_aside,
    restore_backup,
    stage_restore,
)
from followthrough.store.database import DataLocation, open_database
from followthrough.store.migrations import LATEST_VERSION, MIGRATIONS
from followthrough.store.models import Application, db
from followthrough.store.queries import create_application
from followthrough.store.transactions import writing
from tests.helpers.damage import damage_one_index

BERLIN = ZoneInfo("Europe/Berlin")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its digest."""
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def dump(path: Path) -> list[str]:
    """The whole database as SQL (schema and rows), read without changing it."""
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def count_rows(path: Path, table: str = "application") -> int:
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


# -- the daily copy -------------------------------------------------------------------------


def test_the_daily_backup_is_made_once_a_day_of_the_users(
    database: peewee.SqliteDatabase, data_dir: Path, clock: FakeClock
) -> None:
    location = DataLocation(data_dir)
    create_application(clock, "Acme")
    # Friday 20 November, 16:00 in Berlin.
    first = back_up_daily(location, clock.now(), BERLIN, 7)
    assert first.made is not None and first.made.name.endswith("-daily.sqlite3")
    assert not integrity_problems(first.made)
    assert count_rows(first.made) == 1
    for later in (timedelta(hours=3), timedelta(hours=7, minutes=59)):  # up to 23:59 in Berlin
        assert back_up_daily(location, clock.now() + later, BERLIN, 7).made is None
    # 00:01 on Saturday in Berlin is still Friday in UTC: a new day for the user all the same.
    saturday = clock.now() + timedelta(hours=8, minutes=1)
    assert saturday.astimezone(UTC).date() == date(2026, 11, 20)
    second = back_up_daily(location, saturday, BERLIN, 7)
    assert second.made is not None and second.made != first.made
    assert daily_backups(location.backups_dir) == [first.made, second.made]


def test_the_daily_backup_waits_for_the_users_day_not_utcs(
    database: peewee.SqliteDatabase, data_dir: Path, clock: FakeClock
) -> None:
    """In Los Angeles, 07:00 UTC on the 21st is still the evening of the 20th."""
    location = DataLocation(data_dir)
    los_angeles = ZoneInfo("America/Los_Angeles")
    evening = datetime(2026, 11, 20, 20, 0, tzinfo=los_angeles)
    assert back_up_daily(location, evening, los_angeles, 7).made is not None
    same_evening = datetime(2026, 11, 21, 7, 0, tzinfo=UTC)
    assert back_up_daily(location, same_evening, los_angeles, 7).made is None


def _stamp(day: int, hour: int = 10) -> str:
    return datetime(2026, 11, day, hour, tzinfo=UTC).strftime("%Y%m%dT%H%M%SZ")


def test_only_the_oldest_daily_copies_go_and_nothing_else(
    database: peewee.SqliteDatabase, data_dir: Path, clock: FakeClock
) -> None:
    location = DataLocation(data_dir)
    backups = location.backups_dir
    dailies = [backups / f"{_stamp(day)}-daily.sqlite3" for day in range(5, 15)]
    others = [
        backups / f"{_stamp(1)}-before-v12.sqlite3",
        backups / f"{_stamp(2)}-before-restore.sqlite3",
        backups / f"{_stamp(2)}-before-restore.damaged",
        backups / "followthrough-backup-2026-11-03.sqlite3",
        backups / f"{_stamp(3)}-daily-notes.txt",
        backups / "my own copy.sqlite3",
    ]
    for path in [*dailies, *others]:
        path.write_bytes(b"a backup")
    stale = backups / f"{_stamp(19)}-daily.sqlite3.partial"
    stale.write_bytes(b"cut short")
    others_before = {p.name: digest(p) for p in others}

    result = back_up_daily(location, clock.now(), BERLIN, 3)

    assert result.made is not None
    assert daily_backups(backups) == [*dailies[-2:], result.made]
    assert sorted(result.removed) == dailies[:-2]
    assert {p.name: digest(p) for p in others} == others_before
    assert not stale.exists()
    assert sorted(p.name for p in backups.iterdir()) == sorted(
        [*(p.name for p in others), *(p.name for p in dailies[-2:]), result.made.name]
    )


def test_the_copy_just_made_is_kept_even_when_fewer_are_asked_for(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    newest = backups / f"{_stamp(1)}-daily.sqlite3"  # its clock was behind the others'
    later = [backups / f"{_stamp(day)}-daily.sqlite3" for day in (2, 3)]
    for path in [newest, *later]:
        path.write_bytes(b"x")
    prune_daily(backups, 1, newest)
    assert daily_backups(backups) == [newest, later[-1]]


def test_a_failed_daily_backup_deletes_nothing(
    database: peewee.SqliteDatabase,
    data_dir: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    location = DataLocation(data_dir)
    old = [location.backups_dir / f"{_stamp(day)}-daily.sqlite3" for day in range(1, 10)]
    for path in old:
        path.write_bytes(b"x")

    def full_disk(*_args: object) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(copies, "backup_database", full_disk)
    with pytest.raises(OSError):
        back_up_daily(location, clock.now(), BERLIN, 2)
    assert daily_backups(location.backups_dir) == old


def test_seven_daily_backups_are_kept_unless_the_user_says_otherwise(
    database: peewee.SqliteDatabase,
) -> None:
    assert options.get(options.KEEP_DAILY_BACKUPS) == 7
    options.put(options.KEEP_DAILY_BACKUPS, 30)
    assert options.get(options.KEEP_DAILY_BACKUPS) == 30
    from followthrough.domain.errors import UserError

    with pytest.raises(UserError):
        options.put(options.KEEP_DAILY_BACKUPS, 0)


# -- a copy made while the app writes ---------------------------------------------------------


def _in_one_transaction(
    clock: FakeClock, names: list[str], halfway: threading.Event, go_on: threading.Event
) -> Callable[[], None]:
    def write() -> None:
        with database_connection(), writing():
            for name in names:
                create_application(clock, name)
            halfway.set()
            assert go_on.wait(10)

    return write


def database_connection() -> object:
    """The thread's own connection to the bound database, closed after."""
    return db.connection_context()


def test_a_backup_never_holds_a_write_half_done(
    database: peewee.SqliteDatabase, data_dir: Path, clock: FakeClock
) -> None:
    location = DataLocation(data_dir)
    for index in range(20):
        create_application(clock, f"Committed {index}")
    committed = dump(location.database_path)
    halfway, go_on = threading.Event(), threading.Event()
    writer = threading.Thread(
        target=_in_one_transaction(clock, [f"Unfinished {i}" for i in range(50)], halfway, go_on)
    )
    writer.start()
    try:
        assert halfway.wait(10), "the writer's transaction has begun and written"
        made = back_up_daily(location, clock.now(), BERLIN, 7).made
        copy = back_up_to(location, data_dir.parent / "elsewhere", date(2026, 11, 20))
    finally:
        go_on.set()
        writer.join(10)
    assert made is not None
    for path in (made, copy):
        assert integrity_problems(path) == []
        assert dump(path) == committed  # exactly the committed state: none of the 50
    assert Application.select().count() == 70  # the write itself went through


def test_backups_made_while_transactions_commit_are_each_a_committed_state(
    database: peewee.SqliteDatabase, data_dir: Path, clock: FakeClock
) -> None:
    """A writer commits batches of ten in one transaction each while copies are made."""
    location = DataLocation(data_dir)
    stop = threading.Event()

    def write() -> None:
        with database_connection():
            batch = 0
            while not stop.is_set() and batch < 400:
                with writing():
                    for index in range(10):
                        create_application(clock, f"Batch {batch} #{index}", notes="x" * 400)
                batch += 1

    writer = threading.Thread(target=write)
    writer.start()
    counts = []
    try:
        for attempt in range(12):
            copy = back_up_to(location, data_dir.parent / "copies", date(2026, 11, attempt + 1))
            assert integrity_problems(copy) == [], copy
            counts.append(count_rows(copy))
    finally:
        stop.set()
        writer.join(30)
    assert all(count % 10 == 0 for count in counts), counts
    assert len(set(counts)) > 1, f"the copies should have seen the writes go on: {counts}"


# -- "Back up now" ----------------------------------------------------------------------------


def test_back_up_now_names_the_copy_by_the_day_and_never_overwrites(
    database: peewee.SqliteDatabase, data_dir: Path, clock: FakeClock, tmp_path: Path
) -> None:
    location = DataLocation(data_dir)
    create_application(clock, "Acme")
    folder = tmp_path / "Documents"
    folder.mkdir(mode=0o755)
    first = back_up_to(location, folder, date(2026, 11, 20))
    second = back_up_to(location, folder, date(2026, 11, 20))
    assert (first.name, second.name) == (
        "followthrough-backup-2026-11-20.sqlite3",
        "followthrough-backup-2026-11-20-2.sqlite3",
    )
    assert first.stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o755  # the user's folder is left as it was
    assert dump(first) == dump(location.database_path)


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (errno.EACCES, "Nothing can be written in"),
        (errno.EROFS, "Nothing can be written in"),
        (errno.ENOSPC, "is full"),
    ],
)
def test_back_up_now_to_a_folder_that_cannot_take_it_says_so(
    database: peewee.SqliteDatabase,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: int,
    words: str,
) -> None:
    folder = tmp_path / "USB stick"
    folder.mkdir()
    real_open = os.open

    def refusing(path: object, *args: object, **kwargs: object) -> int:
        if str(path).startswith(str(folder)):
            raise OSError(error, os.strerror(error), str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refusing)
    with pytest.raises(CopyRefusedError) as caught:
        back_up_to(DataLocation(data_dir), folder, date(2026, 11, 20))
    message = str(caught.value)
    assert str(folder) in message and words in message
    assert "Errno" not in message and os.strerror(error) not in message
    assert list(folder.iterdir()) == []


def test_back_up_now_under_a_file_says_the_folder_cannot_be_made(
    database: peewee.SqliteDatabase, data_dir: Path, tmp_path: Path
) -> None:
    (tmp_path / "a file").write_text("not a folder")
    folder = tmp_path / "a file" / "backups"
    with pytest.raises(CopyRefusedError, match="cannot be found or made"):
        back_up_to(DataLocation(data_dir), folder, date(2026, 11, 20))


# -- restoring: the checks --------------------------------------------------------------------


@pytest.fixture
def a_backup(database: peewee.SqliteDatabase, data_dir: Path, clock: FakeClock) -> Path:
    """A sound backup of a folder with demo data, made in another folder."""
    fill_demo(clock, 8)
    return back_up_to(DataLocation(data_dir), data_dir.parent / "kept", date(2026, 11, 20))


def _refused_untouched(source: Path, data_dir: Path, *words: str) -> str:
    """Staging ``source`` is refused with ``words``; nothing changed anywhere."""
    before, source_before = folder_state(data_dir), folder_state(source.parent)
    with pytest.raises(RestoreRefusedError) as caught:
        stage_restore(source, DataLocation(data_dir))
    message = str(caught.value)
    for word in words:
        assert word in message
    for raw in ("Errno", "malformed", "DatabaseError", "file is not a database"):
        assert raw not in message
    assert folder_state(data_dir) == before
    assert folder_state(source.parent) == source_before  # no -wal or -shm made beside it
    return message


def test_a_damaged_backup_is_refused(a_backup: Path, data_dir: Path) -> None:
    damage_one_index(a_backup)
    _refused_untouched(a_backup, data_dir, "damaged", str(a_backup))


def test_a_backup_cut_short_is_refused(a_backup: Path, data_dir: Path) -> None:
    data = a_backup.read_bytes()
    a_backup.write_bytes(data[: len(data) // 2])
    _refused_untouched(a_backup, data_dir, "damaged")


def test_a_file_that_is_not_a_database_is_refused(a_backup: Path, data_dir: Path) -> None:
    a_backup.write_bytes(b"Company,Role\nAcme,Analyst\n" * 100)
    _refused_untouched(a_backup, data_dir, "not a Follow-Through backup")
    a_backup.write_bytes(b"")
    _refused_untouched(a_backup, data_dir, "not a Follow-Through backup")


def test_another_programs_database_is_refused(data_dir: Path, database: object) -> None:
    other = data_dir.parent / "recipes.sqlite3"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.execute("INSERT INTO recipes VALUES ('pancakes')")
    connection.commit()
    connection.close()
    _refused_untouched(other, data_dir, "not a Follow-Through backup", "recipes")
    empty = data_dir.parent / "empty.sqlite3"
    connection = sqlite3.connect(empty)
    connection.execute("CREATE TABLE t (x)")
    connection.execute("DROP TABLE t")
    connection.commit()
    connection.close()
    _refused_untouched(empty, data_dir, "empty")


def test_a_backup_from_a_newer_version_is_refused(a_backup: Path, data_dir: Path) -> None:
    connection = sqlite3.connect(a_backup)
    connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    connection.commit()
    connection.close()
    message = _refused_untouched(a_backup, data_dir, "newer version")
    assert str(LATEST_VERSION + 1) in message


def test_the_data_in_use_is_not_its_own_backup(
    database: peewee.SqliteDatabase, data_dir: Path
) -> None:
    _refused_untouched(DataLocation(data_dir).database_path, data_dir, "using now")
    staged = DataLocation(data_dir).database_path.with_name("followthrough.sqlite3.restoring")
    staged.write_bytes(DataLocation(data_dir).database_path.read_bytes())
    _refused_untouched(staged, data_dir, "using now")


def test_a_missing_file_is_refused(data_dir: Path, database: object) -> None:
    with pytest.raises(RestoreRefusedError, match="cannot be found"):
        stage_restore(data_dir / "gone.sqlite3", DataLocation(data_dir))


# -- restoring: the data comes back -----------------------------------------------------------


def test_a_restore_brings_back_exactly_the_backup_and_keeps_the_current_data_aside(
    a_backup: Path, database: peewee.SqliteDatabase, data_dir: Path, clock: FakeClock
) -> None:
    location = DataLocation(data_dir)
    backed_up = dump(a_backup)
    assert backed_up == dump(location.database_path)
    # The day after: more work, some of it undone by mistake.
    clock.advance(timedelta(days=1))
    create_application(clock, "Added after the backup")
    Application.delete().where(Application.id <= 3).execute()
    current = dump(location.database_path)
    assert current != backed_up

    # As the app does it: checked and kept aside while it runs, put in place once closed.
    staged = stage_restore(a_backup, location)
    assert staged.summary.applications == 8
    assert staged.summary.version == LATEST_VERSION and not staged.summary.older
    aside = keep_current_aside(location, clock.now())
    assert aside is not None and aside.name.endswith("-before-restore.sqlite3")
    database.close()
    db.initialize(None)
    finish_restore(location, staged.staged)

    assert dump(location.database_path) == backed_up
    assert dump(aside) == current
    assert not staged.staged.exists()
    assert location.database_path.stat().st_mode & 0o777 == 0o600
    reopened = open_database(data_dir, clock)
    try:
        assert Application.select().count() == 8
    finally:
        reopened.close()
        db.initialize(None)


def test_an_old_write_ahead_log_is_not_replayed_into_the_restored_file(
    a_backup: Path, database: peewee.SqliteDatabase, data_dir: Path, clock: FakeClock
) -> None:
    """The current file left with a log of its own (a crash): it goes to its own file or
    away, never into the restored one."""
    location = DataLocation(data_dir)
    backed_up = dump(a_backup)
    database.close()
    db.initialize(None)
    path = location.database_path
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE application SET company = 'Rewritten'")
    writer.commit()
    wal = path.with_name(path.name + "-wal")
    left_behind = wal.read_bytes()
    writer.close()
    wal.write_bytes(left_behind)  # as a crash would have left it
    staged = stage_restore(a_backup, location)
    finish_restore(location, staged.staged)
    assert dump(path) == backed_up
    assert integrity_problems(path) == []


def test_a_backup_from_an_older_version_is_restored_and_updated_on_open(
    tmp_path: Path, data_dir: Path, clock: FakeClock
) -> None:
    older_dir = tmp_path / "older"
    older = open_database(older_dir, clock, MIGRATIONS[:-1])
    create_application(clock, "From last year")
    older.close()
    db.initialize(None)
    source = back_up_to(DataLocation(older_dir), tmp_path / "kept", date(2026, 1, 5))
    current = open_database(data_dir, clock)
    current.close()
    db.initialize(None)

    staged = stage_restore(source, DataLocation(data_dir))
    assert staged.summary.older and staged.summary.applications == 1
    finish_restore(DataLocation(data_dir), staged.staged)
    reopened = open_database(data_dir, clock)
    try:
        assert [a.company for a in Application.select()] == ["From last year"]
    finally:
        reopened.close()
        db.initialize(None)


def test_a_damaged_current_database_is_kept_as_found(
    a_backup: Path, database: peewee.SqliteDatabase, data_dir: Path, clock: FakeClock
) -> None:
    location = DataLocation(data_dir)
    database.close()
    db.initialize(None)
    damage_one_index(location.database_path)
    damaged = digest(location.database_path)
    aside = restore_backup(a_backup, location, clock.now())
    assert aside is not None and aside.name.endswith("-before-restore.damaged")
    assert digest(aside) == damaged
    assert integrity_problems(location.database_path) == []
    assert newest_backup(location.backups_dir) != aside  # never offered as the cure


def test_a_cancelled_restore_leaves_nothing(a_backup: Path, data_dir: Path) -> None:
    before = folder_state(data_dir)
    stage_restore(a_backup, DataLocation(data_dir))
    assert folder_state(data_dir) != before
    discard_staged(DataLocation(data_dir))
    assert folder_state(data_dir) == before


def test_the_summary_tells_when_the_backup_was_made(a_backup: Path, data_dir: Path) -> None:
    named = a_backup.with_name(f"{_stamp(18, 7)}-daily.sqlite3")
    a_backup.rename(named)
    staged = stage_restore(named, DataLocation(data_dir))
    assert staged.summary.made_at == datetime(2026, 11, 18, 7, tzinfo=UTC)
    discard_staged(DataLocation(data_dir))


def test_damage_found_while_the_app_runs_points_to_file_restore(
    a_backup: Path, database: peewee.SqliteDatabase, data_dir: Path, clock: FakeClock
) -> None:
    from followthrough.store.database import full_check

    keep_current_aside(DataLocation(data_dir), clock.now())  # a sound backup to name
    database.close()
    db.initialize(None)
    damage_one_index(DataLocation(data_dir).database_path)
    message = full_check(data_dir)
    assert message is not None and "File ▸ Restore…" in message
