"""The Preferences dialog: an editor per registry option, validation, no database."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from followthrough.services import autostart
from followthrough.store.settings import (
    ALL_OPTIONS,
    CREATIVE_ROLES,
    DEFAULT_WAIT,
    KEEP_DAILY_BACKUPS,
    MIN_ACTIVE,
    NOTE_HOURS,
    PATIENCE,
    QUIET_END,
    QUIET_START,
    REFERENCE_OVERUSE_COUNT,
    REFERENCE_OVERUSE_DAYS,
    SENDER_CONTACT,
    SENDER_NAME,
    START_AT_LOGIN,
    USER_ZONE,
    WEEKLY_GOAL,
)
from followthrough.ui.shell.preferences import (
    BACKUPS_HELP,
    MOMENTUM_HELP,
    PATIENCE_HELP,
    QUIET_ORDER_ERROR,
    PreferencesDialog,
)

DEFAULTS = {option.key: option.default for option in ALL_OPTIONS}


def make(qtbot: QtBot, values: dict[str, object] | None = None) -> PreferencesDialog:
    dialog = PreferencesDialog(DEFAULTS if values is None else values)
    qtbot.addWidget(dialog)
    return dialog


def ok_enabled(dialog: PreferencesDialog) -> bool:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button.isEnabled()


def test_every_option_gets_the_right_editor(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    assert set(dialog.editors) == {option.key for option in ALL_OPTIONS}
    patience = dialog.editors[PATIENCE.key]
    assert isinstance(patience, QComboBox)
    assert [patience.itemData(i) for i in range(patience.count())] == [1, 3, 5]
    assert patience.currentText() == "3 (default)"
    wait = dialog.editors[DEFAULT_WAIT.key]
    assert isinstance(wait, QSpinBox)
    assert (wait.minimum(), wait.maximum(), wait.value()) == (4, 7, 5)
    start, end = dialog.editors[QUIET_START.key], dialog.editors[QUIET_END.key]
    assert isinstance(start, QSpinBox) and isinstance(end, QSpinBox)
    assert (start.minimum(), start.maximum(), start.value()) == (0, 23, 9)
    assert (end.minimum(), end.maximum(), end.value()) == (1, 24, 17)
    assert start.text() == "9:00"
    login = dialog.editors[START_AT_LOGIN.key]
    assert isinstance(login, QCheckBox)
    assert login.text() == START_AT_LOGIN.label
    assert not login.isChecked()


def test_labels_come_from_the_registry(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    for option in ALL_OPTIONS:
        if option is START_AT_LOGIN:
            continue
        label = dialog.form.labelForField(dialog.editors[option.key])
        assert isinstance(label, QLabel)
        assert label.text() == f"{option.label}:"


def test_patience_is_explained_under_its_choice(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    assert dialog.patience_help.text() == PATIENCE_HELP
    for preset in ("1", "3", "5"):
        assert preset in PATIENCE_HELP
    assert "single unanswered message" in PATIENCE_HELP
    assert "a few attempts" in PATIENCE_HELP
    row_of = {
        widget: dialog.form.getWidgetPosition(widget)[0]
        for widget in (dialog.editors[PATIENCE.key], dialog.patience_help)
    }
    assert row_of[dialog.patience_help] == row_of[dialog.editors[PATIENCE.key]] + 1


def test_keeping_momentum_is_explained_and_zero_says_what_it_means(qtbot: QtBot) -> None:
    """docs/advice.md, Keeping momentum: keep applying while you wait [001, 003, 004]; an
    offer is settled only on the first day [003]. 0 turns the warning and the goal off."""
    dialog = make(qtbot)
    least, goal = dialog.editors[MIN_ACTIVE.key], dialog.editors[WEEKLY_GOAL.key]
    assert isinstance(least, QSpinBox) and isinstance(goal, QSpinBox)
    assert (least.minimum(), least.maximum(), least.value()) == (0, 50, 5)
    assert (goal.minimum(), goal.maximum(), goal.value()) == (0, 100, 0)
    assert goal.text() == "No goal"
    least.setValue(0)
    assert least.text() == "Never"
    assert dialog.value()[MIN_ACTIVE.key] == 0 and ok_enabled(dialog)
    assert dialog.momentum_help.text() == MOMENTUM_HELP
    assert "first day" in MOMENTUM_HELP
    assert dialog.form.getWidgetPosition(dialog.momentum_help)[0] == (
        dialog.form.getWidgetPosition(goal)[0] + 1
    )


def test_how_many_daily_backups_to_keep_is_a_number_with_its_explanation(
    qtbot: QtBot,
) -> None:
    dialog = make(qtbot)
    keep = dialog.editors[KEEP_DAILY_BACKUPS.key]
    assert isinstance(keep, QSpinBox)
    assert (keep.minimum(), keep.maximum(), keep.value()) == (1, 365, 7)
    help_label = dialog.findChild(QLabel, "backupsHelp")
    assert help_label is not None and help_label.text() == BACKUPS_HELP
    assert "never deleted" in help_label.text()
    # The explanation stands right under the number it explains.
    row, _role = dialog.form.getWidgetPosition(keep)
    assert dialog.form.itemAt(row + 1, dialog.form.ItemRole.SpanningRole).widget() is help_label
    keep.setValue(30)
    assert dialog.value()[KEEP_DAILY_BACKUPS.key] == 30
    assert ok_enabled(dialog)


def test_the_defaults_come_back_unchanged(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    assert dialog.value() == DEFAULTS
    assert ok_enabled(dialog)
    assert dialog.error.isHidden()


def test_given_values_are_shown_and_edits_come_back(qtbot: QtBot) -> None:
    values: dict[str, object] = {
        PATIENCE.key: 5,
        DEFAULT_WAIT.key: 7,
        QUIET_START.key: 8,
        QUIET_END.key: 18,
        START_AT_LOGIN.key: True,
        NOTE_HOURS.key: 36,
        SENDER_NAME.key: "Alex Kim",
        SENDER_CONTACT.key: "alex@example.com\n+1 555 0100",
        CREATIVE_ROLES.key: "design, writing, art, marketing, illustration",
        REFERENCE_OVERUSE_COUNT.key: 4,
        REFERENCE_OVERUSE_DAYS.key: 45,
        MIN_ACTIVE.key: 3,
        WEEKLY_GOAL.key: 4,
        USER_ZONE.key: "America/Los_Angeles",
        KEEP_DAILY_BACKUPS.key: 14,
    }
    dialog = make(qtbot, values)
    assert dialog.value() == values
    patience = dialog.editors[PATIENCE.key]
    assert isinstance(patience, QComboBox)
    patience.setCurrentIndex(0)
    wait = dialog.editors[DEFAULT_WAIT.key]
    assert isinstance(wait, QSpinBox)
    wait.setValue(4)
    login = dialog.editors[START_AT_LOGIN.key]
    assert isinstance(login, QCheckBox)
    login.setChecked(False)
    contact = dialog.editors[SENDER_CONTACT.key]
    assert isinstance(contact, QPlainTextEdit)  # several lines: e-mail, phone, LinkedIn
    contact.setPlainText("alex@example.com\n+1 555 0100\nlinkedin.com/in/alexkim")
    roles = dialog.editors[CREATIVE_ROLES.key]
    assert isinstance(roles, QLineEdit)  # the user extends the list of creative roles
    assert roles.text() == "design, writing, art, marketing, illustration"
    roles.setText(roles.text() + ", architecture")
    assert dialog.value() == {
        **values,
        PATIENCE.key: 1,
        DEFAULT_WAIT.key: 4,
        START_AT_LOGIN.key: False,
        SENDER_CONTACT.key: "alex@example.com\n+1 555 0100\nlinkedin.com/in/alexkim",
        CREATIVE_ROLES.key: "design, writing, art, marketing, illustration, architecture",
    }
    assert all(type(dialog.value()[k]) is type(v) for k, v in DEFAULTS.items())


@pytest.mark.parametrize(
    "stored",
    [
        {PATIENCE.key: 4},  # not a preset
        {PATIENCE.key: "3"},  # wrong type
        {DEFAULT_WAIT.key: 30},  # out of range
        {START_AT_LOGIN.key: "yes"},
        {QUIET_START.key: True},  # a bool is not an hour
        {MIN_ACTIVE.key: -1},
        {WEEKLY_GOAL.key: 101},
    ],
)
def test_unusable_values_show_the_default(qtbot: QtBot, stored: dict[str, object]) -> None:
    dialog = make(qtbot, {**DEFAULTS, **stored})
    assert dialog.value() == DEFAULTS


def test_missing_values_show_the_default(qtbot: QtBot) -> None:
    assert make(qtbot, {}).value() == DEFAULTS


def test_reminders_must_start_before_they_stop(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    start, end = dialog.editors[QUIET_START.key], dialog.editors[QUIET_END.key]
    assert isinstance(start, QSpinBox) and isinstance(end, QSpinBox)
    start.setValue(17)
    assert not ok_enabled(dialog)
    assert not dialog.error.isHidden()
    assert dialog.error.text() == QUIET_ORDER_ERROR
    assert dialog.problems() == [QUIET_ORDER_ERROR]
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    start.setValue(16)
    assert ok_enabled(dialog)
    assert dialog.error.isHidden()
    end.setValue(3)
    assert not ok_enabled(dialog)


def test_inverted_stored_hours_are_flagged_at_once(qtbot: QtBot) -> None:
    dialog = make(qtbot, {**DEFAULTS, QUIET_START.key: 20, QUIET_END.key: 8})
    assert not ok_enabled(dialog)
    assert dialog.error.text() == QUIET_ORDER_ERROR


def test_ok_accepts_valid_values(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        ok.click()


def test_ask_returns_the_values_or_none(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PreferencesDialog, "exec", lambda self: self.DialogCode.Accepted)
    assert PreferencesDialog.ask(DEFAULTS) == DEFAULTS
    monkeypatch.setattr(PreferencesDialog, "exec", lambda self: self.DialogCode.Rejected)
    assert PreferencesDialog.ask(DEFAULTS) is None


def test_start_at_login_can_be_chosen_on_linux(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(autostart, "_platform", lambda: "linux")
    dialog = make(qtbot)
    assert dialog.editors[START_AT_LOGIN.key].isEnabled()
    assert dialog.login_help is None


@pytest.mark.parametrize(("platform", "hint"), [("win32", "shell:startup"), ("darwin", "Login")])
def test_elsewhere_the_dialog_says_how_to_start_at_login(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, platform: str, hint: str
) -> None:
    monkeypatch.setattr(autostart, "_platform", lambda: platform)
    dialog = make(qtbot)
    assert not dialog.editors[START_AT_LOGIN.key].isEnabled()
    assert dialog.login_help is not None
    assert hint in dialog.login_help.text()


def test_the_time_zone_follows_the_computer_or_a_chosen_one(qtbot: QtBot) -> None:
    """The user's own clock: the computer's by default, any known zone by choice, and a
    name that is no zone is refused with the reason."""
    dialog = make(qtbot)
    zones = dialog.editors[USER_ZONE.key]
    assert isinstance(zones, QComboBox)
    assert zones.currentText().startswith("The computer's (")
    assert dialog.value()[USER_ZONE.key] == ""
    zones.setCurrentIndex(zones.findData("Asia/Tokyo"))
    assert dialog.value()[USER_ZONE.key] == "Asia/Tokyo"
    zones.setEditText("Mars/Olympus_Mons")
    assert not ok_enabled(dialog)
    assert "not a time zone" in dialog.error.text()
