"""Questions that stop and wait for the user, in one place so tests can answer them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from followthrough.ui.common.forms import date_edit
from followthrough.ui.common.locale_words import from_qdate, to_qdate
from followthrough.ui.common.text import message_box, plain_label

T = TypeVar("T")


class Unsaved(Enum):
    """The answer to "Save your changes?"."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Ask:
    """Modal questions. Tests replace these static methods (pytest-qt ``note_dialogs``)."""

    @staticmethod
    def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
        box = message_box(QMessageBox.Icon.Question, title, text, parent)
        go = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is go

    @staticmethod
    def unsaved_changes(parent: QWidget | None) -> Unsaved:
        """Save, Discard or Cancel (keep editing) what was changed and not saved."""
        box = message_box(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("ask", "Save your changes?"),
            QCoreApplication.translate(
                "ask", "What you changed here has not been saved. Save it before closing?"
            ),
            parent,
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        return {
            QMessageBox.StandardButton.Save: Unsaved.SAVE,
            QMessageBox.StandardButton.Discard: Unsaved.DISCARD,
        }.get(QMessageBox.StandardButton(box.exec()), Unsaved.CANCEL)

    @staticmethod
    def may_leave(dialog: QDialog, dirty: bool) -> bool:
        """Whether ``dialog`` may close without saving: yes when nothing changed or the
        person discards it. Save accepts the dialog, as its own Save would (it stays
        open, with its messages, when what was typed cannot be saved)."""
        if not dirty:
            return True
        answer = Ask.unsaved_changes(dialog)
        if answer is Unsaved.SAVE:
            dialog.accept()
        return answer is Unsaved.DISCARD

    @staticmethod
    def inform(parent: QWidget | None, title: str, text: str) -> None:
        message_box(QMessageBox.Icon.Warning, title, text, parent).exec()

    @staticmethod
    def day(parent: QWidget | None, title: str, text: str, default: date) -> date | None:
        """A date (``default`` first, nothing later than it), or None when cancelled."""
        editor = date_edit(default)
        editor.setMaximumDate(to_qdate(default))
        return Ask.with_editor(parent, title, text, editor, lambda: from_qdate(editor.date()))

    @staticmethod
    def with_editor(
        parent: QWidget | None,
        title: str,
        text: str,
        editor: QWidget,
        read: Callable[[], T],
        minimum_width: int = 0,
    ) -> T | None:
        """``text`` (plain) above ``editor``, with OK and Cancel: what ``read`` makes of
        the editor when OK was chosen (read while the dialog, and so the editor, still
        exists), else None."""
        dialog = QDialog(parent)
        dialog.setWindowTitle(title)
        if minimum_width:
            dialog.setMinimumWidth(minimum_width)
        layout = QVBoxLayout(dialog)
        layout.addWidget(plain_label(text, wrap=True))
        layout.addWidget(editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return read()
