"""When a thank-you note is due, and the reminders before and after (docs/advice.md,
"Thank-you notes": within 24 hours, about two days at the outside)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from followthrough.domain.note_tasks import (
    NoteMedium,
    NoteStatus,
    default_medium,
    note_deadline,
    note_reminder_times,
)

CHICAGO = ZoneInfo("America/Chicago")
DAY_FROM, DAY_UNTIL = time(9), time(17)


def _local(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=CHICAGO)


def test_the_deadline_is_24_to_48_hours_after_the_end() -> None:
    ended = _local(2026, 11, 19, 11)
    assert note_deadline(ended, 24) == _local(2026, 11, 20, 11)
    assert note_deadline(ended, 48) == _local(2026, 11, 21, 11)
    for hours in (0, 23, 49):
        with pytest.raises(ValueError, match="24 to 48"):
            note_deadline(ended, hours)


def test_due_soon_comes_three_hours_before_a_daytime_deadline() -> None:
    times = note_reminder_times(_local(2026, 11, 19, 15), 24, CHICAGO, DAY_FROM, DAY_UNTIL)
    assert times.deadline == _local(2026, 11, 20, 15)
    assert times.due_soon == _local(2026, 11, 20, 12)
    assert times.overdue == times.deadline
    assert times.stop_after == _local(2026, 11, 22, 15)


def test_an_early_morning_deadline_is_announced_the_evening_before() -> None:
    # Interview ended 10:00; with a 24 h limit the due-soon time (7:00) is before the
    # day starts, so it comes the evening before, still after the interview.
    times = note_reminder_times(_local(2026, 11, 19, 10), 24, CHICAGO, DAY_FROM, DAY_UNTIL)
    # The last quarter of an hour of the day, inside the hours (reminders stop at 17:00).
    assert times.due_soon == _local(2026, 11, 19, 16, 45)
    assert times.overdue == times.deadline == _local(2026, 11, 20, 10)


def test_a_late_evening_deadline_warns_before_the_day_ends_and_nags_next_morning() -> None:
    times = note_reminder_times(_local(2026, 11, 19, 21), 24, CHICAGO, DAY_FROM, DAY_UNTIL)
    assert times.due_soon == _local(2026, 11, 20, 16, 45)  # 18:00 is after hours
    assert times.overdue == _local(2026, 11, 21, 9)


def test_a_deadline_before_the_day_starts_is_overdue_at_its_start() -> None:
    times = note_reminder_times(_local(2026, 11, 19, 6), 24, CHICAGO, DAY_FROM, DAY_UNTIL)
    assert times.overdue == _local(2026, 11, 20, 9)
    assert times.due_soon == _local(2026, 11, 19, 16, 45)


def test_due_soon_is_never_before_the_interview_ended() -> None:
    # A 21:00 interview end and hours that stop at 17:00: the evening before the due-soon
    # day would be before the end, so the end itself is the earliest.
    times = note_reminder_times(_local(2026, 11, 19, 23, 30), 24, CHICAGO, time(9), time(17))
    assert times.due_soon >= _local(2026, 11, 19, 23, 30)


def test_daylight_saving_keeps_24_real_hours() -> None:
    # The night of 31 Oct to 1 Nov 2026 has 25 hours in Chicago.
    ended = _local(2026, 10, 31, 14)
    times = note_reminder_times(ended, 24, CHICAGO, DAY_FROM, DAY_UNTIL)
    assert times.deadline.astimezone(UTC) - ended.astimezone(UTC) == timedelta(hours=24)
    assert times.deadline.astimezone(CHICAGO).hour == 13


def test_the_reminder_window_closes_two_days_after_the_deadline() -> None:
    ended = datetime(2026, 11, 19, 20, tzinfo=UTC)
    times = note_reminder_times(ended, 24, CHICAGO, DAY_FROM, DAY_UNTIL)
    # The planner stops reminding at stop_after: a day after the deadline plus two.
    assert times.stop_after == ended + timedelta(days=3)


@pytest.mark.parametrize(
    ("preferred", "email", "medium"),
    [
        ("email", "dana@acme.example", NoteMedium.EMAIL),
        ("either", "dana@acme.example", NoteMedium.EMAIL),
        (None, "dana@acme.example", NoteMedium.EMAIL),
        ("phone", "dana@acme.example", NoteMedium.CARD),
        ("email", "", NoteMedium.CARD),
        (None, "  ", NoteMedium.CARD),
    ],
)
def test_the_medium_follows_the_preferred_contact_method(
    preferred: str | None, email: str, medium: NoteMedium
) -> None:
    assert default_medium(preferred, email) is medium


def test_states_and_their_labels() -> None:
    assert [s.finished for s in NoteStatus] == [False, False, False, True, True, True]
    assert NoteMedium.CARD.finished_status is NoteStatus.MAILED
    assert NoteMedium.DROP_OFF.printed and not NoteMedium.EMAIL.printed
    assert (NoteStatus.SENT.label, NoteMedium.CARD.label) == ("E-mailed", "Card by post")
