"""A message the person sends themselves (the withdrawal on the first day, the "no, thank
you" to a declined offer): to whom, the subject and the text, all editable, and the two
ways out: their mail program (a mailto: link) or the clipboard. The app sends nothing."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from followthrough.domain.mailto import MailtoError, mailto_url
from followthrough.ui.common.forms import error_label
from followthrough.ui.common.text import plain_label
from followthrough.ui.common.theme import ColourRole, colour_text


class MessageEditor(QWidget):
    """The fields and the two action buttons (``email_button``, ``copy_button``: laid out
    by the dialog, beside its own). Object names start with ``name``."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.address = QLineEdit()
        self.address.setObjectName(f"{name}Address")
        self.address.setPlaceholderText(self.tr("their e-mail address"))
        self.subject = QLineEdit()
        self.subject.setObjectName(f"{name}Subject")
        self.body = QPlainTextEdit()
        self.body.setObjectName(f"{name}Body")
        form.addRow(self.tr("&To:"), self.address)
        form.addRow(self.tr("S&ubject:"), self.subject)
        form.addRow(self.tr("&Message:"), self.body)
        self.error = error_label(name)
        form.addRow(self.error)
        self.note = plain_label(wrap=True)
        self.note.setObjectName(f"{name}Note")
        colour_text(self.note, ColourRole.SUCCESS)
        form.addRow(self.note)
        self.email_button = QPushButton(self.tr("&Open in mail program"))
        self.email_button.setObjectName(f"{name}Email")
        self.email_button.clicked.connect(self.send_email)
        self.copy_button = QPushButton(self.tr("Co&py the message"))
        self.copy_button.setObjectName(f"{name}Copy")
        self.copy_button.clicked.connect(self.copy)

    def show_message(self, address: str, subject: str, body: str) -> None:
        self.address.setText(address)
        self.subject.setText(subject)
        self.body.setPlainText(body)
        self.error.hide()
        self.note.clear()

    def clear(self) -> None:
        for edit in (self.address, self.subject):
            edit.clear()
        self.body.clear()

    def set_enabled(self, on: bool) -> None:
        for widget in (self.email_button, self.copy_button, self.address, self.subject, self.body):
            widget.setEnabled(on)

    def send_email(self) -> None:
        try:
            url = mailto_url(self.address.text(), self.subject.text(), self.body.toPlainText())
        except MailtoError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.address.setFocus()
            return
        self.error.hide()
        self.note.setText(
            self.tr("Your mail program has the message (it is also on the clipboard).")
        )
        QGuiApplication.clipboard().setText(self.body.toPlainText())
        if not self.open_url(url):
            self.error.setText(
                self.tr(
                    "No mail program answered. The message is on the clipboard: paste it "
                    "into an e-mail to them."
                )
            )
            self.error.show()

    def copy(self) -> None:
        subject, text = self.subject.text().strip(), self.body.toPlainText()
        QGuiApplication.clipboard().setText(f"{subject}\n\n{text}" if subject else text)
        self.note.setText(self.tr("The message is on the clipboard."))

    @staticmethod
    def open_url(url: str) -> bool:
        """Hands a mailto: link to the desktop (tests replace this)."""
        return QDesktopServices.openUrl(QUrl(url))
