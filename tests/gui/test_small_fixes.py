"""Small things a walkthrough found: clipped empty pages, "0 interview(s)", a closed
stage's reason lower-cased into a sentence, the unsaved-changes question without Save,
and the search box that Enter and Down did nothing in."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import peewee
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from followthrough.ui.common.widgets import WrappedText
from followthrough.ui.shell.main_window import PAGES, MainWindow


@pytest.fixture
def larger_font(qapp: QApplication) -> Iterator[None]:
    """The font grows after the window was built (a larger system font, a theme)."""
    before = qapp.font()
    bigger = qapp.font()
    bigger.setPointSizeF(bigger.pointSizeF() * 1.5)
    yield lambda: qapp.setFont(bigger)  # type: ignore[misc]
    qapp.setFont(before)


def test_the_empty_pages_show_their_whole_description_at_1100_by_720(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    make_window: Callable[[], MainWindow],
    larger_font: Callable[[], None],
) -> None:
    window = make_window()
    window.resize(1100, 720)
    larger_font()
    for index, name in enumerate(PAGES):
        window.show_page(index)
        page = window.stack.currentWidget()
        assert page.showing_empty_state, name  # type: ignore[attr-defined]
        text = page.empty.explanation  # type: ignore[attr-defined]
        qtbot.waitUntil(text.isVisible)
        QApplication.processEvents()
        assert text.height() >= text.heightForWidth(WrappedText.WIDTH), name
        where = QRect(text.mapTo(window, QPoint(0, 0)), text.size())
        assert window.rect().contains(where), name


def test_wrapped_text_grows_with_a_new_text_and_font(qtbot: QtBot) -> None:
    text = WrappedText("One line")
    qtbot.addWidget(text)
    one_line = text.minimumHeight()
    text.setText("Many words that wrap over several lines at this width. " * 4)
    assert text.minimumHeight() > one_line
    assert text.minimumHeight() == text.heightForWidth(WrappedText.WIDTH)
