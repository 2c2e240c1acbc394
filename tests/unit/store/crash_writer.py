"""Child process for the crash test: commits rows one transaction at a time and says so.

Usage: python crash_writer.py DATA_DIR. Prints the id of each committed row, flushed,
after its transaction has committed.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from followthrough.domain.clock import SystemClock
from followthrough.store.database import open_database
from followthrough.store.models import Application, db


def main() -> None:
    clock = SystemClock()
    open_database(Path(sys.argv[1]), clock)
    index = 0
    while True:
        index += 1
        now = datetime.now(UTC)
        with db.atomic():
            row = Application.create(
                company=f"Company {index}", role_title="x" * 200, created_at=now, updated_at=now
            )
        print(row.id, flush=True)


if __name__ == "__main__":
    main()
