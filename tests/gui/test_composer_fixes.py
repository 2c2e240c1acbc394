"""The composer after a new user's walkthrough: questions that match their buttons, a sent
note that cannot go twice, Ctrl+E from any field, the promise help shown whole, and a
draft never edited by hand that follows a new signature."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import peewee
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.note_tasks import NoteMedium, NoteStatus
from followthrough.domain.notes import Tone
from followthrough.services.printing import PageFormat
from followthrough.store import settings as options
from followthrough.store.models import Contact, Interview, InterviewParticipant
from followthrough.store.notes import NoteDraft, finish_note, load_note_context, save_note
from followthrough.store.queries import create_application
from followthrough.ui.common.ask import Ask
from followthrough.ui.notes.composer import NoteComposerDialog
from followthrough.ui.notes.flow import NoteFlow

BERLIN = ZoneInfo("Europe/Berlin")


def _interview(clock: FakeClock, role: str = "Data Engineer") -> tuple[int, int]:
    app = create_application(clock, "Acme Robotics", role)
    ended = clock.now() - timedelta(hours=20)
    interview = Interview.create(
        application=app,
        starts_at=ended - timedelta(hours=1),
        ends_at=ended,
        time_zone="Europe/Berlin",
    )
    dana = Contact.create(
        name="Dana Lee",
        company="Acme Robotics",
        email="dana.lee@acme.example",
        created_at=clock.now(),
    )
    InterviewParticipant.create(interview=interview, contact=dana, role="interviewer")
    return interview.id, dana.id


def _composer(qtbot: QtBot, clock: FakeClock, key: tuple[int, int]) -> NoteComposerDialog:
    fonts, problem = NoteFlow.fonts()
    dialog = NoteComposerDialog(
        load_note_context(*key), fonts, problem, clock.now().date(), BERLIN, now=clock.now()
    )
    qtbot.addWidget(dialog)
    return dialog


def _questions(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    asked: list[tuple[str, str]] = []

    def confirm(_parent: object, title: str, _text: str, action: str) -> bool:
        asked.append((title, action))
        return False

    monkeypatch.setattr(Ask, "confirm", staticmethod(confirm))
    return asked


def test_the_question_about_problems_matches_its_button(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = _composer(qtbot, clock, _interview(clock))
    asked = _questions(monkeypatch)
    monkeypatch.setattr(NoteComposerDialog, "run_preview", staticmethod(lambda _d: None))
    dialog.specific.setPlainText("")  # a required part missing: a problem
    dialog.print_preview()
    dialog.send_email()
    assert asked == [
        ("Print anyway?", "Print anyway"),
        ("Send anyway?", "Send anyway"),
    ]


def test_a_sent_note_cannot_be_saved_over_or_sent_again(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key = _interview(clock)
    dialog = _composer(qtbot, clock, key)
    assert dialog.save_button.isEnabled() and dialog.email_button.isEnabled()
    save_note(*key, dialog.draft(), clock)
    finish_note(*key, NoteMedium.EMAIL, clock.now().date(), clock)
    saves: list[object] = []
    dialog.save_requested.connect(lambda draft, _checked: saves.append(draft))
    dialog.finish_requested.connect(lambda *args: saves.append(args))
    asked = _questions(monkeypatch)
    dialog.set_status(NoteStatus.SENT, clock.now().date())
    assert not dialog.save_button.isEnabled()
    assert not dialog.email_button.isEnabled()
    assert "Already sent on Fri 20 Nov" in dialog.email_button.toolTip()
    dialog.save_draft()  # Ctrl+S
    dialog.send_email()  # Ctrl+E
    assert saves == [] and asked == []
    # Opened again later, the note is still marked as sent.
    again = _composer(qtbot, clock, key)
    assert not again.email_button.isEnabled() and not again.save_button.isEnabled()
    assert again.reopen_button.isVisibleTo(again)
    again.set_status(NoteStatus.DRAFTED)
    assert again.save_button.isEnabled() and again.email_button.isEnabled()


def test_a_sent_notes_words_are_read_only_until_not_sent_after_all(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
) -> None:
    key = _interview(clock)
    dialog = _composer(qtbot, clock, key)
    dialog.show()
    assert not dialog.editor.isReadOnly() and not dialog.sent_lock_label.isVisible()
    dialog.set_status(NoteStatus.SENT, clock.now().date())
    for field in (dialog.editor, dialog.subject, dialog.specific, dialog.extra, dialog.address):
        assert field.isReadOnly()
    assert not dialog.tone.isEnabled() and not dialog.medium.isEnabled()
    assert dialog.sent_lock_label.isVisible()
    assert "Not sent after all" in dialog.sent_lock_label.text()
    # Typing into the sent note changes nothing.
    before = dialog.editor.toPlainText()
    dialog.editor.setFocus()
    QTest.keyClicks(dialog.editor, "extra words")
    QTest.keyClicks(dialog.subject, "more")
    assert dialog.editor.toPlainText() == before
    dialog.set_status(NoteStatus.DRAFTED)
    assert not dialog.editor.isReadOnly() and not dialog.subject.isReadOnly()
    assert dialog.tone.isEnabled() and not dialog.sent_lock_label.isVisible()
    QTest.keyClicks(dialog.subject, "!")
    assert dialog.subject.text().endswith("!")


def test_a_sent_notes_fields_look_read_only_and_say_why(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
) -> None:
    """They were read-only but as white as fields that take typing."""
    key = _interview(clock)
    dialog = _composer(qtbot, clock, key)
    dialog.show()
    fields = (
        dialog.editor,
        dialog.subject,
        dialog.specific,
        dialog.wish,
        dialog.extra,
        dialog.recipient,
        dialog.address,
        dialog.sender_name,
        dialog.sender_contact,
    )
    ground = dialog.palette().color(QPalette.ColorRole.Window)
    open_base = dialog.palette().color(QPalette.ColorRole.Base)
    assert open_base != ground
    for field in fields:
        assert field.palette().color(QPalette.ColorRole.Base) == open_base
    dialog.set_status(NoteStatus.SENT, clock.now().date())
    for field in fields:
        assert field.isReadOnly()
        assert field.palette().color(QPalette.ColorRole.Base) == ground, field.objectName()
    assert dialog.sent_lock_label.text().startswith("Sent on Fri 20 Nov — read only")
    # Back to the drafts: open, and white, again.
    dialog.set_status(NoteStatus.DRAFTED)
    for field in fields:
        assert not field.isReadOnly()
        assert field.palette().color(QPalette.ColorRole.Base) == open_base


@pytest.mark.parametrize("field", ["subject", "recipient", "extra", "sender_name"])
def test_ctrl_e_sends_from_a_one_line_field(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    field: str,
) -> None:
    dialog = _composer(qtbot, clock, _interview(clock))
    sent: list[bool] = []
    monkeypatch.setattr(NoteComposerDialog, "send_email", lambda self: sent.append(True))
    # The shortcut was made with the method at construction: make a new dialog.
    dialog = _composer(qtbot, clock, (dialog.task.interview_id, dialog.task.contact_id))
    dialog.show()
    qtbot.waitExposed(dialog)
    widget = getattr(dialog, field)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    QTest.keyClick(widget, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert sent == [True]
    # Under X11 a line edit claims Ctrl+E (end of line) by accepting the shortcut
    # override: the composer declines it for the field, so the shortcut still fires.
    claim = QKeyEvent(
        QEvent.Type.ShortcutOverride, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
    )
    claim.accept()
    assert dialog.eventFilter(widget, claim) is True
    assert not claim.isAccepted()


def test_the_promise_help_shows_whole_at_1100_by_720(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    dialog = _composer(qtbot, clock, _interview(clock))
    dialog.resize(1100, 720)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog._select(dialog.medium, NoteMedium.CARD.value)  # the address box too
    qtbot.wait(50)
    label = dialog.promise_help
    assert label.wordWrap()
    # The longest help: the promise and what the other notes of the panel promised.
    label.setText(
        "The follow-up reminder for this application will come on Wed 23 Dec, the day you "
        "promise. Sam Ortiz's note promised Thu 24 Dec; Dana Lee's note promised Fri 25 Dec: "
        "the same day in every note keeps one plan."
    )
    qtbot.wait(50)  # the layout settles
    needed = label.heightForWidth(label.width())
    assert needed > label.fontMetrics().height() * 3  # several lines at this width
    assert label.height() >= needed
    assert label.visibleRegion().boundingRect().height() >= needed
    assert label.mapTo(dialog, label.rect().bottomLeft()).y() <= dialog.height()


def test_a_draft_never_edited_follows_a_new_signature(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    options.put(options.SENDER_NAME, "Alex Kim")
    key = _interview(clock)
    dialog = _composer(qtbot, clock, key)
    assert "Alex Kim" in dialog.editor.toPlainText()
    save_note(*key, dialog.draft(), clock)
    dialog.close()
    options.put(options.SENDER_NAME, "Alexandra Kim-Lee")
    again = _composer(qtbot, clock, key)
    assert "Alexandra Kim-Lee" in again.editor.toPlainText()
    assert again.sender_name.text() == "Alexandra Kim-Lee"
    assert again.is_dirty()  # kept when it closes


def test_a_draft_edited_by_hand_keeps_its_text(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    options.put(options.SENDER_NAME, "Alex Kim")
    key = _interview(clock)
    body = "Dear Dana,\n\nThank you — my own words.\n\nBest,\nAlex Kim"
    save_note(
        *key,
        NoteDraft(
            tone=Tone.WARM.value,
            subject="Thanks",
            body=body,
            edited_by_hand=True,
            specific_point="",
            wish_said="",
            extra="",
            promised_on=None,
            medium=NoteMedium.EMAIL,
            address="",
        ),
        clock,
    )
    options.put(options.SENDER_NAME, "Alexandra Kim-Lee")
    again = _composer(qtbot, clock, key)
    assert again.editor.toPlainText() == body


def test_a_creative_role_suggests_a_handwritten_card(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    dialog = _composer(qtbot, clock, _interview(clock, role="Senior Product Designer"))
    dialog.show()
    assert dialog.chosen_medium() is NoteMedium.EMAIL
    assert dialog.card_advice.isVisible()
    assert "design role" in dialog.card_advice_text.text()
    # Due within a day: a card in the post would come late, and the advice says so.
    assert dialog.task.deadline - clock.now() < timedelta(days=2)
    assert "arrives after this note is due" in dialog.card_advice_text.text()
    assert dialog.card_advice_text.textFormat() == Qt.TextFormat.PlainText
    dialog.card_switch.click()
    assert dialog.chosen_medium() is NoteMedium.CARD
    assert not dialog.card_advice.isVisible()  # the advice is taken
    dialog._select(dialog.medium, NoteMedium.EMAIL.value)
    assert dialog.card_advice.isVisible()
    dialog.card_dismiss.click()
    assert not dialog.card_advice.isVisible()
    dialog._select(dialog.medium, NoteMedium.CARD.value)
    dialog._select(dialog.medium, NoteMedium.EMAIL.value)
    assert not dialog.card_advice.isVisible()  # dismissed stays dismissed


def test_the_creative_roles_are_the_users_list(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    plain = _composer(qtbot, clock, _interview(clock, role="Data Engineer"))
    plain.show()
    assert not plain.card_advice.isVisible()
    options.put(options.CREATIVE_ROLES, "design, writing, art, marketing, Data Engineer")
    listed = _composer(qtbot, clock, (plain.task.interview_id, plain.task.contact_id))
    listed.show()
    assert listed.card_advice.isVisible()
    assert "data engineer role" in listed.card_advice_text.text()


def _words(count: int) -> str:
    phrase = "thank you for the time you gave me on Tuesday I enjoyed hearing about the team"
    words = phrase.split()
    body = " ".join(words[n % len(words)] for n in range(count - 6))
    return f"Dear Dana,\n\n{body}.\n\nWarm regards,\nAlex Kim\nalex@example.com"


def test_the_print_preview_warns_when_the_note_is_too_long_for_the_card(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = _composer(qtbot, clock, _interview(clock))
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_a: True))
    previews: list[QPrintPreviewDialog] = []
    monkeypatch.setattr(NoteComposerDialog, "run_preview", staticmethod(previews.append))
    dialog._select(dialog.medium, NoteMedium.CARD.value)
    dialog._select(dialog.page_choice, PageFormat.CARD_A6.value)
    dialog.editor.setPlainText(_words(400))
    # After a pause in typing (the card shown at once says how the template's text fit).
    qtbot.waitUntil(lambda: "too long" in dialog.card.fit_label.text())
    assert dialog.card.fit_label.text().startswith(
        "This note is too long for a folded A6 card: shorten it by about "
    )
    dialog.print_preview()
    assert len(previews) == 1
    warning = dialog.preview_warning
    assert warning is not None and warning.parent() is previews[0]
    assert warning.text() == dialog.card.fit_label.text()
    assert warning.text().endswith("or choose A5.")
    # Short enough: written smaller, said quietly, no warning.
    dialog.editor.setPlainText(_words(115))
    qtbot.waitUntil(lambda: "so the whole note fits the card" in dialog.card.fit_label.text())
    dialog.print_preview()
    assert "too long" not in (dialog.preview_warning.text() if dialog.preview_warning else "")


def _count_fits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every measuring of the note against its card, wherever it is asked for."""
    from followthrough.services import printing
    from followthrough.ui.notes import card, composer

    fits: list[int] = []
    real = printing.fit_to_card

    def counted(text: str, layout: object) -> object:
        fits.append(len(text))
        return real(text, layout)  # type: ignore[arg-type]

    for module in (printing, card, composer):
        monkeypatch.setattr(module, "fit_to_card", counted)
    return fits


