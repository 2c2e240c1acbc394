"""Today's one list as an item model: three section rows, the items under each."""

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from followthrough.domain.today import Section, TodayEntry, TodayList
from followthrough.domain.wording import QT_TRANSLATE_NOOP, short_day
from followthrough.store.reminders import DueReminder
from followthrough.ui.common.formatting import time_text
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
)
WHEN, KIND, SUBJECT, TODO, WHY = range(len(COLUMNS))
# A section row's internal id; items carry their section's number + 1 (0 is the root).
_TOP = 0


def section_heading(section: Section, count: int) -> str:
    """ "Overdue (3)", the count being the rows below it."""
    title = QCoreApplication.translate("today", SECTION_TITLES[section])
    if section is Section.TODAY and count == 0:
        return QCoreApplication.translate("today", "{title} — nothing planned").format(title=title)
    # A bare number (no plural to get wrong): the rows below say what they are.
    return QCoreApplication.translate("today", "{title} ({count})").format(
        title=title, count=QLocale().toString(count)
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


class TodayModel(QAbstractItemModel):
    """Section rows (Overdue, Today, Coming up) with their items as children.

    ``EntryRole`` gives an item's ``TodayEntry`` (None on a section row). Today's section
    is always there (it says when nothing is planned); the others only with items.
    """

    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._today: date | None = None
        self._sections: list[tuple[Section, list[TodayEntry]]] = []
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
        self.endResetModel()

    def sections(self) -> list[tuple[Section, list[TodayEntry]]]:
        return list(self._sections)

    def entries(self) -> list[TodayEntry]:
        return [entry for _section, entries in self._sections for entry in entries]

    def index_of(self, entry: TodayEntry) -> QModelIndex:
        for number, (_section, entries) in enumerate(self._sections):
            if entry in entries:
                return self.index(entries.index(entry), 0, self.index(number, 0))
        return QModelIndex()

    def entry_at(self, index: _Index) -> TodayEntry | None:
        if not index.isValid() or index.internalId() == _TOP:
            return None
        _section, entries = self._sections[index.internalId() - 1]
        return entries[index.row()] if 0 <= index.row() < len(entries) else None

    # -- the model's interface ----------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._sections)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._sections[parent.row()][1])
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _TOP:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("today", COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._section_data(index, role)
        entry = self.entry_at(index)
        if entry is None:
            return None
        if role == self.EntryRole:
            return entry
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(entry, index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(entry, index.column())
            return text if role == Qt.ItemDataRole.DisplayRole else tooltip(text)
        return None

    def _section_data(self, index: _Index, role: int) -> Any:
        section, entries = self._sections[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return section_heading(section, len(entries))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and section is Section.OVERDUE:
            return brush(ColourRole.ERROR)
        return None

    def _colour(self, entry: TodayEntry, column: int) -> Any:
        if column == KIND:
            role = kind_role(entry.item.kind)
            return None if role is None else brush(role)
        if column == WHEN and entry.section is Section.OVERDUE:
            return brush(ColourRole.ERROR)
        return None

    def _text(self, entry: TodayEntry, column: int) -> str:
        item = entry.item
        if column == WHEN:
            return self._when(entry)
        if column == KIND:
            return kind_text(item.kind)
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
