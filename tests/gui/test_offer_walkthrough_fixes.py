"""Offers, the defects a walkthrough found, driven as a person would: a deadline already
behind is said beside the field and saved only once confirmed (an offer can be recorded
late); recording an offer moves the application to "Offer" on the board; declining offers
a warm reply to send or copy, never forced (docs/advice.md, Keeping momentum: more offers
give leverage [001, 003, 004]; thank them and burn no bridges [000, 004])."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from urllib.parse import parse_qs, unquote, urlsplit

import peewee
import pytest
from PySide6.QtCore import QModelIndex, Qt, QTime, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.domain.offers.record import OfferStatus, OfferTerms
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.store.interviews import save_interview
from followthrough.store.models import Application
from followthrough.store.offers.records import load_offer, save_offer
from followthrough.store.queries import create_application
from followthrough.ui.applications.detail_dialog import ApplicationDetailDialog
from followthrough.ui.common.ask import Ask
from followthrough.ui.offers.comparison import OfferComparisonDialog
from followthrough.ui.offers.decline import DeclineMessageDialog
from followthrough.ui.offers.form import OfferDialog
from followthrough.ui.offers.message import MessageEditor
from followthrough.ui.shell.main_window import MainWindow
from tests.gui.test_mnemonics import clashes
from tests.helpers.pages import open_page

# The fake clock: Fri 20 Nov 2026, 16:00 in Berlin (tests/conftest.py).
TODAY = date(2026, 11, 20)


def _interviewed(clock: FakeClock, company: str, email: str = "") -> int:
    app_id = create_application(clock, company, "Engineer").id
    save_interview(
        InterviewDraft(
            application_id=app_id,
            day=date(2026, 11, 16),
            start=time(10),
            end=time(11),
            time_zone="Europe/Berlin",
            round=1,
            people=(PersonDraft(f"Sam {company}", "Manager", email=email),),
        ),
        clock,
    )
    return app_id


def _answers(monkeypatch: pytest.MonkeyPatch, replies: list[bool]) -> list[str]:
    """Ask.confirm answered from ``replies`` in turn; the titles asked, in order."""
    asked: list[str] = []

    def confirm(_parent: object, title: str, _text: str, _action: str) -> bool:
        asked.append(title)
        return replies.pop(0)

    monkeypatch.setattr(Ask, "confirm", staticmethod(confirm))
    return asked


def test_a_deadline_already_behind_is_said_and_saved_once_confirmed(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    save_failures: list[tuple[str, str]],
) -> None:
    acme = _interviewed(clock, "Acme")
    window = make_window()
    asked = _answers(monkeypatch, [False, True])
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, OfferDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        note = dialog.deadline_note
        assert not note.isVisibleTo(dialog)
        dialog.salary.setText("85,000 EUR")
        dialog.has_deadline.setChecked(True)
        dialog.deadline.setDate(date(2026, 11, 18))  # Wednesday: two days ago
        assert note.isVisibleTo(dialog)
        assert note.textFormat() == Qt.TextFormat.PlainText
        seen["note"] = note.text()
        # Today counts until its time: the whole day, or 17:00, is still ahead at 16:00.
        dialog.deadline.setDate(TODAY)
        assert not note.isVisibleTo(dialog)
        dialog.has_time.setChecked(True)
        dialog.deadline_time.setTime(QTime(17, 0))
        assert not note.isVisibleTo(dialog)
        dialog.deadline_time.setTime(QTime(12, 0))
        assert note.isVisibleTo(dialog)
        dialog.has_time.setChecked(False)
        dialog.deadline.setDate(date(2026, 11, 18))
        seen["clashes"] = clashes(dialog)
        # Save: asked first; "Cancel" keeps the form open with everything typed.
        dialog.accept()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.salary.text() == "85,000 EUR"
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    # The flow keeps the window's way of running dialogs: one stand-in for each step.
    person: list[Callable[[QDialog], bool]] = [fill]
    monkeypatch.setattr(window, "exec_dialog", lambda d: person[0](d))
    window.offers.open(acme)
    qtbot.waitUntil(lambda: load_offer(acme).status is OfferStatus.OPEN, timeout=10000)
    # Said, and that it is not dropped: Today keeps it as overdue until answered.
    assert "has passed" in str(seen["note"]) and "overdue until you answer" in str(seen["note"])
    assert "more time" in str(seen["note"])
    assert seen["clashes"] == {}
    assert asked == ["The deadline has passed", "The deadline has passed"]
    assert load_offer(acme).terms.answer_by == date(2026, 11, 18)
    assert save_failures == []

    # Saved so: editing another term is not asked about again.
    def edit(dialog: QDialog) -> bool:
        assert isinstance(dialog, OfferDialog)
        qtbot.addWidget(dialog)
        assert dialog.deadline_note.isVisibleTo(dialog)  # still said
        dialog.bonus.setText("10 %")
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    person[0] = edit
    window.offers.open(acme)
    qtbot.waitUntil(lambda: load_offer(acme).terms.bonus == "10 %", timeout=10000)
    assert len(asked) == 2

    # Side by side: "passed", in the colour of something gone wrong; today's noon too.
    beta = create_application(clock, "Beta").id
    save_offer(beta, OfferTerms(answer_by=TODAY, answer_by_time=time(12)), clock, TODAY)
    window.compare_offers_action.trigger()
    qtbot.waitUntil(lambda: window.offers._comparison is not None, timeout=10000)
    dialog = window.offers._comparison
    assert isinstance(dialog, OfferComparisonDialog)
    qtbot.addWidget(dialog)
    model = dialog.model
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)]

    def cell(row: str, company: str) -> str:
        index = model.index(rows.index(row), columns.index(company), QModelIndex())
        return str(index.data())

    assert cell("Answer by", "Acme") == "Wed 18 Nov"
    assert cell("Days left", "Acme") == "passed 2 days ago"
    assert cell("Days left", "Beta") == "passed today"
    days_left = model.index(rows.index("Days left"), columns.index("Beta"), QModelIndex())
    assert days_left.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_recording_an_offer_moves_the_card_to_offer(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    save_failures: list[tuple[str, str]],
) -> None:
    acme = _interviewed(clock, "Acme")
    window = make_window()
    open_page(qtbot, window, "Applications")
    board = window.applications_page.board
    assert board.columns[Stage.INTERVIEWING].model.rowCount() == 1
    said: list[str] = []

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, OfferDialog)
        said.append(dialog.status.text())
        dialog.salary.setText("85,000 EUR")
        dialog.has_deadline.setChecked(True)
        dialog.deadline.setDate(date(2026, 11, 27))
        return True

    monkeypatch.setattr(ApplicationDetailDialog, "exec_dialog", staticmethod(fill))
    detail = window.open_application(acme)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=10000)
    assert detail.stage_label.text().startswith("Interviewing")
    detail.offer_button.click()
    qtbot.waitUntil(lambda: load_offer(acme).status is OfferStatus.OPEN, timeout=10000)
    assert said == [
        "Write down the terms as the offer states them. Saving moves the application to “Offer”."
    ]
    assert Application.get_by_id(acme).stage == Stage.OFFER.value
    # The application window and the board say so.
    qtbot.waitUntil(lambda: detail.stage_label.text().startswith("Offer"), timeout=10000)
    qtbot.waitUntil(lambda: board.columns[Stage.OFFER].model.rowCount() == 1, timeout=10000)
    assert board.columns[Stage.INTERVIEWING].model.rowCount() == 0
    assert save_failures == []


def test_declining_offers_a_warm_reply_to_send_or_skip(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    opened: list[QUrl],
    save_failures: list[tuple[str, str]],
) -> None:
    acme = _interviewed(clock, "Acme", "sam@acme.test")
    save_offer(acme, OfferTerms("85,000 EUR", answer_by=date(2026, 11, 27)), clock, TODAY)
    window = make_window()
    asked = _answers(monkeypatch, [True])
    replies: list[DeclineMessageDialog] = []
    seen: dict[str, object] = {}

    def person(dialog: QDialog) -> bool:
        qtbot.addWidget(dialog)
        if isinstance(dialog, OfferDialog):
            dialog.decline_button.click()
            return dialog.result() == QDialog.DialogCode.Accepted
        assert isinstance(dialog, DeclineMessageDialog)
        replies.append(dialog)
        dialog.show()
        seen["clashes"] = clashes(dialog)
        message = dialog.message
        seen["to"], seen["subject"] = message.address.text(), message.subject.text()
        seen["body"] = message.body.toPlainText()
        message.email_button.click()
        seen["mailed"] = message.note.text()
        message.copy_button.click()
        seen["copied"] = QGuiApplication.clipboard().text()
        return False  # closed: nothing more to do

    steps: list[Callable[[QDialog], bool]] = [person]
    monkeypatch.setattr(window, "exec_dialog", lambda d: steps[0](d))
    window.offers.open(acme)
    qtbot.waitUntil(lambda: bool(replies), timeout=10000)
    assert asked == ["Decline this offer?"]
    closed = Application.get_by_id(acme)
    assert (closed.stage, closed.closure_reason) == (
        Stage.WITHDRAWN.value,
        ClosureReason.WITHDREW.value,
    )
    assert load_offer(acme).status is OfferStatus.DECLINED
    assert seen["clashes"] == {}
    assert seen["to"] == "sam@acme.test"
    assert seen["subject"] == "Your offer for the Engineer role"
    body = str(seen["body"])
    assert body.startswith("Dear Sam,") and "decline" in body
    # No name in Preferences yet: the placeholder the withdrawal message uses.
    assert body.endswith("[your name]")
    assert len(opened) == 1
    url = urlsplit(opened[0].toString())
    assert url.scheme == "mailto" and unquote(url.path) == "sam@acme.test"
    assert parse_qs(url.query)["body"][0].replace("\r\n", "\n") == body
    assert "mail program has the message" in str(seen["mailed"])
    assert seen["copied"] == f"Your offer for the Engineer role\n\n{body}"
    assert save_failures == []

    # Skipped, it can be written later from the declined offer's form.
    later: list[QDialog] = []

    def look(dialog: QDialog) -> bool:
        qtbot.addWidget(dialog)
        later.append(dialog)
        if isinstance(dialog, OfferDialog):
            assert not dialog.decline_button.isVisibleTo(dialog)
            assert dialog.decline_message_button.isVisibleTo(dialog)
            dialog.decline_message_button.click()
        return False

    steps[0] = look
    window.offers.open(acme)
    qtbot.waitUntil(lambda: any(isinstance(d, DeclineMessageDialog) for d in later), timeout=10000)


def test_the_reply_says_so_when_no_mail_program_answers(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(MessageEditor, "open_url", staticmethod(lambda _url: False))
    dialog = DeclineMessageDialog("Acme", "", ("", ""), "Alex Kim")
    qtbot.addWidget(dialog)
    message = dialog.message
    assert message.body.toPlainText().startswith("Hello,")
    assert message.body.toPlainText().endswith("Alex Kim")
    # No address: said, and the field is where to type one.
    message.email_button.click()
    assert not message.error.isHidden()
    message.address.setText("sam@acme.test")
    message.email_button.click()
    assert "No mail program answered" in message.error.text()
    assert QGuiApplication.clipboard().text() == message.body.toPlainText()
