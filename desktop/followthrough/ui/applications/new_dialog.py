"""The dialog that starts a new application."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from followthrough.store.applications import ApplicationFields
from followthrough.ui.applications.forms import ApplicationForm
from followthrough.ui.common.ask import Ask, Unsaved


class NewApplicationDialog(QDialog):
    """Company, role and the basics of a new application, checked before it is accepted."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New application"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.form = ApplicationForm(today)
        self.company = self.form.company
        self.role_title = self.form.role_title
        self.posting_url = self.form.posting_url
        self.errors = self.form.errors
        layout.addWidget(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def value(self) -> ApplicationFields:
        return self.form.value()

    def accept(self) -> None:
        if self.form.check():
            super().accept()

    def reject(self) -> None:
        if not self.form.has_input():
            super().reject()
            return
        answer = self.confirm_discard(self)
        if answer is Unsaved.SAVE:
            self.accept()
        elif answer is Unsaved.DISCARD:
            super().reject()

    @classmethod
    def confirm_discard(cls, parent: QWidget) -> Unsaved:
        """Asks before typed input is thrown away: Save, Discard or Cancel (tests replace
        this)."""
        return Ask.unsaved_changes(parent)
