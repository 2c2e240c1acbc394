"""A note's reminders as they read: "due soon" reads as overdue once the deadline passed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from followthrough.domain.note_reminders import note_params
from followthrough.domain.reminder_kinds import (
    ReminderKind,
    Rendering,
    params_text,
    render_text,
    shown_kind,
    use_rendering,
)

BERLIN = ZoneInfo("Europe/Berlin")
DEADLINE = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)  # 17:00 in Berlin


def test_due_soon_reads_as_overdue_once_its_deadline_has_passed() -> None:
    params = params_text(note_params("Noah Lee", "Meridian", 4, DEADLINE, "Europe/Berlin"))
    kind = ReminderKind.NOTE_DUE_SOON
    for now, expected_kind, words in (
        (DEADLINE - timedelta(hours=3), kind, "due Tue 1 Dec 17:00"),
        (DEADLINE + timedelta(hours=4), ReminderKind.NOTE_OVERDUE, "was due Tue 1 Dec 17:00"),
    ):
        previous = use_rendering(Rendering(BERLIN, now=lambda at=now: at))
        try:
            assert shown_kind(kind, params) == expected_kind
            title, _body = render_text(kind, params, "stored", "stored")
        finally:
            use_rendering(previous)
        assert words in title
    # Without a clock (words as stored), or without parameters, the kind as it is.
    previous = use_rendering(Rendering(BERLIN))
    try:
        assert shown_kind(kind, params) == kind
        assert shown_kind(kind, "") == kind
        assert shown_kind(ReminderKind.NOTE_OVERDUE, params) == ReminderKind.NOTE_OVERDUE
    finally:
        use_rendering(previous)
