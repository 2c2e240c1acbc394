"""The thank-you after a rejection: the template filled in from the data, sent through
the user's mail program (a mailto: link) or copied to the clipboard, then marked sent."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.mailto import MailtoError, mailto_url
from followthrough.domain.rejection import ThankYouMessage
from followthrough.ui.common.ask import Ask
from followthrough.ui.common.text import plain_label
from followthrough.ui.common.theme import ColourRole, colour_text
from followthrough.ui.common.widgets import resize_on_screen


class ThankYouDialog(QDialog):
    """Signals:
    sent(): the user says the message went out (the step is then done).
    """

    sent = Signal()

    def __init__(self, company: str, message: ThankYouMessage, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rejectionThankYou")
        self.setWindowTitle(self.tr("Thank-you after the no — {company}").format(company=company))
        resize_on_screen(self, 620, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Short and gracious: thanks, a request for feedback, and a wish to be "
                    "kept in mind. Change anything you like before it goes."
                ),
                wrap=True,
            )
        )
        form = QFormLayout()
        self.address = QLineEdit(message.to)
        self.address.setPlaceholderText(self.tr("their e-mail address"))
        self.subject = QLineEdit(message.subject)
        form.addRow(self.tr("&To"), self.address)
        form.addRow(self.tr("&Subject"), self.subject)
        layout.addLayout(form)
        self.body = QPlainTextEdit()
        self.body.setPlainText(message.body)
        layout.addWidget(self.body, 1)
        self.error = plain_label(wrap=True)
        colour_text(self.error, ColourRole.ERROR)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.email_button = QPushButton(self.tr("Open in my &mail program"))
        self.copy_button = QPushButton(self.tr("Co&py the text"))
        buttons.addButton(self.email_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.email_button.clicked.connect(self.send_email)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def send_email(self) -> None:
        try:
            url = mailto_url(self.address.text(), self.subject.text(), self.body.toPlainText())
        except MailtoError as exc:
            self._show_error(str(exc))
            self.address.setFocus()
            return
        self._show_error("")
        QGuiApplication.clipboard().setText(self.body.toPlainText())
        if not self.open_url(url):
            self._show_error(
                self.tr(
                    "No mail program answered. The text is on the clipboard: paste it into "
                    "an e-mail to them."
                )
            )
            return
        self._ask_whether_sent(
            self.tr(
                "Your mail program has the message (it is also on the clipboard). Mark the "
                "thank-you as sent once it has gone?"
            )
        )

    def copy(self) -> None:
        subject, text = self.subject.text().strip(), self.body.toPlainText()
        QGuiApplication.clipboard().setText(f"{subject}\n\n{text}" if subject else text)
        self._ask_whether_sent(
            self.tr("The message is on the clipboard. Mark the thank-you as sent once it has gone?")
        )

    def _ask_whether_sent(self, question: str) -> None:
        if Ask.confirm(self, self.tr("Did it go out?"), question, self.tr("Mark as sent")):
            self.sent.emit()
            self.accept()

    @staticmethod
    def open_url(url: str) -> bool:
        """Hands a mailto: link to the desktop (tests replace this)."""
        return QDesktopServices.openUrl(QUrl(url))
