"""Item models for the lists.

Search, filters and sorting happen on plain Python lists inside the model rather than in a
QSortFilterProxyModel: with 10,000 rows, a proxy calls back into Python once per row on
every keystroke (16 ms median measured here), while filtering the list and resetting the
model takes half that. The view only ever asks for the rows on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from followthrough.ui.common.text import tooltip
from followthrough.ui.common.theme import ColourRole, brush

Row = TypeVar("Row")
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    title: str
    text: Callable[[Row], str]
    # What the column sorts by; defaults to its text, case-folded.
    sort_key: Callable[[Row], Any] | None = None
    # Optional text colour (e.g. the error colour for overdue).
    colour: Callable[[Row], ColourRole | None] | None = None


_SERVED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.UserRole + 1,
    }
)


class RecordTableModel(QAbstractTableModel, Generic[Row]):
    """Rows of plain records shown through column definitions, searchable and sortable.

    ``RowRole`` gives the record itself. ``set_rows`` takes the search text of each row,
    computed off the GUI thread.
    """

    RowRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, columns: Sequence[Column[Row]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._all: list[Row] = []
        self._haystacks: list[str] = []
        # Rows kept by the filter, in sort order; search narrows this to _visible.
        self._base: list[int] = []
        self._visible: list[int] = []
        self._search = ""
        self._keep: Callable[[Row], bool] | None = None
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._texts: dict[tuple[int, int], str] = {}

    # -- data in -------------------------------------------------------------------------

    def set_rows(
        self,
        rows: Sequence[Row],
        haystacks: Sequence[str] | None = None,
        sorted_by: tuple[int, Qt.SortOrder] | None = None,
    ) -> None:
        """Replace the rows. ``sorted_by`` says the rows already come in that column's order
        (sorted off the GUI thread); when it is the model's current order, no sort runs."""
        self.beginResetModel()
        self._all = list(rows)
        self._haystacks = list(haystacks) if haystacks is not None else [""] * len(self._all)
        self._texts.clear()
        self._rebuild_base(presorted=sorted_by == (self._sort_column, self._sort_order))
        self._visible = self._matching(self._base, self._search)
        self.endResetModel()

    def set_search(self, text: str) -> None:
        text = " ".join(text.casefold().split())
        if text == self._search:
            return
        # Typing on only narrows what already matched: search within the visible rows.
        narrowing = bool(self._search) and text.startswith(self._search)
        candidates = self._visible if narrowing else self._base
        self._search = text
        self.beginResetModel()
        self._visible = self._matching(candidates, text)
        self.endResetModel()

    def set_keep(self, keep: Callable[[Row], bool] | None) -> None:
        """Keep only the rows for which ``keep`` is true (None: all rows)."""
        self.beginResetModel()
        self._keep = keep
        self._rebuild_base()
        self._visible = self._matching(self._base, self._search)
        self.endResetModel()

    def _matching(self, candidates: list[int], text: str) -> list[int]:
        hay = self._haystacks
        result = candidates
        for word in text.split():
            result = [i for i in result if word in hay[i]]
        return list(result) if result is candidates else result

    def sort_key_of(self, column: int) -> Callable[[Row], Any]:
        """The key a column sorts by (for sorting rows off the GUI thread)."""
        definition = self._columns[column]
        if definition.sort_key is not None:
            return definition.sort_key
        text = definition.text
        return lambda row: text(row).casefold()

    def _rebuild_base(self, presorted: bool = False) -> None:
        rows = self._all
        order = list(range(len(rows)))
        if not presorted and 0 <= self._sort_column < len(self._columns):
            column = self._columns[self._sort_column]
            if column.sort_key is not None:
                key = column.sort_key
                order.sort(key=lambda i: key(rows[i]))
            else:
                text = column.text
                order.sort(key=lambda i: text(rows[i]).casefold())
            if self._sort_order == Qt.SortOrder.DescendingOrder:
                order.reverse()
        keep = self._keep
        self._base = order if keep is None else [i for i in order if keep(rows[i])]

    # -- sorting -------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        self._rebuild_base()
        self._visible = self._matching(self._base, self._search)
        self.layoutChanged.emit()

    # -- reading -------------------------------------------------------------------------

    def row_at(self, row: int) -> Row:
        return self._all[self._visible[row]]

    def total_count(self) -> int:
        return len(self._all)

    def hidden_matches(self) -> int:
        """How many rows the filter hides that the search would match (asked only when
        nothing is shown, so a keystroke never pays a second pass over every row)."""
        if not self._search or self._keep is None or self._visible:
            return 0
        return len(self._matching(list(range(len(self._all))), self._search))

    def all_rows(self) -> list[Row]:
        return list(self._all)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for many roles per cell on every repaint; answer the unused ones first.
        if role not in _SERVED_ROLES:
            return None
        row, column_number = index.row(), index.column()
        if not (0 <= row < len(self._visible)) or not index.isValid():
            return None
        record_number = self._visible[row]
        column = self._columns[column_number]
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.colour is None:
                return None
            colour = column.colour(self._all[record_number])
            # Resolved on every ask, so a palette change shows at the next repaint.
            return None if colour is None else brush(colour)
        if role == self.RowRole:
            return self._all[record_number]
        key = (record_number, column_number)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = column.text(self._all[record_number])
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(text)  # tooltips read markup: the cell's text, escaped
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title
        return None
