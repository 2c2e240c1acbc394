"""File ▸ Export ▸ JSON… and File ▸ Import ▸ JSON… in the window: the file written off the
GUI thread, a demo imported shows the same Today, a folder with data asks to merge, bad
files and a stopped import are said in plain words with nothing changed."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import peewee
import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMenu, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.domain.exchange.reading import parse_document
from followthrough.domain.exchange.schema import APPLICATION
from followthrough.store.database import open_database
from followthrough.store.exchange import importing
from followthrough.store.exchange.exporting import export_to_file
from followthrough.store.models import db
from followthrough.store.planning import plan_at_start
from followthrough.store.queries import data_counts
from followthrough.store.reminders import claim_due
from followthrough.ui.exchange.dialogs import ImportDialog, Preview
from followthrough.ui.exchange.flow import ExchangeFlow
from followthrough.ui.shell.loading import load_window_data
from followthrough.ui.shell.main_window import MainWindow
from tests.gui.test_mnemonics import clashes


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Path]:
    """The files the dialogs "choose" (set by each test)."""
    files: dict[str, Path] = {"export": tmp_path / "out.json"}
    monkeypatch.setattr(
        ExchangeFlow, "choose_export_path", staticmethod(lambda _p, _s: files.get("export"))
    )
    monkeypatch.setattr(
        ExchangeFlow, "choose_import_path", staticmethod(lambda _p, _f: files.get("import"))
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
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[Callable[[ImportDialog], bool]]:
    """How the import dialog is answered: each test appends what to do with it."""
    answers: list[Callable[[ImportDialog], bool]] = []
    real = MainWindow.exec_dialog

    def run(dialog: QDialog) -> bool:
        if isinstance(dialog, ImportDialog):
            dialog.show()
            QApplication.processEvents()
            return answers.pop(0)(dialog)
        return bool(real(dialog))

    monkeypatch.setattr(MainWindow, "exec_dialog", staticmethod(run))
    return answers


def _submenu(window: MainWindow, *path: str) -> list[str]:
    menu: QMenu | None = None
    actions = window.menuBar().actions()
    for name in path:
        found = next(a for a in actions if a.text() == name)
        menu = found.menu()
        assert menu is not None
        actions = menu.actions()
    return [a.text() for a in actions]


def test_the_file_menu_exports_and_imports_json(window: MainWindow) -> None:
    assert "&Export" in _submenu(window, "&File") and "&Import" in _submenu(window, "&File")
    assert _submenu(window, "&File", "&Export") == [
        "&JSON…",
        "&Calendar (.ics)…",
        "&Applications (CSV)…",
        "C&ontacts (CSV)…",
        "Contacts (&vCard)…",
    ]
    assert _submenu(window, "&File", "&Import") == [
        "&JSON…",
        "&Applications from CSV…",
        "Contacts (&vCard)…",
    ]
    assert window.export_json_action.isEnabled() and window.import_json_action.isEnabled()


def test_export_writes_the_file_and_says_where(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, chosen: dict[str, Path]
) -> None:
    fill_demo(clock, 6)
    window.export_json_action.trigger()
    qtbot.waitUntil(lambda: "Exported to" in window.statusBar().currentMessage(), timeout=10000)
    assert str(chosen["export"]) in window.statusBar().currentMessage()
    assert "applications: 6" in window.statusBar().currentMessage()
    assert parse_document(chosen["export"].read_text(encoding="utf-8")).count(APPLICATION) == 6


def test_an_export_that_cannot_be_written_is_said(
    qtbot: QtBot,
    window: MainWindow,
    chosen: dict[str, Path],
    failures: list[tuple[str, str]],
    tmp_path: Path,
) -> None:
    chosen["export"] = tmp_path / "missing" / "out.json"
    window.export_json_action.trigger()
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    text, reason = failures[0]
    assert text == f"Your data was not exported to {chosen['export']}."
    assert reason.endswith("its folder does not exist.")


def _strip_reminder_ids(data: object) -> str:
    # Reminders are numbered afresh in their order; everything else keeps its id.
    return re.sub(r"reminder_id=\d+", "reminder_id=_", repr(data))


@pytest.fixture
def demo_file(
    database: peewee.SqliteDatabase, clock: FakeClock, tmp_path: Path
) -> Iterator[tuple[Path, str]]:
    """A demo made in another folder (planned, what was due shown), exported; with what
    its Today showed."""
    from zoneinfo import ZoneInfo

    other = open_database(tmp_path / "elsewhere", clock, bind=False)
    db.initialize(other)
    try:
        fill_demo(clock, 20)
        plan_at_start(clock.now())
        claim_due(clock.now())
        path = tmp_path / "demo.json"
        export_to_file(path, clock.now())
        today = _strip_reminder_ids(load_window_data(clock, ZoneInfo("Europe/Berlin")))
    finally:
        db.initialize(database)
        other.close()
    yield path, today


def test_a_demo_imported_into_an_empty_folder_shows_the_same_today(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    chosen: dict[str, Path],
    dialogs: list[Callable[[ImportDialog], bool]],
    demo_file: tuple[Path, str],
) -> None:
    path, source_today = demo_file
    chosen["import"] = path
    seen: list[ImportDialog] = []

    def accept(dialog: ImportDialog) -> bool:
        seen.append(dialog)
        assert dialog.merge_box is None and dialog.import_button.isEnabled()
        return True

    dialogs.append(accept)
    with qtbot.waitSignal(window.data_changed, timeout=15000):
        window.import_json_action.trigger()
    assert seen
    message = window.statusBar().currentMessage()
    assert message.startswith("Imported demo.json: applications: 20")
    assert _strip_reminder_ids(load_window_data(clock, window.zone)) == source_today
    assert claim_due(clock.now()) == []  # nothing shown again


def test_a_folder_with_data_imports_only_when_merging(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    chosen: dict[str, Path],
    dialogs: list[Callable[[ImportDialog], bool]],
    demo_file: tuple[Path, str],
) -> None:
    fill_demo(clock, 3, seed=7)
    chosen["import"] = demo_file[0]
    before = data_counts(clock)

    def cancel(dialog: ImportDialog) -> bool:
        assert dialog.merge_box is not None and dialog.merge_box.isVisible()
        assert not dialog.import_button.isEnabled()
        texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "This data folder is not empty (applications: 3" in texts
        assert not clashes(dialog)
        return False

    dialogs.append(cancel)
    window.import_json_action.trigger()
    qtbot.waitUntil(lambda: not dialogs, timeout=10000)
    assert data_counts(clock) == before

    def merge(dialog: ImportDialog) -> bool:
        assert dialog.merge_box is not None
        dialog.merge_box.setChecked(True)
        assert dialog.import_button.isEnabled()
        return True

    dialogs.append(merge)
    with qtbot.waitSignal(window.data_changed, timeout=15000):
        window.import_json_action.trigger()
    assert window.statusBar().currentMessage().startswith("Merged demo.json with your data")
    assert data_counts(clock).applications == 23
    # The data as it was is kept first, and the message says where.
    (backup,) = (window.context.data_dir / "backups").glob("*-before-import.sqlite3")
    assert window.statusBar().currentMessage().endswith("Your data was backed up first.")
    told = window.findChild(QMessageBox, "importBackedUp")
    assert isinstance(told, QMessageBox) and told.isVisible()
    assert f"Your data as it was before the import is kept in:\n{backup}\n" in told.text()
    assert not clashes(told)
    told.close()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"format": "follow-through", "version": "1.0", "people": [{"id"', "ends too early"),
        (b'{"format": "follow-through", "version": "4.0"}', "newer version of Follow-Through"),
        ("caf\u00e9".encode("latin-1"), "not in UTF-8"),
    ],
)
def test_a_bad_file_is_refused_in_plain_words_and_changes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    chosen: dict[str, Path],
    failures: list[tuple[str, str]],
    tmp_path: Path,
    content: bytes,
    expected: str,
) -> None:
    fill_demo(clock, 2)
    before = data_counts(clock)
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    chosen["import"] = bad
    window.import_json_action.trigger()
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    text, reason = failures[0]
    assert text == "Nothing was imported from bad.json: your data is as it was."
    assert expected in reason
    assert window.exchange.progress is None
    assert data_counts(clock) == before


def test_stopping_the_import_rolls_it_back(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    failures: list[tuple[str, str]],
    demo_file: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from followthrough.store.exchange.importing import FolderHolds, read_export

    started, go_on = threading.Event(), threading.Event()
    real_holds = importing.folder_holds

    def held() -> FolderHolds:
        started.set()
        go_on.wait(10)
        return real_holds()

    monkeypatch.setattr(importing, "PROGRESS_EVERY", 10)
    document = read_export(demo_file[0])
    preview = Preview(demo_file[0], document, real_holds())
    monkeypatch.setattr(importing, "folder_holds", held)
    flow = window.exchange
    flow.start_import(preview, merge=False)
    assert started.wait(10)
    progress = flow.progress
    assert progress is not None and progress.labelText() == "Importing demo.json…"
    (stop,) = progress.findChildren(QPushButton)
    assert stop.text() == "&Stop"
    stop.click()  # the person presses Stop
    go_on.set()
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    assert failures[0][1] == "The import was stopped; nothing was changed."
    assert data_counts(clock).applications == 0


def test_the_import_dialog_shows_the_file_as_plain_text(
    qtbot: QtBot, database: peewee.SqliteDatabase, demo_file: tuple[Path, str], tmp_path: Path
) -> None:
    from zoneinfo import ZoneInfo

    from followthrough.store.exchange.importing import FolderHolds, read_export

    odd = tmp_path / "<b>mine & co.json"
    odd.write_bytes(demo_file[0].read_bytes())
    preview = Preview(odd, read_export(odd), FolderHolds(0, 0, 0))
    dialog = ImportDialog(preview, ZoneInfo("Europe/Berlin"))
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "<b>mine & co.json" in labels
    assert "20" in labels and "Fri 20 Nov 2026 16:00, by Follow-Through 0.1.0" in labels
    assert not clashes(dialog)


def test_pictures_of_the_import_dialog_and_its_messages(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    demo_file: tuple[Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The dialog for an empty folder and for one with data, and a refusal, drawn
    offscreen (FOLLOWTHROUGH_ARTIFACTS=DIR keeps them)."""
    from zoneinfo import ZoneInfo

    from PySide6.QtWidgets import QMessageBox

    from followthrough.domain.exchange.reading import ExchangeError
    from followthrough.services.background import JobFailure
    from followthrough.store.errors import describe_failure
    from followthrough.store.exchange.importing import FolderHolds, read_export

    target = Path(os.environ.get("FOLLOWTHROUGH_ARTIFACTS", tmp_path))
    target.mkdir(parents=True, exist_ok=True)
    document = read_export(demo_file[0])
    for name, holds in (("empty", FolderHolds(0, 0, 0)), ("merge", FolderHolds(12, 40, 3))):
        dialog = ImportDialog(Preview(demo_file[0], document, holds), ZoneInfo("Europe/Berlin"))
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        picture = dialog.grab()
        assert picture.width() >= 460 and picture.height() > 150
        assert picture.save(str(target / f"import-{name}.png"))

    def grab(box: QMessageBox) -> int:
        box.show()
        QApplication.processEvents()
        assert box.grab().save(str(target / "import-refused.png"))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", grab)
    failure = JobFailure(
        describe_failure(
            ExchangeError(
                "In application 3 (Acme), interview 2: “time_zone”: “Mars/Olympus” is not a "
                "time zone this computer knows."
            )
        )
    )
    assert not ExchangeFlow.retry_after(
        None, "Nothing was imported from old.json: your data is as it was.", failure
    )
    assert (target / "import-refused.png").exists()


