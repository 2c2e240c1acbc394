"""The calendar file (``domain.calendar_feed``): what a calendar app reads back is what
the app holds — words with every special character, instants, each interview's own zone —
with UIDs that stay put, and an alarm on every event."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from followthrough.domain.calendar_feed import (
    CalendarInterview,
    CalendarReminder,
    calendar_bytes,
    interview_uid,
    reminder_uid,
    without_stamps,
)

STAMP = datetime(2026, 12, 2, 7, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
HARD_WORDS = 'Acme, Inc.; R&D \\ <b>bold</b> "quoted" — Zoë 東京 \u202eRTL\u202c 🎉\nsecond line'


def _interview(**changes: object) -> CalendarInterview:
    values: dict[str, object] = {
        "interview_id": 7,
        "summary": "Interview: Acme (round 2, video)",
        "starts_at": datetime(2026, 12, 10, 9, 0, tzinfo=UTC),
        "ends_at": datetime(2026, 12, 10, 10, 0, tzinfo=UTC),
        "time_zone": "Europe/Berlin",
        "location": "Room 4",
        "description": "With Dana Lee (Engineering Manager)",
    }
    values.update(changes)
    return CalendarInterview(**values)  # type: ignore[arg-type]


def _reminder(**changes: object) -> CalendarReminder:
    values: dict[str, object] = {
        "kind": "follow_up",
        "subject_key": "follow_up:1:2:3",
        "summary": "Follow up with Acme",
        "at": datetime(2026, 12, 11, 8, 0, tzinfo=UTC),
        "description": "Call them",
    }
    values.update(changes)
    return CalendarReminder(**values)  # type: ignore[arg-type]


def _events(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_an_interview_keeps_its_own_zone_and_instant() -> None:
    events = _events(calendar_bytes([_interview()], [], STAMP))
    event = events[interview_uid(7)]
    start = event["DTSTART"].dt  # type: ignore[index]
    assert start.tzinfo is not None and str(start.tzinfo) == "Europe/Berlin"
    assert start == datetime(2026, 12, 10, 9, 0, tzinfo=UTC)  # 10:00 in Berlin
    assert start.astimezone(BERLIN).hour == 10
    assert event["DTEND"].dt == datetime(2026, 12, 10, 10, 0, tzinfo=UTC)  # type: ignore[index]
    assert b"BEGIN:VTIMEZONE" in calendar_bytes([_interview()], [], STAMP)
    assert b"TZID:Europe/Berlin" in calendar_bytes([_interview()], [], STAMP)


def test_a_reminder_is_an_instant_in_utc_with_an_alarm_at_it() -> None:
    data = calendar_bytes([], [_reminder()], STAMP)
    event = _events(data)[reminder_uid("follow_up", "follow_up:1:2:3")]
    assert event["DTSTART"].dt == datetime(2026, 12, 11, 8, 0, tzinfo=UTC)  # type: ignore[index]
    assert b"DTSTART:20261211T080000Z" in data
    (alarm,) = event.walk("VALARM")  # type: ignore[attr-defined]
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm["TRIGGER"].dt == timedelta(0)


def test_an_interview_alarm_comes_an_hour_before() -> None:
    event = _events(calendar_bytes([_interview()], [], STAMP))[interview_uid(7)]
    (alarm,) = event.walk("VALARM")  # type: ignore[attr-defined]
    assert alarm["TRIGGER"].dt == -timedelta(hours=1)


def test_every_special_character_comes_back_as_typed_and_lines_are_folded() -> None:
    long_words = HARD_WORDS + " " + "x" * 300
    data = calendar_bytes(
        [_interview(summary=HARD_WORDS, location=HARD_WORDS, description=long_words)],
        [_reminder(summary=HARD_WORDS, description=long_words)],
        STAMP,
    )
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "a line is not folded"
    for event in _events(data).values():
        assert str(event["SUMMARY"]) == HARD_WORDS  # type: ignore[index]
        assert str(event["DESCRIPTION"]) == long_words  # type: ignore[index]
    # Escaped in the file, not taken as structure: one event each, two in all.
    assert data.count(b"BEGIN:VEVENT") == 2


@given(
    summary=st.text(st.characters(blacklist_categories=("Cs",)), max_size=200),
    key=st.text(max_size=40),
)
def test_any_words_come_back_exactly(summary: str, key: str) -> None:
    # Carriage returns are line ends to iCalendar: a typed "\r\n" comes back as "\n".
    expected = summary.replace("\r\n", "\n").replace("\r", "\n")
    data = calendar_bytes([], [_reminder(summary=summary, subject_key=key)], STAMP)
    (event,) = _events(data).values()
    assert str(event["SUMMARY"]) == expected  # type: ignore[index]


def test_uids_are_stable_and_distinct() -> None:
    assert reminder_uid("follow_up", "a") == reminder_uid("follow_up", "a")
    assert reminder_uid("follow_up", "a") != reminder_uid("note_due", "a")
    assert reminder_uid("follow_up", "a:b") != reminder_uid("follow_up:a", "b")
    assert interview_uid(7) != interview_uid(8)
    first = calendar_bytes([_interview()], [_reminder()], STAMP)
    later = calendar_bytes([_interview()], [_reminder()], STAMP + timedelta(days=3))
    assert first != later  # made at another time...
    assert without_stamps(first) == without_stamps(later)  # ...saying the same


def test_a_moved_reminder_keeps_its_uid_and_changes_the_file() -> None:
    before = calendar_bytes([], [_reminder()], STAMP)
    moved = calendar_bytes([], [_reminder(at=datetime(2026, 12, 14, 8, tzinfo=UTC))], STAMP)
    assert without_stamps(before) != without_stamps(moved)
    assert set(_events(before)) == set(_events(moved))


def test_an_unknown_zone_keeps_the_instant_in_utc() -> None:
    data = calendar_bytes([_interview(time_zone="Mars/Olympus")], [], STAMP)
    event = _events(data)[interview_uid(7)]
    assert event["DTSTART"].dt == datetime(2026, 12, 10, 9, 0, tzinfo=UTC)  # type: ignore[index]
