"""Command line: the GUI by default, plus ``demo``, ``due``, ``export``, ``import``,
``calendar-push``, ``calendar-password`` and ``--self-test``."""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from followthrough import APP_NAME, __version__
from followthrough.domain.validation import day_problem
from followthrough.domain.wording import clock_time, short_day
from followthrough.logfile import log_to_stderr
from followthrough.store.errors import EXIT_CODE_HELP

if TYPE_CHECKING:
    from followthrough.store.exchange.importing import ImportReport

log = logging.getLogger("followthrough")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="followthrough",
        description=(
            f"{APP_NAME}: thank-you notes, follow-ups and reference heads-ups after job "
            "interviews, with desktop reminders. Without a command, opens the window."
        ),
        epilog=(
            "Data folder: --data-dir, else $FOLLOWTHROUGH_DATA_DIR, else the platform's "
            "user data folder (~/.local/share/followthrough on Linux). " + EXIT_CODE_HELP
        ),
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR", type=_folder_argument, help="use this data folder"
    )
    # Also taken after the command ("due --data-dir D"); there it overrides the one before.
    after_command = argparse.ArgumentParser(add_help=False)
    after_command.add_argument(
        "--data-dir",
        metavar="DIR",
        type=_folder_argument,
        default=argparse.SUPPRESS,
        help="use this data folder",
    )
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
        parents=[after_command],
        help="fill an empty data folder with realistic sample data",
        description="Fill an empty data folder with sample applications, interviews and "
        "people around today, some already past due.",
    )
    demo.add_argument(
        "--count",
        type=_demo_count_argument,
        default=None,
        metavar="N",
        help="number of applications (default 25, at most 100,000)",
    )
    due = commands.add_parser(
        "due",
        parents=[after_command],
        help="list the reminders due at an instant (default now)",
        description="List the reminders due at the given instant (default now), oldest "
        "first, including those the data would plan by then. Only reads: the data folder "
        "is left exactly as it was.",
    )
    due.add_argument(
        "--at",
        metavar="ISO-DATETIME",
        type=_instant_argument,
        help="e.g. 2026-11-23T09:30+01:00 (without a zone: your time zone, as set in the "
        "app's preferences, else this computer's)",
    )
    due.add_argument("--json", action="store_true", help="one JSON list, for scripts")
    export = commands.add_parser(
        "export",
        parents=[after_command],
        help="write everything to a JSON file (docs/data-format.md), a calendar file, "
        "applications or people to CSV, or people to vCards",
        description="Write everything in the data folder (applications, interviews, people, "
        "notes, references, debriefs, offers, settings, reminders and what was done with "
        "them) to one JSON file, in the format docs/data-format.md describes; or, with "
        "--format ics, the interviews and open reminders from 30 days back to a year "
        "ahead as an iCalendar file for a calendar app; with --format csv, the "
        "applications (or, with --what contacts, the people) as a spreadsheet that opens "
        "safely; with --format vcard, the people as business cards. Only reads: the data "
        "folder is left exactly as it was.",
    )
    export.add_argument(
        "--format",
        choices=["json", "ics", "csv", "vcard"],
        default="json",
        help="the file's format: json (everything, default), ics (a calendar), csv (a "
        "spreadsheet) or vcard (business cards)",
    )
    export.add_argument(
        "--what",
        choices=["applications", "contacts"],
        default="applications",
        help="with --format csv: the applications (default) or the people",
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        help="write to FILE (replaced once complete); without it, to standard output",
    )
    importing = commands.add_parser(
        "import",
        parents=[after_command],
        help="bring back everything from a JSON export, or add applications from a "
        "spreadsheet (CSV) or people from business cards (vCard)",
        description="Read a JSON export (docs/data-format.md) into the data folder, all or "
        "nothing. Into a folder without data it comes back exactly as it was exported; a "
        "folder that has data is refused unless --merge is given. A CSV file (from Huntr, "
        "Teal or a spreadsheet) adds its applications, its columns guessed from their "
        "names, leaving out rows without a company, duplicates of applications already "
        "there and jobs not applied to yet; a vCard file adds its people, matching those "
        "already there. The format is taken from the file's name unless --format says it.",
    )
    importing.add_argument("file", metavar="FILE", type=Path, help="the file to read")
    importing.add_argument(
        "--format",
        choices=["json", "csv", "vcard"],
        default=None,
        help="the file's format (default: from its name: .csv, .tsv, .txt are CSV; .vcf, "
        ".vcard are vCard; anything else JSON)",
    )
    importing.add_argument(
        "--dates",
        choices=["day-first", "month-first"],
        default=None,
        help="CSV: how to read a date such as 03/04/2026 (3 April, or March 4) when the "
        "file's other dates do not say",
    )
    importing.add_argument(
        "--merge",
        action="store_true",
        help="add the file's records to the data already there: people (by e-mail, else "
        "name) and applications (by company and role) found there are matched, not doubled",
    )
    from followthrough.calendar_commands import add_commands

    add_commands(commands, after_command)
    return parser


