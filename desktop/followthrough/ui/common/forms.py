"""Small form helpers every dialog uses: dates, error labels, narrow combo boxes."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import available_timezones

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QLabel,
    QLineEdit,
    QTimeEdit,
)

from followthrough.domain.validation import EARLIEST_DAY, LATEST_DAY
from followthrough.domain.zones import zone_named
from followthrough.ui.common.locale_words import DAY_EDIT, TIME_EDIT, to_qdate
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


def zone_combo(name: str, object_name: str) -> QComboBox:
    """Every IANA zone, found by typing any part of its name; ``name`` chosen."""
    combo = QComboBox()
    combo.setObjectName(object_name)
    combo.setEditable(True)
    zones = sorted(available_timezones())
    combo.addItems(zones)
    find_zones(combo, zones)  # any part of its name, or its city ("Tokyo")
    combo.setCurrentText(name)
    return combo


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"{name}Error")
    colour_text(label, ColourRole.ERROR)
    label.setWordWrap(True)
    label.hide()
    return label


class LineLimit:
    """Holds a one-line field to ``limit`` characters (``domain.validation``) and says so
    in ``note`` (its error label): when a paste was cut or typing stopped at the limit,
    and when a stored text longer than the limit is shown (``set_text``). The note goes
    with the next edit."""

    def __init__(self, edit: QLineEdit, limit: int, what: str, note: QLabel) -> None:
        self.edit, self.what, self.note = edit, what, note
        self._just_cut = False
        edit.setMaxLength(limit)
        edit.inputRejected.connect(self._cut)
        edit.textEdited.connect(self._edited)

    def _tell(self, message: str) -> None:
        self.note.setText(message)
        self.note.show()

    def _cut(self) -> None:
        self._just_cut = True
        self._tell(
            QCoreApplication.translate(
                "forms", "{what} can be at most {limit} characters long: the rest was left out."
            ).format(what=self.what, limit=f"{self.edit.maxLength():,}")
        )

    def _edited(self, _text: str) -> None:
        if self._just_cut:
            self._just_cut = False  # the edit that was cut: its note stays
        else:
            self.note.hide()

    def set_text(self, text: str) -> None:
        """Shows ``text``; a stored text longer than the limit is cut, and the note says so."""
        limit = self.edit.maxLength()
        if len(text) > limit:
            self._tell(
                QCoreApplication.translate(
                    "forms",
                    "{what} was {length} characters long; it can be at most {limit}, so only "
                    "the first {limit} are shown here, and saving keeps only those.",
                ).format(what=self.what, length=f"{len(text):,}", limit=f"{limit:,}")
            )
        self.edit.setText(text)


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


def find_zones(box: QComboBox, zones: list[str]) -> None:
    """Typing in the editable ``box`` offers the ``zones`` whose name holds what was
    typed, anywhere and in any case ("tok" offers Asia/Tokyo, "new_y" America/New_York);
    leaving it with a city that names one zone ("Tokyo") puts that zone's whole name in.
    The interview form and Preferences find zones alike."""
    completer = QCompleter(zones, box)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    box.setCompleter(completer)
    line = box.lineEdit()
    if line is not None:

        def whole_name() -> None:
            typed = box.currentText()
            found = zone_named(typed, zones)
            if found != typed.strip():
                index = box.findText(found)
                if index >= 0:
                    box.setCurrentIndex(index)
                else:
                    box.setEditText(found)

        line.editingFinished.connect(whole_name)


def typed_zone(box: QComboBox, zones: list[str]) -> str:
    """The zone typed in ``box``: its whole name when what was typed names one of
    ``zones`` (in any case, or by its city), else the text as typed."""
    return zone_named(box.currentText(), zones)
