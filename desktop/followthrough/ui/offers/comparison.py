"""Several offers side by side: one column per offer, one row per term.

An item model (``OfferComparisonModel``) over the offers as loaded; every term is shown as
the user typed it, as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.offers.record import (
    OfferLine,
    OfferStatus,
    days_left_text,
    deadline_passed,
    deadline_words,
)
from followthrough.domain.wording import QT_TRANSLATE_NOOP, short_day
from followthrough.ui.common.formatting import system_zone
from followthrough.ui.common.text import plain_label, tooltip
from followthrough.ui.common.theme import ColourRole, brush
from followthrough.ui.common.widgets import resize_on_screen

_Index = QModelIndex | QPersistentModelIndex
CONTEXT = "OfferComparisonModel"


@dataclass(frozen=True)
class Moment:
    """When the offers are compared, on the user's clock: the day, and the moment a
    deadline with a time is checked against (the start of the day when not known)."""

    today: date
    now: datetime
    zone: ZoneInfo

    @classmethod
    def of(cls, today: date, now: datetime | None = None) -> Moment:
        zone = system_zone()
        return cls(today, now or datetime.combine(today, time(0), zone), zone)


def _deadline(line: OfferLine, at: Moment) -> str:
    # On the user's clock, and on the one it was given on when that shows another time.
    return deadline_words(line.terms, at.zone)


def _days_left(line: OfferLine, at: Moment) -> str:
    if line.status is not OfferStatus.OPEN:
        return ""
    passed = deadline_passed(line.terms, at.now, at.zone)
    return days_left_text(line.terms.deadline_day(at.zone), at.today, passed)


def _status(line: OfferLine, _at: Moment) -> str:
    status = QCoreApplication.translate("offers", line.status.label)
    if line.status is OfferStatus.ACCEPTED and line.start_on is not None:
        return QCoreApplication.translate(
            "OfferComparisonModel", "{status}, starting {day}"
        ).format(status=status, day=short_day(line.start_on))
    return status


# The rows: a term's name (marked for translation) and how an offer shows it.
ROWS: tuple[tuple[str, Callable[[OfferLine, Moment], str]], ...] = (
    (QT_TRANSLATE_NOOP("OfferComparisonModel", "Company"), lambda o, _t: o.company),
    (QT_TRANSLATE_NOOP("OfferComparisonModel", "Role"), lambda o, _t: o.role),
    (QT_TRANSLATE_NOOP("OfferComparisonModel", "Salary"), lambda o, _t: o.terms.salary),
    (QT_TRANSLATE_NOOP("OfferComparisonModel", "Bonus or equity"), lambda o, _t: o.terms.bonus),
    (QT_TRANSLATE_NOOP("OfferComparisonModel", "Benefits"), lambda o, _t: o.terms.benefits),
    (QT_TRANSLATE_NOOP("OfferComparisonModel", "Location"), lambda o, _t: o.terms.location),
    (QT_TRANSLATE_NOOP("OfferComparisonModel", "Answer by"), _deadline),
    (QT_TRANSLATE_NOOP("OfferComparisonModel", "Days left"), _days_left),
    (QT_TRANSLATE_NOOP("OfferComparisonModel", "Status"), _status),
)
DAYS_LEFT_ROW = 7


class OfferComparisonModel(QAbstractTableModel):
    """Offers as columns, terms as rows. ``OfferRole`` gives a column's ``OfferLine``."""

    OfferRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, today: date, parent: Any = None, now: datetime | None = None) -> None:
        super().__init__(parent)
        self.moment = Moment.of(today, now)
        self._offers: list[OfferLine] = []

    @property
    def today(self) -> date:
        return self.moment.today

    def set_offers(
        self, offers: list[OfferLine], today: date | None = None, now: datetime | None = None
    ) -> None:
        """Show ``offers`` (as of ``today`` and ``now`` when given: a window left open)."""
        self.beginResetModel()
        self._offers = list(offers)
        if today is not None:
            self.moment = Moment.of(today, now)
        self.endResetModel()

    def offer_at(self, column: int) -> OfferLine:
        return self._offers[column]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ROWS)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._offers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self._offers):
            return None
        offer = self._offers[index.column()]
        if role == self.OfferRole:
            return offer
        text = ROWS[index.row()][1](offer, self.moment)
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(text) or None
        if role == Qt.ItemDataRole.ForegroundRole and index.row() == DAYS_LEFT_ROW:
            return self._days_left_brush(offer)
        return None

    def _days_left_brush(self, offer: OfferLine) -> Any:
        by = offer.terms.deadline_day(self.moment.zone)
        if offer.status is not OfferStatus.OPEN or by is None:
            return None
        left = (by - self.today).days
        if left < 0 or deadline_passed(offer.terms, self.moment.now, self.moment.zone):
            return brush(ColourRole.ERROR)
        return brush(ColourRole.OWED) if left <= 3 else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            if 0 <= section < len(ROWS):
                return QCoreApplication.translate(CONTEXT, ROWS[section][0])
            return None
        if 0 <= section < len(self._offers):
            return self._offers[section].company
        return None


class OfferComparisonDialog(QDialog):
    """The offers side by side (not modal: it can stay open beside the offer form)."""

    def __init__(
        self,
        offers: list[OfferLine],
        today: date,
        parent: QWidget | None = None,
        now: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("offerComparison")
        self.setWindowTitle(self.tr("Offers side by side"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        self.summary = plain_label(wrap=True)
        layout.addWidget(self.summary)
        self.model = OfferComparisonModel(today, self, now)
        self.table = QTableView()
        self.table.setObjectName("offerComparisonTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(160)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.set_offers(offers)
        resize_on_screen(self, 760, 460)

    def set_offers(
        self, offers: list[OfferLine], today: date | None = None, now: datetime | None = None
    ) -> None:
        self.model.set_offers(offers, today, now)
        waiting = sum(1 for o in offers if o.status is OfferStatus.OPEN)
        if not offers:
            text = self.tr(
                "No offers recorded yet. Record one from its application (Offer…) to see it here."
            )
        else:
            text = self.tr(
                "Waiting for your answer: {count}. The nearest deadline comes first."
            ).format(count=waiting)
        self.summary.setText(text)
