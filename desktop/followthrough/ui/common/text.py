"""User text on screen is only ever text.

Qt reads a string that looks like markup as rich text in labels (automatic format),
tooltips and message boxes: a company called ``<img src="…">`` would draw a file from
disk, ``<a href>`` would become a link. So text the user typed or imported goes on screen
only through these helpers: labels in plain format, tooltips and message texts escaped,
and rich text only where the app composes it from escaped parts.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def escape(text: str) -> str:
    """``text`` as rich-text source that shows exactly ``text`` (line breaks kept)."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as typed (tooltips are read as rich text)."""
    return f"<qt>{escape(text)}</qt>" if text else ""


def menu_label(text: str, limit: int = 90) -> str:
    """``text`` for a menu item or button: on one line, cut to ``limit`` characters with
    "…", and ``&`` doubled (Qt reads a single one as a keyboard accelerator and hides it)."""
    line = " ".join(text.split()) or "(untitled)"
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return line.replace("&", "&&")


def capitalised(word: str) -> str:
    """``on-site`` → ``On-site``: a word marked for use inside a sentence, standing alone
    (a choice, a cell). Only the first letter changes, so a translation keeps its own
    capitals (lower-casing a label instead would spoil a German noun)."""
    return word[:1].upper() + word[1:]


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A label that never reads its text as markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    return label


def message_box(
    icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None = None
) -> QMessageBox:
    """A message box whose text (and informative text) is plain text."""
    box = QMessageBox(icon, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box
