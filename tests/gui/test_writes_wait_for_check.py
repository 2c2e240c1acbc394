"""Saves asked for before the database's full check has spoken wait for it, in order, and
then land, or fail in the damage's words: nothing is written to a file not yet checked."""

from __future__ import annotations

from pathlib import Path

import peewee
import pytest
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.services.background import BackgroundRunner
from followthrough.store.models import Application
from followthrough.store.queries import create_application
from followthrough.store.transactions import refuse_writes


def test_held_saves_wait_then_land_in_order(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    runner = BackgroundRunner(database)
    runner.hold_writes()
    landed: list[str] = []
    for company in ("First", "Second"):
        runner.submit_write(
            lambda company=company: create_application(clock, company, "Analyst").company,
            landed.append,
        )
    qtbot.wait(100)
    runner.wait_for_done()
    assert landed == [] and Application.select().count() == 0
    runner.release_writes()
    qtbot.waitUntil(lambda: len(landed) == 2, timeout=5000)
    assert landed == ["First", "Second"]
    # Released: later saves run at once.
    runner.submit_write(
        lambda: create_application(clock, "Third", "Analyst").company, landed.append
    )
    qtbot.waitUntil(lambda: len(landed) == 3, timeout=5000)
    runner.wait_for_done()


def test_held_saves_fail_in_plain_words_when_the_file_is_damaged(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    runner = BackgroundRunner(database)
    runner.hold_writes()
    failures: list[str] = []
    runner.submit_write(
        lambda: create_application(clock, "Acme", "Analyst"), lambda _r: None, failures.append
    )
    refuse_writes("The database is damaged.")  # what the watch does before releasing
    try:
        runner.release_writes()
        qtbot.waitUntil(lambda: bool(failures), timeout=5000)
        runner.wait_for_done()
    finally:
        refuse_writes(None)
    assert Application.select().count() == 0
    assert "Traceback" not in failures[0]


def test_quitting_before_the_check_still_lands_the_held_saves(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    """Quitting drops the reads not yet started, the file's check among them; a save held
    for that check must not be lost with it."""
    runner = BackgroundRunner(database)
    runner.hold_writes()
    landed: list[str] = []
    runner.submit_write(lambda: create_application(clock, "Acme", "Analyst").company, landed.append)
    assert runner.shut_down()
    qtbot.waitUntil(lambda: landed == ["Acme"], timeout=5000)
    assert Application.select().count() == 1


def test_the_watch_holds_saves_until_its_verdict(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from followthrough.services import health

    monkeypatch.setattr(health, "full_check", lambda _data_dir: None)
    runner = BackgroundRunner(database)
    watch = health.DatabaseWatch(runner, data_dir)
    landed: list[str] = []
    runner.submit_write(lambda: create_application(clock, "Acme", "Analyst").company, landed.append)
    qtbot.wait(100)
    runner.wait_for_done()
    assert landed == []
    with qtbot.waitSignal(watch.checked, timeout=5000):
        watch.check()
    qtbot.waitUntil(lambda: landed == ["Acme"], timeout=5000)
    runner.wait_for_done()
