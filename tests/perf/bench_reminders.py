"""Benchmark: the scheduler's "what fires next" lookup over many reminders.

    .venv/bin/python tests/perf/bench_reminders.py [--count 100000]

Fills a temporary database with N reminders (a quarter fired, some done or snoozed), then
times ``next_due_instant()`` and a ``claim_due()`` that finds nothing, and prints SQLite's
query plan. Target (issue 4): next-due under 5 ms with 100,000 reminders.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from followthrough.domain.clock import FakeClock
from followthrough.store.database import open_database
from followthrough.store.fields import to_db_instant
from followthrough.store.models import db
from followthrough.store.reminders import claim_due, next_due_instant

START = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def fill(count: int) -> None:
    rng = random.Random(1)
    rows = []
    for index in range(count):
        due = START + timedelta(minutes=rng.randrange(-60 * 24 * 90, 60 * 24 * 365))
        fired = to_db_instant(due) if due < START and rng.random() < 0.9 else None
        done = to_db_instant(due) if fired and rng.random() < 0.7 else None
        snoozed = (
            to_db_instant(due + timedelta(hours=rng.randrange(1, 48)))
            if not fired and rng.random() < 0.05
            else None
        )
        rows.append(
            (
                "follow_up",
                f"r{index}",
                f"Reminder {index}",
                to_db_instant(due),
                snoozed,
                fired,
                done,
            )
        )
    with db.atomic():
        db.connection().executemany(
            "INSERT INTO reminder (kind, subject_key, title, due_at, snoozed_until, fired_at, "
            "done_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def timed(function: object, repeats: int) -> list[float]:
    results = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()  # type: ignore[operator]
        results.append((time.perf_counter() - started) * 1000)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder), FakeClock(START))
        started = time.perf_counter()
        fill(args.count)
        print(f"filled {args.count:,} reminders in {time.perf_counter() - started:.1f} s")
        plan = database.execute_sql(
            "EXPLAIN QUERY PLAN SELECT MIN(COALESCE(snoozed_until, due_at)) FROM reminder "
            "WHERE fired_at IS NULL AND done_at IS NULL AND dismissed_at IS NULL"
        ).fetchall()
        print("query plan:", "; ".join(str(row[-1]) for row in plan))
        next_due = timed(next_due_instant, 200)
        before = START - timedelta(days=400)
        claims = timed(lambda: claim_due(before), 200)
        median = statistics.median(next_due)
        verdict = "PASS" if median < 5 else "MISS"
        print(
            f"next_due_instant: median {median:.3f} ms, max {max(next_due):.3f} ms "
            f"over 200 calls  [{verdict}: < 5 ms]"
        )
        print(f"claim_due with nothing due: median {statistics.median(claims):.3f} ms")
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
