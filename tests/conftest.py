"""Fixtures shared by every test: a fresh data folder, a fake clock, a bound database."""

from __future__ import annotations

import os

# Widget tests draw offscreen unless a test starts its own X server for the app.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import peewee
import pytest

from followthrough.domain.clock import FakeClock
from followthrough.store.database import open_database
from followthrough.store.models import db


@pytest.fixture
def clock() -> FakeClock:
    # A Friday afternoon in November, well away from any DST change.
    return FakeClock(datetime(2026, 11, 20, 15, 0, tzinfo=UTC))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def database(data_dir: Path, clock: FakeClock) -> Iterator[peewee.SqliteDatabase]:
    database = open_database(data_dir, clock)
    yield database
    database.close()
    db.initialize(None)


@pytest.fixture(autouse=True)
def _writes_allowed() -> Iterator[None]:
    """A test that finds the database damaged leaves writes refused: not for the next."""
    from followthrough.store.transactions import refuse_writes

    refuse_writes(None)
    yield
    refuse_writes(None)


@pytest.fixture(autouse=True)
def _computer_in_berlin() -> Iterator[None]:
    """Tests run as if the computer's clock were set to Berlin (most cases are written on
    Berlin clocks; two-clock cases choose another zone explicitly)."""
    from followthrough.store import settings as options

    options.set_computer_zone("Europe/Berlin")
    options.set_session_zone(None)
    yield
    options.set_computer_zone("Europe/Berlin")
    options.set_session_zone(None)
