""" "Said it on the phone" records in one click: the status bar offers "Undo" for a few
seconds, and Undo takes back exactly what was recorded (ui/common/undo.py)."""

from __future__ import annotations

from collections.abc import Callable

import peewee
import pytest
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.references import MessagePurpose
from followthrough.store.models import ApplicationReference
from followthrough.ui.common import undo as undo_module
from followthrough.ui.common.undo import UndoOffer
from followthrough.ui.shell.main_window import MainWindow
from tests.gui.test_reference_flow import _dialog, _reference_after_an_interview


def _offer(window: MainWindow) -> UndoOffer | None:
    offers = [o for o in window.statusBar().findChildren(UndoOffer) if o.isVisible()]
    return offers[0] if offers else None


def test_said_on_the_phone_can_be_undone(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    save_failures: list[tuple[str, str]],
) -> None:
    _app, link_id, _priya = _reference_after_an_interview(clock)
    before = ApplicationReference.get_by_id(link_id)
    window = make_window()
    window.show()
    window.references.open(link_id, MessagePurpose.HEADS_UP)
    dialog = _dialog(qtbot, link_id, MessagePurpose.HEADS_UP)
    dialog.phone_button.click()
    qtbot.waitUntil(
        lambda: ApplicationReference.get_by_id(link_id).heads_up_via == "phone", timeout=10000
    )
    qtbot.waitUntil(lambda: _offer(window) is not None, timeout=5000)
    offer = _offer(window)
    assert offer is not None
    assert offer.label.text() == "Heads-up to Priya Natarajan recorded."
    assert offer.button.text().replace("&", "") == "Undo"
    offer.button.click()
    qtbot.waitUntil(
        lambda: ApplicationReference.get_by_id(link_id).heads_up_at is None, timeout=10000
    )
    after = ApplicationReference.get_by_id(link_id)
    assert (after.heads_up_via, after.given_on) == (before.heads_up_via, before.given_on)
    assert _offer(window) is None
    qtbot.waitUntil(lambda: "Taken back" in window.statusBar().currentMessage(), timeout=5000)
    assert save_failures == []


def test_the_offer_goes_after_a_few_seconds(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(undo_module, "UNDO_SECONDS", 0.2)
    _app, link_id, _priya = _reference_after_an_interview(clock)
    window = make_window()
    window.show()
    window.references.open(link_id, MessagePurpose.THANKS)
    _dialog(qtbot, link_id, MessagePurpose.THANKS).phone_button.click()
    qtbot.waitUntil(lambda: _offer(window) is not None, timeout=10000)
    qtbot.waitUntil(lambda: _offer(window) is None, timeout=5000)
    # Nothing was taken back: the thanks stays recorded.
    assert ApplicationReference.get_by_id(link_id).thanked_on == clock.now().date()
