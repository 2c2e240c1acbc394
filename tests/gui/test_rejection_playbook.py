"""After a rejection, as a user meets it in the real window: closing the application as
rejected offers the playbook; each step is marked done or skipped and shows on the
timeline; the thank-you goes through the mail program or the clipboard; nothing is
forced (docs/advice.md, "Keeping momentum" [000, 004])."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import peewee
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from followthrough.domain.clock import FakeClock
from followthrough.domain.references import MessagePurpose, ReferenceKind
from followthrough.domain.rejection import StepState
from followthrough.domain.reminder_kinds import ReminderKind
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.store import settings as options
from followthrough.store.models import (
    ApplicationReference,
    Contact,
    Interview,
    InterviewParticipant,
    RejectionStep,
    Reminder,
)
from followthrough.store.planning import plan_changed
from followthrough.store.queries import change_stage, create_application
from followthrough.store.references import add_reference
from followthrough.store.rejection import plan_revisit
from followthrough.store.reminders import claim_due
from followthrough.ui.applications.detail_dialog import ApplicationDetailDialog
from followthrough.ui.applications.forms import StageChangeDialog
from followthrough.ui.common.ask import Ask
from followthrough.ui.references.flow import ReferenceFlow
from followthrough.ui.rejection.playbook import PlaybookDialog
from followthrough.ui.rejection.thank_you import ThankYouDialog
from followthrough.ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def _fresh_playbooks() -> Iterator[None]:
    PlaybookDialog.open_dialogs.clear()
    ReferenceFlow.open_dialogs.clear()
    yield
    for dialog in list(PlaybookDialog.open_dialogs.values()):
        dialog.close()
    for message in list(ReferenceFlow.open_dialogs.values()):
        message.close()
    PlaybookDialog.open_dialogs.clear()
    ReferenceFlow.open_dialogs.clear()


def _interviewed(clock: FakeClock) -> tuple[int, Contact, Contact, int]:
    """Acme: one round with Dana (e-mail, no profile link) and Sam (a profile link), and
    Priya given as a reference."""
    app = create_application(clock, "Acme", "Analyst")
    interview = Interview.create(
        application=app,
        starts_at=clock.now() - timedelta(days=4),
        ends_at=clock.now() - timedelta(days=4, hours=-1),
        time_zone="Europe/Berlin",
    )
    dana = Contact.create(name="Dana Lee", email="dana@acme.example", created_at=clock.now())
    sam = Contact.create(
        name="Sam Ortiz", linkedin_url="https://www.linkedin.com/in/sam", created_at=clock.now()
    )
    for person in (dana, sam):
        InterviewParticipant.create(interview=interview, contact=person)
    priya = Contact.create(name="Priya Natarajan", email="priya@x.example", created_at=clock.now())
    # Given to Acme: only a reference who took part is told how it ended.
    link = add_reference(
        app.id, priya.id, ReferenceKind.REFERENCE, clock, given_on=clock.now().date()
    )
    options.put(options.SENDER_NAME, "Alex Kim")
    return app.id, dana, sam, link


def _close_as_rejected(
    qtbot: QtBot, window: MainWindow, app_id: int, monkeypatch: pytest.MonkeyPatch
) -> tuple[ApplicationDetailDialog, PlaybookDialog]:
    """Change stage… → Rejected, "They turned me down" → OK, in the application."""

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, StageChangeDialog)
        dialog.target.setCurrentIndex(dialog.target.findData(Stage.REJECTED.value))
        dialog.reason.setCurrentIndex(dialog.reason.findData(ClosureReason.REJECTED.value))
        return True

    monkeypatch.setattr(ApplicationDetailDialog, "exec_dialog", staticmethod(fill))
    detail = window.open_application(app_id)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=10000)
    assert not detail.playbook_button.isVisibleTo(detail)
    detail.stage_button.click()
    qtbot.waitUntil(lambda: app_id in PlaybookDialog.open_dialogs, timeout=10000)
    playbook = PlaybookDialog.open_dialogs[app_id]
    qtbot.waitUntil(lambda: bool(playbook.rows), timeout=10000)
    return detail, playbook


def _playbook_opener(detail: ApplicationDetailDialog) -> QPushButton | None:
    """The one button that opens the playbook: What's next's while steps are left, else
    the one beside the stage."""
    shown = [
        button
        for button in (detail.whats_next.button, detail.playbook_button)
        if button.isVisibleTo(detail) and "door open" in button.text()
    ]
    assert len(shown) <= 1, "said twice"
    return shown[0] if shown else None


def _timeline(detail: ApplicationDetailDialog) -> list[str]:
    return [detail.timeline.item(i).text() for i in range(detail.timeline.count())]


def _state(app_id: int, key: str) -> str | None:
    row = RejectionStep.get_or_none(
        (RejectionStep.application == app_id) & (RejectionStep.step_key == key)
    )
    return None if row is None else row.state


def test_closing_as_rejected_offers_the_playbook_and_done_steps_show_in_the_timeline(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    save_failures: list[tuple[str, str]],
) -> None:
    app_id, dana, sam, link = _interviewed(clock)
    window = make_window()
    detail, playbook = _close_as_rejected(qtbot, window, app_id, monkeypatch)
    # In order: thank-you, each interviewer, the revisit, the reference.
    assert list(playbook.rows) == [
        "thank_you",
        f"connect:{dana.id}",
        f"connect:{sam.id}",
        "revisit",
        f"tell_reference:{link}",
    ]
    assert "Acme" in playbook.heading.text()
    assert all(row.state.text() == "To do" for row in playbook.rows.values())
    # The application opens it again from What's next while steps are left.
    qtbot.waitUntil(lambda: _playbook_opener(detail) is detail.whats_next.button, timeout=10000)

    # Connecting with Sam: the profile opens; then marked done.
    opened: list[str] = []
    monkeypatch.setattr(
        PlaybookDialog, "open_url", staticmethod(lambda url: opened.append(url) or True)
    )
    playbook.rows[f"connect:{sam.id}"].buttons["profile"].click()
    assert opened == ["https://www.linkedin.com/in/sam"]
    playbook.rows[f"connect:{sam.id}"].buttons["done"].click()
    qtbot.waitUntil(lambda: _state(app_id, f"connect:{sam.id}") == "done", timeout=10000)
    qtbot.waitUntil(
        lambda: any("Connected with Sam Ortiz" in line for line in _timeline(detail)),
        timeout=10000,
    )
    qtbot.waitUntil(
        lambda: playbook.rows[f"connect:{sam.id}"].state.text() == "Done", timeout=10000
    )
    # Skipped, then taken back: to do again, and off the timeline.
    playbook.rows["thank_you"].buttons["skip"].click()
    qtbot.waitUntil(lambda: _state(app_id, "thank_you") == "skipped", timeout=10000)
    qtbot.waitUntil(lambda: "undo" in playbook.rows["thank_you"].buttons, timeout=10000)
    playbook.rows["thank_you"].buttons["undo"].click()
    qtbot.waitUntil(lambda: _state(app_id, "thank_you") == "todo", timeout=10000)

    # Dana has no profile link: the step says so and offers to add one.
    row = playbook.rows[f"connect:{dana.id}"]
    assert "No profile link" in row.detail.text()
    monkeypatch.setattr(
        PlaybookDialog,
        "ask_profile_url",
        staticmethod(lambda _parent, name: "https://www.linkedin.com/in/dana"),
    )
    row.buttons["add_profile"].click()
    qtbot.waitUntil(lambda: "profile" in playbook.rows[f"connect:{dana.id}"].buttons, timeout=10000)
    assert Contact.get_by_id(dana.id).linkedin_url == "https://www.linkedin.com/in/dana"

    # The reference: the existing outcome message opens; its state is the reference's.
    tell = playbook.rows[f"tell_reference:{link}"]
    assert "done" not in tell.buttons and "skip" not in tell.buttons
    tell.buttons["tell"].click()
    qtbot.waitUntil(lambda: (link, MessagePurpose.OUTCOME) in ReferenceFlow.open_dialogs)
    message = ReferenceFlow.open_dialogs[(link, MessagePurpose.OUTCOME)]
    assert "Acme" in message.body.toPlainText()
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_a: True))
    message.copy_button.click()
    qtbot.waitUntil(
        lambda: ApplicationReference.get_by_id(link).outcome_told_on is not None, timeout=10000
    )
    qtbot.waitUntil(
        lambda: playbook.rows[f"tell_reference:{link}"].state.text() == "Done", timeout=10000
    )
    assert save_failures == []


def test_the_thank_you_goes_by_mail_or_clipboard_and_is_then_marked_done(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app_id, _dana, _sam, _link = _interviewed(clock)
    window = make_window()
    detail, playbook = _close_as_rejected(qtbot, window, app_id, monkeypatch)
    urls: list[str] = []
    monkeypatch.setattr(ThankYouDialog, "open_url", staticmethod(lambda u: urls.append(u) or True))
    answers = [False, True]  # not yet sent by the clipboard; then sent by mail
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_a: answers.pop(0)))

    playbook.rows["thank_you"].buttons["write"].click()
    note = playbook.findChild(ThankYouDialog)
    assert note is not None
    assert note.address.text() == "dana@acme.example"
    body = note.body.toPlainText()
    assert body.startswith("Dear Dana,") and "feedback" in body and "résumé" in body
    assert body.rstrip().endswith("Alex Kim")
    # The clipboard: copied, not marked (the user said it has not gone yet).
    note.copy_button.click()
    assert QGuiApplication.clipboard().text().startswith(note.subject.text())
    assert "keep me in mind" in QGuiApplication.clipboard().text()
    assert _state(app_id, "thank_you") is None and note.isVisible()
    # The mail program: a mailto: link with the text, then marked sent.
    note.body.setPlainText(body + "\nP.S. <b>not markup</b> & more")
    note.email_button.click()
    (url,) = urls
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and parts.path == "dana@acme.example"
    assert parse_qs(parts.query)["body"][0].endswith("P.S. <b>not markup</b> & more")
    qtbot.waitUntil(lambda: _state(app_id, "thank_you") == "done", timeout=10000)
    qtbot.waitUntil(
        lambda: any("thank-you sent" in line for line in _timeline(detail)), timeout=10000
    )


def test_nothing_is_forced_and_the_revisit_plans_a_reminder(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app_id, _dana, _sam, _link = _interviewed(clock)
    window = make_window()
    detail, playbook = _close_as_rejected(qtbot, window, app_id, monkeypatch)
    # Closed without doing anything: nothing stored, every step still to do.
    playbook.close()
    window.context.runner.wait_for_done()
    assert RejectionStep.select().count() == 0
    qtbot.waitUntil(lambda: _playbook_opener(detail) is not None, timeout=10000)
    opener = _playbook_opener(detail)
    assert opener is not None
    opener.click()
    qtbot.waitUntil(lambda: app_id in PlaybookDialog.open_dialogs, timeout=10000)
    playbook = PlaybookDialog.open_dialogs[app_id]
    qtbot.waitUntil(lambda: bool(playbook.rows), timeout=10000)
    assert all(row.step.state is StepState.TODO for row in playbook.rows.values())

    revisit = playbook.rows["revisit"]
    assert revisit.detail.text() == "No reminder planned yet."
    assert revisit.months is not None and revisit.months.value() == 6
    revisit.months.setValue(3)
    revisit.buttons["plan"].click()
    qtbot.waitUntil(
        lambda: RejectionStep.get_or_none(RejectionStep.step_key == "revisit") is not None,
        timeout=10000,
    )
    assert RejectionStep.get(RejectionStep.step_key == "revisit").months == 3
    # Closed on Fri 20 Nov 2026: three months on is Sat 20 Feb, so Monday the 22nd.
    qtbot.waitUntil(
        lambda: playbook.rows["revisit"].detail.text() == "Reminder on Mon 22 Feb 2027.",
        timeout=10000,
    )
    assert playbook.rows["revisit"].buttons["plan"].text() == "Re&schedule"
    window.context.runner.wait_for_done()
    plan_changed(clock.now())
    reminder = Reminder.get(Reminder.kind == ReminderKind.REVISIT_COMPANY)
    assert reminder.title == "Look at Acme again"


def test_a_card_moved_to_rejected_on_the_board_offers_the_playbook(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from followthrough.store.applications import application_summaries

    app_id, _dana, _sam, _link = _interviewed(clock)
    other = create_application(clock, "Globex", "Analyst").id
    window = make_window()

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, StageChangeDialog)
        reason = ClosureReason.REJECTED if "Acme" in dialog.windowTitle() else None
        wanted = reason or ClosureReason.WITHDREW
        dialog.reason.setCurrentIndex(dialog.reason.findData(wanted.value))
        return True

    monkeypatch.setattr(MainWindow, "exec_dialog", staticmethod(fill))
    cards = {c.application_id: c for c in application_summaries(clock.now(), window.zone)}
    # Withdrawn by the user: no playbook.
    window.move_application(cards[other], Stage.WITHDRAWN)
    window.context.runner.wait_for_done()
    qtbot.waitUntil(lambda: Stage(_stage(other)) is Stage.WITHDRAWN, timeout=10000)
    assert other not in PlaybookDialog.open_dialogs
    window.move_application(cards[app_id], Stage.REJECTED)
    qtbot.waitUntil(lambda: app_id in PlaybookDialog.open_dialogs, timeout=10000)


def _stage(app_id: int) -> str:
    from followthrough.store.models import Application

    return str(Application.get_by_id(app_id).stage)


def test_the_revisit_reminder_opens_the_playbook(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    app_id, _dana, _sam, _link = _interviewed(clock)
    change_stage(app_id, Stage.REJECTED, clock, clock.now().date(), ClosureReason.REJECTED)
    plan_revisit(app_id, 1, clock)
    plan_changed(clock.now())
    window = make_window()
    clock.advance(timedelta(days=40))
    (due,) = [r for r in claim_due(clock.now()) if r.kind == ReminderKind.REVISIT_COMPANY]
    assert app_id not in PlaybookDialog.open_dialogs
    assert window.reminder_handlers.open(due)
    assert app_id in PlaybookDialog.open_dialogs


def test_the_playbook_opens_again_after_the_application_it_was_opened_over_closed(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app_id, _dana, _sam, _link = _interviewed(clock)
    window = make_window()
    detail, first = _close_as_rejected(qtbot, window, app_id, monkeypatch)
    detail.close()
    qtbot.waitUntil(lambda: not Shiboken.isValid(first), timeout=10000)
    again = window.offer_playbook(app_id) and PlaybookDialog.open_dialogs[app_id]
    assert isinstance(again, PlaybookDialog)
    qtbot.waitUntil(lambda: bool(again.rows), timeout=10000)


def test_whats_next_shows_the_playbooks_progress_and_opens_it(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    from followthrough.store.rejection import set_step_state

    app_id, dana, sam, link = _interviewed(clock)
    change_stage(app_id, Stage.REJECTED, clock, clock.now().date(), ClosureReason.REJECTED)
    set_step_state(app_id, "thank_you", StepState.DONE, clock)
    set_step_state(app_id, f"connect:{dana.id}", StepState.DONE, clock)
    window = make_window()
    detail = window.open_application(app_id)
    header = detail.whats_next
    qtbot.waitUntil(lambda: header._step is not None, timeout=10000)
    assert header.isVisibleTo(detail)
    # Thank-you, Dana, Sam, the revisit, Priya: two done, Sam next.
    assert header.after_no.text() == (
        "After the rejection: 2 of 5 steps done; next: connect with Sam Ortiz."
    )
    assert header.after_no.isVisibleTo(detail)
    # Opened from there; the same button above gives way to it (said once).
    assert header.button.text() == "&Keep the door open…"
    assert not detail.playbook_button.isVisibleTo(detail)
    header.button.click()
    qtbot.waitUntil(lambda: app_id in PlaybookDialog.open_dialogs, timeout=10000)
    playbook = PlaybookDialog.open_dialogs[app_id]
    qtbot.waitUntil(lambda: bool(playbook.rows), timeout=10000)
    # A step skipped there: What's next follows.
    playbook.rows[f"connect:{sam.id}"].buttons["skip"].click()
    qtbot.waitUntil(
        lambda: (
            header.after_no.text()
            == "After the rejection: 2 of 5 steps done, 1 skipped; next: plan a reminder to look "
            "at Acme again."
        ),
        timeout=10000,
    )
    # Nothing left: nothing said, and no header for a closed application.
    set_step_state(app_id, "revisit", StepState.SKIPPED, clock)
    ApplicationReference.update(outcome_told_on=clock.now().date()).where(
        ApplicationReference.id == link
    ).execute()
    detail.reload()
    qtbot.waitUntil(lambda: not header.after_no.isVisibleTo(detail), timeout=10000)
    assert not header.isVisibleTo(detail)
    assert detail.playbook_button.isVisibleTo(detail)


def test_the_revisit_reminder_in_whats_next_opens_the_playbook(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    app_id, _dana, _sam, _link = _interviewed(clock)
    change_stage(app_id, Stage.REJECTED, clock, clock.now().date(), ClosureReason.REJECTED)
    plan_revisit(app_id, 1, clock)
    plan_changed(clock.now())
    clock.advance(timedelta(days=40))
    claim_due(clock.now())  # as the scheduler does: the debrief's reminder has lapsed
    window = make_window()
    detail = window.open_application(app_id)
    header = detail.whats_next
    qtbot.waitUntil(lambda: header._step is not None, timeout=10000)
    assert header.text.text() == "Look at Acme again"
    assert _playbook_opener(detail) is header.button
    header.button.click()
    qtbot.waitUntil(lambda: app_id in PlaybookDialog.open_dialogs, timeout=10000)