def test_after_an_import_the_scheduler_plans_as_at_start_and_shows_nothing_again(
    qtbot: QtBot,
    window: MainWindow,
    context: Any,
    clock: FakeClock,
    chosen: dict[str, Path],
    dialogs: list[Callable[[ImportDialog], bool]],
    demo_file: tuple[Path, str],
) -> None:
    """A file planned in Berlin, imported in a session on Tokyo's clock: the window plans
    afresh (the file's plan was made on another zone), moving the reminders with the
    local hours, and what had been shown is not shown again."""
    from followthrough.services.scheduler import ReminderScheduler
    from followthrough.store import settings as options
    from followthrough.store.reminders import open_fired

    options.set_session_zone("Asia/Tokyo")
    scheduler = ReminderScheduler(context.runner, clock)
    window.attach_scheduler(scheduler)
    shown: list[str] = []
    scheduler.fired.connect(lambda items: shown.extend(i.subject_key for i in items))
    planned: list[object] = []
    scheduler.planned.connect(planned.append)
    chosen["import"] = demo_file[0]
    dialogs.append(lambda _dialog: True)
    window.import_json_action.trigger()
    qtbot.waitUntil(lambda: any(getattr(r, "written", 0) for r in planned), timeout=15000)
    context.runner.wait_for_done()
    QApplication.processEvents()
    assert shown == []
    assert open_fired()  # those shown before the export wait, as they were
    scheduler.stop()
