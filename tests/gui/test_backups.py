"""File ▸ Back up now… and File ▸ Restore… through the window, and the daily backup's
failure told once. The file dialogs and message boxes are answered here (``BackupAsk``'s
static methods), as other tests answer ``Ask``'s.

- Back up now asks for a folder (Documents or home first, then the last one used),
  copies the data there named by the day, and says where it went; a folder that cannot
  take it is told in plain words with Retry and another folder.
- Restore starts in the backups folder, refuses a bad file in plain words changing
  nothing, shows what a good one holds, and on "Restore and restart" keeps the current
  data aside and quits with the checked copy; the app then puts it in place.
"""

from __future__ import annotations

import sqlite3
import sys
from datetime import date, timedelta
from pathlib import Path

import peewee
import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from followthrough.app import put_restore_in_place, restart_command
from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.services.backups import DailyBackups
from followthrough.store.backups.copies import back_up_to, daily_backups
from followthrough.store.database import DataLocation
from followthrough.store.queries import create_application
from followthrough.ui.backups.dialogs import (
    AfterFailure,
    BackupAsk,
    RestoreDialog,
    documents_folder,
)
from followthrough.ui.shell.context import AppContext
from followthrough.ui.shell.main_window import MainWindow

RAW = ("Errno", "OperationalError", "DatabaseError", "malformed", "Traceback")


def plain(text: str) -> None:
    assert text.strip()
    for raw in RAW:
        assert raw not in text, text


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


