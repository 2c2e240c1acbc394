"""CSV and vCard in the window: the mapping step and the preview of a spreadsheet, the
import written off the GUI thread (Stop rolls it back), bad files said with nothing
changed, user text as plain text; business cards in and out; pictures of the steps."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.exchange.csv_mapping import CsvField
from followthrough.domain.exchange.csv_plan import Outcome
from followthrough.domain.exchange.file_dates import DateOrder
from followthrough.domain.stages import Stage
from followthrough.store.contacts import ContactFields, contact_list, save_contact
from followthrough.store.exchange import csv_import
from followthrough.store.exchange.csv_import import known_applications, read_csv
from followthrough.store.queries import create_application, data_counts
from followthrough.ui.exchange.csv_dialogs import CsvImportDialog, CsvReading
from followthrough.ui.exchange.csv_flow import CsvExchange
from followthrough.ui.exchange.flow import ExchangeFlow
from followthrough.ui.exchange.vcard import VCardExchange, VCardImportDialog
from followthrough.ui.shell.main_window import MainWindow
from tests.gui.test_mnemonics import clashes

TRACKER = (
    "Company;Job Title;Status;Date Applied;Job URL;Notes;Salary\r\n"
    "Acme;Data Analyst;Interviewing;03/04/2026;acme.example/jobs/1;keen;90k\r\n"
    "Globex;Developer;Declined;05/06/2026;not a link;;\r\n"
    ";Nobody;Applied;;;;\r\n"
    "Initech;QA;Wishlist;;;;\r\n"
    "Acme;Data Analyst;Applied;;;;\r\n"
    '<b>Umbrella</b> & Co;=HYPERLINK("x");Ghosted;Feb 30, 2026;;\u202eevil;\r\n'
    "Hooli;Engineer;Applied;;;;\r\n"
)


@pytest.fixture
def tracker(tmp_path: Path) -> Path:
    path = tmp_path / "my tracker.csv"
    path.write_bytes(TRACKER.encode("utf-8-sig"))
    return path


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    monkeypatch.setattr(
        CsvExchange, "choose_csv_to_import", staticmethod(lambda _p, _f: files.get("csv"))
    )
    monkeypatch.setattr(
        CsvExchange,
        "choose_csv_to_export",
        staticmethod(lambda _p, _t, _s: files.get("csv out")),
    )
    monkeypatch.setattr(
        VCardExchange, "choose_vcard_to_import", staticmethod(lambda _p, _f: files.get("vcf"))
    )
    monkeypatch.setattr(
        VCardExchange, "choose_vcard_to_export", staticmethod(lambda _p, _s: files.get("vcf out"))
    )
    return files


@pytest.fixture
def failures(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    told: list[tuple[str, str]] = []

    def record(_parent: object, text: str, failure: str) -> bool:
        told.append((text, str(failure)))
        return False

    monkeypatch.setattr(ExchangeFlow, "retry_after", staticmethod(record))
    return told


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[Callable[[QDialog], bool]]:
    """How the import dialogs are answered: each test appends what to do with them."""
    queue: list[Callable[[QDialog], bool]] = []
    real = MainWindow.exec_dialog

    def run(dialog: QDialog) -> bool:
        if isinstance(dialog, CsvImportDialog | VCardImportDialog):
            dialog.show()
            QApplication.processEvents()
            return queue.pop(0)(dialog)
        return bool(real(dialog))

    monkeypatch.setattr(MainWindow, "exec_dialog", staticmethod(run))
    return queue


def reading_of(path: Path) -> CsvReading:
    return CsvReading(path, read_csv(path), known_applications())


def dialog_over(qtbot: QtBot, path: Path) -> CsvImportDialog:
    from datetime import date

    dialog = CsvImportDialog(reading_of(path), date(2026, 11, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    return dialog


# -- the mapping step and the preview ------------------------------------------------------


def test_the_mapping_step_shows_each_column_with_its_guess(
    qtbot: QtBot, database: peewee.SqliteDatabase, tracker: Path
) -> None:
    dialog = dialog_over(qtbot, tracker)
    assert [CsvField(box.currentData()) for box in dialog.field_boxes] == [
        CsvField.COMPANY,
        CsvField.ROLE,
        CsvField.STAGE,
        CsvField.APPLIED_ON,
        CsvField.POSTING_URL,
        CsvField.NOTES,
        CsvField.TO_NOTES,
    ]
    labels = dialog.label_texts()
    assert "my tracker.csv" in labels
    read_as = "Read as UTF-8 (with a byte-order mark), columns separated by semicolons: 7 rows."
    assert any(text.startswith(read_as) for text in labels)
    assert "Acme · Globex · Initech" in labels  # the first values of the company column
    assert all(
        label.textFormat() == Qt.TextFormat.PlainText for label in dialog.findChildren(QLabel)
    )
    # 03/04/2026 and 05/06/2026 could be read two ways: the person is asked.
    assert dialog.date_row.isVisibleTo(dialog)
    assert "could be read two ways" in dialog.date_label.text()
    # Statuses: each with its guess; "Declined" is not known.
    assert set(dialog.status_boxes) == {
        "interviewing",
        "declined",
        "applied",
        "wishlist",
        "ghosted",
    }
    assert "not a status the app knows" in labels
    assert dialog.next_button.isEnabled() and not dialog.import_button.isVisible()
    assert not clashes(dialog)


def test_choosing_a_field_takes_it_from_the_column_that_had_it(
    qtbot: QtBot, database: peewee.SqliteDatabase, tracker: Path
) -> None:
    dialog = dialog_over(qtbot, tracker)
    dialog.set_field(1, CsvField.COMPANY)
    assert dialog.columns[:2] == [CsvField.IGNORE, CsvField.COMPANY]
    assert CsvField(dialog.field_boxes[0].currentData()) is CsvField.IGNORE
    dialog.set_field(1, CsvField.IGNORE)
    assert not dialog.next_button.isEnabled()
    assert "Choose the column that holds the company" in dialog.mapping_hint.text()
    dialog.set_field(3, CsvField.IGNORE)
    assert not dialog.date_row.isVisibleTo(dialog)


def test_the_preview_says_what_happens_to_each_row(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock, tracker: Path
) -> None:
    create_application(clock, "ACME", "data analyst")
    dialog = dialog_over(qtbot, tracker)
    dialog.date_box.setCurrentIndex(dialog.date_box.findData("day_first"))
    dialog.set_stage("Declined", Stage.WITHDRAWN)
    dialog.next_step()
    assert dialog.import_button.isVisible() and dialog.import_button.isEnabled()
    words = {row.line: model_text(dialog, row.line, 5) for row in dialog.plan.rows}
    assert words[2] == "Left out: the app has this company and role already."
    assert words[3] == "Imported. “not a link” is not a web address: it is kept in the notes."
    assert words[4] == "No company: the row is left out."
    assert words[5] == "Left out: not applied to yet."
    assert words[6] == "Left out: the app has this company and role already."
    assert words[7] == (
        "Imported. “Feb 30, 2026” cannot be read as a date: the day you applied is left empty."
    )
    assert words[8] == "Imported."
    globex = next(row for row in dialog.plan.rows if row.line == 3)
    assert globex.draft.stage is Stage.WITHDRAWN and globex.draft.applied_on is not None
    assert dialog.summary.text().startswith("Rows to import: 3 of 7. Left out: duplicates 2,")
    # Markup in the file is the characters it is: shown so, and escaped in the tooltip.
    assert model_text(dialog, 7, 1) == "<b>Umbrella</b> & Co"
    umbrella = dialog.model.index([dialog.model.row_at(r).line for r in range(7)].index(7), 1)
    assert dialog.model.data(umbrella, Qt.ItemDataRole.ToolTipRole) == (
        "<qt>&lt;b&gt;Umbrella&lt;/b&gt; &amp; Co</qt>"
    )
    dialog.only_said_box.setChecked(True)
    assert dialog.model.rowCount() == 6
    dialog.duplicates_box.setChecked(True)
    assert dialog.plan.count(Outcome.IMPORT) == 5
    assert not clashes(dialog)


def model_text(dialog: CsvImportDialog, line: int, column: int) -> str:
    model = dialog.model
    for row in range(model.rowCount()):
        if model.row_at(row).line == line:
            return str(model.data(model.index(row, column)))
    raise AssertionError(line)


# -- in the window -------------------------------------------------------------------------


def test_a_spreadsheet_comes_in_through_the_menu(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    chosen: dict[str, Path],
    answers: list[Callable[[QDialog], bool]],
    failures: list[tuple[str, str]],
    tracker: Path,
) -> None:
    def answer(dialog: QDialog) -> bool:
        assert isinstance(dialog, CsvImportDialog)
        dialog.next_step()
        return True

    chosen["csv"] = tracker
    answers.append(answer)
    window.import_csv_action.trigger()
    qtbot.waitUntil(lambda: data_counts(clock).applications == 4, timeout=10000)
    qtbot.waitUntil(lambda: "Imported from my tracker.csv" in window.statusBar().currentMessage())
    assert "applications 4" in window.statusBar().currentMessage()
    assert failures == []
    assert window.csv_exchange.progress is None


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00", "This is a spreadsheet workbook"),
        (b'Company,Notes\nAcme,"cut', "ends inside a quoted value"),
        ("Company\n".encode("utf-16-le"), "UTF-16 without saying so"),
    ],
)
def test_a_bad_file_is_said_in_plain_words_and_changes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    chosen: dict[str, Path],
    failures: list[tuple[str, str]],
    tmp_path: Path,
    content: bytes,
    expected: str,
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    chosen["csv"] = bad
    window.import_csv_action.trigger()
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    text, reason = failures[0]
    assert text == "Nothing was imported from bad.csv: your data is as it was."
    assert expected in reason
    assert window.csv_exchange.progress is None
    assert data_counts(clock).applications == 0


def test_stopping_the_import_rolls_it_back(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    failures: list[tuple[str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "big.csv"
    path.write_text("Company,Role\n" + "".join(f"Co {n},Role {n}\n" for n in range(60)))
    dialog = CsvImportDialog(reading_of(path), clock.now().date())
    qtbot.addWidget(dialog)
    dialog.next_step()
    started, go_on = threading.Event(), threading.Event()
    real = csv_import._write

    def slow(*args: object) -> None:
        started.set()
        go_on.wait(10)
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(csv_import, "PROGRESS_EVERY", 10)
    monkeypatch.setattr(csv_import, "_write", slow)
    flow = window.csv_exchange
    flow.start_csv_import(path, dialog.plan)
    assert started.wait(10)
    progress = flow.progress
    assert progress is not None and progress.labelText() == "Importing big.csv…"
    (stop,) = progress.findChildren(QPushButton)
    assert stop.text() == "&Stop"
    stop.click()
    go_on.set()
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    assert failures[0][1] == "The import was stopped; nothing was changed."
    assert data_counts(clock).applications == 0


def test_applications_and_people_go_out_as_csv(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, chosen: dict[str, Path], tmp_path: Path
) -> None:
    create_application(clock, "=Acme", "+Dev")
    chosen["csv out"] = tmp_path / "out.csv"
    window.export_applications_csv_action.trigger()
    qtbot.waitUntil(lambda: "Exported to" in window.statusBar().currentMessage(), timeout=10000)
    assert "(rows: 1)" in window.statusBar().currentMessage()
    assert (tmp_path / "out.csv").read_bytes().splitlines()[1].startswith(b"'=Acme,'+Dev,")
    save_contact(ContactFields("Dana Lee", email="dana@acme.example"), clock)
    window.statusBar().clearMessage()
    window.export_contacts_csv_action.trigger()
    qtbot.waitUntil(lambda: "Exported to" in window.statusBar().currentMessage(), timeout=10000)
    assert b"Dana Lee" in (tmp_path / "out.csv").read_bytes()


def test_business_cards_come_in_and_go_out(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    chosen: dict[str, Path],
    answers: list[Callable[[QDialog], bool]],
    tmp_path: Path,
) -> None:
    save_contact(ContactFields("Dana Lee", email="dana@acme.example"), clock)
    cards = tmp_path / "cards.vcf"
    cards.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Dana Lee\nTEL:+49 30 1\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nFN:<b>Sam</b> & Co\nEMAIL:sam@globex.example\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nORG:Nameless\nEND:VCARD\n"
    )
    seen: list[list[str]] = []

    def answer(dialog: QDialog) -> bool:
        assert isinstance(dialog, VCardImportDialog)
        model = dialog.model
        seen.append([str(model.data(model.index(r, 4))) for r in range(model.rowCount())])
        assert not clashes(dialog)
        return True

    chosen["vcf"] = cards
    answers.append(answer)
    window.import_vcard_action.trigger()
    qtbot.waitUntil(lambda: len(contact_list()) == 2, timeout=10000)
    assert seen == [
        [
            "Already here (Dana Lee): adds phone.",
            "A new person.",
            "Left out (line 11): It has no name (FN or N).",
        ]
    ]
    chosen["vcf out"] = tmp_path / "out.vcf"
    window.export_vcard_action.trigger()
    qtbot.waitUntil(lambda: "People exported" in window.statusBar().currentMessage(), timeout=10000)
    assert (tmp_path / "out.vcf").read_text().count("BEGIN:VCARD") == 2


# -- pictures ------------------------------------------------------------------------------


def test_pictures_of_the_mapping_step_and_the_preview(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock, tracker: Path, tmp_path: Path
) -> None:
    """The two steps drawn offscreen at their real size (FOLLOWTHROUGH_ARTIFACTS=DIR keeps
    them)."""
    target = Path(os.environ.get("FOLLOWTHROUGH_ARTIFACTS", tmp_path))
    target.mkdir(parents=True, exist_ok=True)
    create_application(clock, "Acme", "Data Analyst")
    dialog = dialog_over(qtbot, tracker)
    picture = dialog.grab()
    assert picture.width() >= 800 and picture.height() >= 500
    assert picture.save(str(target / "csv-mapping.png"))
    dialog.next_step()
    assert dialog.detail.text() == "Line 2: Left out: the app has this company and role already."
    dialog.table.selectRow(1)
    assert dialog.detail.text().startswith("Line 3: Imported. The status “Declined” is not one")
    QApplication.processEvents()
    assert dialog.grab().save(str(target / "csv-preview.png"))
    boxes = dialog.findChildren(QComboBox)
    assert boxes  # the mapping step's choices are real choices


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"Name,Email\nDana,dana@acme.example\n", "This is not a vCard file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "This is not a text file"),
    ],
)
def test_a_file_without_cards_is_said_and_changes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    chosen: dict[str, Path],
    failures: list[tuple[str, str]],
    tmp_path: Path,
    content: bytes,
    expected: str,
) -> None:
    bad = tmp_path / "bad.vcf"
    bad.write_bytes(content)
    chosen["vcf"] = bad
    window.import_vcard_action.trigger()
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    assert failures[0][0] == "Nothing was imported from bad.vcf: your data is as it was."
    assert expected in failures[0][1]
    assert contact_list() == []


def test_a_picture_of_the_cards_preview(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock, tmp_path: Path
) -> None:
    from followthrough.domain.exchange.vcards import plan_cards
    from followthrough.store.exchange.vcard_files import people, read_vcards
    from followthrough.ui.exchange.vcard import CardsPreview

    target = Path(os.environ.get("FOLLOWTHROUGH_ARTIFACTS", tmp_path))
    target.mkdir(parents=True, exist_ok=True)
    save_contact(ContactFields("Dana Lee", email="dana@acme.example"), clock)
    path = tmp_path / "phone contacts.vcf"
    path.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Dana Lee\nTITLE:Head of Data\nTEL:+49 30 1\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nFN:Sam Okafor\nORG:Globex\nEMAIL:sam@globex.example\n"
        "END:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Kim Park\nEMAIL:kim at initech\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nORG:Nameless Ltd\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Cut short\n"
    )
    cards = read_vcards(path)
    dialog = VCardImportDialog(CardsPreview(path, cards, plan_cards(cards.cards, people())))
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert dialog.import_button.isEnabled() and not clashes(dialog)
    assert dialog.grab().save(str(target / "vcard-preview.png"))


# -- what a walkthrough found --------------------------------------------------------------


def test_a_file_cut_off_in_a_row_is_said_above_the_preview(
    qtbot: QtBot, database: peewee.SqliteDatabase, tmp_path: Path
) -> None:
    """The last row of a cut file came in without a word (location "Münc", no notes)."""
    path = tmp_path / "cut.csv"
    path.write_text(
        "Company,Role,Location,Notes\nAcme,Dev,Berlin,keen\nGlobex,Dev,Münc", encoding="utf-8"
    )
    dialog = dialog_over(qtbot, path)
    dialog.next_step()
    assert dialog.cut_warning.isVisible()
    assert dialog.cut_warning.text().startswith(
        "The file looks cut short: it ends in the middle of its last row (line 3), which has "
        "only 3 of the 4 columns."
    )
    assert model_text(dialog, 3, 5) == (
        "Left out. This row has 3 of the 4 columns and the file ends in the middle of it: "
        "the file looks cut short."
    )
    assert "with missing or extra columns 1" in dialog.summary.text()
    assert [row.outcome for row in dialog.plan.rows] == [Outcome.IMPORT, Outcome.UNEVEN]
    dialog.uneven_box.setChecked(True)
    assert dialog.plan.count(Outcome.IMPORT) == 2
    assert not clashes(dialog)
    whole = tmp_path / "whole.csv"
    whole.write_text("Company,Role\nAcme,Dev\n", encoding="utf-8")
    other = dialog_over(qtbot, whole)
    other.next_step()
    assert not other.cut_warning.isVisible()


# The walkthrough's mixed.csv: four dates month first, one with dots, one either way.
MIXED = (
    "Company,Title,Applied\n"
    "A,Dev,11/13/2026\nB,Dev,11/14/2026\nC,Dev,11/15/2026\nD,Dev,11/16/2026\n"
    "E,Dev,20.11.2026\nF,Dev,03/04/2026\n"
)


def test_the_order_the_slashed_dates_agree_on_is_chosen(
    qtbot: QtBot, database: peewee.SqliteDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mixed.csv was set to day first, and four of its six dates were dropped."""
    from followthrough.ui.exchange import csv_dialogs

    monkeypatch.setattr(csv_dialogs, "_month_first_here", lambda: False)
    path = tmp_path / "mixed.csv"
    path.write_text(MIXED, encoding="utf-8")
    dialog = dialog_over(qtbot, path)
    assert dialog.date_box.currentData() == "month_first"
    assert "its dates say so" in dialog.date_label.text()
    dialog.next_step()
    assert [row.draft.applied_on is not None for row in dialog.plan.rows] == [True] * 6
    assert model_text(dialog, 7, 5) == "Imported."


