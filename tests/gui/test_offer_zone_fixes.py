"""Offers, the defects a walkthrough found, driven as a person would: a deadline recorded
in Tokyo and read in UTC is the same instant, said on both clocks (the two-clocks rule,
docs/advice.md "Time: two clocks"); a deadline that has passed stays on Today and in the
application's "What's next" (reply now or ask for more time) instead of going quiet; the
accepted start day shows on the application's header, its board card and its timeline
(docs/advice.md, Keeping momentum: an offer is not the end until the first day [003])."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import peewee
import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, Qt, QTime
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QDialog, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.domain.offers.record import OfferStatus, OfferTerms
from followthrough.domain.offers.reminders import OFFER_ANSWER
from followthrough.domain.reminder_kinds import Rendering, use_rendering
from followthrough.domain.stages import Stage
from followthrough.services.scheduler import ReminderScheduler
from followthrough.store import settings as options
from followthrough.store.interviews import save_interview
from followthrough.store.offers.records import accept_offer, load_offer, offer_lines, save_offer
from followthrough.store.queries import create_application
from followthrough.store.reminders import mark_done, stored_reminders
from followthrough.ui.applications.board import CardDelegate
from followthrough.ui.applications.detail_dialog import ApplicationDetailDialog
from followthrough.ui.common.formatting import set_user_zone
from followthrough.ui.offers.comparison import OfferComparisonDialog
from followthrough.ui.offers.form import OfferDialog
from followthrough.ui.shell.main_window import MainWindow
from tests.helpers.pages import open_page

# The fake clock: Fri 20 Nov 2026, 16:00 in Berlin (tests/conftest.py).
TODAY = date(2026, 11, 20)


def _interviewed(clock: FakeClock, company: str) -> int:
    app_id = create_application(clock, company, "Engineer").id
    save_interview(
        InterviewDraft(
            application_id=app_id,
            day=date(2026, 11, 16),
            start=time(10),
            end=time(11),
            time_zone="Europe/Berlin",
            round=1,
            people=(PersonDraft(f"Sam {company}", "Manager"),),
        ),
        clock,
    )
    return app_id


def test_a_deadline_recorded_in_tokyo_reads_on_both_clocks_in_utc(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    save_failures: list[tuple[str, str]],
) -> None:
    """The walkthrough: in Tokyo, answer by Tue 8 Dec 10:00; restarted in UTC, the form,
    the comparison and the reminder still said 10:00. It is 01:00 in UTC."""
    acme = _interviewed(clock, "Acme")
    options.set_session_zone("Asia/Tokyo")
    set_user_zone("Asia/Tokyo")
    window = make_window()

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, OfferDialog)
        qtbot.addWidget(dialog)
        # A new offer's deadline is on the user's clock unless they pick another.
        assert dialog.deadline_zone.currentText() == "Asia/Tokyo"
        dialog.has_deadline.setChecked(True)
        dialog.deadline.setDate(date(2026, 12, 8))
        dialog.has_time.setChecked(True)
        dialog.deadline_time.setTime(QTime(10, 0))
        assert dialog.on_your_clock.text() == ""  # one clock: nothing more to say
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(window, "exec_dialog", fill)
    window.offers.open(acme)
    qtbot.waitUntil(lambda: load_offer(acme).status is OfferStatus.OPEN, timeout=10000)
    assert load_offer(acme).terms.answer_by_zone == "Asia/Tokyo"
    assert save_failures == []

    # Started again in UTC.
    options.set_session_zone("UTC")
    set_user_zone("UTC")
    previous = use_rendering(Rendering(ZoneInfo("UTC"), QCoreApplication.translate, clock.now))
    try:
        form = OfferDialog(load_offer(acme), TODAY, None, clock.now())
        qtbot.addWidget(form)
        assert form.deadline_zone.currentText() == "Asia/Tokyo"
        assert form.deadline_time.time().toString("HH:mm") == "10:00"
        assert form.on_your_clock.textFormat() == Qt.TextFormat.PlainText
        assert form.on_your_clock.text() == "That is Tue 8 Dec 01:00 on your clock."
        # Unchanged, it saves as it was: the same instant, the same zone.
        assert not form.changed()

        comparison = OfferComparisonDialog(offer_lines(), TODAY, None, clock.now())
        qtbot.addWidget(comparison)
        model = comparison.model
        rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
        answer_by = model.index(rows.index("Answer by"), 0, QModelIndex()).data()
        assert answer_by == "Tue 8 Dec 01:00 (10:00 in Tokyo)"

        # The reminders, planned on the new clock, say it the same way.
        scheduler = ReminderScheduler(window.context.runner, clock)
        window.attach_scheduler(scheduler)
        with qtbot.waitSignal(scheduler.planned, timeout=10000):
            scheduler.start()
        scheduler.stop()
        titles = {r.title for r in stored_reminders("kind = ?", [OFFER_ANSWER])}
        assert titles == {"Answer Acme's offer by Tue 8 Dec 01:00 (10:00 in Tokyo)"}
    finally:
        use_rendering(previous)
        set_user_zone("Europe/Berlin")
        options.set_session_zone(None)


def test_a_passed_deadline_stays_on_today_and_in_whats_next(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    """Answer by Fri 27 Nov 12:00; on Mon 30 Nov it has passed. Today lists the answer as
    overdue and says what to do; so does the application's "What's next", and still
    when that reminder was marked done (the offer itself is not answered)."""
    acme = _interviewed(clock, "Acme")
    terms = OfferTerms("85,000 EUR", answer_by=date(2026, 11, 27), answer_by_time=time(12))
    save_offer(acme, terms, clock, TODAY)
    clock.set(datetime(2026, 11, 30, 9, tzinfo=UTC))  # Mon 10:00 in Berlin
    window = make_window()
    scheduler = ReminderScheduler(window.context.runner, clock)
    window.attach_scheduler(scheduler)
    with qtbot.waitSignal(scheduler.planned, timeout=10000):
        scheduler.start()
    panel = window.today_page.todo
    title = "Answer Acme's offer by Fri 27 Nov 12:00"
    qtbot.waitUntil(
        lambda: any(e.item.kind == OFFER_ANSWER for e in panel.current.overdue), timeout=10000
    )
    (late,) = [e for e in panel.current.overdue if e.item.kind == OFFER_ANSWER]
    words = late.item.words()
    assert words[0] == title
    assert words[1].startswith(
        "The deadline, Fri 27 Nov 12:00, has passed: reply now or ask for more time."
    )

    detail = window.open_application(acme)
    qtbot.waitUntil(lambda: detail.whats_next._step is not None, timeout=10000)
    header = detail.whats_next
    assert header.text.text() == title
    assert header.when.text().endswith("— overdue")
    assert "reply now or ask for more time" in header.why.text()

    # Marked done without answering the offer: "What's next" still names the deadline.
    (reminder,) = [r for r in panel.fired() if r.kind == OFFER_ANSWER]
    mark_done(reminder.reminder_id, clock.now())
    detail.reload()
    fallback = (
        "Answer the offer: its deadline, Fri 27 Nov 12:00, passed — reply now or ask for more time"
    )
    qtbot.waitUntil(lambda: header.text.text() == fallback, timeout=10000)
    assert header.when.text() == "Fri 27 Nov 12:00 — overdue"
    detail.close()
    scheduler.stop()


def test_the_accepted_start_day_shows_on_the_header_the_card_and_the_timeline(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    acme = _interviewed(clock, "Acme")
    save_offer(acme, OfferTerms("85,000 EUR", answer_by=date(2026, 11, 27)), clock, TODAY)
    accept_offer(acme, load_offer(acme).terms, date(2026, 12, 7), clock, TODAY)
    window = make_window()

    detail = window.open_application(acme)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=10000)
    assert isinstance(detail, ApplicationDetailDialog)
    assert detail.stage_label.text() == "Accepted, Fri 20 Nov · starts Mon 7 Dec"
    timeline = [detail.timeline.item(n).text() for n in range(detail.timeline.count())]
    accepted = [line for line in timeline if "→ Accepted" in line]
    assert len(accepted) == 1 and accepted[0].endswith("Stage: Offer → Accepted · starts Mon 7 Dec")
    detail.close()

    open_page(qtbot, window, "Applications")
    page = window.applications_page
    page.stage_filter.setCurrentIndex([s for _l, s in page.stage_filters].index(None))  # all
    board = page.board
    column = board.columns[Stage.ACCEPTED]
    index = column.model.index(0, 0)
    spoken = str(index.data(Qt.ItemDataRole.AccessibleTextRole))
    assert spoken.startswith("Acme\nEngineer\nStarts Mon 7 Dec")
    # The card itself says it, on its own line.
    drawn: list[str] = []

    class Recording(QPainter):
        def drawText(self, *args: object) -> None:  # type: ignore[override]
            drawn.append(str(args[-1]))
            super().drawText(*args)  # type: ignore[call-overload]

    image = QImage(240, 120, QImage.Format.Format_ARGB32)
    painter = Recording(image)
    option = QStyleOptionViewItem()
    option.initFrom(column.view)
    option.rect = QRect(0, 0, 240, 120)
    delegate = column.view.itemDelegate()
    assert isinstance(delegate, CardDelegate)
    delegate.paint(painter, option, index)
    painter.end()
    assert drawn[:3] == ["Acme", "Engineer", "Starts Mon 7 Dec"]