def _instant_argument(text: str) -> datetime:
    """An ISO date and time; without a zone it stays naive and is read on the user's
    clock (``_due`` knows it once the data folder is read)."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date and time: {text!r}") from exc
    problem = day_problem(value.date(), f"{text!r}")
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return value


def _folder_argument(text: str) -> str:
    if not text.strip():
        # An empty --data-dir would quietly open the usual data folder: the real data.
        raise argparse.ArgumentTypeError("an empty folder name; give the folder's path")
    return text


def _demo_count_argument(text: str) -> int:
    from followthrough.demo import MAX_COUNT

    try:
        count = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from exc
    if not 1 <= count <= MAX_COUNT:
        raise argparse.ArgumentTypeError(f"goes from 1 to {MAX_COUNT:,} applications")
    return count


def _due(data_dir: Path, at: datetime | None, as_json: bool) -> int:
    from followthrough.domain.clock import Clock, FakeClock, SystemClock
    from followthrough.domain.reminder_plan import StoredReminder
    from followthrough.domain.zones import told_computer_zone
    from followthrough.store import settings as options
    from followthrough.store.database import read_database
    from followthrough.store.planning import preview_due

    if data_dir.exists() and not data_dir.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(data_dir))
    if told_computer_zone() is None:
        # Python cannot name this computer's zone (Windows, a copied /etc/localtime);
        # Qt can, as in the app (its core only: no window is made).
        from followthrough.ui.common.formatting import computer_zone

        options.set_computer_zone(computer_zone().key)

    def instant_on(zone: ZoneInfo) -> datetime:
        # An --at without a zone is read on the user's clock.
        if at is None:
            return SystemClock().now()
        return at if at.tzinfo is not None else at.replace(tzinfo=zone)

    from followthrough.domain.reminder_kinds import Rendering, render_text, use_rendering
    from followthrough.domain.wording import EnglishDayWords, use_day_words

    def look() -> tuple[ZoneInfo, datetime, list[StoredReminder]]:
        # Times are read and shown on the user's clock ("Your time zone", else the
        # computer's); what is due, or would be by then, is worked out in memory.
        zone = options.user_zone()
        instant = instant_on(zone)
        # A day in another year than the one asked about carries its year, as in the window
        # (also in what is planned here in memory).
        use_day_words(EnglishDayWords(lambda: instant.astimezone(zone).date()))
        return zone, instant, preview_due(instant)

    # One read-only look (a migration, if any, happens in memory on this clock).
    clock: Clock = FakeClock(instant_on(options.the_computers_zone())) if at else SystemClock()
    found = read_database(data_dir, look, clock)
    # (No data folder yet: no preference either.)
    zone, instant, items = found or (
        options.the_computers_zone(),
        instant_on(options.the_computers_zone()),
        [],
    )
    # The words of each reminder, written now on the user's clock.
    use_day_words(EnglishDayWords(lambda: instant.astimezone(zone).date()))
    use_rendering(Rendering(zone, now=lambda: instant))
    words = [render_text(item.kind, item.params, item.title, item.body) for item in items]
    if as_json:
        listing = [
            {
                "kind": item.kind,
                "subject": title,
                "due": item.placed_at.isoformat(),
                "application_id": item.application_id,
                "detail": body,
            }
            for item, (title, body) in zip(items, words, strict=True)
        ]
        print(json.dumps(listing, indent=2, ensure_ascii=False))
        return 0
    if found is None:
        print(f"There is no data in {data_dir} yet, so nothing is due.")
    elif not items:
        print(f"Nothing is due at {moment_words(instant, zone)}.")
    for item, (title, _body) in zip(items, words, strict=True):
        print(f"{moment_words(item.placed_at, zone)}  {title}")
    return 0


def moment_words(instant: datetime, zone: ZoneInfo) -> str:
    """``instant`` on ``zone``'s clock as the window writes it, the zone named:
    "Tue 1 Dec 18:30 CET" (with the year when it is not this one)."""
    local = instant.astimezone(zone)
    return f"{short_day(local.date())} {clock_time(local)} {local.tzname()}"


def duration_words(seconds: float) -> str:
    """How long something took, for a person: "in under a second", "in 2.4 s",
    "in 3 min 5 s" (never "in 0.0 s")."""
    if seconds < 1:
        return "in under a second"
    if seconds < 60:
        return f"in {seconds:.1f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"in {minutes} min {rest} s"


def _demo(data_dir: Path, count: int) -> int:
    from followthrough.demo import fill_demo
    from followthrough.domain.clock import SystemClock
    from followthrough.domain.wording import plural
    from followthrough.store.database import open_database

    clock = SystemClock()
    before = {entry.name for entry in data_dir.iterdir()} if data_dir.is_dir() else None
    started = time.perf_counter()
    try:
        database = open_database(data_dir, clock)
        try:
            summary = fill_demo(clock, count)
        finally:
            database.close()
    except BaseException:
        # A demo that could not finish (a full disk, Ctrl+C) leaves no half-made data
        # folder behind: what this run created goes, what was there stays.
        _remove_leftovers(data_dir, before)
        raise
    elapsed = time.perf_counter() - started
    print(
        f"Added {plural(summary.applications, 'application')}, "
        f"{plural(summary.interviews, 'interview')} and "
        f"{plural(summary.contacts, 'person', 'people')} to {data_dir} {duration_words(elapsed)}.\n"
        f"Open them with: followthrough --data-dir {data_dir}"
    )
    return 0


def _remove_leftovers(data_dir: Path, before: set[str] | None) -> None:
    """Removes what a failed demo or import made, and only that: the database files and
    the empty backups folder that were not there before (``before``: the folder's names
    beforehand, None when the command made the folder), then the folder itself if it made
    it and it is empty (an app started meanwhile keeps what it wrote)."""
    from followthrough.store.paths import BACKUP_DIR_NAME, DATABASE_NAME

    existed = before or set()
    if DATABASE_NAME in existed:
        return  # the database was there: the demo refused it or rolled back in it
    for suffix in ("", "-wal", "-shm", "-journal"):
        if f"{DATABASE_NAME}{suffix}" not in existed:
            (data_dir / f"{DATABASE_NAME}{suffix}").unlink(missing_ok=True)
    if BACKUP_DIR_NAME not in existed:
        with contextlib.suppress(OSError):
            (data_dir / BACKUP_DIR_NAME).rmdir()  # only when empty
    if before is None:
        with contextlib.suppress(OSError):
            data_dir.rmdir()


def _export(data_dir: Path, output: Path | None) -> int:
    from followthrough.domain.clock import SystemClock
    from followthrough.domain.exchange.schema import Tables
    from followthrough.domain.wording import plural
    from followthrough.store.database import read_database
    from followthrough.store.exchange.exporting import export_tables, save_export, write_export

    if data_dir.exists() and not data_dir.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(data_dir))
    clock = SystemClock()
    # One read-only look: nothing in the data folder is created or changed.
    tables = read_database(data_dir, export_tables, clock)
    if tables is None:
        print(f"There is no data in {data_dir} yet: the export holds no records.", file=sys.stderr)
        tables = Tables()
    if output is None or str(output) == "-":
        write_export(sys.stdout, tables, clock.now())
        sys.stdout.flush()
        return 0
    summary = save_export(tables, output, clock.now())
    print(
        f"Exported {plural(summary.applications, 'application')}, "
        f"{plural(summary.interviews, 'interview')}, "
        f"{plural(summary.people, 'person', 'people')} and "
        f"{plural(summary.reminders, 'reminder')} to {output}."
    )
    return 0


def _export_calendar(data_dir: Path, output: Path | None) -> int:
    """The calendar file, on the user's clock (its words name days and times there)."""
    from followthrough.domain.clock import SystemClock
    from followthrough.domain.reminder_kinds import Rendering
    from followthrough.domain.zones import told_computer_zone
    from followthrough.store import settings as options
    from followthrough.store.calendar_feed import calendar_file, write_feed
    from followthrough.store.database import read_database
    from followthrough.store.planning import planned_kinds

    if data_dir.exists() and not data_dir.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(data_dir))
    if told_computer_zone() is None:
        from followthrough.ui.common.formatting import computer_zone

        options.set_computer_zone(computer_zone().key)
    planned_kinds()  # every feature's reminder kinds known, for their words
    clock = SystemClock()
    now = clock.now()
    # One read-only look: nothing in the data folder is created or changed.
    data = read_database(
        data_dir, lambda: calendar_file(now, Rendering(options.user_zone())), clock
    )
    if data is None:
        from followthrough.domain.calendar_feed import calendar_bytes

        data = calendar_bytes([], [], now)
    if output is None or str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    # Replaced whole, and only when it says something new (a subscribed calendar, or the
    # app's own copy in the data folder, is not disturbed for nothing).
    write_feed(output, data)
    return 0


