"""View ▸ Appearance: the desktop's look, light or dark, on any desktop; the choice kept
and given at the next start before anything is painted (walkthrough 3: dark screenshots
in the README, no way to choose it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from followthrough.ui.common.appearance import Appearance, apply_appearance
from followthrough.ui.common.theme import ColourRole, colour, contrast, is_dark
from followthrough.ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def _desktop_look_after() -> Iterator[None]:
    yield
    apply_appearance(Appearance.SYSTEM)


def _window(qtbot: QtBot, state: Path) -> MainWindow:
    window = MainWindow(ui_state=QSettings(str(state), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def test_dark_and_light_are_chosen_kept_and_undone(qtbot: QtBot, tmp_path: Path) -> None:
    desktop = QPalette(QApplication.palette())
    window = _window(qtbot, tmp_path / "ui.ini")
    assert window.appearance_actions[Appearance.SYSTEM].isChecked()
    window.appearance_actions[Appearance.DARK].trigger()
    assert is_dark(QApplication.palette())
    # The meaning colours still read on it.
    error = colour(ColourRole.ERROR)
    assert contrast(error, QApplication.palette().color(QPalette.ColorRole.Base)) >= 4.5
    window.appearance_actions[Appearance.LIGHT].trigger()
    assert not is_dark(QApplication.palette())
    window.appearance_actions[Appearance.DARK].trigger()
    # The next start on the same state: dark from the first paint.
    apply_appearance(Appearance.SYSTEM)
    again = _window(qtbot, tmp_path / "ui.ini")
    assert is_dark(QApplication.palette())
    assert again.appearance_actions[Appearance.DARK].isChecked()
    again.appearance_actions[Appearance.SYSTEM].trigger()
    assert QApplication.palette() == desktop
    assert (
        QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat).value("window/appearance")
        == "system"
    )


def test_a_value_this_version_does_not_know_is_the_desktops_look(
    qtbot: QtBot, tmp_path: Path
) -> None:
    state = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    state.setValue("window/appearance", "sepia")
    state.sync()
    window = _window(qtbot, tmp_path / "ui.ini")
    assert window.appearance() is Appearance.SYSTEM
    assert window.appearance_actions[Appearance.SYSTEM].isChecked()
