"""The dialog that edits one person."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.wording import application_title
from followthrough.store.contacts import ContactFields, HistoryLine
from followthrough.store.references import ReferenceUse
from followthrough.ui.common.ask import Ask
from followthrough.ui.common.formatting import instant_text
from followthrough.ui.contacts.form import ContactForm
from followthrough.ui.references.labels import use_text


class ContactDialog(QDialog):
    """A person's details and roles, and every interview they were part of.

    Signals:
        open_application(int): the user wants to see an application from the history.
    """

    open_application = Signal(int)

    def __init__(
        self,
        fields: ContactFields | None,
        history: list[HistoryLine],
        zone: ZoneInfo,
        parent: QWidget | None = None,
        *,
        reference_uses: Sequence[ReferenceUse] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(fields.name if fields else self.tr("New person"))
        self.setMinimumWidth(560)
        self.delete_requested = False
        layout = QVBoxLayout(self)
        self.form = ContactForm()
        if fields is not None:
            self.form.set_value(fields)
        layout.addWidget(self.form)
        if fields is not None:
            layout.addWidget(QLabel(self.tr("<b>History</b>")))
            self.history = QListWidget()
            self.history.setObjectName("contactHistory")
            # A reference's line is long (the employer and each step): wrap, never cut.
            self.history.setWordWrap(True)
            self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            for line in history:
                where = application_title(line.company, line.role_title)
                item = QListWidgetItem(
                    self.tr("{when}  {where} — round {round}").format(
                        when=instant_text(line.starts_at, zone),
                        where=where,
                        round=line.interview_round,
                    )
                )
                item.setData(Qt.ItemDataRole.UserRole, line.application_id)
                self.history.addItem(item)
            # Each time they vouched for you (or helped you in), and where that stands.
            for use in reference_uses:
                item = QListWidgetItem(use_text(use, zone))
                item.setData(Qt.ItemDataRole.UserRole, use.line.application_id)
                self.history.addItem(item)
            if not history and not reference_uses:
                self.history.addItem(self.tr("Not part of any interview yet."))
            self.history.itemActivated.connect(self._open)
            layout.addWidget(self.history)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        if fields is not None:
            delete = self.buttons.addButton(
                self.tr("Delete…"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            delete.clicked.connect(self._delete)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _open(self, item: QListWidgetItem) -> None:
        application_id = item.data(Qt.ItemDataRole.UserRole)
        if application_id is not None:
            self.open_application.emit(int(application_id))

    def _delete(self) -> None:
        name = self.form.value().name
        if Ask.confirm(
            self,
            self.tr("Delete this person?"),
            self.tr(
                "Delete {name}? They are removed from every interview they were part of; "
                "the interviews stay."
            ).format(name=name),
            self.tr("Delete"),
        ):
            self.delete_requested = True
            super().accept()

    def accept(self) -> None:
        if self.form.check():
            super().accept()

    def reject(self) -> None:
        if Ask.may_leave(self, self.form.is_dirty()):
            super().reject()
