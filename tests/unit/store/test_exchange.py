"""JSON export and import in the database (docs/data-format.md): the export only reads, an
import into an empty folder recreates the same app (none of its reminders shown again), an
exact round trip, all or nothing, bad files refused with nothing changed, and merging."""

from __future__ import annotations

import hashlib
import io
import json
import re
import sqlite3
import tempfile
import tracemalloc
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import peewee
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followthrough.__main__ import main
from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.domain.exchange.merging import SUBJECT_IDS
from followthrough.domain.exchange.reading import ExchangeError, parse_document
from followthrough.domain.exchange.schema import (
    APPLICATION,
    PERSON,
    REMINDER,
    VERSION_TEXT,
    every_object,
)
from followthrough.domain.reminder_kinds import SubjectKey, kind_info
from followthrough.store import planning
from followthrough.store.backups.copies import ImportBackupError
from followthrough.store.database import DataLocation, connect, open_database, read_database
from followthrough.store.exchange import importing
from followthrough.store.exchange.exporting import export_tables, export_to_file, write_export
from followthrough.store.exchange.importing import (
    MAX_FILE_BYTES,
    FolderNotEmptyError,
    ImportStoppedError,
    import_document,
    read_export,
)
from followthrough.store.models import db
from followthrough.store.planning import plan_at_start
from followthrough.store.reminders import claim_due, due_at
from tests.helpers.exchange_data import HOSTILE, documents

