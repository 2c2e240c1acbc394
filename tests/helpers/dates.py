"""Typing a date as a person does: double-click one part of a date field, type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateEdit, QLineEdit

# The parts of a day as the fields write it ("Fri 20 Nov 2026").
DAY, MONTH, YEAR = 1, 2, 3


def type_into(editor: QDateEdit, keys: str, part: int = DAY) -> None:
    """Double-click one part of the date (which selects it) and type ``keys``."""
    editor.setFocus()
    line = editor.findChild(QLineEdit)
    assert isinstance(line, QLineEdit)
    words = editor.text().split(" ")
    line.setCursorPosition(sum(len(word) + 1 for word in words[:part]) + 1)
    QTest.mouseDClick(line, Qt.MouseButton.LeftButton, pos=line.cursorRect().center())
    assert line.selectedText() == words[part]
    QTest.keyClicks(editor, keys)
