"""Today's one list as an item model: a heading row per section, the items under each."""

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from followthrough.domain.reminder_kinds import shown_kind
from followthrough.domain.today import Section, TodayEntry, TodayList
from followthrough.domain.wording import QT_TRANSLATE_NOOP, short_day
from followthrough.store.reminders import DueReminder
from followthrough.ui.common.formatting import time_text
from followthrough.ui.common.locale_words import number_text
from followthrough.ui.common.reminder_kinds import kind_text, shown_words
from followthrough.ui.common.text import tooltip
from followthrough.ui.common.theme import ColourRole, brush, kind_role

_Index = QModelIndex | QPersistentModelIndex

SECTION_TITLES = {
    Section.OVERDUE: QT_TRANSLATE_NOOP("today", "Overdue"),
    Section.TODAY: QT_TRANSLATE_NOOP("today", "Today"),
    Section.UPCOMING: QT_TRANSLATE_NOOP("today", "Coming up (next 7 days)"),
}
COLUMNS = (
    QT_TRANSLATE_NOOP("today", "When"),
    QT_TRANSLATE_NOOP("today", "What"),
    QT_TRANSLATE_NOOP("today", "About"),
    QT_TRANSLATE_NOOP("today", "To do"),
    QT_TRANSLATE_NOOP("today", "Why"),
    # Painted by ``row_actions.RowActionsDelegate``: the item's buttons.
    QT_TRANSLATE_NOOP("today", "Actions"),
)
WHEN, KIND, SUBJECT, TODO, WHY, ACTIONS = range(len(COLUMNS))


def section_heading(section: Section, count: int) -> str:
    """ "Overdue (3)", the count being the rows below it."""
    title = QCoreApplication.translate("today", SECTION_TITLES[section])
    if section is Section.TODAY and count == 0:
        return QCoreApplication.translate("today", "{title} — nothing planned").format(title=title)
    # A bare number (no plural to get wrong): the rows below say what they are.
    return QCoreApplication.translate("today", "{title} ({count})").format(
        title=title, count=number_text(count)
    )


def due_reminder(entry: TodayEntry) -> DueReminder | None:
    """The reminder an entry is, as the features' handlers take it (None: not one)."""
    item = entry.item
    if item.reminder_id is None or item.at is None:
        return None
    title, body = shown_words(item)
    return DueReminder(
        item.reminder_id,
        item.kind,
        title,
        body,
        item.at,
        item.application_id,
        entry.fired,
        item.subject_key,
        item.params,
    )


class TodayModel(QAbstractTableModel):
    """One table: a heading row per section (Overdue, Today, Coming up), its items below.

    Flat, for a table view: a tree view lays out every item of an expanded section at
    once (a quarter of a second with 15,000 items), a table only the rows on screen.
    ``EntryRole`` gives an item's ``TodayEntry`` (None on a heading). Today's section is
    always there (it says when nothing is planned); the others only with items.
    """

    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._today: date | None = None
        self._sections: list[tuple[Section, list[TodayEntry]]] = []
        self._rows: list[TodayEntry | tuple[Section, int]] = []
        self._row_of: dict[int, int] = {}
        self._subjects: dict[int, str] = {}

    def set_list(self, today_list: TodayList, today: date, subjects: dict[int, str]) -> None:
        self.beginResetModel()
        self._today = today
        self._subjects = subjects
        self._sections = [
            (section, entries)
            for section, entries in today_list.sections()
            if entries or section is Section.TODAY
        ]
        self._rows = []
        for section, entries in self._sections:
            self._rows.append((section, len(entries)))
            self._rows.extend(entries)
        # By identity (hashing 15,000 items costs more than the lookups it saves).
        self._row_of = {id(row): number for number, row in enumerate(self._rows)}
        self.endResetModel()

    def heading_rows(self) -> list[tuple[int, Section, int]]:
        """(row, section, how many items below it) for each heading."""
        return [
            (number, row[0], row[1])
            for number, row in enumerate(self._rows)
            if not isinstance(row, TodayEntry)
        ]

    def entries(self) -> list[TodayEntry]:
        return [entry for _section, entries in self._sections for entry in entries]

    def index_of(self, entry: TodayEntry) -> QModelIndex:
        """Where an item is: this list's own, or an equal one (from an earlier list)."""
        row = self._row_of.get(id(entry))
        if row is None:
            row = next((n for n, r in enumerate(self._rows) if r == entry), None)
        return QModelIndex() if row is None else self.index(row, 0)

    def entry_at(self, index: _Index) -> TodayEntry | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        return row if isinstance(row, TodayEntry) else None

    # -- the model's interface ----------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if self.entry_at(index) is None:
            # A heading: not a stop for the arrow keys, nor a thing to select.
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("today", COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if not isinstance(row, TodayEntry):
            return self._heading_data(row[0], row[1], index.column(), role)
        entry = row
        if role == self.EntryRole:
            return entry
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(entry, index.column())
        if index.column() == ACTIONS:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(entry, index.column())
            return text if role == Qt.ItemDataRole.DisplayRole else tooltip(text)
        return None

    def _heading_data(self, section: Section, count: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return section_heading(section, count)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            # Set, so that a heading (not enabled: the arrows pass it) is not greyed.
            if section is Section.OVERDUE:
                return brush(ColourRole.ERROR)
            return QGuiApplication.palette().brush(QPalette.ColorRole.WindowText)
        return None

    def _colour(self, entry: TodayEntry, column: int) -> Any:
        if column == KIND:
            role = kind_role(shown_kind(entry.item.kind, entry.item.params))
            return None if role is None else brush(role)
        if column == WHEN and entry.section is Section.OVERDUE:
            return brush(ColourRole.ERROR)
        return None

    def _text(self, entry: TodayEntry, column: int) -> str:
        item = entry.item
        if column == WHEN:
            return self._when(entry)
        if column == KIND:
            return kind_text(shown_kind(item.kind, item.params))
        if column == SUBJECT:
            subject = self._subjects.get(item.application_id or 0)
            return subject if subject is not None else shown_words(item)[0]
        title, detail = shown_words(item)
        if item.reminder_id is None:
            # An interview or a decision date: its title is the subject; what it is, is
            # its detail ("Interview, round 2, video").
            return detail if column == TODO else ""
        return title if column == TODO else detail

    def _when(self, entry: TodayEntry) -> str:
        """The time alone today; the day (and time) on any other day."""
        item = entry.item
        clock = time_text(item.at, self._zone) if item.at is not None else ""
        if item.day == self._today:
            return clock or QCoreApplication.translate("today", "today")
        day = short_day(item.day)
        return f"{day} {clock}" if clock else day
