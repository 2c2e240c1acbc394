"""A first load that fails is told once: in the whole-file check's words when the file
is damaged, else as "could not be loaded" once the check has found the file sound."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from followthrough.services import health
from followthrough.services.health import DatabaseWatch
from followthrough.ui.common import text as text_module
from followthrough.ui.shell import loading as loading_module
from followthrough.ui.shell.context import AppContext
from followthrough.ui.shell.main_window import MainWindow

DAMAGE = "The database is damaged (page 7). Follow-Through has stopped saving to it."


class _Box:
    def __init__(self, shown: list[str], text: str) -> None:
        self._shown, self._text = shown, text

    def exec(self) -> int:
        self._shown.append(self._text)
        return 0


def _failing_start(
    qtbot: QtBot,
    context: AppContext,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    problem: str | None,
) -> tuple[list[str], DatabaseWatch]:
    """The window and the watch wired as the app wires them, the first load failing and
    the full check finding ``problem``; returns the messages shown."""
    shown: list[str] = []

    def box(_icon: Any, _title: str, text: str, _parent: Any = None) -> _Box:
        return _Box(shown, text)

    def broken_load(*_args: Any) -> Any:
        raise OSError("disk I/O error")

    monkeypatch.setattr(text_module, "message_box", box)
    monkeypatch.setattr(loading_module, "load_window_data", broken_load)
    monkeypatch.setattr(health, "full_check", lambda _data_dir: problem)
    window = MainWindow(context)
    qtbot.addWidget(window)
    watch = DatabaseWatch(context.runner, data_dir, window)
    window.load_failed.connect(lambda _reason: watch.check())
    window.first_load_error_waits = watch.when_sound
    watch.damaged.connect(window.database_damaged)
    window.show()
    with qtbot.waitSignal(window.load_failed, timeout=10000):
        window.refresh()
    return shown, watch


def test_damage_behind_a_failed_first_load_is_told_once_in_the_checks_words(
    qtbot: QtBot, context: AppContext, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown, watch = _failing_start(qtbot, context, data_dir, monkeypatch, DAMAGE)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    context.runner.wait_for_done()
    qtbot.wait(50)
    assert shown == [DAMAGE]
    # Later, the watch knows the file is damaged: nothing waits for it any more.
    watch.when_sound(lambda: shown.append("late"))
    assert shown == [DAMAGE]


def test_a_failed_first_load_of_a_sound_file_is_told_after_the_check(
    qtbot: QtBot, context: AppContext, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown, _watch = _failing_start(qtbot, context, data_dir, monkeypatch, None)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    context.runner.wait_for_done()
    qtbot.wait(50)
    assert len(shown) == 1
    assert shown[0].startswith("Your data could not be loaded")
    assert "disk I/O error" not in shown[0]  # plain words; the details go to the log
