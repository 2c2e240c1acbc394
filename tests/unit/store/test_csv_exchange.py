"""CSV and vCard in the database: a spreadsheet of 40 applications comes in as typed ones
(stage history, planned), all or nothing, contacts matched; exports only read and read
back the same; the commands; bad files change nothing."""

from __future__ import annotations

import csv
import hashlib
import io
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import peewee
import pytest

from followthrough.__main__ import main
from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.domain.exchange.csv_mapping import guess_columns
from followthrough.domain.exchange.csv_plan import CsvMapping, CsvPlan, plan_import
from followthrough.domain.exchange.reading import ExchangeError
from followthrough.domain.exchange.vcards import CardOutcome, plan_cards
from followthrough.domain.references import ReferenceKind
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.store.applications import application_detail, application_summaries
from followthrough.store.database import open_database
from followthrough.store.exchange import csv_import
from followthrough.store.exchange.csv_export import CsvContent, export_csv
from followthrough.store.exchange.csv_import import (
    MAX_CSV_BYTES,
    import_applications,
    known_applications,
    read_csv,
)
from followthrough.store.exchange.importing import ImportStoppedError
from followthrough.store.exchange.vcard_files import (
    export_vcards,
    import_cards,
    people,
    read_vcards,
)
from followthrough.store.models import db
from followthrough.store.planning import plan_changed
from followthrough.store.queries import change_stage, create_application
from tests.helpers.exchange_data import HOSTILE

STATUSES = ("Applied", "Interviewing", "Rejected", "Offer", "Accepted", "Ghosted", "I Withdrew")
TODAY = date(2026, 11, 20)
TODAY_INSTANT = datetime(2026, 11, 20, 15, tzinfo=UTC)


def spreadsheet(path: Path, count: int = 40) -> Path:
    """A hand-made tracker as Excel saves it in Europe: semicolons, Windows-1252, days
    first, a recruiter per row (Dana at several companies' agency)."""
    lines = [
        "Company;Job Title;Status;Date Applied;Job URL;Location;Notes;Recruiter;Recruiter Email"
    ]
    for n in range(count):
        day = date(2026, 9, 1) + timedelta(days=n)
        recruiter = "Dana Lee;dana@agency.example" if n % 3 == 0 else f"Sam {n};"
        lines.append(
            f"Société {n};Analyst {n};{STATUSES[n % len(STATUSES)]};"
            f"{day.day:02d}/{day.month:02d}/{day.year};https://jobs.example/{n};Zürich;"
            f"café n°{n};{recruiter}"
        )
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def planned(path: Path) -> CsvPlan:
    table = read_csv(path)
    known = known_applications()
    mapping = CsvMapping(tuple(guess_columns(table.headers)))
    return plan_import(table, mapping, known.titles, TODAY, known.spelling)


def all_rows(sql: str) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in db.execute_sql(sql)]


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_spreadsheet_of_40_applications_comes_in_as_typed_ones(
    clock: FakeClock, tmp_path: Path
) -> None:
    """Imported rows get the same rows, stage history and reminders as the same
    applications typed in and moved on in the window."""
    path = spreadsheet(tmp_path / "tracker.csv")
    imported = open_database(tmp_path / "imported", clock)
    plan = planned(path)
    assert len(plan.to_import()) == 40
    report = import_applications(plan.to_import(), clock.now(), TODAY)
    assert (report.applications, report.people_added) == (40, 27)
    assert all_rows("SELECT count(*) FROM plan_dirty WHERE application_id > 0") == [(40,)]
    plan_changed(clock.now())
    # Planned as a typed one is (an application without interviews or an offer has no
    # reminder yet: the same as typed, below).
    assert all_rows("SELECT count(*) FROM plan_dirty WHERE application_id > 0") == [(0,)]
    facts = _facts()
    imported.close()

    typed = open_database(tmp_path / "typed", clock)
    for draft in plan.to_import():
        application = create_application(
            clock,
            draft.company,
            draft.role_title,
            posting_url=draft.posting_url,
            location=draft.location,
            applied_on=draft.applied_on,
            notes=draft.notes,
        )
        path_to = [Stage.OFFER, Stage.ACCEPTED] if draft.stage is Stage.ACCEPTED else [draft.stage]
        for stage in path_to:
            if stage is not Stage.APPLIED:
                reason = csv_import._REASONS.get(stage)
                change_stage(application.id, stage, clock, TODAY, reason)
    plan_changed(clock.now())
    assert _facts()[:3] == facts[:3]
    typed.close()
    db.initialize(None)

    applications, history, reminders, contacts = facts
    assert applications[0] == (
        1, "Société 0", "Analyst 0", "https://jobs.example/0", "Zürich", "2026-09-01",
        "applied", None, None, "café n°0",
    )  # fmt: skip
    assert applications[2][6:9] == ("rejected", "2026-11-20", ClosureReason.REJECTED.value)
    assert [row[1:] for row in history if row[0] == 5] == [
        (None, "applied", None), ("applied", "offer", None), ("offer", "accepted", None)
    ]  # fmt: skip
    assert reminders == []
    assert ("Dana Lee", "Société 0", "dana@agency.example") in contacts
    assert sum(1 for c in contacts if c[0] == "Dana Lee") == 1  # one person, many rows


