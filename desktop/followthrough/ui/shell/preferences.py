"""The Preferences dialog: one editor per option of the settings registry.

The dialog only edits values; the caller loads them before and saves them after, through
the background runner (``store.settings.get``/``put``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.wording import QT_TRANSLATE_NOOP
from followthrough.domain.zones import zone_names, zones_named
from followthrough.services.autostart import manual_steps
from followthrough.store.settings import (
    ALL_OPTIONS,
    KEEP_DAILY_BACKUPS,
    MIN_ACTIVE,
    PATIENCE,
    QUIET_END,
    QUIET_START,
    START_AT_LOGIN,
    WEEKLY_GOAL,
    Option,
)
from followthrough.ui.common.formatting import computer_zone
from followthrough.ui.common.forms import error_label, find_zones, typed_zone

PATIENCE_HELP = QT_TRANSLATE_NOOP(
    "preferences",
    "Advice differs on how long to keep trying. One source reads a single unanswered "
    "message as the answer (choose 1); others suggest a few attempts before moving on "
    "(3, the default, or 5 if you want to give it longer).",
)
MOMENTUM_HELP = QT_TRANSLATE_NOOP(
    "preferences",
    "While you wait for one employer, keep applying to others: a second offer gives you "
    "room to negotiate, and an offer is only settled on your first day. Today says when "
    "fewer applications than this are going, and counts the week's new ones against "
    "your goal.",
)
BACKUPS_HELP = QT_TRANSLATE_NOOP(
    "preferences",
    "Once a day Follow-Through copies your data into the backups folder of its data "
    "folder, and keeps this many of those daily copies: the oldest goes when a new one is "
    "made. Copies made before an update, before a restore, or with File ▸ Back up now… "
    "are never deleted.",
)
# What 0 means for the options where it turns something off.
ZERO_MEANS = {
    MIN_ACTIVE.key: QT_TRANSLATE_NOOP("preferences", "Never"),
    WEEKLY_GOAL.key: QT_TRANSLATE_NOOP("preferences", "No goal"),
}
QUIET_ORDER_ERROR = QT_TRANSLATE_NOOP(
    "preferences",
    "Reminders must start earlier in the day than they stop: choose a start hour before "
    "the stop hour.",
)
INT_LIMIT = 2**31 - 1


def option_label(option: Option[Any]) -> str:
    """The option's name, marked in store.settings, in the user's language."""
    return QCoreApplication.translate("settings", option.label)


def _checked(option: Option[Any], value: object) -> object:
    """``value`` when the option accepts it (raises ValueError otherwise)."""
    if isinstance(value, bool) and not isinstance(option.default, bool):
        raise ValueError(
            QCoreApplication.translate("preferences", "{label}: expected {kind}").format(
                label=option_label(option), kind=type(option.default).__name__
            )
        )
    return option.check(value)


def _initial(option: Option[Any], values: Mapping[str, object]) -> object:
    """The value to show: the given one if the option accepts it, else the default."""
    value = values.get(option.key, option.default)
    try:
        return _checked(option, value)
    except (ValueError, TypeError):
        return option.default


class PreferencesDialog(QDialog):
    """Edits the user's settings; ``value()`` returns them keyed by ``Option.key``.

    OK stays disabled, with the reason shown under the fields, while a value is not
    acceptable.
    """

    def __init__(self, values: Mapping[str, object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Qt adds " — Follow-Through" to every window title itself.
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(480)
        self._readers: dict[str, Callable[[], object]] = {}
        self._zone_names: list[str] = []  # the zones the time zone field lists
        self.editors: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.patience_help = QLabel(QCoreApplication.translate("preferences", PATIENCE_HELP))
        self.patience_help.setObjectName("patienceHelp")
        self.patience_help.setWordWrap(True)
        font = self.patience_help.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.patience_help.setFont(font)
        self.momentum_help = QLabel(QCoreApplication.translate("preferences", MOMENTUM_HELP))
        self.momentum_help.setObjectName("momentumHelp")
        self.momentum_help.setWordWrap(True)
        self.momentum_help.setFont(font)
        self.backups_help = QLabel(QCoreApplication.translate("preferences", BACKUPS_HELP))
        self.backups_help.setObjectName("backupsHelp")
        self.backups_help.setWordWrap(True)
        self.backups_help.setFont(font)
        # Where this system cannot switch starting at login, say how to do it by hand.
        steps = manual_steps()
        self.login_help: QLabel | None = None
        if steps is not None:
            self.login_help = QLabel(steps)
            self.login_help.setObjectName("loginHelp")
            self.login_help.setWordWrap(True)
        for option in ALL_OPTIONS:
            self._add_editor(option, _initial(option, values))
            if option is PATIENCE:
                self.form.addRow(self.patience_help)
            elif option is WEEKLY_GOAL:
                self.form.addRow(self.momentum_help)
            elif option is KEEP_DAILY_BACKUPS:
                self.form.addRow(self.backups_help)
            elif option is START_AT_LOGIN and self.login_help is not None:
                self.editors[option.key].setEnabled(False)
                self.form.addRow(self.login_help)

        self.error = error_label("preferences")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.validate()

    # -- building ------------------------------------------------------------------------

    def _add_editor(self, option: Option[Any], value: object) -> None:
        editor = self._make_editor(option, value)
        editor.setObjectName(option.key)
        self.editors[option.key] = editor
        if isinstance(editor, QCheckBox):
            self.form.addRow(editor)
        else:
            self.form.addRow(self.tr("{label}:").format(label=option_label(option)), editor)

    def _make_editor(self, option: Option[Any], value: object) -> QWidget:
        """The editor that fits the option, its reader registered."""
        if option.choices:
            return self._choice_editor(option, value)
        if isinstance(option.default, bool):
            return self._check_editor(option, value)
        if isinstance(option.default, int):
            return self._number_editor(option, value)
        if option.time_zone:
            return self._zone_editor(option, value)
        if option.multiline:
            return self._text_editor(option, value)
        return self._line_editor(option, value)

    def _choice_editor(self, option: Option[Any], value: object) -> QWidget:
        combo = QComboBox()
        for choice in option.choices:
            text = (
                self.tr("{choice} (default)").format(choice=choice)
                if choice == option.default
                else str(choice)
            )
            combo.addItem(text, choice)
        combo.setCurrentIndex(list(option.choices).index(value))
        combo.currentIndexChanged.connect(self.validate)
        self._readers[option.key] = combo.currentData
        return combo

    def _check_editor(self, option: Option[Any], value: object) -> QWidget:
        checkbox = QCheckBox(option_label(option))
        checkbox.setChecked(bool(value))
        checkbox.toggled.connect(self.validate)
        self._readers[option.key] = checkbox.isChecked
        return checkbox

    def _number_editor(self, option: Option[Any], value: object) -> QWidget:
        spin = QSpinBox()
        spin.setRange(
            option.minimum if option.minimum is not None else -INT_LIMIT,
            option.maximum if option.maximum is not None else INT_LIMIT,
        )
        if option.key.endswith("_hour"):
            spin.setSuffix(":00")
        if option.key in ZERO_MEANS and option.minimum == 0:
            spin.setSpecialValueText(
                QCoreApplication.translate("preferences", ZERO_MEANS[option.key])
            )
        spin.setValue(value if isinstance(value, int) else int(option.default))
        spin.valueChanged.connect(self.validate)
        self._readers[option.key] = spin.value
        return spin

    def _zone_editor(self, option: Option[Any], value: object) -> QWidget:
        zones = QComboBox()
        zones.setEditable(True)
        zones.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        zones.setToolTip(
            self.tr("Type a city or any part of a zone's name. Used from the next start.")
        )
        zones.addItem(self.tr("The computer's ({zone})").format(zone=computer_zone().key), "")
        names = zone_names()
        for name in names:
            zones.addItem(name, name)
        found = zones.findData(str(value))
        zones.setCurrentIndex(max(found, 0))
        # Found as in the interview form: by any part of the name, the city too.
        find_zones(zones, names)
        zones.currentIndexChanged.connect(self.validate)
        zones.editTextChanged.connect(self.validate)

        def chosen(box: QComboBox = zones) -> str:
            # A typed name counts when it names a zone; the first entry means "follow the
            # computer's".
            typed = box.currentText().strip()
            if box.currentIndex() >= 0 and box.itemText(box.currentIndex()) == typed:
                return str(box.currentData())
            return typed_zone(box, names)

        self._readers[option.key] = chosen
        self._zone_names = names
        return zones

    def _text_editor(self, option: Option[Any], value: object) -> QWidget:
        area = QPlainTextEdit(str(value))
        area.setTabChangesFocus(True)
        area.setFixedHeight(area.fontMetrics().lineSpacing() * 4 + 12)
        area.textChanged.connect(self.validate)
        self._readers[option.key] = area.toPlainText
        return area

    def _line_editor(self, option: Option[Any], value: object) -> QWidget:
        line = QLineEdit(str(value))
        line.textChanged.connect(self.validate)
        self._readers[option.key] = line.text
        return line

    # -- values --------------------------------------------------------------------------

    def value(self) -> dict[str, object]:
        """Every option's value as shown, keyed by ``Option.key``."""
        return {option.key: self._readers[option.key]() for option in ALL_OPTIONS}

    def problems(self) -> list[str]:
        """Why the values shown cannot be saved (empty when they can)."""
        values = self.value()
        found = []
        for option in ALL_OPTIONS:
            try:
                _checked(option, values[option.key])
            except (ValueError, TypeError) as exc:
                found.append(self._several_zones(option, values[option.key]) or str(exc))
        start, end = values[QUIET_START.key], values[QUIET_END.key]
        if isinstance(start, int) and isinstance(end, int) and start >= end:
            found.append(QCoreApplication.translate("preferences", QUIET_ORDER_ERROR))
        return found

    def _several_zones(self, option: Option[Any], value: object) -> str | None:
        """For a city in more than one zone's name: which zones, to choose one."""
        if not option.time_zone or not isinstance(value, str):
            return None
        several = zones_named(value, self._zone_names)
        if len(several) < 2:
            return None
        return self.tr("“{city}” is in more than one zone: choose one of {zones}.").format(
            city=value, zones=", ".join(several)
        )

    def validate(self) -> bool:
        """Show what is wrong, if anything, and allow OK only when nothing is."""
        problems = self.problems()
        self.error.setText("\n".join(problems))
        self.error.setVisible(bool(problems))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert isinstance(ok, QPushButton)
        ok.setEnabled(not problems)
        return not problems

    def accept(self) -> None:
        if self.validate():
            super().accept()

    @classmethod
    def ask(
        cls, values: Mapping[str, object], parent: QWidget | None = None
    ) -> dict[str, object] | None:
        """Show the dialog modally: the chosen values, or None when cancelled (tests
        replace this)."""
        dialog = cls(values, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()
