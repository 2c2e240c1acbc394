"""Forms refuse what cannot be saved, say why next to the field, and ask before discarding."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.contacts import ContactRoleKind
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.store.contacts import ContactCard, ContactFields
from followthrough.store.models import Contact, ContactRole
from followthrough.ui.applications.forms import StageChangeDialog
from followthrough.ui.common.ask import Ask, Unsaved
from followthrough.ui.contacts.dialog import ContactDialog
from followthrough.ui.contacts.labels import ROLE_LABELS, person_label, role_label
from followthrough.ui.interviews.dialogs import InterviewDialog, PersonDialog
from followthrough.ui.shell.main_window import MainWindow
from tests.helpers.pages import open_page

DAY = date(2026, 11, 23)


def _draft(**changes: object) -> InterviewDraft:
    base = InterviewDraft(
        application_id=1, day=DAY, start=time(10), end=time(11), time_zone="Europe/Paris"
    )
    return base.__class__(**{**base.__dict__, **changes})


def _interview_dialog(
    qtbot: QtBot, draft: InterviewDraft, contacts: list[ContactCard] | None = None
) -> InterviewDialog:
    dialog = InterviewDialog("Interview", draft, contacts or [])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_an_interview_that_ends_before_it_starts_is_refused(qtbot: QtBot) -> None:
    dialog = _interview_dialog(qtbot, _draft())
    dialog.end.setTime(QTime(9, 0))
    dialog.zone.setCurrentText("Mars/Olympus_Mons")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    end_error = dialog.findChild(type(dialog.checklist), "endError")
    zone_error = dialog.findChild(type(dialog.checklist), "time_zoneError")
    assert end_error is not None and end_error.isVisible()
    assert "end after it starts" in end_error.text()
    assert zone_error is not None and "not a time zone" in zone_error.text()


def test_the_timeframe_is_shown_as_a_date_and_the_checklist_follows(qtbot: QtBot) -> None:
    dialog = _interview_dialog(qtbot, _draft())
    assert "6 still unknown" in dialog.checklist.text()
    dialog.decision_within.setChecked(True)
    dialog.within_count.setValue(3)
    dialog.within_unit.setCurrentIndex(dialog.within_unit.findData("working_days"))
    # Mon 23 Nov + 3 working days = Thu 26 Nov.
    assert dialog.within_result.text() == "= by Thu 26 Nov"
    assert dialog.value().decision_date() == date(2026, 11, 26)
    qtbot.keyClicks(dialog.next_step, "Meet the team")
    assert "4 still unknown" in dialog.checklist.text()


def test_a_known_contact_is_picked_once(qtbot: QtBot) -> None:
    known = ContactCard(7, "Dana Lee", "Head of Data", "Acme", "dana@acme.example", "", "email")
    dialog = _interview_dialog(qtbot, _draft(), [known])
    dialog.contact_picker.setCurrentIndex(0)
    dialog.add_known.click()
    assert [p.contact_id for p in dialog.people] == [7]
    dialog.contact_picker.setCurrentIndex(0)
    dialog.add_known.click()
    assert len(dialog.people) == 1
    error = dialog.findChild(type(dialog.checklist), "peopleError")
    assert error is not None and "already listed" in error.text()


# Typing opens the suggestions' popup, which the offscreen platform cannot give the keyboard.
@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")
def test_enter_in_the_people_field_adds_the_person_never_saves_without_them(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Walkthrough 4: typing "Jane Doe" and pressing Enter pressed the dialog's Save, and
    the interview was kept with nobody on it (no thank-you notes planned)."""
    known = ContactCard(7, "Dana Lee", "Head of Data", "Acme", "dana@acme.example", "", "email")
    asked: list[str] = []

    def fill(person_dialog: PersonDialog) -> bool:
        asked.append(person_dialog.name.text())
        person_dialog.title.setText("Engineering Manager")
        return True

    monkeypatch.setattr(InterviewDialog, "exec_person_dialog", staticmethod(fill))
    dialog = _interview_dialog(qtbot, _draft(), [known])
    line = dialog.contact_picker.lineEdit()
    assert line is not None
    line.setFocus()
    qtbot.keyClicks(line, "Jane Doe")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert asked == ["Jane Doe"]  # a new person, with the name typed
    assert [p.name for p in dialog.people] == ["Jane Doe"]
    assert dialog.contact_picker.currentText() == ""
    # A known person typed in full (any case) is added as that person.
    qtbot.keyClicks(line, "dana lee")
    qtbot.keyClick(line, Qt.Key.Key_Enter)
    assert [p.contact_id for p in dialog.people] == [None, 7]
    # Enter in an empty field does nothing at all.
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert dialog.isVisible() and len(dialog.people) == 2