def _facts() -> tuple[list[Any], ...]:
    return (
        all_rows(
            "SELECT id, company, role_title, posting_url, location, applied_on, stage, "
            "closed_on, closure_reason, notes FROM application ORDER BY id"
        ),
        all_rows(
            "SELECT application_id, from_stage, to_stage, closure_reason FROM stage_event "
            "ORDER BY id"
        ),
        all_rows("SELECT kind, subject_key, due_at FROM reminder ORDER BY kind, subject_key"),
        all_rows("SELECT name, company, email FROM contact ORDER BY id"),
    )


def test_people_already_there_are_found_and_rows_there_by_now_left_out(
    database: peewee.SqliteDatabase, clock: FakeClock, tmp_path: Path
) -> None:
    path = spreadsheet(tmp_path / "tracker.csv", 6)
    plan = planned(path)
    db.execute_sql(
        "INSERT INTO contact (name, company, email, created_at) "
        "VALUES ('D. Lee', 'Agency', 'DANA@agency.example', '2026-11-01T09:00:00Z')"
    )
    create_application(clock, "société 1", "ANALYST 1")  # typed meanwhile
    report = import_applications(plan.to_import(), clock.now(), TODAY)
    assert (report.applications, report.duplicates) == (5, 1)
    assert report.people_found == 2 and report.people_added == 3
    assert all_rows("SELECT count(*) FROM contact WHERE email LIKE 'dana%'") == [(1,)]


def test_a_rows_contact_is_listed_for_its_application_with_a_role(
    database: peewee.SqliteDatabase, clock: FakeClock, tmp_path: Path
) -> None:
    """A walkthrough found the imported contact nowhere on the application: its People
    tab was empty, the person had no role, and searching for them found nothing."""
    path = spreadsheet(tmp_path / "tracker.csv", 4)
    referrers = tmp_path / "referrers.csv"
    referrers.write_text("Company,Referred by\nHooli,Kim Park\n", encoding="utf-8")
    import_applications(planned(path).to_import(), clock.now(), TODAY)
    import_applications(planned(referrers).to_import(), clock.now(), TODAY)
    now = clock.now()
    summaries = {s.company: s for s in application_summaries(now, ZoneInfo("Europe/Berlin"))}
    # Searching the applications by the person's name finds theirs.
    assert "Dana Lee" in summaries["Société 0"].people
    assert "Dana Lee" in summaries["Société 3"].people  # one person, two applications
    assert "Sam 1" in summaries["Société 1"].people
    detail = application_detail(summaries["Société 0"].application_id, now)
    assert [(p.name, p.email, p.rounds, p.network) for p in detail.people] == [
        ("Dana Lee", "dana@agency.example", "", True)
    ]
    assert [(r.name, r.kind) for r in detail.references] == [("Dana Lee", ReferenceKind.NETWORK)]
    assert all_rows(
        "SELECT c.name, r.role FROM contact_role r JOIN contact c ON c.id = r.contact_id "
        "ORDER BY c.id"
    ) == [
        ("Dana Lee", "recruiter"),
        ("Sam 1", "recruiter"),
        ("Sam 2", "recruiter"),
        ("Kim Park", "referrer"),
    ]
    assert all_rows("SELECT company FROM contact WHERE name = 'Kim Park'") == [("Hooli",)]


def test_a_failure_halfway_leaves_nothing(
    database: peewee.SqliteDatabase, clock: FakeClock, tmp_path: Path, monkeypatch: Any
) -> None:
    plan = planned(spreadsheet(tmp_path / "tracker.csv"))
    real, calls = csv_import._contact, []

    def failing(*args: Any) -> None:
        calls.append(1)
        if len(calls) == 30:
            raise sqlite3.OperationalError("disk I/O error")
        real(*args)

    monkeypatch.setattr(csv_import, "_contact", failing)
    with pytest.raises(sqlite3.OperationalError):
        import_applications(plan.to_import(), clock.now(), TODAY)
    assert all_rows("SELECT count(*) FROM application") == [(0,)]
    assert all_rows("SELECT count(*) FROM contact") == [(0,)]
    assert all_rows("SELECT count(*) FROM stage_event") == [(0,)]


