"""The contacts page: everyone met or named, and how they like to be reached."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from followthrough.store.queries import DataCounts
from followthrough.ui.common.page import DataPage, page_header, search_field
from followthrough.ui.common.table_model import Column, RecordTableModel
from followthrough.ui.common.widgets import EmptyState, record_table


@dataclass(frozen=True)
class ContactRow:
    contact_id: int
    name: str
    title: str
    company: str
    email: str
    phone: str
    preferred_method: str | None
    roles: str


METHOD_LABELS = {"phone": "Phone", "email": "Email", "either": "Either", None: "Not known"}


CONTACT_COLUMNS: list[Column[ContactRow]] = [
    Column("Name", lambda r: r.name, sort_key=lambda r: r.name.casefold()),
    Column("Title", lambda r: r.title),
    Column("Company", lambda r: r.company),
    Column("Roles", lambda r: r.roles),
    Column("Prefers", lambda r: METHOD_LABELS.get(r.preferred_method, "")),
    Column("Email", lambda r: r.email),
    Column("Phone", lambda r: r.phone),
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
            "No people yet",
            "Interviewers, recruiters, references and the people who referred you are kept "
            "here with how they prefer to be contacted. They are added as you record "
            "interviews, or by hand.",
            "Add a person",
        )
        super().__init__(empty, parent)
        empty.action_clicked.connect(self.new_contact)
        outer = QVBoxLayout()
        head, self.new_button = page_header("Contacts", "New person…")
        self.new_button.clicked.connect(self.new_contact)
        outer.addLayout(head)
        self.summary = QLabel()
        outer.addWidget(self.summary)
        self.search = search_field("contactSearch", "Search name, company or title… (Ctrl+F)")
        outer.addWidget(self.search)
        self.model: RecordTableModel[ContactRow] = RecordTableModel(CONTACT_COLUMNS)
        self.search.textChanged.connect(self.model.set_search)
        self.table = record_table(
            self.model, "contactTable", widths=(150, 150, 150, 120, 80, 210), sortable=True
        )
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(
            lambda index: self.open_contact.emit(self.model.row_at(index.row()).contact_id)
        )
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
