"""Offers, the defects a walkthrough found, driven as a person would: recording an offer
moves the application to "Offer" on the board (docs/advice.md, Keeping momentum: more
offers give leverage [001, 003, 004])."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import peewee
import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.domain.offers.record import OfferStatus
from followthrough.domain.stages import Stage
from followthrough.store.interviews import save_interview
from followthrough.store.models import Application
from followthrough.store.offers.records import load_offer
from followthrough.store.queries import create_application
from followthrough.ui.applications.detail_dialog import ApplicationDetailDialog
from followthrough.ui.offers.form import OfferDialog
from followthrough.ui.shell.main_window import MainWindow
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
