"""A reference's history shows each time they were given: to which employer, when, and
where the heads-up, the call and the thanks stand (store.references.reference_uses)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import peewee
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.references import ContactedBy, MessagePurpose, ReferenceKind
from followthrough.store.queries import create_application
from followthrough.store.references import (
    add_reference,
    record_contacted,
    record_message_sent,
    reference_uses,
)
from followthrough.ui.contacts.dialog import ContactDialog
from followthrough.ui.shell.main_window import MainWindow
from tests.gui.test_reference_flow import _reference_after_an_interview


def test_a_references_uses_are_in_their_history(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    acme, link, priya = _reference_after_an_interview(clock)
    record_message_sent(link, MessagePurpose.HEADS_UP, "phone", clock.now().date(), clock)
    record_contacted(link, clock.now().date(), ContactedBy.REFERENCE, clock)
    globex = create_application(clock, "Globex", "SRE")
    earlier = FakeClock(clock.now() - timedelta(days=30))
    add_reference(globex.id, priya.id, ReferenceKind.REFERENCE, earlier, earlier.now().date())
    assert [u.company for u in reference_uses(priya.id)] == ["Acme Robotics", "Globex"]

    shown: list[ContactDialog] = []
    monkeypatch.setattr(MainWindow, "exec_dialog", staticmethod(lambda d: shown.append(d)))
    window = make_window()
    window.open_contact(priya.id)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    history = shown[0].history
    lines = [history.item(row).text() for row in range(history.count())]
    assert lines == [
        "Reference for Acme Robotics · Platform Engineer, given Fri 20 Nov — heads-up by "
        "phone Fri 20 Nov · contacted Fri 20 Nov · not thanked yet",
        "Reference for Globex · SRE, given Wed 21 Oct — no heads-up yet",
    ]
    # Each opens its application.
    with qtbot.waitSignal(shown[0].open_application) as opened:
        shown[0].history.itemActivated.emit(history.item(1))
    assert opened.args == [globex.id]
    assert history.item(0).data(Qt.ItemDataRole.UserRole) == acme
