"""The calendar file read from the database: every interview and open reminder around
now, done ones left out, words as planned; reading it writes nothing; the file in the data
folder is replaced whole, and only when what it says changed."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from followthrough.demo import fill_demo
from followthrough.domain.calendar_feed import interview_uid, reminder_uid, without_stamps
from followthrough.domain.clock import FakeClock
from followthrough.domain.reminder_kinds import Rendering
from followthrough.store.calendar_feed import FeedWindow, calendar_file, write_feed
from followthrough.store.database import open_database, read_database
from followthrough.store.fields import to_db_instant
from followthrough.store.models import db
from followthrough.store.reminders import claim_due, mark_done, stored_reminders

CHICAGO = ZoneInfo("America/Chicago")


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def demo(data_dir: Path, clock: FakeClock) -> Path:
    database = open_database(data_dir, clock)
    fill_demo(clock, 30)
    claim_due(clock.now())
    database.close()
    db.initialize(None)
    return data_dir


def _expected(clock: FakeClock) -> tuple[set[str], set[str]]:
    now = clock.now()
    window = FeedWindow.around(now)
    interviews = {
        interview_uid(int(i))
        for (i,) in db.execute_sql(
            "SELECT id FROM interview WHERE starts_at >= ? AND starts_at < ?",
            (to_db_instant(window.start), to_db_instant(window.end)),
        )
    }
    reminders = {
        reminder_uid(r.kind, r.subject_key)
        for r in stored_reminders()
        if r.active
        and window.start <= r.placed_at < window.end
        and (r.expires_at is None or r.expires_at > now)
    }
    return interviews, reminders


def test_the_file_holds_every_interview_and_open_reminder_around_now(
    demo: Path, clock: FakeClock
) -> None:
    before = digest(demo)
    data = read_database(demo, lambda: calendar_file(clock.now(), Rendering(CHICAGO)), clock)
    assert digest(demo) == before, "making the calendar wrote to the data folder"
    interviews, reminders = read_database(demo, lambda: _expected(clock), clock)
    uids = {str(e["UID"]) for e in Calendar.from_ical(data).walk("VEVENT")}
    assert interviews and reminders
    assert uids == interviews | reminders


def test_a_reminder_done_leaves_the_file(demo: Path, clock: FakeClock) -> None:
    database = open_database(demo, clock)
    try:
        first = next(r for r in stored_reminders() if r.active and r.expires_at is None)
        uid = reminder_uid(first.kind, first.subject_key)
        assert uid.encode() in _folded_out(calendar_file(clock.now(), Rendering(CHICAGO)))
        mark_done(first.reminder_id, clock.now())
        assert uid.encode() not in _folded_out(calendar_file(clock.now(), Rendering(CHICAGO)))
    finally:
        database.close()
        db.initialize(None)


def _folded_out(data: bytes) -> bytes:
    return data.replace(b"\r\n ", b"")


def test_the_feed_file_is_written_only_when_it_says_something_new(
    demo: Path, clock: FakeClock, tmp_path: Path
) -> None:
    (tmp_path / "feed").mkdir()
    target = tmp_path / "feed" / "followthrough.ics"
    data = read_database(demo, lambda: calendar_file(clock.now(), Rendering(CHICAGO)), clock)
    assert write_feed(target, data)
    assert target.read_bytes() == data
    assert target.stat().st_mode & 0o777 == 0o600
    clock.advance(timedelta(minutes=5))  # made later, saying the same: left as it is
    again = read_database(demo, lambda: calendar_file(clock.now(), Rendering(CHICAGO)), clock)
    assert again != data
    assert not write_feed(target, again)
    assert target.read_bytes() == data
    assert [p.name for p in target.parent.iterdir()] == ["followthrough.ics"]  # no temporaries


def test_after_a_trip_the_file_says_what_the_next_start_will_plan(
    demo: Path, clock: FakeClock
) -> None:
    """Walkthrough 4: before the app had started in the new zone, the exported calendar
    kept the reminders planned on the old clock while ``due`` gave the new times. Both
    now read the plan the next start will make (``preview_reminders``)."""
    from followthrough.store import settings as options
    from followthrough.store.planning import plan_at_start

    tokyo = ZoneInfo("Asia/Tokyo")
    database = open_database(demo, clock)
    try:
        before = calendar_file(clock.now(), Rendering(CHICAGO))
        options.set_session_zone("Asia/Tokyo")
        previewed = calendar_file(clock.now(), Rendering(tokyo))
        assert without_stamps(previewed) != without_stamps(before)  # the trip moved some
        plan_at_start(clock.now())
        planned = calendar_file(clock.now(), Rendering(tokyo))
        assert without_stamps(previewed) == without_stamps(planned)
    finally:
        options.set_session_zone(None)
        database.close()
        db.initialize(None)
