"""Small form helpers every dialog uses: dates, error labels, narrow combo boxes."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QTimeEdit,
)

from followthrough.domain.validation import EARLIEST_DAY, LATEST_DAY
from followthrough.ui.common.locale_words import DAY_EDIT, TIME_EDIT
from followthrough.ui.common.locale_words import from_qdate as from_qdate
from followthrough.ui.common.locale_words import to_qdate as to_qdate
from followthrough.ui.common.theme import ColourRole, colour_text


def date_edit(day: date | None = None) -> QDateEdit:
    """A date field that only takes days the app accepts (1970 to 2200), written as the
    app writes days ("Tue 1 Dec 2026"), with the calendar to pick from."""
    editor = QDateEdit(to_qdate(day)) if day is not None else QDateEdit()
    editor.setDateRange(to_qdate(EARLIEST_DAY), to_qdate(LATEST_DAY))
    editor.setDisplayFormat(DAY_EDIT)
    editor.setCalendarPopup(True)
    return editor


def time_edit(moment: time) -> QTimeEdit:
    """A clock-time field written as the app writes times ("18:30")."""
    editor = QTimeEdit(QTime(moment.hour, moment.minute))
    editor.setDisplayFormat(TIME_EDIT)
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
