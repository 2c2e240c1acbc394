"""Questions that stop and wait for the user, in one place so tests can answer them."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class Ask:
    """Modal questions. Tests replace these static methods (pytest-qt ``note_dialogs``)."""

    @staticmethod
    def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        go = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is go

    @staticmethod
    def discard_changes(parent: QWidget | None) -> bool:
        answer = QMessageBox.question(
            parent,
            "Discard your changes?",
            "What you changed here has not been saved. Discard it?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    @staticmethod
    def inform(parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)