def test_dates_that_disagree_are_asked_and_each_misread_one_says_why(
    qtbot: QtBot, database: peewee.SqliteDatabase, tmp_path: Path
) -> None:
    path = tmp_path / "both.csv"
    path.write_text("Company,Applied\nA,11/13/2026\nB,13/11/2026\nC,03/04/2026\n")
    dialog = dialog_over(qtbot, path)
    assert dialog.date_row.isVisibleTo(dialog) and dialog.date_box.currentIndex() == -1
    assert dialog.date_label.text().startswith(
        "The file's dates disagree: 13/11/2026 can only be day first, 11/13/2026 only month first."
    )
    assert not dialog.next_button.isEnabled()
    assert dialog.mapping_hint.text() == (
        "Choose how the file's dates are written: its dates disagree."
    )
    dialog.choose_date_order(DateOrder.DAY_FIRST)
    assert dialog.next_button.isEnabled() and dialog.mapping_hint.text() == ""
    dialog.set_field(0, CsvField.COMPANY)  # another change keeps the choice
    assert dialog.date_box.currentData() == "day_first"
    dialog.next_step()
    assert model_text(dialog, 2, 5) == (
        "Imported. “11/13/2026” reads only as month first (Fri 13 Nov 2026), but this file "
        "is read day first: the day you applied is left empty."
    )