TABLES = [placed.spec.table for placed in every_object()] + ["plan_dirty"]


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def counts() -> dict[str, int]:
    return {t: int(db.execute_sql(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES}


# Tables whose rows the file names by id: they come back with the same ids.
WITH_IDS = {placed.spec.table for placed in every_object() if placed.spec.has_id}


def rows_of_every_table() -> dict[str, list[tuple[Any, ...]]]:
    return {t: sorted(db.execute_sql(f"SELECT * FROM {t}"), key=repr) for t in TABLES}


def text_of(now: Any) -> str:
    stream = io.StringIO()
    write_export(stream, export_tables(), now)
    return stream.getvalue()


@pytest.fixture
def demo(data_dir: Path, clock: FakeClock) -> Iterator[Path]:
    """A demo folder, planned and with what was due shown (fired), closed."""
    database = open_database(data_dir, clock)
    fill_demo(clock, 30)
    plan_at_start(clock.now())
    assert claim_due(clock.now()), "the demo has reminders due now"
    database.close()
    db.initialize(None)
    yield data_dir


def opened(folder: Path, clock: FakeClock) -> peewee.SqliteDatabase:
    return open_database(folder, clock)


# -- the export only reads -----------------------------------------------------------------


def test_the_export_command_leaves_the_folder_byte_for_byte(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(demo)
    out = tmp_path / "all.json"
    assert main(["--data-dir", str(demo), "export", "--format", "json", "-o", str(out)]) == 0
    assert digest(demo) == before  # not even a -wal or -shm
    assert "Exported 30 applications" in capsys.readouterr().out
    assert parse_document(out.read_text(encoding="utf-8")).count(APPLICATION) == 30
    assert out.stat().st_mode & 0o077 == 0  # the user's only


def test_the_export_to_standard_output_is_the_same_file(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.json"
    assert main(["--data-dir", str(demo), "export", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(demo), "export"]) == 0
    printed = json.loads(capsys.readouterr().out)
    written = json.loads(out.read_text(encoding="utf-8"))
    printed.pop("exported_at"), written.pop("exported_at")
    assert printed == written


def test_with_the_app_running_the_export_reads_its_files_and_changes_none(
    demo: Path, clock: FakeClock, tmp_path: Path
) -> None:
    writer = connect(demo / "followthrough.sqlite3")
    writer.connect()
    writer.execute_sql("UPDATE application SET intro_line = 'fresh' WHERE id = 1")
    before = {k: v for k, v in digest(demo).items() if not k.endswith("-shm")}
    tables = read_database(demo, export_tables, clock)
    assert tables is not None
    assert tables.of(APPLICATION)[0]["intro_line"] == "fresh"  # still in the WAL
    assert {k: v for k, v in digest(demo).items() if not k.endswith("-shm")} == before
    writer.close()


def test_an_export_of_no_folder_makes_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "never"
    assert main(["--data-dir", str(missing), "export"]) == 0
    assert not missing.exists()
    assert parse_document(capsys.readouterr().out).count(APPLICATION) == 0


def test_an_export_that_cannot_be_written_says_why_and_leaves_no_part(
    database: peewee.SqliteDatabase, clock: FakeClock, tmp_path: Path
) -> None:
    with pytest.raises(ExchangeError, match="its folder does not exist"):
        export_to_file(tmp_path / "no" / "such.json", clock.now())
    target = tmp_path / "kept.json"
    target.write_text("the older export")
    (tmp_path / "blocked").mkdir()
    with pytest.raises(ExchangeError, match="that is a folder"):
        export_to_file(tmp_path / "blocked", clock.now())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked", "data", "kept.json"]


# -- an empty folder: the same app ---------------------------------------------------------


def test_a_demo_exported_and_imported_is_the_same_app_and_shows_nothing_again(
    demo: Path, clock: FakeClock, tmp_path: Path
) -> None:
    exported = tmp_path / "demo.json"
    database = opened(demo, clock)
    export_to_file(exported, clock.now())
    source_rows = rows_of_every_table()
    source_due = due_at(clock.now())
    database.close()

    database = opened(tmp_path / "copy", clock)
    import_document(read_export(exported))
    # The same records (exported again, the same file), and the same rows with the same
    # ids where the file names them by id (what reminders and the app's links name).
    assert text_of(clock.now()) == exported.read_text(encoding="utf-8")
    rows = rows_of_every_table()
    for table in WITH_IDS:
        assert rows[table] == source_rows[table], table
    # At the next start, at the same moment: planning keeps every reminder's state, and
    # nothing that was shown is shown again.
    plan_at_start(clock.now())
    assert claim_due(clock.now()) == []
    assert [(r.kind, r.subject_key, r.due_at, r.title, r.fired) for r in due_at(clock.now())] == [
        (r.kind, r.subject_key, r.due_at, r.title, r.fired) for r in source_due
    ]
    # And later the same reminders come as they would have.
    later = clock.now() + timedelta(days=3)
    assert len(claim_due(later)) > 0
    database.close()


def test_an_import_in_another_zone_shows_nothing_again(
    demo: Path, clock: FakeClock, tmp_path: Path
) -> None:
    """The plan's basis comes along: opened where the computer is in Tokyo, the
    reminders move with the local hours, and none that was shown is shown again."""
    from followthrough.store import settings as options

    exported = tmp_path / "demo.json"
    database = opened(demo, clock)
    export_to_file(exported, clock.now())
    shown = {(r.kind, r.subject_key) for r in due_at(clock.now()) if r.fired}
    database.close()
    database = opened(tmp_path / "copy", clock)
    import_document(read_export(exported))
    options.set_computer_zone("Asia/Tokyo")
    plan_at_start(clock.now())
    again = {(r.kind, r.subject_key) for r in claim_due(clock.now())}
    assert not again & shown
    database.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_exact_round_trip_export_import_export(doc: dict[str, Any]) -> None:
    """Generated data, exported, imported into an empty folder and exported again: the
    same JSON, byte for byte."""
    clock = FakeClock(parse_time("2026-11-20T15:00:00Z"))
    with tempfile.TemporaryDirectory() as folder:
        first_db = opened(Path(folder) / "a", clock)
        import_document(parse_document(json.dumps(doc)))
        first = text_of(clock.now())
        first_db.close()
        second_db = opened(Path(folder) / "b", clock)
        import_document(parse_document(first))
        second = text_of(clock.now())
        second_db.close()
        db.initialize(None)
    assert second == first
    for top in ("people", "applications", "reminders", "personal_words", "settings"):
        assert len(json.loads(first)[top]) == len(doc[top])


def parse_time(text: str) -> Any:
    from datetime import datetime

    return datetime.fromisoformat(text)


def test_hostile_text_is_stored_and_shown_as_plain_text(
    database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    doc = {
        "format": "follow-through",
        "version": "1.0",
        "people": [
            {"id": n + 1, "name": value, "notes": value, "created_at": "2026-11-01T09:00:00Z"}
            for n, value in enumerate(HOSTILE)
        ],
        "applications": [
            {
                "id": 1,
                "company": HOSTILE[1],
                "notes": "y" * 3_000_000,
                "created_at": "2026-11-01T09:00:00Z",
                "updated_at": "2026-11-01T09:00:00Z",
            }
        ],
    }
    import_document(parse_document(json.dumps(doc)))
    stored = [row[0] for row in db.execute_sql("SELECT notes FROM contact ORDER BY id")]
    assert stored == list(HOSTILE)
    assert counts()["application"] == 1  # the SQL-looking company did nothing
    (company, notes) = db.execute_sql("SELECT company, notes FROM application").fetchone()
    assert company == HOSTILE[1] and len(notes) == 3_000_000
    again = json.loads(text_of(clock.now()))
    assert [p["name"] for p in again["people"]] == list(HOSTILE)


# -- all or nothing ------------------------------------------------------------------------


def _export_of_demo(clock: FakeClock, folder: Path) -> Path:
    database = opened(folder / "source", clock)
    fill_demo(clock, 12)
    path = folder / "demo.json"
    export_to_file(path, clock.now())
    database.close()
    return path


def test_a_failure_halfway_leaves_nothing(
    clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = read_export(_export_of_demo(clock, tmp_path))
    database = opened(tmp_path / "target", clock)
    before = counts()
    real = importing._insert_row
    calls = []

    def failing(connection: sqlite3.Connection, table: str, values: Any, **kw: Any) -> Any:
        calls.append(table)
        if table == REMINDER.table:
            raise sqlite3.OperationalError("disk I/O error")
        return real(connection, table, values, **kw)

    monkeypatch.setattr(importing, "_insert_row", failing)
    with pytest.raises(sqlite3.OperationalError):
        import_document(document)
    assert calls.count(APPLICATION.table) == 12  # it had written a lot by then
    assert counts() == before
    database.close()


def test_stopping_an_import_leaves_nothing(
    clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "PROGRESS_EVERY", 50)
    document = read_export(_export_of_demo(clock, tmp_path))
    database = opened(tmp_path / "target", clock)
    before = counts()
    told: list[tuple[int, int]] = []
    with pytest.raises(ImportStoppedError, match="nothing was changed"):
        import_document(
            document, progress=lambda d, t: told.append((d, t)), should_stop=lambda: bool(told)
        )
    assert told and told[0][0] < told[0][1]
    assert counts() == before
    database.close()


def test_progress_is_told_up_to_the_whole(
    clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "PROGRESS_EVERY", 50)
    document = read_export(_export_of_demo(clock, tmp_path))
    database = opened(tmp_path / "target", clock)
    told: list[tuple[int, int]] = []
    import_document(document, progress=lambda d, t: told.append((d, t)))
    total = sum(len(rows) for rows in document.tables.rows.values())
    assert told[-1] == (total, total) and len(told) > 2
    database.close()


def test_a_folder_with_data_is_refused_unless_merging(
    clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _export_of_demo(clock, tmp_path)
    folder = tmp_path / "source"
    before = digest(folder)
    assert main(["--data-dir", str(folder), "import", str(path)]) == 2
    said = capsys.readouterr().err
    assert "This data folder is not empty (applications: 12" in said and "--merge" in said
    assert "Traceback" not in said
    assert digest(folder) == before
    database = opened(folder, clock)
    with pytest.raises(FolderNotEmptyError):
        import_document(read_export(path))
    database.close()


# -- bad files: a plain message, nothing changed -------------------------------------------


def _refused_by_command(folder: Path, path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    before = digest(folder) if folder.exists() else None
    assert main(["--data-dir", str(folder), "import", str(path)]) == 2
    said = capsys.readouterr().err
    assert (digest(folder) if folder.exists() else None) == before
    assert "Traceback" not in said and "Error" not in said, said
    assert said.startswith("Follow-Through: Nothing was imported from "), said
    return said


@pytest.fixture
def good_text(clock: FakeClock, tmp_path: Path) -> str:
    return _export_of_demo(clock, tmp_path).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("spoil", "expected"),
    [
        (lambda t: t[: len(t) // 2].encode(), "ends too early"),
        (lambda t: t.replace("Dana", "Danà").encode("latin-1", "replace"), "not in UTF-8"),
        (lambda t: t.encode("utf-16"), "UTF-16"),
        (lambda t: t.encode("utf-16-le"), "UTF-16"),
        (lambda t: t.encode("utf-32"), "UTF-16 or UTF-32"),
        (
            lambda t: b"\xef\xbb\xbf" + t.replace(f'"{VERSION_TEXT}"', '"3.1"', 1).encode(),
            "newer version",
        ),
        (
            lambda t: t.replace('"company": "', '"company": 4, "x": "', 1).encode(),
            "“company” should be text",
        ),
        (
            lambda t: t.replace('"created_at": ', '"made_at": ', 1).encode(),
            "“created_at” is missing",
        ),
        (
            lambda t: t.replace('"person_id": ', '"person_id": 999999 + ', 1).encode(),
            "not valid JSON",
        ),
        (
            lambda t: re.sub(r'"person_id": \d+', '"person_id": 999999', t, count=1).encode(),
            "names person 999999",
        ),
        (lambda t: b"", "The file is empty"),
        (lambda t: b"\x89PNG\r\n\x1a\n\x00\x00", "not in UTF-8"),
    ],
)
def test_bad_files_are_refused_in_plain_words_and_change_nothing(
    good_text: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    spoil: Any,
    expected: str,
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(spoil(good_text))
    # Into a folder that does not exist yet: it is not made.
    said = _refused_by_command(tmp_path / "new", bad, capsys)
    assert expected in said, said
    assert not (tmp_path / "new").exists()
    # Into an empty folder that exists: left as it was.
    empty = tmp_path / "empty"
    opened(empty, FakeClock(parse_time("2026-11-20T15:00:00Z"))).close()
    db.initialize(None)
    assert expected in _refused_by_command(empty, bad, capsys)


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as stream:  # sparse: no disk used, nothing to read
        stream.truncate(MAX_FILE_BYTES + 1)
    tracemalloc.start()
    said = _refused_by_command(tmp_path / "data", huge, capsys)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "The file is 128 MB: larger than any Follow-Through export can be" in said
    assert peak < 5_000_000


def test_a_100_megabyte_file_is_read_once(tmp_path: Path) -> None:
    """Under the limit, a file is mapped and decoded, not read and copied: the text is
    the one copy in memory."""
    big = tmp_path / "big.json"
    size = 100 * 1024 * 1024
    with big.open("wb") as stream:
        stream.write(b'{"format": "follow-through", "version": "1.0", "people": [')
        block = b" " * (1024 * 1024)
        for _ in range(100):
            stream.write(block)
    tracemalloc.start()
    with pytest.raises(ExchangeError, match="ends too early"):
        read_export(big)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert size < peak < 1.25 * size


def test_refusals_are_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "follow-through", "version": "9.0"}')
    with caplog.at_level("INFO"), pytest.raises(ExchangeError):
        read_export(bad)
    assert "was not imported: This file was written by a newer version" in caplog.text


# -- merging -------------------------------------------------------------------------------


def _doc(**lists: Any) -> Any:
    return parse_document(json.dumps({"format": "follow-through", "version": "1.0", **lists}))


T0 = "2026-11-01T09:00:00Z"


def _person(pid: int, name: str, email: str = "", **more: Any) -> dict[str, Any]:
    return {"id": pid, "name": name, "email": email, "created_at": T0, **more}


def _application(aid: int, company: str, role: str, **more: Any) -> dict[str, Any]:
    return {
        "id": aid,
        "company": company,
        "role_title": role,
        "created_at": T0,
        "updated_at": T0,
        **more,
    }


def _interview(iid: int, starts: str, *people: int, **more: Any) -> dict[str, Any]:
    return {
        "id": iid,
        "starts_at": starts,
        "ends_at": starts,
        "time_zone": "Europe/Berlin",
        "participants": [{"person_id": p} for p in people],
        **more,
    }


@pytest.fixture
def folder(database: peewee.SqliteDatabase) -> None:
    """A folder with Dana (by address), two Sams (no address), and Acme's analyst role."""
    import_document(
        _doc(
            people=[
                _person(
                    1, "Dana Lee", "dana@acme.example", company="Acme GmbH", roles=["recruiter"]
                ),
                _person(2, "Sam Okafor"),
            ],
            applications=[
                _application(
                    1,
                    "Acme GmbH",
                    "Data Analyst",
                    stage="interviewing",
                    interviews=[_interview(1, "2026-11-10T09:00:00Z", 1)],
                )
            ],
            settings=[{"key": "reminders.quiet_until_hour", "value": "8"}],
        )
    )


def _merge_file() -> Any:
    return _doc(
        people=[
            _person(10, "D. Lee", "DANA@acme.example", roles=["interviewer"]),
            _person(11, "sam  okafor", company="acme gmbh"),
            _person(12, "Priya Patel", "priya@acme.example"),
        ],
        applications=[
            _application(
                20,
                "ACME GmbH",
                "data analyst",
                stage="rejected",
                stage_history=[{"to_stage": "rejected", "happened_at": T0}],
                interviews=[
                    _interview(30, "2026-11-10T09:00:00Z", 10, 12),
                    _interview(
                        31,
                        "2026-11-17T09:00:00Z",
                        11,
                        preparation_ticks=[{"item": "person:11", "ticked_at": T0}],
                    ),
                ],
                rejection_steps=[{"step": "connect:12", "state": "done", "updated_at": T0}],
            ),
            _application(21, "acme gmbh", "Designer"),
        ],
        reminders=[
            {
                "kind": "note_due_soon",
                "subject": "note:31:11",
                "application_id": 20,
                "due_at": T0,
                "fired_at": T0,
            },
            {
                "kind": "follow_up",
                "subject": "follow_up:21:31:0",
                "application_id": 21,
                "due_at": T0,
            },
            {"kind": "calendar_sync", "subject": "calendar:20", "application_id": 20, "due_at": T0},
        ],
        personal_words=["Okafor", "Patel"],
        settings=[
            {"key": "reminders.quiet_until_hour", "value": "10"},
            {"key": "notes.hours_to_send", "value": "36"},
            {"key": "planning.basis", "value": "{}"},
        ],
    )


def _all(sql: str) -> list[tuple[Any, ...]]:
    return list(db.execute_sql(sql))


def test_merging_matches_people_and_applications_and_gives_the_files_ids_the_folders(
    folder: None,
) -> None:
    report = import_document(_merge_file(), merge=True)
    assert report.merged
    assert report.matched == {"person": 2, "application": 1, "interview": 1}
    assert report.count(PERSON) == 1 and report.count(APPLICATION) == 1
    assert _all("SELECT id, name, email FROM contact ORDER BY id") == [
        (1, "Dana Lee", "dana@acme.example"),  # the folder's record stands
        (2, "Sam Okafor", ""),
        (3, "Priya Patel", "priya@acme.example"),
    ]
    assert _all("SELECT contact_id, role FROM contact_role ORDER BY contact_id, role") == [
        (1, "interviewer"),
        (1, "recruiter"),
    ]
    # The application found keeps its stage and history; the new one takes the
    # folder's spelling of the company.
    assert _all("SELECT id, company, role_title, stage FROM application ORDER BY id") == [
        (1, "Acme GmbH", "Data Analyst", "interviewing"),
        (2, "Acme GmbH", "Designer", "applied"),
    ]
    assert _all("SELECT count(*) FROM stage_event") == [(0,)]
    # Interview 30 is the folder's interview 1 (same start): Priya joins it.
    assert _all("SELECT interview_id, contact_id FROM interview_participant ORDER BY 1, 2") == [
        (1, 1),
        (1, 3),
        (2, 2),
    ]
    assert _all("SELECT interview_id, item FROM prep_tick") == [(2, "person:2")]
    assert _all("SELECT application_id, step_key FROM rejection_step") == [(1, "connect:3")]
    # Reminders name the folder's ids; one about something this version lacks is left.
    assert _all(
        "SELECT kind, subject_key, application_id, fired_at IS NOT NULL FROM reminder ORDER BY id"
    ) == [
        ("note_due_soon", "note:2:2", 1, 1),
        ("follow_up", "follow_up:2:2:0", 2, 0),
    ]
    assert _all("SELECT word FROM personal_word ORDER BY word") == [("Okafor",), ("Patel",)]
    # The folder's choices stand; one it had not made comes; its plan's record stays its own.
    assert dict(_all("SELECT key, value FROM setting")) == {
        "reminders.quiet_until_hour": "8",
        "notes.hours_to_send": "36",
    }


def test_an_interview_moved_in_one_copy_is_still_that_round(folder: None) -> None:
    """A file where round 1 was moved to another day doubled it: two round 1s, each with
    its reminders. The same application's round is the same interview; the folder's
    stands (its time), and the file's people join it."""
    moved = _doc(
        people=[_person(10, "Dana Lee", "dana@acme.example"), _person(12, "Priya Patel")],
        applications=[
            _application(
                20,
                "Acme GmbH",
                "Data Analyst",
                interviews=[
                    _interview(30, "2026-11-12T14:00:00Z", 10, 12, round=1),
                    _interview(31, "2026-11-19T09:00:00Z", 10, round=2),
                ],
            )
        ],
    )
    report = import_document(moved, merge=True)
    assert report.matched == {"person": 1, "application": 1, "interview": 1}
    assert _all("SELECT id, round, starts_at FROM interview ORDER BY id") == [
        (1, 1, "2026-11-10T09:00:00Z"),
        (2, 2, "2026-11-19T09:00:00Z"),
    ]
    assert _all("SELECT interview_id, contact_id FROM interview_participant ORDER BY 1, 2") == [
        (1, 1),
        (1, 3),
        (2, 1),
    ]
    # Merged again: nothing more.
    assert import_document(moved, merge=True).added == {}


def test_a_merge_backs_up_the_folders_data_first(
    folder: None, data_dir: Path, clock: FakeClock
) -> None:
    location = DataLocation(data_dir)
    report = import_document(_merge_file(), merge=True, back_up=location, now=clock.now())
    assert report.backup is not None and report.backup.parent == location.backups_dir
    assert report.backup.name.endswith("-before-import.sqlite3")
    copy = sqlite3.connect(report.backup)
    assert copy.execute("SELECT company, role_title FROM application").fetchall() == [
        ("Acme GmbH", "Data Analyst")
    ]
    copy.close()
    assert _all("SELECT count(*) FROM application") == [(2,)]


def test_a_copy_that_cannot_be_made_stops_the_merge(
    folder: None, data_dir: Path, clock: FakeClock
) -> None:
    location = DataLocation(data_dir)
    location.backups_dir.rmdir()
    location.backups_dir.write_text("a file where the folder should be")
    with pytest.raises(ImportBackupError, match="nothing was imported"):
        import_document(_merge_file(), merge=True, back_up=location, now=clock.now())
    assert _all("SELECT count(*) FROM application") == [(1,)]


def test_merging_the_same_file_again_adds_nothing(folder: None, clock: FakeClock) -> None:
    import_document(_merge_file(), merge=True)
    before = rows_of_every_table()
    report = import_document(_merge_file(), merge=True)
    assert report.added == {}
    after = rows_of_every_table()
    after.pop("plan_dirty"), before.pop("plan_dirty")
    assert after == before


def test_merging_a_demo_into_itself_adds_nothing(clock: FakeClock, tmp_path: Path) -> None:
    """Its people share names and its companies roles: each is matched once, in order."""
    path = _export_of_demo(clock, tmp_path)
    database = opened(tmp_path / "source", clock)
    first = text_of(clock.now())
    report = import_document(read_export(path), merge=True)
    assert report.added == {}
    assert text_of(clock.now()) == first
    database.close()


def test_a_merge_with_the_command(
    clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _export_of_demo(clock, tmp_path)
    folder = tmp_path / "source"
    assert main(["--data-dir", str(folder), "import", str(path), "--merge"]) == 0
    said = capsys.readouterr().out
    assert "added 0 applications" in said and "Found there already: 12 applications" in said
    (backup,) = (folder / "backups").glob("*-before-import.sqlite3")
    assert f"Your data as it was before is kept in {backup}" in said


def test_an_import_into_a_new_folder_makes_it(
    clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _export_of_demo(clock, tmp_path)
    new = tmp_path / "new" / "folder"
    new.parent.mkdir()
    assert main(["--data-dir", str(new), "import", str(path)]) == 0
    assert "Imported 12 applications" in capsys.readouterr().out
    assert sorted(p.name for p in new.iterdir()) == ["backups", "followthrough.sqlite3"]
    assert list((new / "backups").iterdir()) == []  # nothing to keep aside


def test_every_kind_of_reminder_can_be_merged() -> None:
    """Each registered kind's subjects are known to the merge (a new feature adds its
    subject's ids to ``SUBJECT_IDS``)."""
    kinds = planning.planned_kinds()  # every feature's planner registered
    assert len(kinds) > 10
    for kind in kinds:
        info = kind_info(kind)
        assert info is not None and info.feature in SUBJECT_IDS, kind
    for feature, names in SUBJECT_IDS.items():
        key = str(SubjectKey(feature, tuple(range(1, len(names) + 1))))
        assert SubjectKey.parse(key) is not None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(min_size=1, max_size=200))
def test_any_bytes_are_refused_in_plain_words(junk: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "junk.json"
        path.write_bytes(junk)
        try:
            read_export(path)
        except ExchangeError as refusal:
            assert "Error" not in str(refusal) and "Traceback" not in str(refusal)
