"""Opening the database: pragmas, permissions, foreign keys, newer and damaged files."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path

import peewee
import pytest

from followthrough.domain.clock import FakeClock
from followthrough.store import models as models_module
from followthrough.store.database import (
    DatabaseCorruptError,
    DatabaseTooNewError,
    DataLocation,
    check_database_file,
    full_check,
    open_database,
)
from followthrough.store.migrations import LATEST_VERSION, schema_version
from followthrough.store.models import (
    Application,
    BaseModel,
    Contact,
    Interview,
    InterviewParticipant,
    db,
)
from followthrough.store.paths import DATA_DIR_ENV, DATABASE_NAME, resolve_data_dir
from followthrough.store.queries import create_application
from tests.helpers.damage import damage_table_pages


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fresh_database_is_migrated_with_safe_pragmas(database: peewee.SqliteDatabase) -> None:
    assert schema_version(database) == LATEST_VERSION

    def pragma(name: str) -> object:
        return database.execute_sql(f"PRAGMA {name}").fetchone()[0]

    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") >= 5000


def test_pragmas_hold_on_connections_of_other_threads(database: peewee.SqliteDatabase) -> None:
    import threading

    seen: dict[str, object] = {}

    def worker() -> None:
        with database.connection_context():
            seen["fk"] = database.execute_sql("PRAGMA foreign_keys").fetchone()[0]
            seen["sync"] = database.execute_sql("PRAGMA synchronous").fetchone()[0]

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen == {"fk": 1, "sync": 2}


def test_folder_and_files_are_private(
    database: peewee.SqliteDatabase, data_dir: Path, clock: FakeClock
) -> None:
    create_application(clock, "Acme")  # a write, so the -wal file exists
    assert mode(data_dir) == 0o700
    assert mode(data_dir / "backups") == 0o700
    db_file = data_dir / "followthrough.sqlite3"
    assert mode(db_file) == 0o600
    side_files = [db_file.with_name(db_file.name + s) for s in ("-wal", "-shm")]
    assert all(p.exists() for p in side_files)
    for side in side_files:
        assert mode(side) == 0o600, side


def test_an_open_folder_is_tightened(tmp_path: Path, clock: FakeClock) -> None:
    folder = tmp_path / "loose"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    database = open_database(folder, clock)
    database.close()
    assert mode(folder) == 0o700


def test_models_match_the_migrated_schema(database: peewee.SqliteDatabase) -> None:
    models = [
        m
        for m in vars(models_module).values()
        if isinstance(m, type) and issubclass(m, peewee.Model) and m is not BaseModel
    ]
    assert len(models) >= 13
    for model in models:
        table = model._meta.table_name
        columns = {c.name for c in database.get_columns(table)}
        fields = {f.column_name for f in model._meta.sorted_fields}
        assert columns == fields, table


def test_foreign_keys_are_enforced(database: peewee.SqliteDatabase, clock: FakeClock) -> None:
    now = clock.now()
    with pytest.raises(peewee.IntegrityError):
        Interview.create(application=9999, starts_at=now, ends_at=now, time_zone="UTC")


def test_deleting_an_application_removes_its_interviews_and_nothing_else(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    now = clock.now()
    kept = create_application(clock, "Keep Inc")
    gone = create_application(clock, "Gone Ltd")
    person = Contact.create(name="Dana Lee", created_at=now)
    for application in (kept, gone):
        interview = Interview.create(
            application=application,
            starts_at=now,
            ends_at=now + timedelta(hours=1),
            time_zone="America/Chicago",
        )
        InterviewParticipant.create(interview=interview, contact=person)
    gone.delete_instance()
    assert [a.company for a in Application.select()] == ["Keep Inc"]
    assert Interview.select().count() == 1
    assert InterviewParticipant.select().count() == 1
    assert Contact.select().count() == 1


def test_check_constraints_refuse_unknown_stages(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    application = create_application(clock, "Acme")
    with pytest.raises(peewee.IntegrityError):
        Application.update(stage="ghosted").where(Application.id == application.id).execute()


def test_a_newer_database_is_refused_unchanged(data_dir: Path, clock: FakeClock) -> None:
    open_database(data_dir, clock, bind=False).close()
    path = data_dir / "followthrough.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    before = digest(path)
    with pytest.raises(DatabaseTooNewError) as caught:
        open_database(data_dir, clock, bind=False)
    message = str(caught.value)
    assert "newer version" in message
    assert str(LATEST_VERSION + 5) in message
    assert digest(path) == before


def test_a_file_that_is_not_a_database_is_reported_not_overwritten(
    data_dir: Path, clock: FakeClock
) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "followthrough.sqlite3"
    path.write_bytes(b"this is not SQLite at all\n" * 200)
    before = digest(path)
    with pytest.raises(DatabaseCorruptError) as caught:
        open_database(data_dir, clock, bind=False)
    message = str(caught.value)
    assert str(path) in message
    assert "no backup yet" in message
    assert digest(path) == before


def _with_backups(data_dir: Path, clock: FakeClock) -> tuple[Path, Path, Path, Path]:
    """A database with 300 applications and three files in its backups folder: the
    database, the older and newer sound backups, and an empty one (never offered)."""
    database = open_database(data_dir, clock)
    for index in range(300):
        create_application(clock, f"Company {index}", "Role " * 20)
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    db.initialize(None)
    backups = data_dir / "backups"
    path = data_dir / "followthrough.sqlite3"
    older = backups / "20261101T090000Z-before-v2.sqlite3"
    newer = backups / "20261115T090000Z-before-v3.sqlite3"
    # Left by a copy that ran out of space (older versions wrote in place): never offered.
    empty = backups / "20261120T090000Z-before-v4.sqlite3"
    older.write_bytes(path.read_bytes())
    newer.write_bytes(path.read_bytes())
    empty.write_bytes(b"")
    return path, older, newer, empty


def test_damaged_table_pages_are_found_by_the_full_check_with_the_newest_backup(
    data_dir: Path, clock: FakeClock
) -> None:
    """The check at open reads the header and the schema only (its time does not grow
    with the data): damage in a table's pages is found by the whole-file check the app
    runs in the background after start-up (services/health.py), with the same advice.
    (Before issue 16 the open read the whole file and refused it there.)"""
    path, older, newer, empty = _with_backups(data_dir, clock)
    damage_table_pages(path)
    before = digest(path)
    open_database(data_dir, clock, bind=False).close()
    assert digest(path) == before
    message = full_check(data_dir)
    assert message is not None
    assert str(path) in message and "damaged" in message
    assert "stopped saving" in message
    assert str(newer) in message
    assert str(older) not in message and str(empty) not in message
    assert digest(path) == before


def test_damaged_pages_are_refused_at_open_before_a_schema_update(
    data_dir: Path, clock: FakeClock
) -> None:
    """A schema update first copies the database: the whole file is checked at open then,
    and damage refused as before, with the newest sound backup."""
    path, older, newer, empty = _with_backups(data_dir, clock)
    damage_table_pages(path)
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {LATEST_VERSION - 1}")
    connection.close()
    before = digest(path)
    with pytest.raises(DatabaseCorruptError) as caught:
        open_database(data_dir, clock, bind=False)
    message = str(caught.value)
    assert "damaged" in message
    assert str(newer) in message
    assert str(older) not in message and str(empty) not in message
    assert "has not been changed" in message
    assert digest(path) == before
    db.initialize(None)


def test_a_truncated_database_is_refused_at_open(data_dir: Path, clock: FakeClock) -> None:
    path, _older, newer, _empty = _with_backups(data_dir, clock)
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)
    before = digest(path)
    with pytest.raises(DatabaseCorruptError) as caught:
        open_database(data_dir, clock, bind=False)
    message = str(caught.value)
    assert "shorter than its header says" in message
    assert str(newer) in message and "has not been changed" in message
    assert digest(path) == before


def test_a_damaged_schema_is_refused_at_open(data_dir: Path, clock: FakeClock) -> None:
    path, _older, newer, _empty = _with_backups(data_dir, clock)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute(
            "UPDATE sqlite_master SET sql = 'CREATE TABLE application (' WHERE name = 'application'"
        )
    connection.close()
    before = digest(path)
    with pytest.raises(DatabaseCorruptError) as caught:
        open_database(data_dir, clock, bind=False)
    message = str(caught.value)
    assert "cannot be read" in message and "malformed" in message
    assert str(newer) in message and "has not been changed" in message
    assert digest(path) == before


def test_a_bad_page_size_in_the_header_is_refused_at_open(data_dir: Path, clock: FakeClock) -> None:
    open_database(data_dir, clock, bind=False).close()
    path = data_dir / "followthrough.sqlite3"
    with path.open("r+b") as handle:
        handle.seek(16)
        handle.write((3000).to_bytes(2, "big"))
    before = digest(path)
    with pytest.raises(DatabaseCorruptError) as caught:
        open_database(data_dir, clock, bind=False)
    assert "not a database" in str(caught.value)
    assert digest(path) == before


def test_data_dir_resolution_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert resolve_data_dir(str(tmp_path / "from-cli")) == tmp_path / "from-cli"
    assert resolve_data_dir(None) == tmp_path / "from-env"
    monkeypatch.delenv(DATA_DIR_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_data_dir(None) == tmp_path / "xdg" / "followthrough"


def test_a_checkpoint_cut_short_is_not_taken_for_damage(
    data_dir: Path, clock: FakeClock, tmp_path: Path
) -> None:
    """A checkpoint writes page 1 (with the new page count) before the pages after it; cut
    short, the file is shorter than its header says while its log still holds the rest.
    SQLite recovers it whole, so the check at open lets it through (without the log, the
    same file is refused)."""
    open_database(data_dir, clock, bind=False).close()
    db.initialize(None)
    path = data_dir / DATABASE_NAME
    live = sqlite3.connect(path)
    live.execute("PRAGMA wal_autocheckpoint = 0")
    live.execute("CREATE TABLE filler (text TEXT)")
    live.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 2000)
    live.commit()
    pages = int(live.execute("PRAGMA page_count").fetchone()[0])
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    copy = crashed / DATABASE_NAME
    copy.write_bytes(path.read_bytes())
    copy.with_name(DATABASE_NAME + "-wal").write_bytes(
        path.with_name(DATABASE_NAME + "-wal").read_bytes()
    )
    live.close()
    with copy.open("r+b") as handle:  # page 1 as the cut-short checkpoint left it
        handle.seek(28)
        handle.write(pages.to_bytes(4, "big"))
        handle.seek(24)
        counter = handle.read(4)
        handle.seek(92)
        handle.write(counter)
    assert copy.stat().st_size < pages * 4096
    location = DataLocation(crashed)
    check_database_file(location)
    assert full_check(crashed) is None
    copy.with_name(DATABASE_NAME + "-wal").unlink()
    with pytest.raises(DatabaseCorruptError, match="shorter than its header says"):
        check_database_file(location)
