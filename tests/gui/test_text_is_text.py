"""User text is only ever text: a crawler puts markup into every free-text field through
the store, opens every page, tab, dialog and the tray menu, and fails on any place where
Qt could read that text as rich text (a label in rich or automatic format, a tooltip, a
message box), so that a new screen cannot bring the problem back. On the way it also
checks that every date field keeps to the years the app accepts (1970 to 2200).

Qt shows a string that looks like markup as rich text in labels (AutoText), tooltips and
message boxes: a company named ``<img src="/some/file">`` would draw a local file (or
hang on a FIFO), ``<a href>`` would make a link.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import time, timedelta

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateTimeEdit,
    QDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from followthrough.domain.cadence import Channel, Outcome
from followthrough.domain.clock import FakeClock
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.domain.references import MessagePurpose, ReferenceKind
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.domain.validation import EARLIEST_DAY, LATEST_DAY
from followthrough.store import settings as options
from followthrough.store.contacts import ContactFields, save_contact
from followthrough.store.interviews import save_interview
from followthrough.store.models import InterviewParticipant
from followthrough.store.notes import NoteDraft, save_note
from followthrough.store.planning import plan_all
from followthrough.store.queries import change_stage, create_application
from followthrough.store.references import (
    add_new_person,
    references_for_application,
    save_heads_up_draft,
)
from followthrough.store.reminders import claim_due, open_fired
from followthrough.store.touchpoints import TouchpointInput, log_touchpoint, save_intro_line
from followthrough.ui.common.ask import Ask
from followthrough.ui.common.formatting import system_zone
from followthrough.ui.shell.main_window import PAGES, MainWindow
from followthrough.ui.shell.tray import TrayIcon
from followthrough.ui.today.today_list import TodayListView
from tests.helpers.pages import open_page

MARK = '<img src="/no/such/image.png"><b>ACME</b> &amp; <a href="javascript:x">x</a>'
RTL = "שלום עולם مرحبا"
RAW_SIGNS = ("<img", "<b>ACME", "<a href")


def marked(label: str) -> str:
    return f"{label} {MARK} {RTL}"


def raw(text: str) -> bool:
    return any(sign in text for sign in RAW_SIGNS)


class Crawler:
    """Collects every place where marked user text could be read as markup."""

    def __init__(self) -> None:
        self.offenders: list[str] = []
        self.labels_seen = 0
        self.menu_items_seen = 0
        self.places: set[str] = set()

    def _where(self, widget: QWidget) -> str:
        window = widget.window()
        return f"{window.windowTitle() or type(window).__name__} › {type(widget).__name__}" + (
            f"#{widget.objectName()}" if widget.objectName() else ""
        )

    def crawl(self, place: str) -> None:
        QApplication.processEvents()
        self.places.add(place)
        for widget in QApplication.allWidgets():
            if not widget.isVisible() and not isinstance(widget, QMenu):
                continue
            where = f"{place}: {self._where(widget)}"
            if isinstance(widget, QLabel) and raw(widget.text()):
                self.labels_seen += 1
                if widget.textFormat() != Qt.TextFormat.PlainText:
                    self.offenders.append(f"{where}: label in {widget.textFormat().name}")
            if isinstance(widget, QDateTimeEdit) and (
                widget.minimumDate().year() < EARLIEST_DAY.year
                or widget.maximumDate().year() > LATEST_DAY.year
            ):
                self.offenders.append(f"{where}: a date field that takes any year")
            if raw(widget.toolTip()):
                self.offenders.append(f"{where}: tooltip {widget.toolTip()[:60]!r}")
            if raw(widget.whatsThis()):
                self.offenders.append(f"{where}: what's this")
            if (
                isinstance(widget, QAbstractItemView)
                and not isinstance(widget, QHeaderView)
                and widget.model() is not None
            ):
                self._crawl_model(widget, where)
            for action in widget.actions():
                # An action's tooltip defaults to its (plain) text; menus show tooltips only
                # when told to, and then as rich text.
                shown = not isinstance(widget, QMenu) or widget.toolTipsVisible()
                if raw(action.toolTip()) and shown:
                    self.offenders.append(f"{where}: action tooltip {action.toolTip()[:60]!r}")

    def _crawl_model(self, view: QAbstractItemView, where: str) -> None:
        model = view.model()
        root = view.rootIndex()
        try:
            columns = model.columnCount(root)
        except TypeError:  # list models keep it private: one column
            columns = 1
        for row in range(min(model.rowCount(root), 200)):
            for column in range(columns):
                index = model.index(row, column, root)
                for role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.WhatsThisRole):
                    value = model.data(index, role)
                    if isinstance(value, str) and raw(value):
                        self.offenders.append(f"{where}: cell tooltips (column {column})")

    def crawl_menu(self, place: str, menu: QMenu) -> None:
        self.places.add(place)
        for action in menu.actions():
            if raw(action.toolTip()) and menu.toolTipsVisible():
                self.offenders.append(f"{place}: menu item tooltip {action.toolTip()[:60]!r}")
            if "ACME" in action.text():
                self.menu_items_seen += 1
                # A lone "&" is read as a keyboard accelerator and vanishes from the menu.
                if "&&amp;" not in action.text():
                    self.offenders.append(f"{place}: menu item '&' lost {action.text()[:60]!r}")
            if action.menu() is not None:
                self.crawl_menu(place, action.menu())


def _seed(clock: FakeClock) -> dict[str, int]:
    now = clock.now()
    today = now.date()
    app = create_application(
        clock,
        marked("Company"),
        marked("Role"),
        location=marked("Place"),
        source=marked("Source"),
        notes=marked("Notes"),
    )
    save_intro_line(app.id, marked("Intro"))
    interview_id = save_interview(
        InterviewDraft(
            application_id=app.id,
            day=today - timedelta(days=1),
            start=time(10),
            end=time(11),
            time_zone="Europe/Berlin",
            round=2,
            location=marked("Room"),
            next_step=marked("Next step"),
            check_back_when=marked("Check back"),
            check_back_method="phone",
            notes=marked("Debrief"),
            people=(PersonDraft(marked("Dana"), title=marked("Title"), email="dana@acme.example"),),
        ),
        clock,
    )
    contact_id = InterviewParticipant.get(InterviewParticipant.interview == interview_id).contact_id
    log_touchpoint(
        TouchpointInput(
            application_id=app.id,
            channel=Channel.VOICEMAIL,
            answered=False,
            outcome=Outcome.NO_NEWS,
            new_decision_on=None,
            notes=marked("Call notes"),
            contact_id=contact_id,
            at=now - timedelta(hours=1),
        ),
        clock,
        today,
    )
    save_note(
        interview_id,
        contact_id,
        NoteDraft(
            tone="warm",
            subject=marked("Subject"),
            body=marked("Body"),
            edited_by_hand=True,
            specific_point=marked("Point"),
            wish_said=marked("Wish"),
            extra=marked("Extra"),
        ),
        clock,
    )
    link = add_new_person(
        app.id,
        ReferenceKind.REFERENCE,
        marked("Reference"),
        clock,
        email="ref@example.com",
        relationship=marked("Relationship"),
    )
    save_heads_up_draft(link, marked("Emphasis"), "", clock)
    add_new_person(app.id, ReferenceKind.NETWORK, marked("Insider"), clock)
    save_contact(
        ContactFields(
            marked("Recruiter"),
            title=marked("Title"),
            company=marked("Agency"),
            notes=marked("Contact notes"),
            roles=frozenset({"recruiter"}),
        ),
        clock,
    )
    closed = create_application(clock, marked("Closed Co"), marked("Role"))
    change_stage(closed.id, Stage.REJECTED, clock, today, ClosureReason.REJECTED)
    options.put(options.SENDER_NAME, marked("Me"))
    options.put(options.SENDER_CONTACT, marked("me@example.com"))
    plan_all(now)
    claim_due(now + timedelta(days=2))
    return {
        "application": app.id,
        "interview": interview_id,
        "contact": contact_id,
        "link": link,
    }


@pytest.fixture
def crawler() -> Iterator[Crawler]:
    yield Crawler()


def _crawl_modals(crawler: Crawler, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every modal dialog and message box is crawled when it would wait, then cancelled."""

    def crawl_then_cancel(dialog: QDialog) -> int:
        dialog.show()
        crawler.crawl(f"modal {type(dialog).__name__}")
        dialog.close()
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(QDialog, "exec", crawl_then_cancel)
    monkeypatch.setattr(QMessageBox, "exec", crawl_then_cancel)


