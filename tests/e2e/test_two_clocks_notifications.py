"""Two clocks around the clock changes, end to end: a user in Berlin (reminder hours
09:00-17:00) interviews in Los Angeles. In the weeks when the US has changed its clocks and
Europe has not (8 hours apart instead of 9), the 09:30 call in Los Angeles is 17:30 in
Berlin, outside the user's hours: the real app, on a real X display, must raise its one
native notification at 16:45 Berlin time, not at 17:30, and say the call time on both
clocks. (docs/advice.md, "Time: two clocks"; "Follow-up timing" [000, 002, 003].)

The app runs as a user starts it (scheduler and all); only its clock is set to a few
seconds before the reminder and runs on in real time from there.
"""

from __future__ import annotations

import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from followthrough.domain.clock import FakeClock
from followthrough.domain.debriefs.record import DebriefDraft
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.store import settings as options
from followthrough.store.database import open_database
from followthrough.store.debriefs.records import save_debrief
from followthrough.store.interviews import save_interview
from followthrough.store.models import db
from followthrough.store.queries import create_application
from tests.e2e.conftest import XSession
from tests.e2e.dbus_mock import (
    APP_NAME,
    NOTIFY_TIMEOUT,
    QUIET_PERIOD,
    NotificationMock,
    reminder_row,
    stop_gracefully,
    wait_for_notify_count,
)

pytestmark = [pytest.mark.xvfb, pytest.mark.dbus, pytest.mark.slow]

BERLIN = ZoneInfo("Europe/Berlin")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
ROOT = Path(__file__).resolve().parents[2]
LEAD_SECONDS = 6  # the app starts this long before the reminder is due

CASES = [
    # Autumn: Europe went back on Sun 25 Oct 2026, the US goes on Sun 1 Nov. Interview
    # Mon 19 Oct, no decision date: five working days later is Mon 26 Oct.
    pytest.param(date(2026, 10, 19), None, date(2026, 10, 26), id="autumn"),
    # Spring: the US went forward on Sun 14 Mar 2027, Europe goes on Sun 28 Mar. They
    # said they would decide by Fri 12 Mar: the working day after is Mon 15 Mar.
    pytest.param(date(2027, 3, 10), date(2027, 3, 12), date(2027, 3, 15), id="spring"),
]


def seed(data: Path, interview_day: date, decision_on: date | None) -> None:
    clock = FakeClock(datetime.combine(interview_day, clock_time(20), LOS_ANGELES))
    database = open_database(data, clock)
    try:
        options.put(options.USER_ZONE, "Europe/Berlin")
        options.put(options.QUIET_START, 9)
        options.put(options.QUIET_END, 17)
        application = create_application(clock, "Acme Robotics", "Platform Engineer")
        interview_id = save_interview(
            InterviewDraft(
                application_id=application.id,
                day=interview_day,
                start=clock_time(10),
                end=clock_time(11),
                time_zone="America/Los_Angeles",
                decision_on=decision_on,
                people=(PersonDraft("Dana Lee", "Engineering Manager", email="dana@acme.example"),),
            ),
            clock,
        )
        # Debriefed already: the follow-up is the only reminder this test waits for.
        save_debrief(interview_id, DebriefDraft(went_well="The case study"), clock.now())
    finally:
        database.close()
        db.initialize(None)


@pytest.mark.parametrize(("interview_day", "decision_on", "call_day"), CASES)
def test_the_follow_up_comes_inside_the_users_hours_and_names_both_clocks(
    notification_mock: NotificationMock,
    session: XSession,
    tmp_path: Path,
    interview_day: date,
    decision_on: date | None,
    call_day: date,
) -> None:
    call = datetime.combine(call_day, clock_time(9, 30), LOS_ANGELES)
    assert call.astimezone(BERLIN).hour == 17, "the case needs the 8-hour weeks"
    reminder = datetime.combine(call_day, clock_time(16, 45), BERLIN)
    data = tmp_path / "data"
    seed(data, interview_day, decision_on)

    started = time.monotonic()
    app = session.launch_command(
        [
            sys.executable,
            "-m",
            "tests.e2e.shifted_clock_app",
            (reminder - timedelta(seconds=LEAD_SECONDS)).isoformat(),
            str(data),
        ],
        name="two-clocks",
        # The computer's clock says Berlin too; the preference says so on its own.
        extra_env={"PYTHONPATH": str(ROOT), "TZ": "Europe/Berlin"},
    )
    session.wait_for_window(app)
    calls = wait_for_notify_count(notification_mock, 1, LEAD_SECONDS + NOTIFY_TIMEOUT, app)
    waited = time.monotonic() - started
    time.sleep(QUIET_PERIOD)
    app.assert_running()
    calls = notification_mock.notify_calls()
    assert len(calls) == 1, calls  # the note reminders of a past interview have lapsed
    app_name, _replaces, _icon, summary, body = calls[0][:5]
    assert app_name == APP_NAME
    # Not at once (it is not due yet when the app starts) and not at 17:30: at 16:45.
    assert waited >= LEAD_SECONDS - 1, f"notified after {waited:.1f} s"
    assert "Acme Robotics (Platform Engineer)" in summary, summary
    shown = f"{call_day:%a} {call_day.day} {call_day:%b} 17:30 (09:30 in Los Angeles)"
    assert shown in body, body
    stop_gracefully(app)
    assert "Traceback" not in app.stderr(), app.describe()
    # What the app stored agrees: planned for 16:45 Berlin, and fired then (not earlier,
    # however long the start took).
    row = reminder_row(data, summary)
    assert datetime.fromisoformat(row["due_at"]) == reminder
    assert datetime.fromisoformat(row["fired_at"]) >= reminder
