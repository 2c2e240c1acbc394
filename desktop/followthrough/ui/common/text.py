"""User text on screen is only ever text.

Qt reads a string that looks like markup as rich text in labels (automatic format),
tooltips and message boxes: a company called ``<img src="…">`` would draw a file from
disk, ``<a href>`` would become a link. So text the user typed or imported goes on screen
only through these helpers: labels in plain format, tooltips and message texts escaped,
and rich text only where the app composes it from escaped parts.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QMessageBox, QSizePolicy, QSpacerItem, QWidget


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


def title_room(window: QWidget) -> int:
    """How wide ``window`` must be for its title bar to show its title whole: the title,
    the " — Follow-Through" the system adds, in the bold the window managers use, and
    room for the window's icon and its three buttons (never wider than most of the
    screen)."""
    title = window.windowTitle()
    name = QGuiApplication.applicationDisplayName()
    if name and not title.endswith(name):
        title = f"{title} — {name}"
    font = QFont(window.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    needed = metrics.horizontalAdvance(title) + 4 * (metrics.height() + 12)
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        needed = min(needed, int(screen.availableGeometry().width() * 0.9))
    return needed


def fit_title(window: QWidget) -> None:
    """At least as wide as its title needs (``title_room``): a short question under a
    long title cut it to "Accept the… w-Through"."""
    window.setMinimumWidth(max(window.minimumWidth(), title_room(window)))


class _TitleRoom(QObject):
    """Makes a message box as wide as its title needs. QMessageBox fixes its own size from
    its layout each time it is shown (a minimum width is overridden), so the room goes
    into the layout, as an empty item, just before; it builds a new layout when its parts
    change, so the item is added at every showing that needs it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QMessageBox):
            layout = watched.layout()
            if isinstance(layout, QGridLayout) and not layout.property("fitsTitle"):
                layout.setProperty("fitsTitle", True)
                room = QSpacerItem(
                    title_room(watched), 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum
                )
                layout.addItem(room, layout.rowCount(), 0, 1, max(layout.columnCount(), 1))
        return False


def message_box(
    icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None = None
) -> QMessageBox:
    """A message box whose text (and informative text) is plain text, as wide as its
    title needs."""
    box = QMessageBox(icon, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.installEventFilter(_TitleRoom(box))
    return box