def _export_other(data_dir: Path, args: argparse.Namespace) -> int:
    from followthrough import exchange_cli

    if args.format == "csv":
        return exchange_cli.export_csv(data_dir, args.output, args.what)
    return exchange_cli.export_vcards(data_dir, args.output)


def _import_any(data_dir: Path, args: argparse.Namespace) -> int:
    from followthrough import exchange_cli

    kind = exchange_cli.format_of(args.file, args.format)
    if kind == "json":
        return _import(data_dir, args.file, args.merge)
    before = {entry.name for entry in data_dir.iterdir()} if data_dir.is_dir() else None

    def undo() -> None:
        _remove_leftovers(data_dir, before)

    if kind == "csv":
        return exchange_cli.import_csv(data_dir, args.file, args.dates, undo)
    return exchange_cli.import_vcards(data_dir, args.file, undo)


def _import(data_dir: Path, path: Path, merge: bool) -> int:
    from followthrough import exchange_cli
    from followthrough.domain.clock import SystemClock
    from followthrough.domain.errors import UserError
    from followthrough.store.database import DataLocation, open_database
    from followthrough.store.exchange.importing import (
        FolderNotEmptyError,
        import_document,
        read_export,
    )

    try:
        # The whole file is checked before the data folder is opened (or made).
        document = read_export(path)
    except UserError as exc:
        raise UserError(f"Nothing was imported from {path}. {exc}") from exc
    before = {entry.name for entry in data_dir.iterdir()} if data_dir.is_dir() else None
    started = time.perf_counter()
    try:
        database = open_database(data_dir, SystemClock())
        try:
            report = import_document(
                document, merge=merge, back_up=DataLocation(data_dir), now=SystemClock().now()
            )
        finally:
            database.close()
    except FolderNotEmptyError as exc:
        raise UserError(
            f"{exc} To add the records of {path} to what is there (people and applications "
            "already there are matched, not doubled), run it again with --merge; or import "
            "into an empty folder with --data-dir."
        ) from exc
    except BaseException:
        _remove_leftovers(data_dir, before)
        raise
    print(_import_words(report, data_dir, time.perf_counter() - started))
    exchange_cli.print_backup(report.backup)
    return 0


