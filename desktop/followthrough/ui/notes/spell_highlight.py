"""Red wavy underlines under misspelled words, and suggestions on right-click."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import (
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit

from followthrough.domain.spelling import Misspelling, Speller
from followthrough.ui.common.text import menu_label
from followthrough.ui.common.theme import ColourRole, colour


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines what ``speller`` does not know; nothing until a speller is set (it loads
    in the background)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.speller: Speller | None = None
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)

    def set_speller(self, speller: Speller | None) -> None:
        self.speller = speller
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if self.speller is None:
            return
        # Read per block, so lines highlighted after a palette change get its colour.
        self._format.setUnderlineColor(colour(ColourRole.SPELLING))
        for miss in self.speller.misspellings(text):
            self.setFormat(miss.start, miss.end - miss.start, self._format)


def misspelling_at(
    editor: QPlainTextEdit, speller: Speller, position: QPoint
) -> Misspelling | None:
    """The misspelled word under ``position`` (viewport coordinates), with document offsets."""
    cursor = editor.cursorForPosition(position)
    block = cursor.block()
    offset = cursor.position() - block.position()
    for miss in speller.misspellings(block.text()):
        if miss.start <= offset <= miss.end:
            start = block.position() + miss.start
            return Misspelling(start, block.position() + miss.end, miss.word)
    return None


def install_spelling_menu(
    editor: QPlainTextEdit,
    speller_of: Callable[[], Speller | None],
    add_word: Callable[[str], None],
) -> None:
    """Right-click on an underlined word: suggestions first, then "add to my words"."""
    editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show_menu(position: QPoint) -> None:
        menu = editor.createStandardContextMenu()
        speller = speller_of()
        miss = misspelling_at(editor, speller, position) if speller is not None else None
        if speller is not None and miss is not None:
            first = menu.actions()[0] if menu.actions() else None
            suggestions = speller.suggestions(miss.word)
            actions = []
            for word in suggestions:
                action = menu.addAction(menu_label(word))
                action.setObjectName("spellingSuggestion")
                action.triggered.connect(lambda _c=False, w=word, m=miss: _replace(editor, m, w))
                actions.append(action)
            if not suggestions:
                none = menu.addAction(QCoreApplication.translate("notes", "No suggestions"))
                none.setEnabled(False)
                actions.append(none)
            add = menu.addAction(
                QCoreApplication.translate("notes", "Add “{word}” to my words").format(
                    word=menu_label(miss.word)
                )
            )
            add.setObjectName("addToMyWords")
            add.triggered.connect(lambda _c=False, w=miss.word: add_word(w))
            actions.append(add)
            separator = menu.addSeparator()
            actions.append(separator)
            if first is not None:
                for action in actions:
                    menu.removeAction(action)
                menu.insertActions(first, actions)
        menu.exec(editor.viewport().mapToGlobal(position))
        menu.deleteLater()

    editor.customContextMenuRequested.connect(show_menu)


def _replace(editor: QPlainTextEdit, miss: Misspelling, word: str) -> None:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(miss.start)
    cursor.setPosition(miss.end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(word)
