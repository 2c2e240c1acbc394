"""A save lands or says so: a failed write asks what to do, in plain words, and keeps the
input (Retry sends the same values; Back to the form reopens the form as it was typed)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import peewee
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.store import touchpoints
from followthrough.store.errors import BUSY, DISK_FULL
from followthrough.store.models import Touchpoint
from followthrough.store.queries import create_application
from followthrough.ui.common.saving import AfterFailure, SaveFailedBox
from followthrough.ui.followups import flow as followup_flow
from followthrough.ui.followups.dialogs import TouchpointDialog
from followthrough.ui.shell.main_window import MainWindow

# The real question (the GUI tests' conftest answers it without a box).
REAL_ASK = SaveFailedBox.ask


def failing_first(
    times: int, error: Exception, real: Callable[..., Any]
) -> tuple[Callable[..., Any], list[int]]:
    calls: list[int] = []

    def flaky(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) <= times:
            raise error
        return real(*args, **kwargs)

    return flaky, calls


def _log_with_the_quick_form(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, notes: str
) -> list[TouchpointDialog]:
    shown: list[TouchpointDialog] = []

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, TouchpointDialog)
        qtbot.addWidget(dialog)
        shown.append(dialog)
        if not dialog.notes.toPlainText():
            dialog.notes.setPlainText(notes)
        return True

    monkeypatch.setattr(MainWindow, "exec_dialog", staticmethod(fill))
    return shown


def test_a_save_that_fails_once_is_retried_with_the_same_values(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    save_failures: list[tuple[str, str]],
) -> None:
    application = create_application(clock, "Acme <b>Robotics</b>", "Analyst")
    flaky, calls = failing_first(
        1, peewee.OperationalError("database is locked"), touchpoints.log_touchpoint
    )
    monkeypatch.setattr(followup_flow, "log_touchpoint", flaky)
    answers = iter([AfterFailure.RETRY])

    def ask(_p: object, what: str, failure: str, _edit: bool, _verb: str = "saved") -> Any:
        save_failures.append((what, str(failure)))
        return next(answers)

    monkeypatch.setattr(SaveFailedBox, "ask", staticmethod(ask))
    shown = _log_with_the_quick_form(qtbot, monkeypatch, "Left a message with reception")
    window = make_window()
    window.followups.log(application.id)
    qtbot.waitUntil(lambda: Touchpoint.select().count() == 1, timeout=10000)
    window.context.runner.wait_for_done()
    assert len(calls) == 2 and len(shown) == 1
    assert save_failures == [("the follow-up with Acme <b>Robotics</b>", BUSY.reason)]
    assert Touchpoint.get().notes == "Left a message with reception"
    assert "locked" not in save_failures[0][1]


def test_back_to_the_form_reopens_it_with_what_was_typed(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    save_failures: list[tuple[str, str]],
) -> None:
    application = create_application(clock, "Initech", "Analyst")
    full = OSError(28, "No space left on device")
    flaky, calls = failing_first(1, full, touchpoints.log_touchpoint)
    monkeypatch.setattr(followup_flow, "log_touchpoint", flaky)
    answers = iter([AfterFailure.EDIT])

    def ask(_p: object, what: str, failure: str, can_edit: bool, _verb: str = "saved") -> Any:
        assert can_edit
        save_failures.append((what, str(failure)))
        return next(answers)

    monkeypatch.setattr(SaveFailedBox, "ask", staticmethod(ask))
    shown = _log_with_the_quick_form(qtbot, monkeypatch, "Spoke to the recruiter")
    window = make_window()
    window.followups.log(application.id)
    qtbot.waitUntil(lambda: Touchpoint.select().count() == 1, timeout=10000)
    window.context.runner.wait_for_done()
    # The same dialog came back, still holding the notes typed the first time.
    assert len(shown) == 2 and shown[0] is shown[1]
    assert shown[1].notes.toPlainText() == "Spoke to the recruiter"
    assert save_failures == [("the follow-up with Initech", DISK_FULL.reason)]
    assert len(calls) == 2


def test_the_question_is_plain_text_and_offers_what_fits(qtbot: QtBot) -> None:
    seen: dict[str, Any] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["format"] = box.textFormat()
        seen["text"] = box.text()
        seen["info"] = box.informativeText()
        seen["buttons"] = sorted(b.text() for b in box.findChildren(QPushButton))
        retry = next(b for b in box.findChildren(QPushButton) if b.text() == "&Retry")
        retry.click()

    QTimer.singleShot(0, answer)
    from followthrough.services.background import JobFailure

    choice = REAL_ASK(None, 'the note to <img src="x">Dana', JobFailure(BUSY), True)
    assert choice is AfterFailure.RETRY
    assert seen["format"] == Qt.TextFormat.PlainText
    assert seen["text"] == 'Not saved: the note to <img src="x">Dana.'
    assert BUSY.reason in seen["info"] and "What you entered is kept" in seen["info"]
    assert seen["buttons"] == ["&Back to the form", "&Don't save", "&Retry"]


def test_a_refusal_offers_no_retry(qtbot: QtBot) -> None:
    from followthrough.services.background import JobFailure
    from followthrough.store.errors import describe_failure
    from followthrough.store.touchpoints import TouchpointError

    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend(sorted(b.text() for b in box.findChildren(QPushButton)))
        box.escapeButton().click()

    QTimer.singleShot(0, answer)
    refusal = JobFailure(describe_failure(TouchpointError("That time is still ahead.")))
    assert REAL_ASK(None, "the follow-up", refusal, True) is AfterFailure.DISCARD
    assert seen == ["&Back to the form", "&Don't save"]


def test_a_real_locked_database_is_described_not_quoted() -> None:
    from followthrough.store.errors import describe_failure

    error = peewee.OperationalError("database is locked")
    error.__cause__ = sqlite3.OperationalError("database is locked")
    assert describe_failure(error) is BUSY


def test_a_very_long_company_name_does_not_widen_the_application_window(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    """A 370-character name made the window 4,688 px wide, Save off screen (walkthrough);
    a 5,000-character one 32,767 px. The store now refuses such a name, so this one is
    stored past its checks, as an older version or another tool could have."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QDialogButtonBox

    from followthrough.domain.validation import COMPANY_LIMIT
    from followthrough.store.models import Application

    application = create_application(clock, "Initech", "Analyst")
    Application.update(company="Initech" * 715).where(Application.id == application.id).execute()
    window = make_window()
    detail = window.open_application(application.id)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=5000)
    qtbot.waitExposed(detail)
    assert detail.sizeHint().width() < 1600
    assert detail.minimumSizeHint().width() < 1600
    screen = detail.screen().availableGeometry()
    assert detail.frameGeometry().width() <= screen.width()
    assert screen.contains(detail.frameGeometry().topLeft())
    save = detail.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    assert save.isVisible()
    where = QRect(save.mapTo(detail, QPoint(0, 0)), save.size())
    assert detail.rect().contains(where)
    # The form says the stored name is longer than a name can be, and shows the start.
    assert len(detail.form.company.text()) == COMPANY_LIMIT
    note = detail.form.errors["company"]
    assert note.isVisible() and "5,005" in note.text() and f"{COMPANY_LIMIT:,}" in note.text()
