"""A panel interview's thank-you notes, from the reminder to sent, as a user does it."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import peewee
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.debriefs.reminders import DEBRIEF_DUE
from followthrough.domain.note_tasks import NoteMedium, NoteStatus
from followthrough.domain.notes import Tone
from followthrough.services.scheduler import ReminderScheduler
from followthrough.store.models import (
    Contact,
    Interview,
    InterviewParticipant,
    Reminder,
    ThankYouNote,
)
from followthrough.store.notes import NOTE_DUE_SOON, subject_key
from followthrough.store.planning import plan_all
from followthrough.store.queries import create_application
from followthrough.ui.common.ask import Ask
from followthrough.ui.notes.composer import NoteComposerDialog
from followthrough.ui.notes.flow import NoteFlow
from followthrough.ui.notes.labels import finished_on_text, tone_label
from followthrough.ui.notes.spell_highlight import misspelling_at
from followthrough.ui.shell.main_window import MainWindow

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def _panel(clock: FakeClock) -> tuple[Interview, Contact, Contact]:
    app = create_application(clock, "Acme Robotics", "Data Engineer")
    create_application(clock, "Globex")  # another company in the database
    ended = clock.now() - timedelta(hours=22)
    interview = Interview.create(
        application=app,
        starts_at=ended - timedelta(hours=1),
        ends_at=ended,
        time_zone="America/Chicago",
        notes="Asked about streaming. I forgot to mention the Kafka migration I led.",
    )
    dana = Contact.create(
        name="Dana Lee",
        title="Engineering Manager",
        company="Acme Robotics",
        email="dana.lee@acme.example",
        preferred_method="email",
        created_at=clock.now(),
    )
    sam = Contact.create(
        name="Sam Ortiz",
        title="Staff Engineer",
        company="Acme Robotics",
        preferred_method="phone",
        created_at=clock.now(),
    )
    for person in (dana, sam):
        InterviewParticipant.create(interview=interview, contact=person, role="interviewer")
    return interview, dana, sam


def _composer(qtbot: QtBot, key: tuple[int, int]) -> NoteComposerDialog:
    qtbot.waitUntil(lambda: key in NoteFlow.open_composers, timeout=10000)
    dialog = NoteFlow.open_composers[key]
    qtbot.waitUntil(lambda: dialog.speller is not None, timeout=20000)
    return dialog


def _note(interview: Interview, person: Contact) -> ThankYouNote:
    return ThankYouNote.get(
        (ThankYouNote.interview == interview.id) & (ThankYouNote.contact == person.id)
    )


def _status(interview: Interview, person: Contact) -> NoteStatus | None:
    note = ThankYouNote.get_or_none(
        (ThankYouNote.interview == interview.id) & (ThankYouNote.contact == person.id)
    )
    return None if note is None else NoteStatus(note.status)


def test_tones_and_states_are_named() -> None:
    assert [tone_label(t) for t in Tone] == ["Warm", "Short and direct", "Formal"]
    assert finished_on_text(NoteStatus.SENT, date(2026, 12, 3)) == "E-mailed Thu 3 Dec"
    assert finished_on_text(NoteStatus.DRAFTED, None) == "Drafted"


def test_from_the_reminder_to_an_emailed_and_a_printed_note(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    save_failures: list[tuple[str, str]],
) -> None:
    interview, dana, sam = _panel(clock)
    opened: list[str] = []
    monkeypatch.setattr(
        NoteComposerDialog,
        "open_url",
        staticmethod(lambda url: opened.append(bytes(url.toEncoded()).decode()) or True),
    )
    questions: list[str] = []

    def confirm(_parent: object, title: str, _text: str, _action: str) -> bool:
        questions.append(title)
        return True

    monkeypatch.setattr(Ask, "confirm", staticmethod(confirm))
    monkeypatch.setattr(Ask, "day", staticmethod(lambda _p, _t, _x, default: default))
    pdf = tmp_path / "card.pdf"
    monkeypatch.setattr(NoteComposerDialog, "choose_pdf_path", staticmethod(lambda _p, _s: pdf))

    window = make_window()
    scheduler = ReminderScheduler(window.context.runner, clock)
    window.attach_scheduler(scheduler)
    with qtbot.waitSignal(scheduler.planned, timeout=10000):
        scheduler.start()
    qtbot.waitUntil(lambda: bool(window.today_page.todo.fired()), timeout=10000)
    # 22 hours after the interview: both "due soon" reminders have fired.
    panel = window.today_page.todo
    kinds = {r.kind for r in panel.fired()}
    # (And the interview's "debrief while it is fresh", due the same evening.)
    assert kinds == {NOTE_DUE_SOON, DEBRIEF_DUE}
    titles = [r.title for r in panel.fired()]
    assert any("Thank-you note to Dana Lee (Acme Robotics)" in t for t in titles)
    row = next(r for r in range(len(titles)) if "Dana" in titles[r])
    panel.select_reminder(panel.fired()[row].reminder_id)
    assert panel.note_button.isVisibleTo(panel) and not panel.call_button.isVisibleTo(panel)
    panel.note_button.click()

    # -- Dana: e-mail -----------------------------------------------------------------------
    composer = _composer(qtbot, (interview.id, dana.id))
    assert composer.chosen_medium() is NoteMedium.EMAIL
    assert composer.recipient.text() == "dana.lee@acme.example"
    body = composer.editor.toPlainText()
    assert "Dana" in body and "Acme Robotics" in body and "Data Engineer" in body
    # Nothing personal yet: the check says so, and a placeholder is left.
    checks = {f.check for f in composer.run_checks()}
    assert {"missing_part", "placeholder"} <= checks
    # The debrief notes offer what was forgotten.
    offered = [a.text() for a in composer.debrief_menu.actions()]
    assert any("Kafka migration" in text for text in offered)
    composer.debrief_menu.actions()[0].trigger()
    composer.specific.setPlainText("how your team moved nightly batch jobs to streaming")
    composer.sender_name.setText("Alex Kim")
    composer.sender_contact.setPlainText("alex.kim@example.com")
    body = composer.editor.toPlainText()
    assert "nightly batch jobs to streaming" in body and "Kafka migration" in body
    assert "Alex Kim" in body
    assert [f.check for f in composer.run_checks() if f.severity.value == "problem"] == []
    assert "words" in composer.count_label.text()

    ARTIFACTS.mkdir(exist_ok=True)
    composer.grab().save(str(ARTIFACTS / "note-composer.png"))

    composer.email_button.click()
    assert len(opened) == 1
    url = urlsplit(opened[0])
    assert url.scheme == "mailto" and unquote(url.path) == "dana.lee@acme.example"
    query = parse_qs(url.query)
    assert set(query) == {"subject", "body"}
    assert "nightly batch jobs" in query["body"][0]
    assert QGuiApplication.clipboard().text() == composer.editor.toPlainText()
    assert "Did it go out?" in questions
    qtbot.waitUntil(lambda: _status(interview, dana) is NoteStatus.SENT, timeout=10000)
    note = _note(interview, dana)
    assert note.finished_on == clock.now().astimezone(window.zone).date()
    assert note.specific_point.startswith("how your team")
    qtbot.waitUntil(lambda: "E-mailed" in composer.state_label.text(), timeout=5000)
    # The sender's details are kept for the next note.
    qtbot.waitUntil(lambda: _sender() == ("Alex Kim", "alex.kim@example.com"), timeout=5000)

    # Dana's reminders are gone once the plan runs again; Sam's remain.
    window.context.runner.wait_for_done()
    plan_all(clock.now())
    left = {r.subject_key for r in Reminder.active()}
    assert subject_key(interview.id, dana.id) not in left
    assert subject_key(interview.id, sam.id) in left

    # -- Sam: the same text to the panel is caught, then a printed card -----------------------
    window.notes.open(interview.id, sam.id)
    card = _composer(qtbot, (interview.id, sam.id))
    assert card.chosen_medium() is NoteMedium.CARD  # he prefers the phone: a card
    assert card.sender_name.text() == "Alex Kim"
    card.editor.setPlainText(composer.editor.toPlainText().replace("Dana", "Sam"))
    similar = [f for f in card.run_checks() if f.check == "similar"]
    assert similar and "Dana Lee" in similar[0].message and similar[0].passages
    card.rebuild()
    card.specific.setPlainText("the robot arm demo in your lab and its calibration trick")
    card.wish.setPlainText("I have calibrated similar rigs with a Kalman filter")
    card.address.setPlainText("Sam Ortiz\nAcme Robotics, Reception\n200 Main St, Suite 400")
    assert card.address_hint.isHidden()
    card.address.setPlainText("Sam Ortiz\n12 Elm Street, Apt 3")
    assert not card.address_hint.isHidden()  # a home address: the hint shows
    card.address.setPlainText("Sam Ortiz\nAcme Robotics, Reception\n200 Main St, Suite 400")
    # A proper name the dictionary lacks: added to the personal word list.
    assert [f.check for f in card.run_checks() if f.severity.value == "problem"] == ["spelling"]
    card.add_word("Kalman")
    assert not [f for f in card.run_checks() if f.severity.value == "problem"]

    card.tabs.setCurrentIndex(1)
    card.grab().save(str(ARTIFACTS / "note-composer-card.png"))
    card.pdf_button.click()
    assert pdf.exists()
    shutil.copy(pdf, ARTIFACTS / "note-card.pdf")
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        family = str(card.font_choice.currentData()).replace(" ", "")
        assert family in fonts
    card.delivered_button.click()
    qtbot.waitUntil(lambda: _status(interview, sam) is NoteStatus.MAILED, timeout=10000)

    detail = window.open_application(interview.application_id)
    qtbot.waitUntil(lambda: detail.note_model.rowCount() == 2, timeout=10000)
    states = {
        detail.note_model.row_at(r).name: detail.note_model.row_at(r).status for r in range(2)
    }
    assert states == {"Dana Lee": NoteStatus.SENT, "Sam Ortiz": NoteStatus.MAILED}
    timeline = [detail.timeline.item(i).text() for i in range(detail.timeline.count())]
    assert any("Thank-you note to Dana Lee e-mailed" in line for line in timeline)
    assert any("Thank-you note to Sam Ortiz posted" in line for line in timeline)
    detail.close()
    assert save_failures == []


def _sender() -> tuple[str, str]:
    from followthrough.store import settings as options

    return options.get(options.SENDER_NAME), options.get(options.SENDER_CONTACT)


def test_spelling_is_underlined_with_suggestions_and_a_personal_word_list(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    interview, dana, _sam = _panel(clock)
    window = make_window()
    window.notes.open(interview.id, dana.id)
    composer = _composer(qtbot, (interview.id, dana.id))
    composer.editor.setPlainText("Thank you for the interveiw about Zorblatt pipelines.")
    spelling = [f for f in composer.run_checks() if f.check == "spelling"]
    assert spelling and "interveiw" in spelling[0].message
    # The word under the mouse, its suggestions, and replacing it.
    editor = composer.editor
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("interveiw") + 3)
    editor.setTextCursor(cursor)
    speller = composer.speller
    assert speller is not None
    miss = misspelling_at(editor, speller, editor.cursorRect().center())
    assert miss is not None and miss.word == "interveiw"
    assert "interview" in speller.suggestions(miss.word)
    # A name the dictionary cannot know goes into the personal word list, for good.
    composer.add_word("Zorblatt")
    window.context.runner.wait_for_done()
    from followthrough.store.notes import personal_words

    assert "Zorblatt" in personal_words()
    words = [f.message for f in composer.run_checks() if f.check == "spelling"]
    assert words and "Zorblatt" not in words[0]


def test_closing_keeps_the_draft_and_reopening_brings_it_back(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    interview, dana, _sam = _panel(clock)
    window = make_window()
    window.notes.open(interview.id, dana.id)
    composer = _composer(qtbot, (interview.id, dana.id))
    composer.specific.setPlainText("the on-call rotation you are redesigning")
    composer.close()
    qtbot.waitUntil(
        lambda: ThankYouNote.select().where(ThankYouNote.contact == dana.id).exists(),
        timeout=10000,
    )
    window.context.runner.wait_for_done()
    assert _note(interview, dana).status in (NoteStatus.DRAFTED, NoteStatus.CHECKED)
    qtbot.waitUntil(lambda: (interview.id, dana.id) not in NoteFlow.open_composers)
    window.notes.open(interview.id, dana.id)
    again = _composer(qtbot, (interview.id, dana.id))
    assert again.specific.toPlainText() == "the on-call rotation you are redesigning"
    assert "on-call rotation" in again.editor.toPlainText()
    assert " · due " in again.state_label.text()  # ended 22 h ago: 2 h to go
    again.close()
    qtbot.waitUntil(lambda: (interview.id, dana.id) not in NoteFlow.open_composers)
    # Opened after the deadline, the header says the note is overdue.
    clock.advance(timedelta(hours=3))
    window.notes.open(interview.id, dana.id)
    late = _composer(qtbot, (interview.id, dana.id))
    assert " · overdue: it was due " in late.state_label.text()


def test_a_bad_address_is_refused_before_the_mail_program_opens(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    interview, dana, _sam = _panel(clock)
    opened: list[QUrl] = []
    monkeypatch.setattr(NoteComposerDialog, "open_url", staticmethod(opened.append))
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_a: True))
    window = make_window()
    window.notes.open(interview.id, dana.id)
    composer = _composer(qtbot, (interview.id, dana.id))
    composer.recipient.setText("dana@acme.example?cc=evil@example.com")
    composer.email_button.click()
    assert opened == []
    assert not composer.error.isHidden() and composer.error.text()


def test_escape_keeps_the_draft_as_closing_does(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    """Escape rejects a dialog without a close event: it lost what was typed (found by a
    walkthrough)."""
    from PySide6.QtCore import Qt

    interview, dana, _sam = _panel(clock)
    window = make_window()
    window.notes.open(interview.id, dana.id)
    composer = _composer(qtbot, (interview.id, dana.id))
    composer.specific.setPlainText("the on-call rotation you are redesigning")
    qtbot.keyClick(composer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not composer.isVisible(), timeout=5000)
    qtbot.waitUntil(
        lambda: ThankYouNote.select().where(ThankYouNote.contact == dana.id).exists(),
        timeout=10000,
    )
    window.context.runner.wait_for_done()
    assert "on-call rotation" in _note(interview, dana).body