def test_stopping_leaves_nothing_and_progress_reaches_the_whole(
    database: peewee.SqliteDatabase, clock: FakeClock, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr(csv_import, "PROGRESS_EVERY", 10)
    drafts = planned(spreadsheet(tmp_path / "tracker.csv")).to_import()
    told: list[tuple[int, int]] = []
    with pytest.raises(ImportStoppedError, match="nothing was changed"):
        import_applications(
            drafts, clock.now(), TODAY, progress=lambda *a: told.append(a), should_stop=lambda: True
        )
    assert all_rows("SELECT count(*) FROM application") == [(0,)] and told == []
    import_applications(drafts, clock.now(), TODAY, progress=lambda *a: told.append(a))
    assert told == [(10, 40), (20, 40), (30, 40), (40, 40)]


# -- out and back --------------------------------------------------------------------------


@pytest.fixture
def demo(data_dir: Path, clock: FakeClock) -> Iterator[Path]:
    database = open_database(data_dir, clock)
    fill_demo(clock, 12)
    create_application(clock, HOSTILE[0], '=HYPERLINK("http://evil")', notes=HOSTILE[5])
    create_application(clock, "@Acme", "-Dev", location="+Remote", notes=HOSTILE[3])
    database.close()
    db.initialize(None)
    yield data_dir


def test_the_csv_export_command_only_reads_and_opens_safely(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(demo)
    out = tmp_path / "applications.csv"
    assert main(["--data-dir", str(demo), "export", "--format", "csv", "-o", str(out)]) == 0
    assert main(["--data-dir", str(demo), "export", "--format", "csv", "--what", "contacts"]) == 0
    assert digest(demo) == before  # not even a -wal or -shm
    said = capsys.readouterr()
    assert f"Exported 14 applications to {out}." in said.out
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfCompany,Role,Status,Date applied,") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 15
    hostile = rows[-2]
    assert hostile[0] == HOSTILE[0] and hostile[1] == '\'=HYPERLINK("http://evil")'
    assert rows[-1][:2] == ["'@Acme", "'-Dev"] and rows[-1][6] == "'+Remote"
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert rows[1][3] == "" or date.fromisoformat(rows[1][3])  # ISO days
    assert out.stat().st_mode & 0o077 == 0
    contacts = said.out.split("\n", 1)[1]
    assert contacts.startswith("\ufeffName,Title,Company,E-mail,Phone,LinkedIn,")


def test_applications_exported_and_imported_elsewhere_are_the_same(
    demo: Path, clock: FakeClock, tmp_path: Path
) -> None:
    database = open_database(demo, clock)
    out = tmp_path / "applications.csv"
    assert export_csv(out, CsvContent.APPLICATIONS) == 14
    columns = (
        "company, role_title, posting_url, location, source, applied_on, stage, closed_on, "
        "closure_reason, notes"
    )
    source = all_rows(f"SELECT {columns} FROM application ORDER BY id")
    database.close()
    database = open_database(tmp_path / "copy", clock)
    plan = planned(out)
    assert [row.problems for row in plan.rows] == [()] * 14
    import_applications(plan.to_import(), clock.now(), TODAY)
    copied = all_rows(f"SELECT {columns} FROM application ORDER BY id")
    # Everything but the closing day, which is the day of the import.
    assert [row[:7] + row[8:] for row in copied] == [row[:7] + row[8:] for row in source]
    database.close()


# -- the commands --------------------------------------------------------------------------


def test_the_import_command_brings_a_spreadsheet_in(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = spreadsheet(tmp_path / "tracker.txt", 15)  # 13/09/2026 says days come first
    path.write_bytes(path.read_bytes() + b"Nobody;;Wishlist;;;;;;\r\n;No company;Applied;;;;;;\r\n")
    assert main(["--data-dir", str(data_dir), "import", "--format", "csv", str(path)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Imported 15 applications from {path} into {data_dir}")
    assert "(Windows-1252 (Western European), columns separated by semicolons)" in said
    assert (
        "Left out: 2 rows (duplicates: 0, not applied to yet: 1, with missing or extra "
        "columns: 0, with a problem: 1)."
    ) in said
    assert "line 17: Left out: not applied to yet." in said
    assert "line 18: No company: the row is left out." in said
    assert "kept in" not in said  # nothing to back up in a new folder
    assert (
        main(["--data-dir", str(data_dir), "import", str(path.rename(path.with_suffix(".csv")))])
        == 0
    )
    said = capsys.readouterr().out
    assert "Imported 0 applications" in said
    (backup,) = (data_dir / "backups").glob("*-before-import.sqlite3")
    assert f"Your data as it was before is kept in {backup}" in said


def test_the_command_says_a_file_cut_off_in_a_row_and_leaves_that_row_out(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """head -c 2000 tracker.csv said "Imported 12": the last row came in with location
    "Münc" and no notes."""
    whole = spreadsheet(tmp_path / "whole.csv", 3).read_bytes()
    path = tmp_path / "cut.csv"
    path.write_bytes(whole[: whole.rindex("Zürich".encode("cp1252")) + 3])
    assert main(["--data-dir", str(data_dir), "import", str(path), "--dates", "day-first"]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Imported 2 applications")
    assert (
        "The file looks cut short: it ends in the middle of its last row (line 4), which has "
        "only 6 of the 9 columns and was left out."
    ) in said
    assert (
        "line 4: Left out. This row has 6 of the 9 columns and the file ends in the middle "
        "of it: the file looks cut short."
    ) in said
    database = open_database(data_dir, FakeClock(TODAY_INSTANT))
    assert all_rows("SELECT company, location FROM application ORDER BY id") == [
        ("Société 0", "Zürich"),
        ("Société 1", "Zürich"),
    ]
    database.close()
    db.initialize(None)


# The walkthrough's mixed.csv: four dates month first, one with dots, one either way.
MIXED = (
    b"Company,Title,Applied\n"
    b"A,Dev,11/13/2026\nB,Dev,11/14/2026\nC,Dev,11/15/2026\nD,Dev,11/16/2026\n"
    b"E,Dev,20.11.2026\nF,Dev,03/04/2026\n"
)


def test_the_command_reads_the_order_the_slashed_dates_agree_on(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """mixed.csv was refused: "no date in it tells"."""
    path = tmp_path / "mixed.csv"
    path.write_bytes(MIXED)
    assert main(["--data-dir", str(data_dir), "import", str(path)]) == 0
    assert "Imported 6 applications" in capsys.readouterr().out
    database = open_database(data_dir, FakeClock(TODAY_INSTANT))
    assert all_rows("SELECT applied_on FROM application ORDER BY id") == [
        ("2026-11-13",),
        ("2026-11-14",),
        ("2026-11-15",),
        ("2026-11-16",),
        ("2026-11-20",),
        ("2026-03-04",),
    ]
    database.close()
    db.initialize(None)


def test_the_command_refuses_dates_that_disagree_naming_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "both.csv"
    path.write_bytes(b"Company,Applied\nA,11/13/2026\nB,13/11/2026\nC,03/04/2026\n")
    assert main(["--data-dir", str(tmp_path / "new"), "import", str(path)]) == 2
    assert (
        "its dates disagree: 13/11/2026 can only be day first, 11/13/2026 only month first. "
        "Run it again with --dates day-first or --dates month-first"
    ) in capsys.readouterr().err
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"Company,Applied\nAcme,03/04/2026\n", "Run it again with --dates day-first"),
        (b"Firm name,Job\nAcme,Dev\n", "no column is named like a company"),
        (b"PK\x03\x04\x14\x00", "This is a spreadsheet workbook"),
        (b'Company,Notes\nAcme,"cut', "ends inside a quoted value"),
        (b"", "The file is empty."),
    ],
)
def test_a_file_the_command_cannot_import_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, said: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    assert main(["--data-dir", str(tmp_path / "new"), "import", str(path)]) == 2
    assert said in capsys.readouterr().err
    assert not (tmp_path / "new").exists()


def test_the_day_order_can_be_given(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dates.csv"
    path.write_bytes(b"Company,Applied\nAcme,03/04/2026\n")
    assert main(["--data-dir", str(data_dir), "import", str(path), "--dates", "month-first"]) == 0
    database = open_database(data_dir, FakeClock(TODAY_INSTANT))
    assert all_rows("SELECT applied_on FROM application") == [("2026-03-04",)]
    database.close()
    db.initialize(None)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as stream:  # sparse: no disk used, nothing to read
        stream.truncate(MAX_CSV_BYTES + 1)
    with pytest.raises(ExchangeError, match="The file is 32 MB: more than any spreadsheet"):
        read_csv(huge)


# -- vCard ---------------------------------------------------------------------------------


def test_cards_add_people_and_complete_those_already_there(
    database: peewee.SqliteDatabase, clock: FakeClock, tmp_path: Path
) -> None:
    db.execute_sql(
        "INSERT INTO contact (name, company, email, phone, created_at) VALUES "
        "('Dana Lee', 'Acme', 'dana@acme.example', '+49 1', '2026-11-01T09:00:00Z')"
    )
    path = tmp_path / "cards.vcf"
    path.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Dana Lee\nTITLE:Head of Data\nTEL:+49 2\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nFN:Sam Okafor\nORG:Globex\nEMAIL:sam@globex.example\n"
        "NOTE:<b>not bold</b>\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nORG:No name\nEND:VCARD\n",
        encoding="utf-16",
    )
    cards = read_vcards(path)
    assert len(cards.bad) == 1
    plan = plan_cards(cards.cards, people())
    assert [p.outcome for p in plan] == [CardOutcome.ADDS, CardOutcome.NEW]
    report = import_cards(plan, clock.now())
    assert (report.added, report.updated) == (1, 1)
    assert all_rows(
        "SELECT name, title, company, email, phone, notes FROM contact ORDER BY id"
    ) == [
        ("Dana Lee", "Head of Data", "Acme", "dana@acme.example", "+49 1", ""),
        ("Sam Okafor", "", "Globex", "sam@globex.example", "", "<b>not bold</b>"),
    ]
    # The same file again adds nothing.
    again = plan_cards(read_vcards(path).cards, people())
    assert [p.outcome for p in again] == [CardOutcome.KNOWN, CardOutcome.KNOWN]


def test_people_exported_as_cards_carry_their_roles_and_come_back_the_same(
    demo: Path, clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(demo)
    out = tmp_path / "people.vcf"
    assert main(["--data-dir", str(demo), "export", "--format", "vcard", "-o", str(out)]) == 0
    assert digest(demo) == before
    count = int(capsys.readouterr().out.split()[1])
    text = out.read_text(encoding="utf-8").replace("\r\n ", "")
    assert text.count("BEGIN:VCARD") == count > 10
    assert "In Follow-Through:\\nInterviewer at " in text
    database = open_database(demo, clock)
    source = all_rows("SELECT name, title, company, email, phone, linkedin_url FROM contact")
    database.close()
    database = open_database(tmp_path / "copy", clock)
    assert main(["--data-dir", str(tmp_path / "copy"), "import", str(out)]) == 0
    copied = all_rows("SELECT name, title, company, email, phone, linkedin_url FROM contact")
    assert sorted(copied) == sorted(source)
    assert export_vcards(tmp_path / "again.vcf") == count
    database.close()


def test_hostile_text_goes_out_and_comes_back_as_plain_text(
    clock: FakeClock, tmp_path: Path
) -> None:
    """Markup, SQL, control characters, right-to-left marks, formulas: written out as
    text (a formula neutralised), read back as the same text, trimmed as the window trims
    what is typed."""
    texts = [text for text in HOSTILE if text.strip() and len(text) <= 120]
    texts += ["=1+1", "+49 30 1234", "-5", "@SUM(A1)", "\tindented", "'quoted"]
    database = open_database(tmp_path / "source", clock)
    for n, text in enumerate(texts):
        create_application(clock, f"{text.strip()} {n}", text.strip(), notes=text)
    out = tmp_path / "hostile.csv"
    export_csv(out, CsvContent.APPLICATIONS)
    source = all_rows("SELECT company, role_title, notes FROM application ORDER BY id")
    database.close()
    database = open_database(tmp_path / "copy", clock)
    plan = planned(out)
    import_applications(plan.to_import(), clock.now(), TODAY)
    copied = all_rows("SELECT company, role_title, notes FROM application ORDER BY id")
    # (A value that starts with a tab went out behind a quote, and comes back whole.)
    assert copied == [
        (company, role, notes if notes.startswith("\t") else notes.strip())
        for company, role, notes in source
    ]
    database.close()


def test_a_card_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    from followthrough.store.exchange.vcard_files import MAX_VCARD_BYTES

    huge = tmp_path / "huge.vcf"
    with huge.open("wb") as stream:
        stream.truncate(MAX_VCARD_BYTES + 1)
    with pytest.raises(ExchangeError, match="The file is 64 MB: more than any address book"):
        read_vcards(huge)
