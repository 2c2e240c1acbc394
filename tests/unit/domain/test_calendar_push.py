"""What a push sends (``domain.calendar_push``): new, changed and gone events against
what was sent before, nothing when nothing differs, history left alone; digests that
ignore DTSTAMP; problems in plain words."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from followthrough.domain.calendar_feed import CalendarInterview, CalendarReminder
from followthrough.domain.calendar_push.events import event_digest, outgoing_events
from followthrough.domain.calendar_push.plan import (
    PushCounts,
    Sent,
    address_problem,
    counts_words,
    plan_push,
)
from followthrough.domain.calendar_push.problems import ProblemKind, PushError

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
WINDOW_START = NOW - timedelta(days=30)


def _interview(interview_id: int = 1, hour: int = 10) -> CalendarInterview:
    return CalendarInterview(
        interview_id=interview_id,
        summary=f"Interview {interview_id}",
        starts_at=datetime(2026, 12, 10, hour, tzinfo=UTC),
        ends_at=datetime(2026, 12, 10, hour + 1, tzinfo=UTC),
        time_zone="Europe/Berlin",
    )


def _reminder(key: str = "a") -> CalendarReminder:
    return CalendarReminder(
        kind="follow_up",
        subject_key=key,
        summary=f"Follow up {key}",
        at=datetime(2026, 12, 11, 8, tzinfo=UTC),
    )


def _sent(events: dict[str, object]) -> dict[str, Sent]:
    return {
        uid: Sent(event.digest, event.starts.isoformat(), f"{uid}.ics")  # type: ignore[attr-defined]
        for uid, event in events.items()
    }


def test_everything_is_new_the_first_time() -> None:
    current = outgoing_events([_interview()], [_reminder()], NOW)
    plan = plan_push(current, {}, WINDOW_START)
    assert set(plan.new) == set(current) and len(plan.new) == 2
    assert not plan.changed and not plan.gone and not plan.sends_nothing


def test_the_same_facts_later_send_nothing() -> None:
    before = outgoing_events([_interview()], [_reminder()], NOW)
    later = outgoing_events([_interview()], [_reminder()], NOW + timedelta(hours=5))
    plan = plan_push(later, _sent(before), WINDOW_START)
    assert plan.sends_nothing and not plan.forgotten
    # Only DTSTAMP differs between the two texts: it does not count.
    uid = next(iter(before))
    assert before[uid].text != later[uid].text
    assert event_digest(before[uid].text) == event_digest(later[uid].text)


def test_a_moved_interview_is_changed_and_a_done_reminder_gone() -> None:
    before = outgoing_events([_interview(), _interview(2)], [_reminder("a"), _reminder("b")], NOW)
    now = outgoing_events([_interview(hour=14), _interview(2)], [_reminder("b")], NOW)
    plan = plan_push(now, _sent(before), WINDOW_START)
    assert plan.changed == ("interview-1@followthrough.invalid",)
    assert len(plan.gone) == 1 and plan.gone[0].startswith("reminder-")
    assert not plan.new


def test_a_new_reminder_is_new_and_its_uid_is_stable() -> None:
    before = outgoing_events([], [_reminder("a")], NOW)
    now = outgoing_events([], [_reminder("a"), _reminder("c")], NOW + timedelta(days=1))
    plan = plan_push(now, _sent(before), WINDOW_START)
    assert len(plan.new) == 1 and plan.new[0] not in before


def test_an_event_older_than_the_window_is_left_on_the_server() -> None:
    sent = {
        "old@x": Sent("d", (WINDOW_START - timedelta(days=1)).isoformat(), "old.ics"),
        "recent@x": Sent("d", (WINDOW_START + timedelta(days=1)).isoformat(), "recent.ics"),
        "unknown@x": Sent("d", "not a time", "unknown.ics"),
    }
    plan = plan_push({}, sent, WINDOW_START)
    assert plan.forgotten == ("old@x",)
    assert set(plan.gone) == {"recent@x", "unknown@x"}


def test_each_event_is_a_whole_calendar_with_its_zone_and_alarm() -> None:
    event = outgoing_events([_interview()], [], NOW)["interview-1@followthrough.invalid"]
    text = event.text.decode()
    assert text.startswith("BEGIN:VCALENDAR") and text.count("BEGIN:VEVENT") == 1
    assert "BEGIN:VTIMEZONE" in text and "BEGIN:VALARM" in text
    assert replace(event, text=b"").starts == datetime(2026, 12, 10, 10, tzinfo=UTC)


def test_what_a_push_did_in_a_few_words() -> None:
    assert counts_words(PushCounts(3, 0, 1)) == "3 sent, 1 removed"
    assert counts_words(PushCounts(0, 2, 0)) == "2 updated"
    assert counts_words(PushCounts()) == "nothing to change"


def test_a_server_address_must_be_a_web_address() -> None:
    assert address_problem("https://cloud.example.com/remote.php/dav") is None
    assert address_problem("http://localhost:5232/") is None
    for wrong in ("", "cloud.example.com", "ftp://x", "https://"):
        assert address_problem(wrong) is not None


def test_problems_are_worded_from_their_facts() -> None:
    problem = PushError(ProblemKind.NO_CALENDAR, calendar="Jobs", found="“Work”, “Home”")
    assert "“Jobs”" in str(problem) and "“Work”" in str(problem) and not problem.retried
    offline = PushError(ProblemKind.UNREACHABLE, host="dav.example.com")
    assert offline.retried and "dav.example.com" in str(offline)
    assert "keyring" in str(PushError(ProblemKind.NO_KEYRING, reason="fail Keyring"))
    assert "app-specific" in str(PushError(ProblemKind.WRONG_PASSWORD, host="icloud"))
