"""Adding a reference as a new person: what is wrong with a field is said under that
field, whole (the phone message ran off the dialog as "…+ - ( ) . /, wit", under the
"already given" row); the example of how they know you names no company."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from followthrough.domain.references import ReferenceKind
from followthrough.ui.contacts.form import ContactForm
from followthrough.ui.references.dialogs import AddReferenceDialog


def _dialog(qtbot: QtBot) -> AddReferenceDialog:
    dialog = AddReferenceDialog(ReferenceKind.REFERENCE, [], {}, set(), date(2026, 12, 2), 30, 3)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _shown_whole(label: QLabel, dialog: QWidget) -> None:
    assert label.isVisible() and label.wordWrap()
    assert label.height() >= label.heightForWidth(label.width())
    right = label.mapTo(dialog, label.rect().topRight()).x()
    assert right <= dialog.width()


def test_a_bad_phone_is_said_under_the_phone_field_whole(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.name.setText("Dana Kim")
    dialog.email.setText("dana@old.example")
    dialog.phone.setText("call me maybe")
    dialog.relationship.setText("my manager at Initech")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    qtbot.wait(20)  # the layout settles
    error = dialog.errors["phone"]
    assert error.text().startswith("This does not look like a phone number")
    assert error.text().endswith("“, office”.")
    _shown_whole(error, dialog)
    # Right under the phone field, above the next one.
    phone, below = dialog.phone.geometry(), dialog.relationship.geometry()
    assert phone.bottom() < error.geometry().top() < below.top()
    assert error.geometry().left() == phone.left()
    assert dialog.errors["name"].isHidden() and dialog.errors["email"].isHidden()
    assert dialog.phone.hasFocus() or not dialog.isActiveWindow()
    # Mended, the message goes and the person is added.
    dialog.phone.setText("+44 20 7946 0000")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_each_field_says_its_own_problem(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.email.setText("not-an-address")
    dialog.accept()
    assert dialog.errors["name"].text() == "Enter the person's name."
    assert "address" in dialog.errors["email"].text()
    assert dialog.errors["phone"].isHidden()
    name, email = dialog.errors["name"].geometry(), dialog.errors["email"].geometry()
    assert dialog.name.geometry().bottom() < name.top() < dialog.email.geometry().top()
    assert dialog.email.geometry().bottom() < email.top() < dialog.phone.geometry().top()


def test_the_examples_of_how_they_know_you_name_no_company(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.relationship.placeholderText() == "e.g. my manager at my last job"
    form = ContactForm()
    qtbot.addWidget(form)
    assert form.relationship.placeholderText() == "e.g. my team lead at my last job, 2019–2023"
