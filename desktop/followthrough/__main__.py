"""Command line: the GUI by default, plus ``demo``, ``due`` and ``--self-test``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from followthrough import APP_NAME, __version__
from followthrough.logfile import log_to_stderr

EXIT_USAGE = 2
EXIT_DATABASE = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="followthrough",
        description=(
            f"{APP_NAME}: thank-you notes, follow-ups and reference heads-ups after job "
            "interviews, with desktop reminders. Without a command, opens the window."
        ),
        epilog=(
            "Data folder: --data-dir, else $FOLLOWTHROUGH_DATA_DIR, else the platform's "
            "user data folder (~/.local/share/followthrough on Linux)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="use this data folder")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this build headless (temporary database, window rendered offscreen); "
        "exit 0 when everything works",
    )
    parser.add_argument(
        "--keep", metavar="DIR", type=Path, help="with --self-test: leave its screenshots here"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more to stderr")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser(
        "demo",
        help="fill an empty data folder with realistic sample data",
        description="Fill an empty data folder with sample applications, interviews and "
        "people around today, some already past due.",
    )
    demo.add_argument(
        "--count", type=int, default=None, metavar="N", help="number of applications (default 25)"
    )
    due = commands.add_parser(
        "due",
        help="list the reminders due at an instant (default now)",
        description="List the reminders due at the given instant (default now), oldest "
        "first, including those the data would plan by then. Only reads: the data folder "
        "is left exactly as it was.",
    )
    due.add_argument(
        "--at",
        metavar="ISO-DATETIME",
        type=_instant_argument,
        help="e.g. 2026-11-23T09:30+01:00 (without a zone: this computer's)",
    )
    due.add_argument("--json", action="store_true", help="one JSON list, for scripts")
    return parser


def _instant_argument(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date and time: {text!r}") from exc
    if value.tzinfo is None:
        value = value.astimezone()  # the computer's own zone
    return value.astimezone(UTC)


def _due(data_dir: Path, at: datetime | None, as_json: bool) -> int:
    from followthrough.domain.clock import Clock, FakeClock, SystemClock
    from followthrough.store.database import DatabaseOpenError, read_database
    from followthrough.store.planning import preview_due

    clock: Clock = FakeClock(at) if at is not None else SystemClock()
    instant = clock.now()
    try:
        # Read-only: what is due, or would be by then, is worked out in memory.
        items = read_database(data_dir, lambda: preview_due(instant), clock)
    except DatabaseOpenError as exc:
        print(f"{APP_NAME}: {exc}", file=sys.stderr)
        return EXIT_DATABASE
    if items is None:
        items = []
    if as_json:
        listing = [
            {
                "kind": item.kind,
                "subject": item.title,
                "due": item.effective_due.isoformat(),
                "application_id": item.application_id,
                "detail": item.body,
            }
            for item in items
        ]
        print(json.dumps(listing, indent=2, ensure_ascii=False))
        return 0
    if not items:
        print(f"Nothing is due at {instant.astimezone():%Y-%m-%d %H:%M %Z}.")
    for item in items:
        print(f"{item.effective_due.astimezone():%Y-%m-%d %H:%M}  {item.title}")
    return 0


def _demo(data_dir: Path, count: int | None) -> int:
    from followthrough.domain.clock import SystemClock
    from followthrough.domain.errors import UserError
    from followthrough.store.database import DatabaseOpenError, open_database
    from followthrough.store.demo import DEFAULT_COUNT, fill_demo

    clock = SystemClock()
    try:
        database = open_database(data_dir, clock)
    except DatabaseOpenError as exc:
        print(f"{APP_NAME}: {exc}", file=sys.stderr)
        return EXIT_DATABASE
    started = time.perf_counter()
    try:
        summary = fill_demo(clock, count if count is not None else DEFAULT_COUNT)
    except UserError as exc:
        print(f"{APP_NAME}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        database.close()
    elapsed = time.perf_counter() - started
    print(
        f"Added {summary.applications:,} applications, {summary.interviews:,} interviews and "
        f"{summary.contacts:,} people to {data_dir} in {elapsed:.1f} s.\n"
        f"Open them with: followthrough --data-dir {data_dir}"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    log_to_stderr(args.verbose)
    if args.keep is not None and not args.self_test:
        parser.error("--keep only goes with --self-test")
    if args.self_test:
        from followthrough.selftest import run_self_test

        return run_self_test(args.keep.absolute() if args.keep else None)

    from followthrough.store.paths import resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir)
    if args.command == "demo":
        return _demo(data_dir, args.count)
    if args.command == "due":
        return _due(data_dir, args.at, args.json)

    from followthrough.app import run_gui

    return run_gui(data_dir, [sys.argv[0]])


if __name__ == "__main__":
    sys.exit(main())
