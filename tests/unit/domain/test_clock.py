from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from followthrough.domain.clock import FakeClock, SystemClock


def test_fake_clock_moves_only_when_told() -> None:
    clock = FakeClock(datetime(2026, 3, 29, 0, 30, tzinfo=ZoneInfo("Europe/Berlin")))
    assert clock.now() == datetime(2026, 3, 28, 23, 30, tzinfo=UTC)
    assert clock.now().tzinfo == UTC
    clock.advance(timedelta(hours=2))
    assert clock.now() == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_fake_clock_refuses_naive_times() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        FakeClock(datetime(2026, 1, 1))  # noqa: DTZ001
    clock = FakeClock(datetime(2026, 1, 1, tzinfo=UTC))
    with pytest.raises(ValueError, match="timezone-aware"):
        clock.set(datetime(2026, 1, 2))  # noqa: DTZ001


def test_system_clock_is_aware_utc() -> None:
    assert SystemClock().now().tzinfo == UTC
