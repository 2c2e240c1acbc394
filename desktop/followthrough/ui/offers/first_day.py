"""The first day of the new job: the other applications still open, each with a polite
word to withdraw, closed one by one or all at once, only as the person chooses.

It only collects choices: ``flow.OfferFlow`` closes the applications (through the stage
rules) and gives the list back without them (``remove``).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.offers.withdrawal import withdrawal_message
from followthrough.domain.wording import short_day
from followthrough.store.offers.first_day import FirstDay, OtherApplication
from followthrough.ui.applications.labels import stage_label
from followthrough.ui.common.ask import Ask
from followthrough.ui.common.table_model import Column, RecordTableModel
from followthrough.ui.common.text import plain_label
from followthrough.ui.common.widgets import record_table, resize_on_screen
from followthrough.ui.offers.message import MessageEditor


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
        self.message = MessageEditor("firstDay")
        # The message's parts, as the tests and the actions below name them.
        self.address, self.subject, self.body = (
            self.message.address,
            self.message.subject,
            self.message.body,
        )
        self.error, self.note = self.message.error, self.message.note
        layout.addWidget(self.message, 2)
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

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.email_button, self.copy_button = self.message.email_button, self.message.copy_button
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
        self.message.set_enabled(has_rows)
        for widget in (self.close_one_button, self.close_all_button):
            widget.setEnabled(has_rows)
        if not rows:
            self.message.clear()

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
        self.message.show_message(other.contact_email, message.subject, message.body)

    # -- writing and closing --------------------------------------------------------------

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
