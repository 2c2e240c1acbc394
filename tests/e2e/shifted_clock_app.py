"""The real app, started as a user starts it, but with its clock set to a chosen instant
and running on from there in real time (so the scheduler's timers wait as they would).

    python -m tests.e2e.shifted_clock_app 2027-03-15T16:44:55+01:00 DATA_DIR
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from followthrough.app import run_gui


class ShiftedClock:
    def __init__(self, start: datetime) -> None:
        self._offset = start - datetime.now(UTC)

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset


def main(argv: list[str]) -> int:
    start, data_dir = datetime.fromisoformat(argv[0]), Path(argv[1])
    return run_gui(data_dir, [sys.argv[0]], ShiftedClock(start))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
