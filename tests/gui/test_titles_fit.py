"""Window titles shown whole: a short question under a long title was as narrow as its
words, and the title bar cut "Accept the offer — Follow-Through" to "Accept the…
w-Through". The titles are shorter, and such windows are at least as wide as their title
(with the " — Follow-Through" the system adds) needs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from followthrough.domain.stages import Stage
from followthrough.ui.applications.forms import StageChangeDialog
from followthrough.ui.common.text import message_box, title_room


@pytest.fixture(autouse=True)
def _app_name() -> Iterator[None]:
    before = QGuiApplication.applicationDisplayName()
    QGuiApplication.setApplicationDisplayName("Follow-Through")
    yield
    QGuiApplication.setApplicationDisplayName(before)


def _title_width(window: QWidget) -> int:
    font = QFont(window.font())
    font.setBold(True)
    return QFontMetrics(font).horizontalAdvance(f"{window.windowTitle()} — Follow-Through")


def test_a_message_box_is_as_wide_as_its_title(qtbot: QtBot) -> None:
    box = message_box(
        QMessageBox.Icon.Question, "Send anyway?", "The checks found these problems:\n• dbt."
    )
    box.addButton("Send anyway", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    widths: list[int] = []

    def look() -> None:
        widths.append(box.width())
        box.reject()

    QTimer.singleShot(0, look)
    box.exec()
    assert widths and widths[0] >= title_room(box) > _title_width(box)


def test_the_stage_dialog_fits_its_title(qtbot: QtBot) -> None:
    dialog = StageChangeDialog("Globex Corporation", Stage.INTERVIEWING, date(2026, 11, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() >= _title_width(dialog)
    assert dialog.result() == QDialog.DialogCode.Rejected  # only looked at
