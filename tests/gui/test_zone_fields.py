"""Time zones are found the same way in Preferences and in the interview form: by any
part of the name, in any case, and by the city alone (the walkthrough: Preferences
refused "Tokyo" as "not a time zone this computer knows" and completed only from
"Asia/Tok…", while the interview form offered America/New_York for "New_Y")."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtWidgets import QComboBox, QCompleter, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from followthrough.domain.interviews import InterviewDraft
from followthrough.domain.zones import zone_names, zones_named
from followthrough.store.settings import USER_ZONE
from followthrough.ui.interviews.dialogs import InterviewDialog
from followthrough.ui.shell.preferences import PreferencesDialog
from tests.gui.test_preferences import make

# Typing opens the completer's list of zones, a popup the offscreen platform cannot give
# the keyboard to: harmless, and what a person's typing does.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


def _line(box: QComboBox) -> QLineEdit:
    line = box.lineEdit()
    assert line is not None
    return line


def _offered(box: QComboBox, typed: str) -> list[str]:
    """What the field offers while ``typed`` is being typed."""
    completer = box.completer()
    assert isinstance(completer, QCompleter)
    completer.setCompletionPrefix(typed)
    model = completer.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _zone_field(qtbot: QtBot) -> tuple[PreferencesDialog, QComboBox]:
    dialog = make(qtbot)
    dialog.show()
    box = dialog.editors[USER_ZONE.key]
    assert isinstance(box, QComboBox)
    return dialog, box


def _ok(dialog: PreferencesDialog) -> bool:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    return button is not None and button.isEnabled()


def test_preferences_take_a_city_in_any_case(qtbot: QtBot) -> None:
    dialog, box = _zone_field(qtbot)
    assert "Asia/Tokyo" in _offered(box, "Toky")
    assert "Asia/Tokyo" in _offered(box, "tokyo")
    assert "America/New_York" in _offered(box, "new_y")
    line = _line(box)
    for typed in ("Tokyo", "tokyo", "asia/tokyo"):
        line.selectAll()
        qtbot.keyClicks(line, typed)
        assert box.currentText() == typed
        assert dialog.value()[USER_ZONE.key] == "Asia/Tokyo", typed
        assert dialog.error.isHidden() and _ok(dialog)
    # Leaving the field puts the whole name in.
    line.editingFinished.emit()
    assert box.currentText() == "Asia/Tokyo"
    assert box.currentData() == "Asia/Tokyo"
    line.selectAll()
    qtbot.keyClicks(line, "new york")
    assert dialog.value()[USER_ZONE.key] == "America/New_York"


def test_preferences_still_refuse_what_is_no_zone(qtbot: QtBot) -> None:
    dialog, box = _zone_field(qtbot)
    line = _line(box)
    line.selectAll()
    qtbot.keyClicks(line, "Olympus Mons")
    assert not _ok(dialog)
    assert "not a time zone" in dialog.error.text()


def test_a_city_in_several_zones_asks_which(qtbot: QtBot) -> None:
    several = zones_named("Indianapolis", zone_names())
    dialog, box = _zone_field(qtbot)
    line = _line(box)
    line.selectAll()
    qtbot.keyClicks(line, "Indianapolis")
    if len(several) > 1:
        assert not _ok(dialog)
        assert dialog.error.text() == (
            f"“Indianapolis” is in more than one zone: choose one of {', '.join(several)}."
        )
    else:  # this computer's zone list has only one
        assert dialog.value()[USER_ZONE.key] == several[0]


def test_the_interview_form_takes_a_city_too(qtbot: QtBot) -> None:
    draft = InterviewDraft(
        application_id=1,
        day=date(2026, 11, 24),
        start=time(10),
        end=time(11),
        time_zone="Europe/Paris",
    )
    dialog = InterviewDialog("Interview", draft, [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert "America/New_York" in _offered(dialog.zone, "New_Y")
    assert "Asia/Tokyo" in _offered(dialog.zone, "tokyo")
    line = _line(dialog.zone)
    line.selectAll()
    qtbot.keyClicks(line, "tokyo")
    assert dialog.value().time_zone == "Asia/Tokyo"
    line.editingFinished.emit()
    assert dialog.zone.currentText() == "Asia/Tokyo"