def _import_words(report: ImportReport, data_dir: Path, seconds: float) -> str:
    from followthrough.domain.exchange.schema import APPLICATION, INTERVIEW, PERSON, REMINDER
    from followthrough.domain.wording import plural

    added = (
        f"{plural(report.count(APPLICATION), 'application')}, "
        f"{plural(report.count(INTERVIEW), 'interview')}, "
        f"{plural(report.count(PERSON), 'person', 'people')} and "
        f"{plural(report.count(REMINDER), 'reminder')}"
    )
    if not report.merged:
        return f"Imported {added} into {data_dir} {duration_words(seconds)}."
    matched = report.matched
    return (
        f"Merged into {data_dir} {duration_words(seconds)}: added {added}. Found there "
        f"already: {plural(matched.get(APPLICATION.name, 0), 'application')} and "
        f"{plural(matched.get(PERSON.name, 0), 'person', 'people')} (matched, not doubled), "
        f"and {plural(report.already_there, 'other record')}."
    )


def main(argv: Sequence[str] | None = None) -> int:
    if hasattr(os, "umask"):
        # Everything the app writes (database, backups, log, window state, lock, a saved
        # PDF) is the user's private job search: readable by them only, whatever umask
        # the desktop session gave.
        os.umask(0o077)
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
    if args.command is None:
        from followthrough.app import run_gui

        return run_gui(data_dir, [sys.argv[0]])
    try:
        return _command(data_dir, args)
    except BrokenPipeError:
        # The reader went away (``due | head -1``): what it read was all it wanted. Output
        # still buffered goes nowhere, so that closing stdout at exit raises nothing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # one sentence and an exit code, never a traceback
        return _report(exc, data_dir, args)


