"""Reminders the app plans from the facts reach the desktop as native notifications.

Unlike ``test_notifications`` (which seeds reminder rows), these tests seed only what the
user would have entered — an application, an interview and its people — and let the real
app plan and raise the reminders on a private bus with python-dbusmock's notification
server.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from followthrough.domain.clock import Clock, FakeClock, SystemClock
from followthrough.domain.debriefs.record import DebriefDraft
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.domain.references import ReferenceKind
from followthrough.store import settings as options
from followthrough.store.database import open_database
from followthrough.store.debriefs.records import save_debrief
from followthrough.store.interviews import save_interview
from followthrough.store.models import Interview, db
from followthrough.store.queries import create_application
from followthrough.store.references import add_new_person
from followthrough.store.reminders import ReminderSpec
from tests.e2e.conftest import XSession
from tests.e2e.dbus_mock import (
    APP_NAME,
    NOTIFY_TIMEOUT,
    QUIET_PERIOD,
    NotificationMock,
    seed,
    stop_gracefully,
    wait_for_notify_count,
    whole_second,
)

pytestmark = [pytest.mark.xvfb, pytest.mark.dbus, pytest.mark.slow]

# Inside the default reminder hours (9-17) wherever the test runs: the interview's zone is
# chosen so that it is early afternoon there now.
LOCAL_HOUR_NOW = 13


def afternoon_zone(now: datetime) -> ZoneInfo:
    """A fixed-offset zone where it is ``LOCAL_HOUR_NOW`` o'clock at ``now``."""
    offset = (LOCAL_HOUR_NOW - now.astimezone(UTC).hour + 12) % 24 - 12
    # POSIX sign convention: Etc/GMT-3 is three hours *ahead* of UTC.
    return ZoneInfo("Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}")


def seed_facts(data: Path, write: Callable[[SystemClock], None], user_zone: ZoneInfo) -> None:
    """Writes what the user entered; their own clock is ``user_zone`` (where it is early
    afternoon now: notes and heads-ups are the user's tasks and keep to their hours, so
    the test must not depend on the hour it runs at)."""
    clock = SystemClock()
    database = open_database(data, clock)
    try:
        options.put(options.USER_ZONE, user_zone.key)
        write(clock)
    finally:
        database.close()
        db.initialize(None)


def log_interview(
    clock: Clock, ended: datetime, zone: ZoneInfo, people: tuple[PersonDraft, ...]
) -> int:
    application = create_application(
        clock, "Acme Robotics", "Platform Engineer", applied_on=date(2026, 10, 1)
    )
    local_end = ended.astimezone(zone)
    local_start = local_end - timedelta(hours=1)
    interview_id = save_interview(
        InterviewDraft(
            application_id=application.id,
            day=local_start.date(),
            start=local_start.time().replace(second=0, microsecond=0),
            end=local_end.time().replace(second=0, microsecond=0),
            time_zone=zone.key,
            round=2,
            people=people,
        ),
        clock,
    )
    # Debriefed already: its own reminder is another test's subject.
    save_debrief(interview_id, DebriefDraft(went_well="The system design round"), clock.now())
    return interview_id


def test_a_forgotten_thank_you_note_is_reminded_once_by_a_native_notification(
    notification_mock: NotificationMock, session: XSession, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    now = datetime.now(UTC)
    zone = afternoon_zone(now)
    # Ended 22 hours ago: the 24-hour deadline is 2 h away, so "due soon" (3 h before it)
    # has come and "overdue" has not. Nothing was written.
    ended = now - timedelta(hours=22)

    def write(clock: SystemClock) -> None:
        log_interview(
            clock,
            ended,
            zone,
            (PersonDraft("Dana Lee", "Engineering Manager", email="dana@acme.example"),),
        )

    seed_facts(data, write, zone)

    app = session.launch("--data-dir", str(data), name="note")
    calls = wait_for_notify_count(notification_mock, 1, NOTIFY_TIMEOUT, app)
    session.wait_for_window(app)
    time.sleep(QUIET_PERIOD)
    app.assert_running()
    calls = notification_mock.notify_calls()
    assert len(calls) == 1, calls
    app_name, _replaces, _icon, summary, body = calls[0][:5]
    assert app_name == APP_NAME
    assert summary.startswith("Thank-you note to Dana Lee (Acme Robotics) due "), summary
    assert "round 2 interview" in body, body
    stop_gracefully(app)

    # A restart must not raise it again: the marker (already due) proves the restarted
    # scheduler did check, and so chose not to send the note reminder twice.
    marker = "Restart marker: the scheduler ran"
    seed(data, ReminderSpec("test_marker", "e2e:marker", marker, whole_second(now)))
    again = session.launch("--data-dir", str(data), name="restarted")
    session.wait_for_window(again)
    wait_for_notify_count(notification_mock, 2, NOTIFY_TIMEOUT, again)
    time.sleep(QUIET_PERIOD)
    summaries = [call[3] for call in notification_mock.notify_calls()]
    assert summaries == [summary, marker], summaries
    stop_gracefully(again)
    assert "Traceback" not in app.stderr() + again.stderr(), app.describe() + again.describe()


def test_a_reference_heads_up_coming_due_is_one_native_notification(
    notification_mock: NotificationMock, session: XSession, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    now = datetime.now(UTC)
    zone = afternoon_zone(now)
    # The interview ended 2 h 10 min ago, so the heads-up (2 h after it) came due ten
    # minutes ago, inside reminder hours. The reference was listed before the interview.
    ended = now - timedelta(hours=2, minutes=10)
    listed_at = FakeClock(now - timedelta(hours=5))

    def write(clock: SystemClock) -> None:
        interview = log_interview(listed_at, ended, zone, ())
        application_id = Interview.get_by_id(interview).application_id
        add_new_person(
            application_id,
            ReferenceKind.REFERENCE,
            "Sam Ortiz",
            listed_at,
            email="sam@example.com",
            relationship="my team lead at Initech",
        )

    seed_facts(data, write, zone)

    app = session.launch("--data-dir", str(data), name="heads-up")
    wait_for_notify_count(notification_mock, 1, NOTIFY_TIMEOUT, app)
    session.wait_for_window(app)
    time.sleep(QUIET_PERIOD)
    app.assert_running()
    calls = notification_mock.notify_calls()
    assert len(calls) == 1, calls
    app_name, _replaces, _icon, summary, body = calls[0][:5]
    assert app_name == APP_NAME
    assert summary == "Give Sam Ortiz a heads-up: Acme Robotics may call", summary
    assert "Acme Robotics (Platform Engineer)" in body and "résumé" in body, body
    stop_gracefully(app)
    assert "Traceback" not in app.stderr(), app.describe()
