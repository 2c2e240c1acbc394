"""Two clocks (docs/advice.md, "Time: two clocks"): the interviewer's decides when *they* can be
reached, the user's when the *user* is told; where they differ, both are shown. Cases
around the spring and autumn clock changes, when Berlin and Los Angeles are 8 hours apart
for a few weeks instead of 9.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from followthrough.domain.two_clocks import (
    UserHours,
    both_clocks,
    place_name,
    remind_before,
    remind_from,
)

BERLIN = ZoneInfo("Europe/Berlin")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")
HOURS = UserHours(time(9), time(17))


def at(zone: ZoneInfo, *parts: int) -> datetime:
    return datetime(*parts, tzinfo=zone).astimezone(UTC)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        # 09:30 in Los Angeles is 18:30 in Berlin in winter (9 hours)...
        pytest.param(
            at(LOS_ANGELES, 2026, 12, 15, 9, 30), "Tue 15 Dec 18:30 (09:30 in Los Angeles)"
        ),
        # ...17:30 between the US change (14 March) and the EU one (28 March): 8 hours...
        pytest.param(
            at(LOS_ANGELES, 2027, 3, 16, 9, 30), "Tue 16 Mar 17:30 (09:30 in Los Angeles)"
        ),
        # ...and 18:30 again in summer (both on summer time).
        pytest.param(at(LOS_ANGELES, 2027, 4, 6, 9, 30), "Tue 6 Apr 18:30 (09:30 in Los Angeles)"),
        # Autumn: the EU changes back on 25 October, the US on 1 November: 8 hours again.
        pytest.param(
            at(LOS_ANGELES, 2026, 10, 27, 9, 30), "Tue 27 Oct 17:30 (09:30 in Los Angeles)"
        ),
        # The same clock: one time only.
        pytest.param(at(BERLIN, 2026, 12, 15, 9, 30), "Tue 15 Dec 09:30"),
        # New York, an hour apart at most from... no: six hours from Berlin in winter.
        pytest.param(at(NEW_YORK, 2026, 12, 15, 9, 30), "Tue 15 Dec 15:30 (09:30 in New York)"),
    ],
)
def test_times_are_shown_on_the_users_clock_and_theirs(call: datetime, expected: str) -> None:
    their = {"Los Angeles": LOS_ANGELES, "New York": NEW_YORK}
    zone = next((z for name, z in their.items() if name in expected), BERLIN)
    assert both_clocks(call, BERLIN, zone) == expected


def test_another_day_on_their_clock_is_said() -> None:
    """09:30 on Wednesday in Tokyo is 01:30 on Wednesday in Berlin (the same day); 08:00
    on Monday in Berlin is Sunday night in Los Angeles."""
    assert both_clocks(at(TOKYO, 2026, 12, 16, 9, 30), BERLIN, TOKYO) == (
        "Wed 16 Dec 01:30 (09:30 in Tokyo)"
    )
    assert both_clocks(at(BERLIN, 2026, 12, 14, 8, 0), BERLIN, LOS_ANGELES) == (
        "Mon 14 Dec 08:00 (Sun 13 Dec 23:00 in Los Angeles)"
    )


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        # Inside the user's hours: at the moment itself.
        pytest.param(at(BERLIN, 2026, 12, 15, 10, 0), at(BERLIN, 2026, 12, 15, 10, 0)),
        # A call in the user's evening: the last quarter of an hour of their day.
        pytest.param(at(LOS_ANGELES, 2026, 12, 15, 9, 30), at(BERLIN, 2026, 12, 15, 16, 45)),
        # A call in the user's night: the day before, before their day ends.
        pytest.param(at(TOKYO, 2026, 12, 16, 9, 30), at(BERLIN, 2026, 12, 15, 16, 45)),
        # Across the spring change: 17:30 Berlin is still after 17:00.
        pytest.param(at(LOS_ANGELES, 2027, 3, 16, 9, 30), at(BERLIN, 2027, 3, 16, 16, 45)),
    ],
)
def test_a_reminder_of_a_call_comes_inside_the_users_hours_never_after_the_call(
    event: datetime, expected: datetime
) -> None:
    reminded = remind_before(event, BERLIN, HOURS)
    assert reminded == expected
    assert reminded <= event
    assert HOURS.holds(reminded, BERLIN)


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        pytest.param(at(BERLIN, 2026, 12, 15, 11, 0), at(BERLIN, 2026, 12, 15, 11, 0)),
        pytest.param(at(BERLIN, 2026, 12, 15, 6, 0), at(BERLIN, 2026, 12, 15, 9, 0)),
        pytest.param(at(BERLIN, 2026, 12, 15, 22, 0), at(BERLIN, 2026, 12, 16, 9, 0)),
        # The night of the autumn change (clocks go back at 03:00): still 09:00 next morning.
        pytest.param(at(BERLIN, 2026, 10, 25, 2, 30), at(BERLIN, 2026, 10, 25, 9, 0)),
    ],
)
def test_a_task_from_now_on_waits_for_the_users_morning(
    instant: datetime, expected: datetime
) -> None:
    assert remind_from(instant, BERLIN, HOURS) == expected


def test_the_place_is_named_from_the_zone() -> None:
    assert place_name(LOS_ANGELES) == "Los Angeles"
    assert place_name(ZoneInfo("America/Argentina/Buenos_Aires")) == "Buenos Aires"


def test_the_users_hours_must_make_sense() -> None:
    with pytest.raises(ValueError):
        UserHours(time(17), time(9))
