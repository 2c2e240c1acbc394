"""The user's clock: one zone per session in the app; `due` reads and prints on it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import peewee
import pytest

from followthrough.__main__ import main
from followthrough.domain.clock import FakeClock
from followthrough.domain.wording import clock_time, short_day
from followthrough.store import settings as options
from followthrough.store.followups import plan_reminders
from followthrough.store.models import Interview, Reminder, db
from followthrough.store.queries import create_application

TOKYO = ZoneInfo("Asia/Tokyo")
CHICAGO = ZoneInfo("America/Chicago")


def test_the_session_zone_wins_over_a_preference_changed_while_running(
    database: peewee.SqliteDatabase,
) -> None:
    assert options.user_zone().key == "Europe/Berlin"  # no preference: the computer's
    options.put(options.USER_ZONE, "Asia/Tokyo")
    assert options.user_zone().key == "Asia/Tokyo"  # a command reads the preference
    options.set_session_zone("America/Chicago")  # the app settled on Chicago at start
    options.put(options.USER_ZONE, "Asia/Tokyo")
    assert options.user_zone().key == "America/Chicago"
    options.set_session_zone(None)
    assert options.user_zone().key == "Asia/Tokyo"
    options.set_session_zone("Not/AZone")  # never a zone this machine does not know
    assert options.user_zone().key == "Asia/Tokyo"


@pytest.fixture(autouse=True)
def _umask_kept() -> Iterator[None]:
    # main() sets a private umask for the process; the rest of the suite keeps its own.
    mask = os.umask(0o022)
    os.umask(mask)
    yield
    os.umask(mask)


@pytest.fixture
def follow_up_due(data_dir: Path, database: peewee.SqliteDatabase, clock: FakeClock) -> datetime:
    """A data folder whose user lives in Tokyo, with one follow-up due; its due time."""
    options.put(options.USER_ZONE, "Asia/Tokyo")
    app = create_application(clock, "Acme")
    start = datetime.combine(date(2026, 11, 9), time(10), CHICAGO)
    Interview.create(
        application=app,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        time_zone="America/Chicago",
        decision_expected_on=date(2026, 11, 20),
    )
    plan_reminders()
    due_at: datetime = Reminder.active().get().due_at
    database.close()
    db.initialize(None)
    return due_at


def test_due_reads_an_instant_without_a_zone_on_the_users_clock(
    data_dir: Path, follow_up_due: datetime, capsys: pytest.CaptureFixture[str]
) -> None:
    in_tokyo = follow_up_due.astimezone(TOKYO).replace(tzinfo=None)
    # One minute before, on the user's (Tokyo) clock: not yet due. The computer's clock
    # (Berlin) would read the same digits eight hours later, when it would be.
    before = (in_tokyo - timedelta(minutes=1)).isoformat(timespec="minutes")
    assert main(["--data-dir", str(data_dir), "due", "--at", before]) == 0
    out = capsys.readouterr().out
    assert "Nothing is due" in out and "JST" in out

    at = in_tokyo.isoformat(timespec="minutes")
    assert main(["--data-dir", str(data_dir), "due", "--at", at]) == 0
    out = capsys.readouterr().out
    # Printed on the user's clock, its zone named.
    assert f"{short_day(in_tokyo.date())} {clock_time(in_tokyo)} JST" in out, out