def test_every_role_has_a_label() -> None:
    assert set(ROLE_LABELS) == set(ContactRoleKind)
    assert role_label(ContactRoleKind.HIRING_MANAGER) == "Hiring manager"
    assert role_label("astronaut") == "astronaut"  # not a role the app knows: as stored


def test_people_are_named_with_what_is_known_of_them() -> None:
    def dana(title: str, company: str) -> ContactCard:
        return ContactCard(7, "Dana Lee", title, company, "", "", None)

    assert person_label(dana("Head of Data", "Acme")) == "Dana Lee (Head of Data, Acme)"
    assert person_label(dana("", "Initech")) == "Dana Lee (Initech)"
    assert person_label(dana("", "")) == "Dana Lee"
    # On the call sheet everyone works at the company called.
    assert person_label(dana("Head of Data", "Acme"), with_company=False) == (
        "Dana Lee (Head of Data)"
    )
    assert person_label(dana("", "Acme"), with_company=False) == "Dana Lee"


def test_cancelling_a_changed_interview_asks_first(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(
        Ask, "unsaved_changes", staticmethod(lambda _p: asked.append(True) or Unsaved.CANCEL)
    )
    dialog = _interview_dialog(qtbot, _draft(people=(PersonDraft(name="Sam"),)))
    dialog.reject()  # nothing changed: closes without asking
    assert asked == [] and dialog.result() == QDialog.DialogCode.Rejected
    dialog = _interview_dialog(qtbot, _draft())
    qtbot.keyClicks(dialog.next_step, "x")
    dialog.reject()
    assert asked == [True]
    assert dialog.isVisible()


def test_stage_dialog_offers_only_allowed_moves_and_fitting_reasons(
    qtbot: QtBot, clock: FakeClock
) -> None:
    dialog = StageChangeDialog("Acme", Stage.OFFER, DAY)
    qtbot.addWidget(dialog)
    offered = {dialog.target.itemData(i) for i in range(dialog.target.count())}
    assert Stage.APPLIED not in offered and Stage.ACCEPTED in offered
    dialog.target.setCurrentIndex(dialog.target.findData(Stage.ACCEPTED))
    assert not dialog.reason.isVisibleTo(dialog)  # accepting needs no reason
    dialog.target.setCurrentIndex(dialog.target.findData(Stage.FILLED))
    assert [dialog.reason.itemData(i) for i in range(dialog.reason.count())] == ["filled"]


def test_closing_records_only_a_reason_chosen(qtbot: QtBot) -> None:
    # Withdrawn has two reasons: neither is chosen for the user.
    dialog = StageChangeDialog("Acme", Stage.INTERVIEWING, DAY, Stage.WITHDRAWN)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chosen_reason() is None
    assert not dialog.ok_button.isEnabled()
    assert dialog.reason_hint.isVisible() and "Choose why" in dialog.reason_hint.text()
    dialog.reason.setCurrentIndex(dialog.reason.findData("withdrew"))
    assert dialog.ok_button.isEnabled() and not dialog.reason_hint.isVisible()
    dialog.reason.setCurrentIndex(0)
    assert not dialog.ok_button.isEnabled()
    # A stage that asks no reason leaves OK free.
    dialog.target.setCurrentIndex(dialog.target.findData(Stage.OFFER))
    assert dialog.ok_button.isEnabled() and not dialog.reason_hint.isVisible()


def test_a_lone_reason_comes_with_its_stage(qtbot: QtBot) -> None:
    """Rejected has one reason, "They turned me down": it was a choice of one that still
    had to be made before OK worked."""
    dialog = StageChangeDialog("Acme", Stage.INTERVIEWING, DAY, Stage.REJECTED)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.reason.isVisible()
    assert [dialog.reason.itemText(i) for i in range(dialog.reason.count())] == [
        "They turned me down"
    ]
    assert dialog.chosen_reason() is ClosureReason.REJECTED
    assert dialog.ok_button.isEnabled() and not dialog.reason_hint.isVisible()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_contacts_can_be_added_edited_and_deleted(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    steps: list[Callable[[ContactDialog], None]] = []

    def run(dialog: QDialog) -> bool:
        qtbot.addWidget(dialog)
        assert isinstance(dialog, ContactDialog)
        steps.pop(0)(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    def add(dialog: ContactDialog) -> None:
        dialog.form.email.setText("not-an-address")
        dialog.accept()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert not dialog.form.errors["name"].isHidden()
        assert not dialog.form.errors["email"].isHidden()
        dialog.form.set_value(
            ContactFields(
                name="Priya Novak",
                company="Acme",
                email="priya@acme.example",
                preferred_method="phone",
                roles=frozenset({"reference"}),
            )
        )
        dialog.accept()

    monkeypatch.setattr(MainWindow, "exec_dialog", staticmethod(run))
    steps.append(add)
    open_page(qtbot, window, "Contacts")
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        window.contacts_page.new_contact.emit()
    person = Contact.get(Contact.name == "Priya Novak")
    assert person.preferred_method == "phone"
    assert [r.role for r in ContactRole.select()] == ["reference"]
    assert window.contacts_page.model.rowCount() == 1
    assert window.contacts_page.model.index(0, 3).data() == "Reference"

    def delete(dialog: ContactDialog) -> None:
        assert dialog.form.name.text() == "Priya Novak"
        monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_a: True))
        for button in dialog.buttons.buttons():
            if button.text() == "Delete…":
                button.click()

    steps.append(delete)
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        window.open_contact(person.id)
    assert Contact.select().count() == 0
    assert window.contacts_page.showing_empty_state


def test_a_very_long_contact_does_not_widen_the_interview_form(qtbot: QtBot) -> None:
    short = _interview_dialog(qtbot, _draft())
    long_name = "Dana " + "Lee-" * 80
    known = ContactCard(7, long_name, "Head of Data " * 10, "Acme", "dana@acme.example", "", "")
    dialog = _interview_dialog(qtbot, _draft(), [known])
    # The picker is as wide as with nobody known; its list still holds the whole label.
    assert dialog.contact_picker.sizeHint().width() == short.contact_picker.sizeHint().width()
    assert dialog.sizeHint().width() == short.sizeHint().width()
    assert long_name in dialog.contact_picker.itemText(0)


def test_a_wheel_turn_over_a_date_not_in_focus_leaves_it_alone(qtbot: QtBot) -> None:
    """Scrolling a form past a date must not change it; once the field has the focus, the
    wheel changes it as usual. (Qt passes a real, ignored wheel turn on to the scroll area
    around; a synthetic one, as here, goes nowhere else.)"""
    from PySide6.QtCore import QDate, QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    from followthrough.ui.common.forms import date_edit
    from followthrough.ui.common.wheel_guard import install_wheel_guard

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    guard = install_wheel_guard(app)
    try:
        day = date_edit(DAY)
        qtbot.addWidget(day)
        day.show()
        qtbot.waitExposed(day)
        assert day.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a turn gives no focus

        def turn() -> bool:
            centre = QPointF(day.rect().center())
            event = QWheelEvent(
                centre,
                QPointF(day.mapToGlobal(centre.toPoint())),
                QPoint(),
                QPoint(0, 120),  # one notch up (Monday's weekday cannot step down)
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            )
            QApplication.sendEvent(day, event)
            return event.isAccepted()

        assert not turn()  # left for the form around
        assert day.date() == QDate(2026, 11, 23)
        day.setFocus()
        qtbot.waitUntil(day.hasFocus)
        turn()
        assert day.date() != QDate(2026, 11, 23)  # a field in focus still takes the wheel
    finally:
        app.removeEventFilter(guard)
