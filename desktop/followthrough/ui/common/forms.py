"""Small form helpers every dialog uses: dates, error labels, narrow combo boxes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
)

from followthrough.domain.validation import EARLIEST_DAY, LATEST_DAY
from followthrough.ui.common.theme import ColourRole, colour_text


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def date_edit(day: date | None = None) -> QDateEdit:
    """A date field that only takes days the app accepts (1970 to 2200)."""
    editor = QDateEdit(to_qdate(day)) if day is not None else QDateEdit()
    editor.setDateRange(to_qdate(EARLIEST_DAY), to_qdate(LATEST_DAY))
    return editor


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"{name}Error")
    colour_text(label, ColourRole.ERROR)
    label.setWordWrap(True)
    label.hide()
    return label


def keep_narrow(combo: QComboBox, characters: int = 28) -> QComboBox:
    """``combo`` sized for about ``characters`` characters whatever its items say: a long
    name in the list would otherwise widen the whole form (the list still shows it all)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    view = combo.view()
    if view is not None:
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
    return combo


def set_combo_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))
