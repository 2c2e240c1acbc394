"""Clicking through the call sheet again and again while the app plans never loses a click.

The bug this pins: a touchpoint saved in a deferred transaction failed at once with
"database is locked" whenever the intro line or the scheduler's planning pass held the
write lock, and the only sign was a small red label. Here the real window runs its
scheduler (a full planning pass, then a re-plan after every save) over demo data, and the
call sheet is used ten times in a row, the intro line edited each time.
"""

from __future__ import annotations

from collections.abc import Callable

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.domain.stages import Stage
from followthrough.services.scheduler import ReminderScheduler
from followthrough.store.models import Application, Touchpoint
from followthrough.ui.followups.dialogs import CallSheetDialog
from followthrough.ui.shell.main_window import MainWindow

CALLS = 10


@pytest.mark.slow
def test_ten_voicemails_in_a_row_each_after_editing_the_intro_are_all_logged(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    save_failures: list[tuple[str, str]],
) -> None:
    fill_demo(clock, 60)
    application = (
        Application.select()
        .where(Application.stage == Stage.INTERVIEWING.value)
        .order_by(Application.id)
        .first()
    )
    assert application is not None
    before = Touchpoint.select().where(Touchpoint.application == application.id).count()

    shown: list[CallSheetDialog] = []
    typed: list[str] = []

    def use_the_call_sheet(dialog: QDialog) -> bool:
        assert isinstance(dialog, CallSheetDialog)
        qtbot.addWidget(dialog)
        shown.append(dialog)
        intro = f"It's Alex again, call number {len(shown)}."
        dialog.intro.clear()
        qtbot.keyClicks(dialog.intro, intro)
        typed.append(intro)
        qtbot.mouseClick(dialog.voicemail_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(MainWindow, "exec_dialog", staticmethod(use_the_call_sheet))
    window = make_window()
    scheduler = ReminderScheduler(window.context.runner, clock)
    window.attach_scheduler(scheduler)
    # The full pass runs while the calls are logged, as at start-up.
    scheduler.start()

    for number in range(1, CALLS + 1):
        window.followups.call_sheet(application.id)
        qtbot.waitUntil(lambda number=number: len(shown) == number, timeout=10000)
        assert not shown[-1].error.isVisible()

    def logged() -> int:
        return Touchpoint.select().where(Touchpoint.application == application.id).count()

    qtbot.waitUntil(lambda: logged() == before + CALLS, timeout=20000)
    window.context.runner.wait_for_done()
    scheduler.stop()
    assert logged() == before + CALLS
    assert save_failures == []
    kept = Application.get_by_id(application.id).intro_line
    assert kept == typed[-1]  # saves land in the order they were made
    assert "locked" not in window.statusBar().currentMessage()