def test_typing_into_an_e_mail_note_never_fits_it_to_a_card(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = _composer(qtbot, clock, _interview(clock))
    dialog._select(dialog.medium, NoteMedium.EMAIL.value)
    dialog.show()
    fits = _count_fits(monkeypatch)
    dialog.editor.setFocus()
    QTest.keyClicks(dialog.editor, "A few more words")
    qtbot.wait(400)  # past the pause that runs the checks
    assert fits == []
    assert dialog.findings_list.count() > 0  # the checks did run


def test_a_card_is_fitted_once_after_a_pause_in_typing(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = _composer(qtbot, clock, _interview(clock))
    dialog._select(dialog.medium, NoteMedium.CARD.value)
    dialog.show()
    qtbot.wait(400)
    fits = _count_fits(monkeypatch)
    dialog.editor.setFocus()
    QTest.keyClicks(dialog.editor, "More words")
    assert fits == []  # not on each key
    qtbot.waitUntil(lambda: len(fits) == 1)
    qtbot.wait(300)
    assert len(fits) == 1


def test_the_print_preview_measures_the_fit_once(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    dialog = _composer(qtbot, clock, _interview(clock))
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_a: True))
    dialog._select(dialog.medium, NoteMedium.CARD.value)
    dialog._select(dialog.page_choice, PageFormat.CARD_A6.value)
    qtbot.wait(400)
    fits = _count_fits(monkeypatch)
    pages: list[int] = []

    def paint_twice(preview: QPrintPreviewDialog) -> None:
        for number in range(2):  # the preview repaints: zooming, a new page setup
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(tmp_path / f"preview-{number}.pdf"))
            preview.paintRequested.emit(printer)
            pages.append(number)

    monkeypatch.setattr(NoteComposerDialog, "run_preview", staticmethod(paint_twice))
    dialog.print_preview()
    assert pages == [0, 1]
    assert (tmp_path / "preview-1.pdf").stat().st_size > 0
    assert len(fits) == 1