def test_the_applied_column_is_as_wide_as_its_days(
    qtbot: QtBot, database: peewee.SqliteDatabase, tmp_path: Path
) -> None:
    """It showed "Wed 14 Oct 20…"."""
    path = tmp_path / "days.csv"
    path.write_text("Company,Status,Applied\nAcme,Reference check,2026-10-14\n")
    dialog = dialog_over(qtbot, path)
    dialog.next_step()
    metrics = dialog.table.fontMetrics()
    for column, text in ((3, "Reference check"), (4, "Wed 14 Oct 2026")):
        assert model_text(dialog, 2, column) == text
        assert dialog.table.columnWidth(column) >= metrics.horizontalAdvance(text) + 12


def test_an_import_backs_up_the_data_first_and_links_the_contact(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    chosen: dict[str, Path],
    answers: list[Callable[[QDialog], bool]],
    failures: list[tuple[str, str]],
    tmp_path: Path,
) -> None:
    """No copy was made before an import; the contact of a row was on no application."""
    create_application(clock, "Hooli", "Engineer")
    path = tmp_path / "tracker.csv"
    path.write_text(
        "Company,Role,Recruiter,Recruiter email\nInitech,QA,Bill Lumbergh,bill@initech.example\n"
    )

    def answer(dialog: QDialog) -> bool:
        assert isinstance(dialog, CsvImportDialog)
        dialog.next_step()
        return True

    chosen["csv"] = path
    answers.append(answer)
    window.import_csv_action.trigger()
    qtbot.waitUntil(lambda: data_counts(clock).applications == 2, timeout=10000)
    qtbot.waitUntil(lambda: "Imported from tracker.csv" in window.statusBar().currentMessage())
    # The data as it was is kept first, and the message says where.
    (backup,) = (window.context.data_dir / "backups").glob("*-before-import.sqlite3")
    assert window.statusBar().currentMessage().endswith("Your data was backed up first.")
    told = window.findChild(QMessageBox, "importBackedUp")
    assert isinstance(told, QMessageBox) and told.isVisible()
    assert f"Your data as it was before the import is kept in:\n{backup}\n" in told.text()
    assert not clashes(told)
    told.close()
    assert failures == []
    from followthrough.store.models import Application

    detail = window.open_application(Application.get(Application.company == "Initech").id)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=5000)
    people = detail.people_model
    assert people.rowCount() == 1
    assert [str(people.data(people.index(0, c))) for c in (0, 2, 5)] == [
        "Bill Lumbergh",
        "bill@initech.example",
        "Network contact",
    ]
    detail.close()
