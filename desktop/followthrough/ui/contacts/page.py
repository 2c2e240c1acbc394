"""The contacts page: everyone met or named, and how they like to be reached."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from followthrough.store.contacts import ContactCard
from followthrough.store.queries import DataCounts
from followthrough.ui.common.page import DataPage, SearchKeys, page_header, search_field
from followthrough.ui.common.table_model import Column, RecordTableModel
from followthrough.ui.common.widgets import EmptyState, record_table
from followthrough.ui.contacts.labels import method_label


@dataclass(frozen=True, slots=True)
class ContactRow(ContactCard):
    """A person in the contacts list, with their roles in the user's language."""

    roles: str


def contact_columns() -> list[Column[ContactRow]]:
    """The list's columns, titled in the user's language."""
    return [
        Column(
            QCoreApplication.translate("contacts", "Name"),
            lambda r: r.name,
            sort_key=lambda r: r.name.casefold(),
        ),
        Column(QCoreApplication.translate("contacts", "Title"), lambda r: r.title),
        Column(QCoreApplication.translate("contacts", "Company"), lambda r: r.company),
        Column(QCoreApplication.translate("contacts", "Roles"), lambda r: r.roles),
        Column(
            QCoreApplication.translate("contacts", "Prefers"),
            lambda r: method_label(r.preferred_method),
        ),
        Column(QCoreApplication.translate("contacts", "Email"), lambda r: r.email),
        Column(QCoreApplication.translate("contacts", "Phone"), lambda r: r.phone),
    ]


class ContactsPage(DataPage):
    """Signals:
    open_contact(int): a person was opened.
    new_contact(): the user wants to add a person.
    """

    open_contact = Signal(int)
    new_contact = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        empty = EmptyState(
            self.tr("No people yet"),
            self.tr(
                "Interviewers, recruiters, references and the people who referred you are kept "
                "here with how they prefer to be contacted. They are added as you record "
                "interviews, or by hand."
            ),
            self.tr("Add a person"),
        )
        super().__init__(empty, parent)
        empty.action_clicked.connect(self.new_contact)
        outer = QVBoxLayout()
        head, self.new_button = page_header(self.tr("Contacts"), self.tr("New person…"))
        self.new_button.clicked.connect(self.new_contact)
        outer.addLayout(head)
        self.summary = QLabel()
        outer.addWidget(self.summary)
        self.search = search_field(
            "contactSearch", self.tr("Search name, company or title… (Ctrl+F)")
        )
        outer.addWidget(self.search)
        self.model: RecordTableModel[ContactRow] = RecordTableModel(contact_columns())
        self.search.textChanged.connect(self.model.set_search)
        self.table = record_table(
            self.model, "contactTable", widths=(150, 150, 150, 120, 80, 210), sortable=True
        )
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(
            lambda index: self.open_contact.emit(self.model.row_at(index.row()).contact_id)
        )
        self.search_keys = SearchKeys(self.search, self.table)
        outer.addWidget(self.table, 1)
        self.content.setLayout(outer)

    def set_data(self, counts: DataCounts, rows: list[ContactRow], haystacks: list[str]) -> None:
        """``rows`` come sorted by name, the list's default order."""
        self.show_content(counts.contacts > 0)
        self.summary.setText(
            self.tr("{people} across {applications}.").format(
                people=self.tr("%Ln person(s)", "", counts.contacts),
                applications=self.tr("%Ln application(s)", "", counts.applications),
            )
        )
        self.model.set_rows(rows, haystacks, (0, Qt.SortOrder.AscendingOrder))

    def focus_search(self) -> None:
        if self.showing_empty_state:
            return
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
