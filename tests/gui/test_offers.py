"""Offers, driven as a person would: recorded from the application, reminded of in Today
before the deadline, compared side by side, one accepted, and on the first day the other
applications closed with a polite word each (docs/advice.md, Keeping momentum: a written
offer is not the end, act as if between interviews until the first day [003]; more
offers give leverage [001, 003, 004])."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from urllib.parse import parse_qs, unquote, urlsplit

import peewee
import pytest
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.domain.offers.record import OfferStatus, OfferTerms
from followthrough.domain.offers.reminders import FIRST_DAY, OFFER_ANSWER, first_day_subject
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.services.scheduler import ReminderScheduler
from followthrough.store.interviews import save_interview
from followthrough.store.models import Application, StageEvent
from followthrough.store.offers.records import load_offer, save_offer
from followthrough.store.queries import create_application
from followthrough.store.reminders import DueReminder
from followthrough.ui.applications.detail_dialog import ApplicationDetailDialog
from followthrough.ui.common.ask import Ask
from followthrough.ui.offers.comparison import OfferComparisonDialog
from followthrough.ui.offers.first_day import FirstDayDialog
from followthrough.ui.offers.form import OfferDialog
from followthrough.ui.shell.main_window import MainWindow

# The fake clock's day (tests/conftest.py: Fri 20 Nov 2026, 16:00 in Berlin).
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


def test_an_offer_recorded_is_reminded_of_in_today(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    save_failures: list[tuple[str, str]],
) -> None:
    acme = _interviewed(clock, "Acme")
    window = make_window()
    shown: list[OfferDialog] = []

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, OfferDialog)
        shown.append(dialog)
        dialog.salary.setText("85,000 EUR <b>gross</b>")
        dialog.benefits.setPlainText("30 days off\nTrain pass")
        dialog.has_deadline.setChecked(True)
        dialog.deadline.setDate(date(2026, 11, 27))
        return True

    monkeypatch.setattr(ApplicationDetailDialog, "exec_dialog", staticmethod(fill))
    detail = window.open_application(acme)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=10000)
    detail.offer_button.click()
    qtbot.waitUntil(lambda: load_offer(acme).status is OfferStatus.OPEN, timeout=10000)
    saved = load_offer(acme).terms
    assert saved.salary == "85,000 EUR <b>gross</b>"  # as typed
    assert saved.answer_by == date(2026, 11, 27) and saved.answer_by_time is None
    assert save_failures == []

    # Three days before, at 09:00 in Berlin: the reminder is in Today.
    clock.set(datetime(2026, 11, 24, 8, 30, tzinfo=UTC))
    scheduler = ReminderScheduler(window.context.runner, clock)
    window.attach_scheduler(scheduler)
    with qtbot.waitSignal(scheduler.planned, timeout=10000):
        scheduler.start()
    panel = window.today_page.todo
    qtbot.waitUntil(lambda: any(r.kind == OFFER_ANSWER for r in panel.fired()), timeout=10000)
    offer_rows = [r for r in panel.fired() if r.kind == OFFER_ANSWER]
    assert [r.title for r in offer_rows] == ["Answer Acme's offer by Fri 27 Nov"]
    # No follow-up chases Acme while its offer is open.
    assert not [r for r in panel.fired() if r.kind in ("follow_up", "decision_passed")]

    # The reminder opens the form, with the terms as plain text.
    forms: list[OfferDialog] = []
    monkeypatch.setattr(window, "exec_dialog", lambda d: forms.append(d) or False)
    window._open_reminder(offer_rows[0])
    qtbot.waitUntil(lambda: bool(forms), timeout=10000)
    assert forms[0].salary.text() == "85,000 EUR <b>gross</b>"
    assert forms[0].status.textFormat() == Qt.TextFormat.PlainText
    scheduler.stop()


def test_two_offers_side_by_side(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    qtmodeltester: object,
) -> None:
    acme, beta = _interviewed(clock, "Acme"), _interviewed(clock, "Beta")
    save_offer(
        acme,
        OfferTerms("85,000 EUR", "10 %", "30 days", "Berlin", date(2026, 11, 30)),
        clock,
        TODAY,
    )
    save_offer(
        beta,
        OfferTerms("80,000 EUR", "<i>shares</i>", "28 days\nGym", "Remote", date(2026, 11, 23)),
        clock,
        TODAY,
    )
    window = make_window()
    window.compare_offers_action.trigger()
    qtbot.waitUntil(lambda: window.offers._comparison is not None, timeout=10000)
    dialog = window.offers._comparison
    assert isinstance(dialog, OfferComparisonDialog)
    qtbot.addWidget(dialog)
    model = dialog.model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    # One column per offer, the nearest deadline first.
    assert model.columnCount() == 2
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)]
    assert heads == ["Beta", "Acme"]
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert rows[:3] == ["Company", "Role", "Salary"]

    def cell(row: str, column: int) -> str:
        return str(model.index(rows.index(row), column, QModelIndex()).data())

    assert (cell("Salary", 0), cell("Salary", 1)) == ("80,000 EUR", "85,000 EUR")
    assert cell("Bonus or equity", 0) == "<i>shares</i>"  # typed text, shown as text
    assert cell("Benefits", 0) == "28 days\nGym"
    assert cell("Location", 1) == "Berlin"
    assert cell("Answer by", 0) == "Mon 23 Nov"
    assert (cell("Days left", 0), cell("Days left", 1)) == ("3 days left", "10 days left")
    assert cell("Status", 1) == "Open"


def test_accepting_one_and_closing_the_others_on_the_first_day(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    opened: list[QUrl],
    save_failures: list[tuple[str, str]],
) -> None:
    acme = _interviewed(clock, "Acme")
    beta = _interviewed(clock, "Beta", "sam@beta.test")
    gamma = create_application(clock, "Gamma", "Analyst").id
    save_offer(acme, OfferTerms("85,000 EUR", answer_by=date(2026, 11, 27)), clock, TODAY)
    save_offer(beta, OfferTerms("80,000 EUR", answer_by=date(2026, 11, 30)), clock, TODAY)
    window = make_window()
    monkeypatch.setattr(
        OfferDialog, "ask_start_day", staticmethod(lambda _parent, _today: date(2026, 12, 1))
    )

    def accept(dialog: QDialog) -> bool:
        assert isinstance(dialog, OfferDialog)
        dialog.accept_button.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    person: list[Callable[[QDialog], bool]] = [accept]
    # The flow keeps the window's way of running dialogs: one stand-in for both.
    monkeypatch.setattr(window, "exec_dialog", lambda d: person[0](d))
    window.offers.open(acme)
    qtbot.waitUntil(lambda: load_offer(acme).status is OfferStatus.ACCEPTED, timeout=10000)
    assert Application.get_by_id(acme).stage == Stage.ACCEPTED.value
    assert load_offer(acme).start_on == date(2026, 12, 1)
    # Nothing else closed before the first day (Beta's offer, recorded, is at "Offer").
    assert Application.get_by_id(beta).stage == Stage.OFFER.value
    assert Application.get_by_id(gamma).stage == Stage.APPLIED.value
    # The accepted offer's form offers the closing at any time, no longer the answers.
    accepted = OfferDialog(load_offer(acme), date(2026, 11, 20))
    qtbot.addWidget(accepted)
    assert accepted.first_day_button.isVisibleTo(accepted)
    assert not accepted.accept_button.isVisibleTo(accepted)
    assert accepted.status.text() == "Accepted. You start on Tue 1 Dec."

    # The first day: its reminder opens the others to close.
    clock.set(datetime(2026, 12, 1, 8, 5, tzinfo=UTC))
    questions: list[str] = []
    monkeypatch.setattr(
        Ask, "confirm", staticmethod(lambda _p, title, _t, _a: questions.append(title) or True)
    )
    seen: dict[str, object] = {}

    def close_them(dialog: QDialog) -> bool:
        assert isinstance(dialog, FirstDayDialog)
        qtbot.addWidget(dialog)
        assert [dialog.model.row_at(r).company for r in range(dialog.model.rowCount())] == [
            "Beta",
            "Gamma",
        ]
        # Beta first: a message to the interviewer, by mail.
        assert dialog.address.text() == "sam@beta.test"
        body = dialog.body.toPlainText()
        seen["body"] = body
        assert body.startswith("Dear Sam,") and "accepted a position elsewhere" in body
        dialog.email_button.click()
        assert QGuiApplication.clipboard().text() == body
        dialog.close_one_button.click()
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10000)
        # Gamma: nobody to write to; the message goes by the clipboard, then all closed.
        assert dialog.address.text() == ""
        dialog.copy_button.click()
        assert QGuiApplication.clipboard().text().startswith("My application for Analyst at Gamma")
        dialog.close_all_button.click()
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=10000)
        seen["intro"] = dialog.intro.text()
        return False

    person[0] = close_them
    reminder = DueReminder(
        9, FIRST_DAY, "First day", "", clock.now(), acme, True, first_day_subject(acme)
    )
    window._open_reminder(reminder)
    qtbot.waitUntil(lambda: "intro" in seen, timeout=10000)
    assert questions == ["Close them all?"]
    assert len(opened) == 1
    url = urlsplit(opened[0].toString())
    assert url.scheme == "mailto" and unquote(url.path) == "sam@beta.test"
    assert parse_qs(url.query)["body"][0].replace("\r\n", "\n") == seen["body"]
    for app_id in (beta, gamma):
        closed = Application.get_by_id(app_id)
        assert closed.stage == Stage.WITHDRAWN.value
        assert closed.closure_reason == ClosureReason.ACCEPTED_ELSEWHERE.value
        # Through the stage rules: on the timeline.
        last = (
            StageEvent.select()
            .where(StageEvent.application == app_id)
            .order_by(StageEvent.id.desc())
            .get()
        )
        assert last.to_stage == Stage.WITHDRAWN.value
    assert Application.get_by_id(acme).stage == Stage.ACCEPTED.value
    assert "No other application is open" in str(seen["intro"])
    assert save_failures == []
