"""The reply to an employer whose offer the person declined: a short, warm "no, thank you"
(``domain.offers.decline``) to send from their mail program or copy. Offered after the
decline is saved, never forced: closing the window skips it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QVBoxLayout, QWidget

from followthrough.domain.offers.decline import decline_message
from followthrough.ui.common.text import plain_label
from followthrough.ui.common.widgets import resize_on_screen
from followthrough.ui.offers.message import MessageEditor


class DeclineMessageDialog(QDialog):
    def __init__(
        self,
        company: str,
        role: str,
        contact: tuple[str, str],
        sender_name: str,
        parent: QWidget | None = None,
    ) -> None:
        """``contact``: the person to write to, (name, e-mail), either may be empty."""
        super().__init__(parent)
        self.setObjectName("declineMessageDialog")
        self.setWindowTitle(self.tr("Your answer to {company}").format(company=company))
        layout = QVBoxLayout(self)
        self.intro = plain_label(
            self.tr(
                "You declined the offer from {company}. A short, warm reply thanks them and "
                "keeps the door open: change anything you like, then send it from your mail "
                "program or copy it. Close this if you have told them already."
            ).format(company=company),
            wrap=True,
        )
        layout.addWidget(self.intro)
        self.message = MessageEditor("declineMessage")
        name, email = contact
        words = decline_message(company, role, name, sender_name)
        self.message.show_message(email, words.subject, words.body)
        layout.addWidget(self.message, 1)
        row = QHBoxLayout()
        row.addWidget(self.message.email_button)
        row.addWidget(self.message.copy_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        resize_on_screen(self, 620, 520)
