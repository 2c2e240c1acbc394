"""Help ▸ Getting started, read to its end: the text scrolls in a window that fits the
screen (it was taller than the screen, and its last words, in "Your data", were cut off
below the window); its last sentence is whole."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from followthrough.ui.shell.help import TextDialog, help_html


def _help(qtbot: QtBot) -> TextDialog:
    dialog = TextDialog("Getting started", help_html(Path("/tmp/walk19/data")))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_help_fits_the_screen_and_scrolls_to_its_last_words(qtbot: QtBot) -> None:
    dialog = _help(qtbot)
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= screen.height()
    dialog.resize(560, 360)  # a small window: the text scrolls
    qtbot.wait(20)
    bar = dialog.area.verticalScrollBar()
    assert bar.maximum() > 0
    label = dialog.text
    assert label.height() >= label.heightForWidth(label.width())  # nothing cut off
    bar.setValue(bar.maximum())
    qtbot.wait(20)
    viewport = dialog.area.viewport()
    bottom = label.mapTo(viewport, label.rect().bottomLeft()).y()
    assert bottom <= viewport.height()


def test_the_help_ends_with_whole_sentences() -> None:
    document = QTextDocument()
    document.setHtml(help_html(Path("/tmp/walk19/data")))
    text = document.toPlainText()
    data = text[text.index("Your data") :]
    assert "Everything is kept in the folder /tmp/walk19/data." in data
    for paragraph in data.split("\n")[1:]:
        assert not paragraph.strip() or paragraph.rstrip().endswith("."), paragraph


def test_a_short_text_gets_a_window_no_taller_than_it_needs(qtbot: QtBot) -> None:
    dialog = TextDialog("About", "<h2>Follow-Through</h2><p>Short.</p>")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.height() < 300
    assert dialog.area.verticalScrollBar().maximum() == 0
