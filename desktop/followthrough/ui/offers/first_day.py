"""The first day of the new job: the other applications still open, each with a polite
word to withdraw, closed one by one or all at once, only as the person chooses.

It only collects choices: ``flow.OfferFlow`` closes the applications (through the stage
rules) and gives the list back without them (``remove``).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.mailto import MailtoError, mailto_url
from followthrough.domain.offers.withdrawal import withdrawal_message
from followthrough.domain.wording import short_day
from followthrough.store.offers.first_day import FirstDay, OtherApplication
from followthrough.ui.applications.labels import stage_label
from followthrough.ui.common.ask import Ask
from followthrough.ui.common.forms import error_label
from followthrough.ui.common.table_model import Column, RecordTableModel
from followthrough.ui.common.text import plain_label
from followthrough.ui.common.theme import ColourRole, colour_text
from followthrough.ui.common.widgets import record_table, resize_on_screen


class FirstDayDialog(QDialog):
    """Signals:
    close_requested(list): the ids of the applications the person chose to close.
    """

    close_requested = Signal(list)

    def __init__(self, day: FirstDay, sender_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstDayDialog")
        self.day = day
        self.sender_name = sender_name
        self.setWindowTitle(self.tr("Your first day at {company}").format(company=day.company))
        layout = QVBoxLayout(self)
        self.intro = plain_label(wrap=True)
        layout.addWidget(self.intro)
        self.model: RecordTableModel[OtherApplication] = RecordTableModel(
            [
                Column(self.tr("Company"), lambda r: r.company),
                Column(self.tr("Role"), lambda r: r.role),
                Column(self.tr("Stage"), lambda r: stage_label(r.stage)),
                Column(self.tr("Write to"), lambda r: self._person(r)),
            ]
        )
        self.table = record_table(self.model, "firstDayOthers", fit_contents=True)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._build_message(), 2)
        layout.addLayout(self._build_actions())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_rows(list(day.others))
        resize_on_screen(self, 720, 600)

    def _person(self, other: OtherApplication) -> str:
        if other.contact_email:
            return f"{other.contact_name} <{other.contact_email}>"
        return other.contact_name or self.tr("nobody recorded")

    def _build_message(self) -> QFormLayout:
        form = QFormLayout()
        self.address = QLineEdit()
        self.address.setObjectName("firstDayAddress")
        self.subject = QLineEdit()
        self.subject.setObjectName("firstDaySubject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("firstDayBody")
        form.addRow(self.tr("&To:"), self.address)
        form.addRow(self.tr("S&ubject:"), self.subject)
        form.addRow(self.tr("&Message:"), self.body)
        self.error = error_label("firstDay")
        form.addRow(self.error)
        self.note = plain_label(wrap=True)
        self.note.setObjectName("firstDayNote")
        colour_text(self.note, ColourRole.SUCCESS)
        form.addRow(self.note)
        return form

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.email_button = QPushButton(self.tr("&Open in mail program"))
        self.email_button.setObjectName("firstDayEmail")
        self.email_button.clicked.connect(self.send_email)
        self.copy_button = QPushButton(self.tr("Co&py the message"))
        self.copy_button.setObjectName("firstDayCopy")
        self.copy_button.clicked.connect(self.copy)
        self.close_one_button = QPushButton(self.tr("Close as &withdrawn"))
        self.close_one_button.setObjectName("firstDayCloseOne")
        self.close_one_button.clicked.connect(self.close_chosen)
        self.close_all_button = QPushButton(self.tr("Close &all as withdrawn…"))
        self.close_all_button.setObjectName("firstDayCloseAll")
        self.close_all_button.clicked.connect(self.close_all)
        for button in (self.email_button, self.copy_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_one_button)
        row.addWidget(self.close_all_button)
        return row

    # -- the list ------------------------------------------------------------------------

    def _show_rows(self, rows: list[OtherApplication]) -> None:
        self.model.set_rows(rows)
        start = short_day(self.day.start_on) if self.day.start_on else ""
        if rows:
            self.intro.setText(
                self.tr(
                    "You start at {company} on {day}. Other applications still open: "
                    "{count}. Send each a short word and close it, one by one or all at once."
                ).format(company=self.day.company, day=start, count=len(rows))
            )
            self.table.selectRow(0)
        else:
            self.intro.setText(
                self.tr("No other application is open. Enjoy the new job at {company}!").format(
                    company=self.day.company
                )
            )
        has_rows = bool(rows)
        for widget in (
            self.email_button,
            self.copy_button,
            self.close_one_button,
            self.close_all_button,
            self.address,
            self.subject,
            self.body,
        ):
            widget.setEnabled(has_rows)
        if not rows:
            for edit in (self.address, self.subject):
                edit.clear()
            self.body.clear()

    def remove(self, application_ids: list[int]) -> None:
        """The list without the applications just closed."""
        gone = set(application_ids)
        rows = [self.model.row_at(r) for r in range(self.model.rowCount())]
        self._show_rows([r for r in rows if r.application_id not in gone])

    def chosen(self) -> OtherApplication | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        other = self.chosen()
        if other is None:
            return
        message = withdrawal_message(
            other.company, other.role, other.contact_name, self.sender_name
        )
        self.address.setText(other.contact_email)
        self.subject.setText(message.subject)
        self.body.setPlainText(message.body)
        self.error.hide()
        self.note.clear()

    # -- writing and closing --------------------------------------------------------------

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

    def close_chosen(self) -> None:
        other = self.chosen()
        if other is not None:
            self.close_requested.emit([other.application_id])

    def close_all(self) -> None:
        ids = [self.model.row_at(r).application_id for r in range(self.model.rowCount())]
        if ids and Ask.confirm(
            self,
            self.tr("Close them all?"),
            self.tr(
                "Mark every application in the list ({count}) as withdrawn because you "
                "accepted another offer? Send your messages first if you have not."
            ).format(count=len(ids)),
            self.tr("Close them"),
        ):
            self.close_requested.emit(ids)

    @staticmethod
    def open_url(url: str) -> bool:
        """Hands a mailto: link to the desktop (tests replace this)."""
        return QDesktopServices.openUrl(QUrl(url))