def _command(data_dir: Path, args: argparse.Namespace) -> int:
    """Runs the command named on the command line (not the window)."""
    if args.command == "demo":
        return _demo(data_dir, args.count or _default_demo_count())
    if args.command == "export":
        if args.format == "ics":
            return _export_calendar(data_dir, args.output)
        if args.format in ("csv", "vcard"):
            return _export_other(data_dir, args)
        return _export(data_dir, args.output)
    if args.command == "import":
        return _import_any(data_dir, args)
    if args.command in _CALENDAR_COMMANDS:
        return _calendar_command(data_dir, args)
    return _due(data_dir, args.at, args.json)


_CALENDAR_COMMANDS = ("calendar-push", "calendar-password")


def _calendar_command(data_dir: Path, args: argparse.Namespace) -> int:
    from followthrough.calendar_commands import run_calendar_password, run_calendar_push

    if args.command == "calendar-push":
        return run_calendar_push(data_dir, args)
    return run_calendar_password(data_dir, args)


def _default_demo_count() -> int:
    from followthrough.demo import DEFAULT_COUNT

    return DEFAULT_COUNT


def _report(error: Exception, data_dir: Path, args: argparse.Namespace) -> int:
    from followthrough.domain.errors import UserError
    from followthrough.store.errors import ExitCode, describe_startup_failure

    if isinstance(error, UserError):
        print(f"{APP_NAME}: {error}", file=sys.stderr)
        return int(ExitCode.USAGE)
    # About 5 KB of database per demo application.
    needed = 5000 * args.count if args.command == "demo" and args.count else None
    problem = describe_startup_failure(error, data_dir, needed)
    log.info("%s failed", args.command, exc_info=error)  # the details, with --verbose
    print(f"{APP_NAME}: {problem}", file=sys.stderr)
    return int(problem.exit_code)


if __name__ == "__main__":
    sys.exit(main())