class Answers:
    """What the person answers, and what they were told."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folders: list[str] = []  # the folders to choose, in turn ("" cancels)
        self.files: list[str] = []
        self.after_failure: list[AfterFailure] = []
        self.choose_another: list[bool] = []
        self.started_at: list[str] = []
        self.told: list[tuple[str, str]] = []
        monkeypatch.setattr(BackupAsk, "choose_folder", staticmethod(self._folder))
        monkeypatch.setattr(BackupAsk, "choose_backup", staticmethod(self._file))
        monkeypatch.setattr(
            BackupAsk,
            "backed_up",
            staticmethod(lambda _p, path: self.told.append(("done", str(path)))),
        )
        monkeypatch.setattr(BackupAsk, "failed", staticmethod(self._failed))
        monkeypatch.setattr(BackupAsk, "refused", staticmethod(self._refused))
        monkeypatch.setattr(
            BackupAsk,
            "daily_failed",
            staticmethod(lambda _p, text: self.told.append(("daily", text))),
        )

    def _folder(self, _parent: object, start: str) -> str:
        self.started_at.append(start)
        return self.folders.pop(0)

    def _file(self, _parent: object, start: str) -> str:
        self.started_at.append(start)
        return self.files.pop(0)

    def _failed(self, _parent: object, _title: str, text: str, _other: str | None) -> AfterFailure:
        self.told.append(("failed", text))
        return self.after_failure.pop(0)

    def _refused(self, _parent: object, text: str) -> bool:
        self.told.append(("refused", text))
        return self.choose_another.pop(0)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return Answers(monkeypatch)


@pytest.fixture
def quits(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    found: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: found.append(True)))
    return found


# -- Back up now --------------------------------------------------------------------------------


def test_back_up_now_copies_the_data_to_the_chosen_folder_and_says_where(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    clock: FakeClock,
    data_dir: Path,
    tmp_path: Path,
) -> None:
    create_application(clock, "Acme", "Analyst")
    stick = tmp_path / "USB stick"
    stick.mkdir()
    answers.folders = [str(stick), str(stick)]
    assert window.back_up_action.isEnabled()
    window.back_up_action.trigger()
    qtbot.waitUntil(lambda: len(answers.told) == 1, timeout=5000)
    copy = stick / "followthrough-backup-2026-11-20.sqlite3"
    assert answers.told == [("done", str(copy))]
    assert answers.started_at == [documents_folder()]
    assert dump(copy) == dump(DataLocation(data_dir).database_path)
    assert str(copy) in window.statusBar().currentMessage()
    # The next time it starts where the last copy went, and never overwrites it.
    window.back_up_action.trigger()
    qtbot.waitUntil(lambda: len(answers.told) == 2, timeout=5000)
    assert answers.started_at[-1] == str(stick)
    assert answers.told[-1] == ("done", str(stick / "followthrough-backup-2026-11-20-2.sqlite3"))


def test_a_folder_that_cannot_take_the_copy_is_told_plainly_with_retry(
    qtbot: QtBot, window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    (tmp_path / "a file").write_text("not a folder")
    impossible = tmp_path / "a file" / "backups"
    good = tmp_path / "good"
    good.mkdir()
    answers.folders = [str(impossible), str(good)]
    answers.after_failure = [AfterFailure.RETRY, AfterFailure.OTHER]
    window.back_up_action.trigger()
    qtbot.waitUntil(lambda: any(kind == "done" for kind, _t in answers.told), timeout=5000)
    failures = [text for kind, text in answers.told if kind == "failed"]
    assert len(failures) == 2  # the first try and the retry
    for text in failures:
        plain(text)
        assert str(impossible) in text and "cannot be found or made" in text
    assert answers.told[-1] == ("done", str(good / "followthrough-backup-2026-11-20.sqlite3"))


def test_cancelling_the_folder_copies_nothing(
    qtbot: QtBot, window: MainWindow, answers: Answers, context: AppContext
) -> None:
    answers.folders = [""]
    window.back_up_action.trigger()
    context.runner.wait_for_done()
    QApplication.processEvents()
    assert answers.told == [] and answers.started_at


# -- Restore --------------------------------------------------------------------------------


@pytest.fixture
def kept_backup(database: peewee.SqliteDatabase, data_dir: Path, clock: FakeClock) -> Path:
    fill_demo(clock, 6)
    return back_up_to(DataLocation(data_dir), data_dir.parent / "kept", date(2026, 11, 19))


def test_restore_shows_what_the_backup_holds_keeps_the_data_aside_and_restarts_on_it(
    qtbot: QtBot,
    make_window: object,
    answers: Answers,
    quits: list[bool],
    kept_backup: Path,
    database: peewee.SqliteDatabase,
    data_dir: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    location = DataLocation(data_dir)
    backed_up = dump(kept_backup)
    create_application(clock, "Added since", "Analyst")
    current = dump(location.database_path)
    window = make_window()  # type: ignore[operator]
    shown: list[QDialog] = []

    def confirm(dialog: QDialog) -> bool:
        shown.append(dialog)
        return True

    monkeypatch.setattr(window, "exec_dialog", confirm)
    answers.files = [str(kept_backup)]
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: quits == [True], timeout=10000)

    assert answers.started_at == [str(location.backups_dir)]
    (dialog,) = shown
    assert isinstance(dialog, RestoreDialog)
    assert dialog.count.text() == "6 (you have 7 now)"  # a daily copy of nothing surprised
    assert dialog.file.text() == str(kept_backup)
    assert dialog.made.text()
    assert "kept aside" in dialog.explanation.text()
    staged = window.pending_restore
    assert staged is not None and staged.parent == data_dir
    (aside,) = location.backups_dir.glob("*-before-restore.sqlite3")
    assert dump(aside) == current
    assert dump(location.database_path) == current  # nothing replaced while it is open

    # What the app does once the window has quit and the database is closed.
    database.close()
    assert put_restore_in_place(data_dir, staged)
    assert dump(location.database_path) == backed_up
    assert not staged.exists()


def test_a_file_that_cannot_be_restored_is_refused_in_plain_words(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    quits: list[bool],
    data_dir: Path,
    tmp_path: Path,
    context: AppContext,
) -> None:
    junk = tmp_path / "applications.csv"
    junk.write_text("Company,Role\nAcme,Analyst\n")
    recipes = tmp_path / "recipes.sqlite3"
    other = sqlite3.connect(recipes)
    other.execute("CREATE TABLE recipes (name TEXT)")
    other.commit()
    other.close()
    before = sorted(p.name for p in data_dir.rglob("*"))
    answers.files = [str(junk), str(recipes)]
    answers.choose_another = [True, False]  # another file after the first, then give up
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: len(answers.told) == 2, timeout=10000)
    context.runner.wait_for_done()
    QApplication.processEvents()
    first, second = (text for _kind, text in answers.told)
    for text in (first, second):
        plain(text)
        assert "not a Follow-Through backup" in text and "Nothing was changed" in text
    assert "recipes" in second
    assert quits == [] and window.pending_restore is None
    assert sorted(p.name for p in data_dir.rglob("*")) == before
    assert not window.backups.restoring


def test_a_cancelled_restore_changes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    quits: list[bool],
    kept_backup: Path,
    data_dir: Path,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = {p.name for p in data_dir.rglob("*")}
    shown: list[QDialog] = []
    monkeypatch.setattr(window, "exec_dialog", lambda d: shown.append(d) or False)
    answers.files = [str(kept_backup)]
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    context.runner.wait_for_done()
    QApplication.processEvents()
    assert quits == [] and window.pending_restore is None
    assert {p.name for p in data_dir.rglob("*")} == before  # no copy aside, none staged


def test_the_restart_runs_this_installation_on_the_same_folder(data_dir: Path) -> None:
    assert restart_command(data_dir) == [
        sys.executable,
        "-m",
        "followthrough",
        "--data-dir",
        str(data_dir),
    ]


def test_a_backup_that_cannot_be_put_in_place_leaves_the_data_as_it_was(
    database: peewee.SqliteDatabase, data_dir: Path
) -> None:
    location = DataLocation(data_dir)
    before = dump(location.database_path)
    database.close()
    assert not put_restore_in_place(data_dir, data_dir / "followthrough.sqlite3.restoring")
    assert dump(location.database_path) == before


# -- the daily backup -------------------------------------------------------------------------


def test_the_daily_backup_is_made_in_the_background_once(
    qtbot: QtBot, context: AppContext, clock: FakeClock, data_dir: Path
) -> None:
    from zoneinfo import ZoneInfo

    daily = DailyBackups(
        context.runner, clock, data_dir, ZoneInfo("Europe/Berlin"), first_look=timedelta(0)
    )
    made: list[object] = []
    daily.made.connect(made.append)
    with qtbot.waitSignal(daily.made, timeout=5000):
        daily.start()
    daily.check()
    context.runner.wait_for_done()
    QApplication.processEvents()
    daily.stop()
    assert len(made) == 1
    assert len(daily_backups(DataLocation(data_dir).backups_dir)) == 1


def test_the_first_daily_look_waits_a_little_after_the_start(
    qtbot: QtBot, context: AppContext, clock: FakeClock, data_dir: Path
) -> None:
    """The first minutes are the person's: at 10,000 applications copying and checking
    the file took a core for a noticeable part of a second at every first start of a day."""
    from zoneinfo import ZoneInfo

    daily = DailyBackups(
        context.runner,
        clock,
        data_dir,
        ZoneInfo("Europe/Berlin"),
        first_look=timedelta(milliseconds=400),
    )
    daily.start()
    qtbot.wait(150)
    context.runner.wait_for_done()
    assert daily_backups(DataLocation(data_dir).backups_dir) == []
    with qtbot.waitSignal(daily.made, timeout=5000):
        pass
    daily.stop()
    assert len(daily_backups(DataLocation(data_dir).backups_dir)) == 1


def test_a_daily_backup_that_fails_is_told_once_in_plain_words(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    context: AppContext,
    clock: FakeClock,
    data_dir: Path,
) -> None:
    from zoneinfo import ZoneInfo

    backups = DataLocation(data_dir).backups_dir
    backups.rmdir()
    backups.write_text("a file where the backups folder should be")
    daily = DailyBackups(context.runner, clock, data_dir, ZoneInfo("Europe/Berlin"))
    daily.failed.connect(window.backups.daily_failed)
    for _attempt in range(3):
        with qtbot.waitSignal(daily.failed, timeout=5000):
            daily.check()
    daily.stop()
    ((kind, text),) = answers.told
    assert kind == "daily"
    plain(text)
    assert "automatic backup" in text and "as it was" in text