def test_alt_a_reaches_the_recipient_of_an_e_mail_and_the_address_of_a_card(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    dialog = _composer(qtbot, clock, _interview(clock))
    dialog._select(dialog.medium, NoteMedium.EMAIL.value)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.recipient_label.text() == "E-m&ail to:"
    dialog.tone.setFocus()
    QTest.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert dialog.recipient.hasFocus()
    dialog._select(dialog.medium, NoteMedium.CARD.value)
    dialog.tone.setFocus()
    QTest.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert dialog.address.hasFocus()


def test_save_as_pdf_starts_in_documents_else_home_never_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A Documents folder that does not exist made the dialog start in the current folder.
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(tmp_path)
    assert NoteComposerDialog.pdf_folder() == home
    (home / "Documents").mkdir()
    assert NoteComposerDialog.pdf_folder() == home / "Documents"


def _painted(widget: QWidget) -> bool:
    """Whether ``widget`` shows more than its background (words drawn)."""
    image = widget.grab().toImage()
    ground = image.pixelColor(image.width() - 3, image.height() - 3)
    return any(
        image.pixelColor(x, y) != ground
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    )


def test_the_card_preview_of_an_e_mail_note_shows_the_note_when_its_tab_is_opened(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    # It stayed blank: only a printed note's card was laid out.
    dialog = _composer(qtbot, clock, _interview(clock))
    dialog._select(dialog.medium, NoteMedium.EMAIL.value)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentWidget(dialog.card)
    assert dialog.preview.toPlainText() == dialog.editor.toPlainText()
    assert _painted(dialog.preview.viewport())
    assert "so the whole note fits the card" in dialog.card.fit_label.text()
    # The text changes (from the fields beside it): the card follows after a pause.
    dialog.specific.setPlainText("your plans for the robot arm")
    qtbot.waitUntil(lambda: "your plans for the robot arm" in dialog.preview.toPlainText())
    assert dialog.preview.toPlainText() == dialog.editor.toPlainText()


def test_the_print_preview_shows_its_page_when_first_shown(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = _composer(qtbot, clock, _interview(clock))
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_a: True))
    dialog._select(dialog.medium, NoteMedium.CARD.value)
    seen: list[tuple[int, bool]] = []

    def show(preview: QPrintPreviewDialog) -> None:
        # Looked at while it is open (its printer lives as long as the question).
        preview.show()
        qtbot.waitExposed(preview)
        pages = preview.findChild(QPrintPreviewWidget)
        seen.append((pages.pageCount(), _painted(pages)))
        preview.close()

    monkeypatch.setattr(NoteComposerDialog, "run_preview", staticmethod(show))
    dialog.print_preview()
    assert seen == [(1, True)]
