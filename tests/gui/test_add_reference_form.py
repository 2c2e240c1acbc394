"""Adding a reference as a new person: the example of how they know you names no
company (it named Globex, where the user was applying)."""

from __future__ import annotations

from datetime import date

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


def test_the_examples_of_how_they_know_you_name_no_company(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.relationship.placeholderText() == "e.g. my manager at my last job"
    form = ContactForm()
    qtbot.addWidget(form)
    assert form.relationship.placeholderText() == "e.g. my team lead at my last job, 2019–2023"
