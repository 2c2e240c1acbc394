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

from followthrough.domain.wording import short_day
from followthrough.ui.common.forms import date_edit, error_label
from followthrough.ui.common.locale_words import from_qdate
from followthrough.ui.common.text import fit_title, message_box, plain_label

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
        """A date (``default`` first, nothing later than it), or None when cancelled.

        Any day can be typed (a maximum would silently turn "21" into the 2nd when the
        latest day is the 20th); a later one is refused on OK, saying why."""
        editor = date_edit(default)

        def problem() -> str | None:
            if from_qdate(editor.date()) <= default:
                return None
            return QCoreApplication.translate(
                "ask", "{day} has not come yet: choose {latest} or a day before."
            ).format(day=short_day(from_qdate(editor.date())), latest=short_day(default))

        return Ask.with_editor(
            parent, title, text, editor, lambda: from_qdate(editor.date()), problem=problem
        )

    @staticmethod
    def with_editor(
        parent: QWidget | None,
        title: str,
        text: str,
        editor: QWidget,
        read: Callable[[], T],
        minimum_width: int = 0,
        problem: Callable[[], str | None] | None = None,
    ) -> T | None:
        """``text`` (plain) above ``editor``, with OK and Cancel: what ``read`` makes of
        the editor when OK was chosen (read while the dialog, and so the editor, still
        exists), else None. ``problem`` says why what was typed cannot be taken (None
        when it can): OK then shows it under the editor and waits, input kept."""
        dialog = EditorDialog(parent, title, text, editor, problem)
        if minimum_width:
            dialog.setMinimumWidth(max(minimum_width, dialog.minimumWidth()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return read()


class EditorDialog(QDialog):
    """Ask.with_editor's window: a question, its editor, what is wrong with the answer
    (when ``problem`` finds something) and OK, Cancel."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        editor: QWidget,
        problem: Callable[[], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("askEditor")
        self.setWindowTitle(title)
        self.editor, self.problem = editor, problem
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(text, wrap=True))
        layout.addWidget(editor)
        self.error = error_label("askEditor")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_title(self)

    def accept(self) -> None:
        found = self.problem() if self.problem is not None else None
        self.error.setText(found or "")
        self.error.setVisible(bool(found))
        if found:
            self.editor.setFocus()
            return
        super().accept()
