"""Labels marked in domain/ and store/ reach the screen translated, in their own context.

A stand-in translator wraps every text of the marked contexts in «…»; a label shown
without ``QCoreApplication.translate`` would show bare.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from followthrough.domain.contacts import ContactMethod
from followthrough.domain.interviews import InterviewDraft
from followthrough.domain.note_tasks import NoteMedium, NoteStatus
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.ui.applications.forms import StageChangeDialog
from followthrough.ui.applications.labels import reason_label, stage_label
from followthrough.ui.contacts.form import method_combo
from followthrough.ui.contacts.labels import method_label, method_phrase, method_word
from followthrough.ui.interviews.dialogs import InterviewDialog
from followthrough.ui.interviews.labels import format_word
from followthrough.ui.notes.labels import (
    finished_on_text,
    medium_label,
    printing_label,
    status_label,
)

DAY = date(2026, 11, 23)


class Marking(QTranslator):
    """Translates the texts of ``contexts`` as «text»; leaves every other text alone."""

    def __init__(self, contexts: set[str]) -> None:
        super().__init__()
        self.contexts = contexts

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return f"«{source}»" if context in self.contexts else None

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marked(qapp: QApplication) -> Iterator[None]:
    translator = Marking({"stages", "notes", "settings", "interviews", "contacts", "printing"})
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def _items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


@pytest.mark.usefixtures("marked")
def test_stages_and_reasons_are_translated() -> None:
    assert stage_label(Stage.REFERENCE_CHECK) == "«Reference check»"
    assert reason_label(ClosureReason.WITHDREW) == "«I withdrew»"


@pytest.mark.usefixtures("marked")
def test_the_stage_dialog_offers_translated_stages_and_reasons(qtbot: QtBot) -> None:
    dialog = StageChangeDialog("Acme", Stage.OFFER, DAY, Stage.WITHDRAWN)
    qtbot.addWidget(dialog)
    assert "«Withdrawn»" in _items(dialog.target)
    assert _items(dialog.reason)[1:] == ["«I withdrew»", "«I accepted another offer»"]


@pytest.mark.usefixtures("marked")
def test_the_stage_filter_is_translated_when_the_page_is_built(qtbot: QtBot) -> None:
    """The filter's table used to be built at import time, in the wrong context."""
    from zoneinfo import ZoneInfo

    from followthrough.ui.applications.page import ApplicationsPage

    page = ApplicationsPage(ZoneInfo("Europe/Berlin"), lambda: DAY)
    qtbot.addWidget(page)
    items = _items(page.stage_filter)
    assert items[0] == "Active"  # the page's own words, not marked here
    assert items[2:] == [f"«{stage.label}»" for stage in Stage]
    assert page.board.columns[Stage.OFFER].heading.text() == "«Offer»"


@pytest.mark.usefixtures("marked")
def test_note_media_and_states_are_translated() -> None:
    assert medium_label(NoteMedium.CARD) == "«Card by post»"
    assert status_label(NoteStatus.DRAFTED) == "«Drafted»"
    assert finished_on_text(NoteStatus.SENT, DAY) == "«E-mailed» Mon 23 Nov"


@pytest.mark.usefixtures("marked")
def test_preference_names_are_translated(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QCheckBox, QLabel

    from followthrough.store.settings import ALL_OPTIONS, NOTE_HOURS, START_AT_LOGIN
    from followthrough.ui.shell.preferences import PreferencesDialog

    dialog = PreferencesDialog({option.key: option.default for option in ALL_OPTIONS})
    qtbot.addWidget(dialog)
    label = dialog.form.labelForField(dialog.editors[NOTE_HOURS.key])
    assert isinstance(label, QLabel) and label.text() == "«Hours to send a thank-you note»:"
    login = dialog.editors[START_AT_LOGIN.key]
    assert isinstance(login, QCheckBox) and login.text() == f"«{START_AT_LOGIN.label}»"


def _interview_dialog(qtbot: QtBot, interview_format: str) -> InterviewDialog:
    draft = InterviewDraft(
        application_id=1,
        day=DAY,
        start=time(10),
        end=time(11),
        time_zone="Europe/Paris",
        format=interview_format,
    )
    dialog = InterviewDialog("Interview", draft, [])
    qtbot.addWidget(dialog)
    return dialog


def test_interview_formats_read_as_before_in_english(qtbot: QtBot) -> None:
    dialog = _interview_dialog(qtbot, "onsite")
    assert _items(dialog.format) == ["Video", "Phone", "On-site"]
    assert dialog.format.currentText() == "On-site"
    assert [format_word(f) for f in ("video", "phone", "onsite")] == ["video", "phone", "on-site"]
    assert format_word("carrier pigeon") == "carrier pigeon"  # stored by a later version


@pytest.mark.usefixtures("marked")
def test_interview_formats_are_the_words_domain_marks(qtbot: QtBot) -> None:
    dialog = _interview_dialog(qtbot, "video")
    assert _items(dialog.format) == ["«video»", "«phone»", "«on-site»"]
    assert format_word("onsite") == "«on-site»"


def test_contact_methods_read_as_before_in_english() -> None:
    methods = ["phone", "email", "either", None, "pigeon"]
    assert [method_label(m) for m in methods] == ["Phone", "Email", "Either", "Not known", ""]
    assert [method_word(m) for m in methods] == ["phone", "email", "either", "not known", ""]
    assert [method_phrase(m) for m in methods] == ["phone", "e-mail", "phone or e-mail", "", ""]
    combo = method_combo()
    assert _items(combo) == ["Not known yet", "Phone", "Email", "Either"]
    assert [combo.itemData(i) for i in range(combo.count())] == [None, "phone", "email", "either"]


@pytest.mark.usefixtures("marked")
def test_contact_methods_are_translated() -> None:
    assert method_label(ContactMethod.EMAIL) == "«email»"
    assert method_phrase(ContactMethod.EITHER) == "«phone or e-mail»"
    assert _items(method_combo())[0] == "«Not known yet»"


@pytest.mark.usefixtures("marked")
def test_pages_envelopes_and_fonts_are_translated() -> None:
    from pathlib import Path

    from followthrough.services.fonts import HandwritingFont
    from followthrough.services.printing import EnvelopeFormat, PageFormat

    assert printing_label(PageFormat.CARD_A6) == "«Folded card, A6»"
    assert printing_label(EnvelopeFormat.LABEL) == "«Address label (99.1×38.1 mm)»"
    font = HandwritingFont("Kristi", "Kristi (quick pen)", Path("k.ttf"), Path("k.txt"))
    assert printing_label(font) == "«Kristi (quick pen)»"