def test_no_user_text_is_ever_read_as_markup(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    crawler: Crawler,
) -> None:
    ids = _seed(clock)
    clock.advance(timedelta(days=2))
    _crawl_modals(crawler, monkeypatch)
    window = make_window()
    window.show_due_reminders(open_fired())
    assert window.today_page.todo.fired()
    for index, name in enumerate(PAGES):
        open_page(qtbot, window, index)
        crawler.crawl(f"page {name}")
    open_page(qtbot, window, "Applications")
    window.applications_page.views.setCurrentIndex(1)
    crawler.crawl("board")
    open_page(qtbot, window, "Calendar")
    window.calendar_page.go_to(clock.now().date() - timedelta(days=3))
    qtbot.wait(100)
    crawler.crawl("calendar month")
    window.calendar_page.views.setCurrentIndex(1)
    qtbot.wait(100)
    crawler.crawl("calendar week")

    detail = window.open_application(ids["application"])
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=5000)
    for tab in range(detail.tabs.count()):
        detail.tabs.setCurrentIndex(tab)
        crawler.crawl(f"application tab {detail.tabs.tabText(tab)}")
    detail.interview_table.selectRow(0)
    detail.edit_interview()
    detail.change_stage()
    detail.delete()
    qtbot.waitUntil(lambda: "modal InterviewDialog" in crawler.places, timeout=5000)

    window.followups.call_sheet(ids["application"])
    window.followups.log(ids["application"])
    window.open_contact(ids["contact"])
    window.open_preferences()
    window.references.add(ids["application"], ReferenceKind.REFERENCE)
    window.references.add(ids["application"], ReferenceKind.NETWORK)
    for place in (
        "CallSheetDialog",
        "TouchpointDialog",
        "ContactDialog",
        "PreferencesDialog",
        "AddReferenceDialog",
    ):
        qtbot.waitUntil(lambda p=place: f"modal {p}" in crawler.places, timeout=5000)
    line = references_for_application(ids["application"])[0]
    window.references.log_contacted(line, marked("Company"))
    TodayListView.ask_snooze_time(window, open_fired()[0], system_zone(), clock.now)
    window.references.remove(line)

    window.notes.open(ids["interview"], ids["contact"])
    qtbot.waitUntil(lambda: bool(window.notes.open_composers), timeout=5000)
    composer = next(iter(window.notes.open_composers.values()))
    qtbot.waitExposed(composer)
    crawler.crawl("note composer")
    crawler.crawl_menu("debrief menu", composer.debrief_menu)
    for purpose in (MessagePurpose.HEADS_UP, MessagePurpose.THANKS):
        window.references.open(ids["link"], purpose)
    qtbot.waitUntil(lambda: len(window.references.open_dialogs) == 2, timeout=5000)
    crawler.crawl("reference messages")

    tray = TrayIcon(clock, system_zone())
    tray.set_due(open_fired())
    crawler.crawl_menu("tray menu", tray.menu())
    if raw(tray.tooltip()):
        crawler.offenders.append("tray icon tooltip")

    assert "modal QMessageBox" in crawler.places, "the questions were crawled"
    assert crawler.labels_seen > 5, "the crawler saw the marked text in labels"
    assert crawler.menu_items_seen >= 2, "the crawler saw the marked text in menus"
    assert len(crawler.places) >= 20, sorted(crawler.places)
    assert sorted(set(crawler.offenders)) == []


def test_questions_show_their_text_as_text(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[QMessageBox] = []

    def capture(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", capture)
    Ask.confirm(None, marked("Delete?"), marked("Delete it?"), "Delete")
    Ask.inform(None, marked("Title"), marked("Text"))
    assert shown and all(b.textFormat() == Qt.TextFormat.PlainText for b in shown)
