"""A reference, from the heads-up reminder to "heads-up sent", "contacted" and "thanked",
as a user does it in the real main window."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import peewee
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.references import ContactedBy, MessagePurpose, ReferenceKind
from followthrough.services.scheduler import ReminderScheduler
from followthrough.store.contacts import ReferenceProfileFields, save_reference_profile
from followthrough.store.models import ApplicationReference, Contact, Interview, Reminder
from followthrough.store.planning import plan_all
from followthrough.store.queries import create_application
from followthrough.store.references import (
    REFERENCE_HEADS_UP,
    REFERENCE_THANKS,
    PoolEntry,
    ReferenceLine,
    add_reference,
    subject_key,
)
from followthrough.ui.applications.detail_dialog import ApplicationDetailDialog
from followthrough.ui.common.ask import Ask
from followthrough.ui.references.dialogs import (
    AddReferenceDialog,
    ContactedDialog,
    ReferenceMessageDialog,
)
from followthrough.ui.references.flow import ReferenceFlow
from followthrough.ui.references.labels import (
    contacted_by_label,
    kind_label,
    purpose_label,
    standing_text,
)
from followthrough.ui.shell.context import AppContext
from followthrough.ui.shell.main_window import MainWindow

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture(autouse=True)
def _fresh_dialogs(context: AppContext) -> Iterator[None]:
    ReferenceFlow.open_dialogs.clear()
    yield
    for dialog in list(ReferenceFlow.open_dialogs.values()):
        dialog.close()
    ReferenceFlow.open_dialogs.clear()


def _reference_after_an_interview(clock: FakeClock) -> tuple[int, int, Contact]:
    """(application id, link id, the reference): an interview that ended 2.5 h ago, with
    the reference listed the day before."""
    app = create_application(
        clock,
        "Acme Robotics",
        "Platform Engineer",
        notes="Posting: Kubernetes at scale; leads on-call",
    )
    ended = clock.now() - timedelta(hours=2, minutes=30)
    Interview.create(
        application=app,
        starts_at=ended - timedelta(hours=1),
        ends_at=ended,
        time_zone="Europe/London",
        notes="They care about incident reviews",
    )
    priya = Contact.create(
        name="Priya Natarajan",
        email="priya@globex.example",
        preferred_method="email",
        created_at=clock.now(),
    )
    save_reference_profile(
        priya.id,
        ReferenceProfileFields("my manager at Globex", "Led the billing migration"),
        clock,
    )
    yesterday = FakeClock(clock.now() - timedelta(days=1))
    link = add_reference(app.id, priya.id, ReferenceKind.REFERENCE, yesterday)
    return app.id, link, priya


def _link(link_id: int) -> ApplicationReference:
    return ApplicationReference.get_by_id(link_id)


def _dialog(qtbot: QtBot, link_id: int, purpose: MessagePurpose) -> ReferenceMessageDialog:
    key = (link_id, purpose)
    qtbot.waitUntil(lambda: key in ReferenceFlow.open_dialogs, timeout=10000)
    return ReferenceFlow.open_dialogs[key]


def test_from_the_heads_up_reminder_to_a_thanked_reference(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    save_failures: list[tuple[str, str]],
) -> None:
    application_id, link_id, _priya = _reference_after_an_interview(clock)
    resume = tmp_path / "Alex Kim - platform.pdf"
    resume.write_bytes(b"%PDF-1.4\n")
    opened: list[str] = []
    monkeypatch.setattr(
        ReferenceMessageDialog, "open_url", staticmethod(lambda url: opened.append(url) or True)
    )
    monkeypatch.setattr(
        ReferenceMessageDialog, "choose_resume_path", staticmethod(lambda _p, _s: str(resume))
    )
    questions: list[str] = []

    def confirm(_parent: object, title: str, _text: str, _action: str) -> bool:
        questions.append(title)
        return True

    monkeypatch.setattr(Ask, "confirm", staticmethod(confirm))

    window = make_window()
    scheduler = ReminderScheduler(window.context.runner, clock)
    window.attach_scheduler(scheduler)
    with qtbot.waitSignal(scheduler.planned, timeout=10000):
        scheduler.start()
    qtbot.waitUntil(lambda: bool(window.today_page.todo.fired()), timeout=10000)

    # -- the reminder -----------------------------------------------------------------------
    panel = window.today_page.todo
    rows = panel.fired()
    heads_up = [r for r in rows if r.kind == REFERENCE_HEADS_UP]
    assert [r.title for r in heads_up] == [
        "Give Priya Natarajan a heads-up: Acme Robotics may call"
    ]
    panel.select_reminder(heads_up[0].reminder_id)
    assert panel.reference_button.isVisibleTo(panel)
    assert not panel.call_button.isVisibleTo(panel) and not panel.note_button.isVisibleTo(panel)
    panel.reference_button.click()

    # -- the heads-up -----------------------------------------------------------------------
    dialog = _dialog(qtbot, link_id, MessagePurpose.HEADS_UP)
    assert dialog.address.text() == "priya@globex.example"
    # What to stress is offered from what she can speak to and the notes.
    assert "Led the billing migration" in dialog.emphasis.toPlainText()
    dialog._choose_resume()
    body = dialog.body.toPlainText()
    assert "Acme Robotics" in body and "Platform Engineer" in body
    assert "- Led the billing migration" in body
    assert "Alex Kim - platform.pdf" in body
    assert "Could you let me know if anyone from Acme Robotics gets in touch?" in body
    assert dialog.points.count() >= 4
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "reference-heads-up.png"))

    dialog.email_button.click()
    assert len(opened) == 1
    url = urlsplit(opened[0])
    assert url.scheme == "mailto" and unquote(url.path) == "priya@globex.example"
    query = parse_qs(url.query)
    assert set(query) == {"subject", "body"}
    assert "Alex Kim - platform.pdf" in query["body"][0]
    assert QGuiApplication.clipboard().text() == body
    assert "Did it go out?" in questions
    qtbot.waitUntil(lambda: _link(link_id).heads_up_at is not None, timeout=10000)
    assert _link(link_id).heads_up_via == "email"
    assert _link(link_id).resume_path == str(resume)
    window.context.runner.wait_for_done()
    plan_all(clock.now())
    open_kinds = {
        r.kind for r in Reminder.active().where(Reminder.subject_key == subject_key(link_id))
    }
    assert open_kinds == set()  # the heads-up is out: nothing left to remind of

    # -- contacted, in the application's References tab -------------------------------------
    filled: list[str] = []

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, ContactedDialog)
        filled.append(dialog.windowTitle())
        dialog.by.setCurrentIndex(dialog.by.findData(ContactedBy.COMPANY.value))
        return True

    monkeypatch.setattr(ApplicationDetailDialog, "exec_dialog", staticmethod(fill))
    detail = window.open_application(application_id)
    tab = detail.references_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    detail.tabs.setCurrentWidget(tab)
    assert tab.model.index(0, 2).data().startswith("Heads-up sent")
    assert not tab.thank_button.isEnabled()  # nobody called yet
    tab.contacted_button.click()
    assert filled == ["Priya Natarajan was contacted"]
    qtbot.waitUntil(lambda: _link(link_id).contacted_on is not None, timeout=10000)
    assert _link(link_id).contacted_by == "company"
    window.context.runner.wait_for_done()
    plan_all(clock.now())
    thanks = Reminder.get(
        (Reminder.kind == REFERENCE_THANKS) & (Reminder.subject_key == subject_key(link_id))
    )
    assert thanks.title == "Thank Priya Natarajan for speaking to Acme Robotics"
    assert thanks.due_at > clock.now()

    # -- thanked -----------------------------------------------------------------------------
    qtbot.waitUntil(lambda: tab.thank_button.isEnabled(), timeout=10000)
    tab.thank_button.click()
    thank = _dialog(qtbot, link_id, MessagePurpose.THANKS)
    assert "Acme Robotics" in thank.body.toPlainText()
    thank.copy_button.click()
    assert "Copied" in questions
    assert "Acme Robotics" in QGuiApplication.clipboard().text()
    qtbot.waitUntil(lambda: _link(link_id).thanked_on is not None, timeout=10000)
    window.context.runner.wait_for_done()
    plan_all(clock.now())
    assert (
        Reminder.active()
        .where((Reminder.kind == REFERENCE_THANKS) & (Reminder.subject_key == subject_key(link_id)))
        .count()
        == 0
    )
    qtbot.waitUntil(
        lambda: tab.model.rowCount() == 1 and tab.model.row_at(0).thanked_on is not None,
        timeout=10000,
    )
    timeline = [detail.timeline.item(i).text() for i in range(detail.timeline.count())]
    assert any("Heads-up to Priya Natarajan by e-mail" in line for line in timeline)
    assert any("Priya Natarajan was contacted about you" in line for line in timeline)
    assert any("Thanked Priya Natarajan" in line for line in timeline)
    detail.grab().save(str(ARTIFACTS / "references-tab.png"))
    detail.close()
    assert save_failures == []


def test_where_each_person_stands_reads_in_a_few_words() -> None:
    tuesday = date(2026, 11, 24)
    at = datetime(2026, 11, 24, 9, tzinfo=UTC)
    ref = ReferenceLine(
        *(1, 2, 3, ReferenceKind.REFERENCE, "Priya", "", "", None, None, "", ""),
        *(None, None, None, None, None, None, None),
    )
    net = dataclasses.replace(ref, kind=ReferenceKind.NETWORK)

    def text(line: ReferenceLine, **steps: object) -> str:
        return standing_text(dataclasses.replace(line, **steps))

    assert text(ref) == "Heads-up to send"
    assert text(ref, heads_up_at=at) == "Heads-up sent Tue 24 Nov"
    assert text(ref, heads_up_at=at, contacted_on=tuesday) == "Contacted Tue 24 Nov — thank them"
    assert text(ref, contacted_on=tuesday, thanked_on=tuesday) == "Thanked Tue 24 Nov"
    assert text(ref, thanked_on=tuesday, outcome_told_on=tuesday) == "Told how it went Tue 24 Nov"
    assert text(net) == "Check in after the interview"
    assert text(net, checked_in_at=at) == "Checked in Tue 24 Nov"
    assert [kind_label(k) for k in ReferenceKind] == ["Reference", "Network contact"]
    assert [purpose_label(p) for p in MessagePurpose] == [
        "Heads-up",
        "Thank-you",
        "How it went",
        "Check-in",
    ]
    assert contacted_by_label(ContactedBy.COMPANY) == "The employer told me"


def test_a_reference_given_too_often_shows_the_warning_in_the_heads_up(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    application_id, link_id, priya = _reference_after_an_interview(clock)
    for company in ("Globex", "Initech", "Umbrella"):
        other = create_application(clock, company)
        add_reference(other.id, priya.id, ReferenceKind.REFERENCE, clock)
    window = make_window()
    window.references.open(link_id, MessagePurpose.HEADS_UP)
    dialog = _dialog(qtbot, link_id, MessagePurpose.HEADS_UP)
    assert not dialog.warning.isHidden()
    assert "4 employers" in dialog.warning.text()
    dialog.close()
    assert application_id


def test_the_pool_picker_shows_use_and_consent_and_warns_before_overuse(qtbot: QtBot) -> None:
    pool = [
        PoolEntry(
            1,
            "Priya Natarajan",
            "",
            "",
            "",
            "",
            None,
            "my manager",
            "",
            date(2026, 10, 1),
            2,
            date(2026, 11, 25),
        ),
        PoolEntry(2, "Sam Ortiz", "", "", "", "", None, "a teammate", "", None, 0, None),
    ]
    given = {1: [date(2026, 11, 10), date(2026, 11, 25)]}
    dialog = AddReferenceDialog(
        ReferenceKind.REFERENCE, pool, given, set(), date(2026, 11, 30), 30, 3
    )
    qtbot.addWidget(dialog)
    # One count in one wording (Qt's %n plural), beside her name and in the warning.
    label = dialog.person.itemText(0)
    assert re.fullmatch(
        r"Priya Natarajan — my manager, given to 2 employers?(\(s\))?, last Wed 25 Nov", label
    )
    used = label.split("my manager, ")[1]
    assert dialog.person.itemText(1) == "Sam Ortiz — a teammate, consent not recorded"
    # Priya would be on her third employer within 30 days: the threshold.
    assert dialog.warning.text().startswith(f"Already {used}: check")
    assert not dialog.warning.isHidden()
    assert "3" not in dialog.warning.text()
    dialog.person.setCurrentIndex(1)
    assert dialog.warning.isHidden()
    dialog.person.setCurrentIndex(dialog.person.count() - 1)  # a new person
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted  # no name yet: refused
    assert dialog.errors["name"].text() == "Enter the person's name."
