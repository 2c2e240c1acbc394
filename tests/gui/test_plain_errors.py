"""What went wrong reaches the person in plain words (what happened, what to do); the
technical text goes to the log only: a locked database while reminders are checked, a
notification service that fails over D-Bus, a PDF that cannot be written."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee
import pytest
from pytestqt.qtbot import QtBot

from followthrough.app import notification_message, reminder_check_message
from followthrough.domain.clock import FakeClock
from followthrough.services.background import BackgroundRunner
from followthrough.services.notifier import Notifier
from followthrough.services.scheduler import ReminderScheduler
from followthrough.store import transactions
from tests.gui.test_composer_fixes import _composer, _interview
from tests.gui.test_scheduler import _due

RAW_TEXTS = ("database is locked", "OperationalError", "DBus", "freedesktop", "Errno")


class DBusException(Exception):  # noqa: N818 (named as dbus-python names it)
    """Looks like dbus-python's, as plyer passes it on."""


class ServiceUnknown:
    def deliver(self, title: str, body: str) -> None:
        raise DBusException(
            "org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.Notifications "
            "was not provided by any .service files"
        )


@contextmanager
def locked(database: peewee.SqliteDatabase, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Another program holds the write lock (and the app gives up waiting soon)."""
    monkeypatch.setattr(transactions, "WRITE_LOCK_WAIT_SECONDS", 0.05)
    other = sqlite3.connect(database.database, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.rollback()
        other.close()


def _plain(text: str) -> None:
    assert text.strip()
    for raw in RAW_TEXTS:
        assert raw not in text


def test_reminders_on_a_locked_database_are_told_plainly(
    qtbot: QtBot,
    clock: FakeClock,
    database: peewee.SqliteDatabase,
    monkeypatch: pytest.MonkeyPatch,
    log_file: Path,
) -> None:
    _due(clock)
    scheduler = ReminderScheduler(BackgroundRunner(database), clock, plan=lambda: None)
    with (
        locked(database, monkeypatch),
        qtbot.waitSignal(scheduler.check_failed, timeout=10000) as failed,
    ):
        scheduler.start(plan=False)
    scheduler.stop()
    message = reminder_check_message(failed.args[0])
    _plain(message)
    assert "busy" in message and "Trying again" in message
    assert "database is locked" in log_file.read_text(encoding="utf-8")


def test_a_failing_notification_service_is_told_plainly(
    qtbot: QtBot, clock: FakeClock, database: peewee.SqliteDatabase, log_file: Path
) -> None:
    notifier = Notifier(BackgroundRunner(database), backend=ServiceUnknown())
    with qtbot.waitSignal(notifier.delivery_failed, timeout=5000) as failed:
        notifier.notify([_due(clock)])
    message = notification_message(failed.args[0])
    _plain(message)
    assert "no notification service is running" in message and "Today" in message
    assert "ServiceUnknown" in log_file.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EACCES, "cannot be written to"),
        (errno.EIO, "details are in the log file"),
    ],
)
def test_a_pdf_that_cannot_be_written_is_told_plainly(
    qtbot: QtBot,
    clock: FakeClock,
    database: peewee.SqliteDatabase,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    log_file: Path,
    number: int,
    words: str,
) -> None:
    from followthrough.ui.notes import composer as composer_module
    from followthrough.ui.notes.composer import NoteComposerDialog

    def fail(*_args: object) -> int:
        raise OSError(number, f"[Errno {number}] {errno.errorcode[number]} from the system")

    monkeypatch.setattr(composer_module, "note_to_pdf", fail)
    monkeypatch.setattr(
        NoteComposerDialog, "choose_pdf_path", staticmethod(lambda _p, _s: tmp_path / "n.pdf")
    )
    dialog = _composer(qtbot, clock, _interview(clock))
    dialog.specific.setPlainText("the streaming pipeline")
    monkeypatch.setattr(dialog, "_confirm_problems", lambda *_a: True)
    dialog.export_pdf()
    shown = dialog.error.text()
    _plain(shown)
    assert words in shown
    assert errno.errorcode[number] in log_file.read_text(encoding="utf-8")
