"""Forms hold one-line fields to their limits and say so; phone numbers are checked."""

from __future__ import annotations

import gc

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.interviews import PersonDraft
from followthrough.domain.validation import COMPANY_LIMIT, NAME_LIMIT, PHONE_LIMIT
from followthrough.store.contacts import ContactFields
from followthrough.ui.applications.new_dialog import NewApplicationDialog
from followthrough.ui.contacts.form import ContactForm
from followthrough.ui.interviews.dialogs import PersonDialog


def test_a_pasted_company_name_past_the_limit_is_cut_and_the_form_says_so(
    qtbot: QtBot, clock: FakeClock
) -> None:
    dialog = NewApplicationDialog(clock.now().date())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.company.maxLength() == COMPANY_LIMIT
    QApplication.clipboard().setText("Initech " * 100)
    dialog.company.paste()
    assert len(dialog.company.text()) == COMPANY_LIMIT
    note = dialog.errors["company"]
    assert note.isVisible()
    assert "company name" in note.text() and f"{COMPANY_LIMIT:,}" in note.text()
    # The next edit, a real key press, takes the note away.
    dialog.company.setFocus()
    QTest.keyClick(dialog.company, Qt.Key.Key_Backspace)
    assert len(dialog.company.text()) == COMPANY_LIMIT - 1
    assert not note.isVisible()


def test_a_short_paste_says_nothing(qtbot: QtBot, clock: FakeClock) -> None:
    dialog = NewApplicationDialog(clock.now().date())
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.clipboard().setText("Initech")
    dialog.company.paste()
    assert dialog.company.text() == "Initech"
    assert not dialog.errors["company"].isVisible()


def test_the_contact_form_refuses_a_phone_that_is_no_number(qtbot: QtBot) -> None:
    form = ContactForm()
    qtbot.addWidget(form)
    form.show()
    assert form.phone.maxLength() == PHONE_LIMIT
    form.name.setText("Dana Lee")
    form.phone.setText("abc")
    assert not form.check()
    assert form.errors["phone"].isVisible()
    assert "phone number" in form.errors["phone"].text()
    form.phone.setText("+49 (30) 123 456 ext. 7")
    assert form.check()
    assert not form.errors["phone"].isVisible()


def test_a_stored_name_longer_than_the_limit_is_shown_cut_with_a_note(qtbot: QtBot) -> None:
    form = ContactForm()
    qtbot.addWidget(form)
    form.show()
    form.set_value(ContactFields("D" * 500))
    assert len(form.name.text()) == NAME_LIMIT
    assert form.errors["name"].isVisible()
    assert "500" in form.errors["name"].text() and f"{NAME_LIMIT:,}" in form.errors["name"].text()


def test_an_interviewers_phone_is_checked(qtbot: QtBot) -> None:
    dialog = PersonDialog(PersonDraft("Dana Lee", phone="abc"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.result() != PersonDialog.DialogCode.Accepted
    assert "phone number" in dialog.error.text()
    dialog.phone.setText("555 1234")
    dialog.accept()
    assert dialog.result() == PersonDialog.DialogCode.Accepted


def test_a_future_applied_on_day_is_refused_with_a_message(qtbot: QtBot, clock: FakeClock) -> None:
    dialog = NewApplicationDialog(clock.now().date())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.company.setText("Acme")
    dialog.form.applied_on.setDate(dialog.form.applied_on.date().addDays(1))
    dialog.accept()
    assert dialog.result() != NewApplicationDialog.DialogCode.Accepted
    assert dialog.errors["applied_on"].isVisible()
    assert "future" in dialog.errors["applied_on"].text()
    dialog.form.applied_on.setDate(dialog.form.applied_on.date().addDays(-1))
    assert not dialog.errors["applied_on"].isVisible()
    dialog.accept()
    assert dialog.result() == NewApplicationDialog.DialogCode.Accepted


def test_the_interviewer_form_says_when_typing_stops_at_the_limit(qtbot: QtBot) -> None:
    dialog = PersonDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    gc.collect()  # the limits must outlive __init__
    dialog.name.setText("N" * (NAME_LIMIT - 1))
    dialog.name.setFocus()
    dialog.name.end(False)
    QTest.keyClicks(dialog.name, "xy")
    assert len(dialog.name.text()) == NAME_LIMIT
    assert dialog.error.isVisible()
    assert "name" in dialog.error.text() and f"{NAME_LIMIT:,}" in dialog.error.text()


def test_the_interviewer_form_says_when_a_paste_was_cut(qtbot: QtBot) -> None:
    dialog = PersonDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    gc.collect()
    QApplication.clipboard().setText("5" * (PHONE_LIMIT + 10))
    dialog.phone.setFocus()
    dialog.phone.paste()
    assert len(dialog.phone.text()) == PHONE_LIMIT
    assert dialog.error.isVisible()
    assert "phone number" in dialog.error.text()


def test_a_stored_phone_from_before_the_rules_does_not_block_the_forms(qtbot: QtBot) -> None:
    form = ContactForm()
    qtbot.addWidget(form)
    form.show()
    form.set_value(ContactFields("Dana Lee", phone="ask reception"))
    assert form.check()
    form.phone.setText("ask Dana")
    assert not form.check()
    known = PersonDraft("Dana Lee", phone="ask reception", contact_id=7)
    dialog = PersonDialog(known)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.result() == PersonDialog.DialogCode.Accepted
