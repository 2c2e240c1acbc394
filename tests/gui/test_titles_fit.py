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
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from followthrough.domain.stages import Stage
from followthrough.ui.applications.forms import StageChangeDialog
from followthrough.ui.common.ask import EditorDialog
from followthrough.ui.common.forms import date_edit
from followthrough.ui.common.text import message_box, title_room
from followthrough.ui.offers.form import OfferDialog


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


def test_the_start_day_question_is_short_and_as_wide_as_its_title(qtbot: QtBot) -> None:
    seen: list[tuple[str, int, int]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EditorDialog)
        seen.append((dialog.windowTitle(), dialog.width(), title_room(dialog)))
        dialog.reject()

    QTimer.singleShot(0, look)
    assert OfferDialog.ask_start_day(None, date(2026, 11, 20)) is None
    [(title, width, room)] = seen
    assert title == "Your first day"
    assert width >= room


def test_any_question_with_an_editor_fits_its_title(qtbot: QtBot) -> None:
    dialog = EditorDialog(None, "A rather long title for a question", "When?", date_edit())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() >= _title_width(dialog)


def test_the_stage_dialog_fits_its_title(qtbot: QtBot) -> None:
    dialog = StageChangeDialog("Globex Corporation", Stage.INTERVIEWING, date(2026, 11, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() >= _title_width(dialog)
    assert dialog.result() == QDialog.DialogCode.Rejected  # only looked at
