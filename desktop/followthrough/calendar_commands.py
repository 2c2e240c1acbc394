"""``followthrough calendar-push`` and ``followthrough calendar-password``: the push to
the user's calendar server, its connection test, and the password in the keyring.

The window runs these as child processes (``services.calendar_push``), so the CalDAV,
XML, HTTP and keyring libraries never load into it. With ``--json`` each prints one line
of JSON, what the window reads: ``{"ok": true, …}`` or ``{"ok": false, "kind": …,
"params": {…}, "message": …}`` (``domain.calendar_push.problems``). A password comes
from the keyring, or from standard input with ``--password-stdin`` (never the command
line, where other users could see it).
"""

from __future__ import annotations

import argparse
import errno
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from followthrough.store.errors import ExitCode

if TYPE_CHECKING:
    from followthrough.domain.calendar_push.problems import PushError
    from followthrough.store.calendar_push.push import Now, Setup
    from followthrough.store.calendar_push.record import Destination


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    after_command: argparse.ArgumentParser,
) -> None:
    push = commands.add_parser(
        "calendar-push",
        parents=[after_command],
        help="send interviews and reminders to your calendar server (CalDAV)",
        description="Send the interviews and open reminders (30 days back to a year ahead) "
        "to the calendar set in File ▸ Calendar server…, one way: new events are added, "
        "changed ones updated, gone ones (done, dismissed, past their time, deleted) "
        "removed; what was already sent is not sent again. Reads the data folder only "
        "(what was sent is kept in calendar-push.json there). The password comes from "
        "the system's keyring, or from standard input with --password-stdin.",
    )
    push.add_argument(
        "--test",
        action="store_true",
        help="only sign in and find the calendar; send nothing",
    )
    _add_account_arguments(push)
    password = commands.add_parser(
        "calendar-password",
        parents=[after_command],
        help="keep the calendar server's password in the system's keyring",
        description="Say whether the system's password store (keyring) works and holds "
        "the calendar server's password; with --store, save the password read from "
        "standard input; with --forget, remove it.",
    )
    action = password.add_mutually_exclusive_group()
    action.add_argument("--store", action="store_true", help="save the password from stdin")
    action.add_argument("--forget", action="store_true", help="remove the saved password")
    _add_account_arguments(password)


def _add_account_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--server", metavar="URL", help="the server's address (not the saved one)")
    parser.add_argument("--user", metavar="NAME", help="the user name (not the saved one)")
    parser.add_argument(
        "--calendar", metavar="NAME-OR-URL", help="the calendar (not the saved one)"
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input",
    )
    parser.add_argument("--json", action="store_true", help="one line of JSON, for the app")


def _prepare(data_dir: Path) -> None:
    """As for the calendar file: the user's clock known, every reminder kind's words."""
    from followthrough.domain.zones import told_computer_zone
    from followthrough.store import settings as options
    from followthrough.store.planning import planned_kinds

    if data_dir.exists() and not data_dir.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(data_dir))
    if told_computer_zone() is None:
        from followthrough.ui.common.formatting import computer_zone

        options.set_computer_zone(computer_zone().key)
    planned_kinds()


def _answer(args: argparse.Namespace, payload: dict[str, object], words: str) -> int:
    ok = bool(payload.get("ok"))
    if args.json:
        print(json.dumps(payload, ensure_ascii=False))
    else:
        print(words, file=sys.stdout if ok else sys.stderr)
    return int(ExitCode.OK if ok else ExitCode.CALENDAR_SERVER)


def _refused(args: argparse.Namespace, problem: PushError) -> int:
    payload: dict[str, object] = {
        "ok": False,
        "kind": problem.kind.value,
        "params": problem.params,
        "message": str(problem),
        "retried": problem.retried,
    }
    return _answer(args, payload, str(problem))


def _destination(setup: Setup, args: argparse.Namespace) -> Destination:
    from followthrough.store.calendar_push.record import Destination

    saved = setup.destination
    return Destination(
        server=args.server if args.server is not None else saved.server,
        user=args.user if args.user is not None else saved.user,
        calendar=args.calendar if args.calendar is not None else saved.calendar,
    )


def _password(args: argparse.Namespace, destination: Destination) -> str:
    from followthrough.domain.calendar_push.problems import ProblemKind, PushError
    from followthrough.store.calendar_push.password import NoKeyringError, saved_password

    if args.password_stdin:
        typed = sys.stdin.readline().rstrip("\r\n")
        if typed:
            return typed
        raise PushError(ProblemKind.NO_PASSWORD)
    try:
        saved = saved_password(destination.server, destination.user)
    except NoKeyringError as exc:
        raise PushError(ProblemKind.NO_KEYRING, reason=str(exc)) from exc
    if saved is None:
        raise PushError(ProblemKind.NO_PASSWORD)
    return saved


def _look(data_dir: Path, with_events: bool) -> tuple[Setup, Now | None]:
    from followthrough.domain.clock import SystemClock
    from followthrough.store.calendar_push.push import Setup, read_events, read_setup
    from followthrough.store.calendar_push.record import Destination
    from followthrough.store.database import read_database

    clock = SystemClock()
    now = clock.now()
    found = read_database(
        data_dir, lambda: (read_setup(), read_events(now) if with_events else None), clock
    )
    if found is None:  # no data yet: nothing set up either
        return Setup(False, Destination("", "", "")), None
    return found


def run_calendar_push(data_dir: Path, args: argparse.Namespace) -> int:
    from followthrough.domain.calendar_push.problems import ProblemKind, PushError

    _prepare(data_dir)
    try:
        setup, now = _look(data_dir, with_events=not args.test)
        destination = _destination(setup, args)
        if not (destination.server.strip() and destination.user and destination.calendar):
            raise PushError(ProblemKind.NOT_SET_UP)
        if args.test:
            return _test(args, destination)
        if not setup.sending:
            raise PushError(ProblemKind.TURNED_OFF)
        return _push(data_dir, args, destination, now)
    except PushError as problem:
        return _refused(args, problem)


def _test(args: argparse.Namespace, destination: Destination) -> int:
    from followthrough.store.calendar_push.server import Account, connect, host_of

    account = Account(
        destination.server, destination.user, _password(args, destination), destination.calendar
    )
    calendar = connect(account)
    words = (
        f"Connected to {host_of(destination.server)} as {destination.user}: the calendar "
        f"“{calendar.name}” is there ({calendar.url}). Nothing was sent."
    )
    return _answer(args, {"ok": True, "calendar": calendar.name, "url": calendar.url}, words)


def _push(
    data_dir: Path, args: argparse.Namespace, destination: Destination, now: Now | None
) -> int:
    from followthrough.domain.calendar_push.plan import counts_words
    from followthrough.domain.clock import SystemClock
    from followthrough.store.calendar_feed import FeedWindow
    from followthrough.store.calendar_push.push import Now, push
    from followthrough.store.calendar_push.server import host_of

    moment = SystemClock().now()
    if now is None:
        now = Now({}, FeedWindow.around(moment).start)
    report = push(data_dir, destination, now, moment, lambda: _password(args, destination))
    counts = report.counts
    host = host_of(destination.server)
    words = (
        f"Sent to “{report.calendar}” on {host}: {counts_words(counts)}."
        if report.reached
        else f"Nothing new to send to {host}: the calendar is up to date."
    )
    payload: dict[str, object] = {
        "ok": True,
        "sent": counts.sent,
        "updated": counts.updated,
        "removed": counts.removed,
        "reached": report.reached,
        "calendar": report.calendar,
        "at": moment.isoformat(),
    }
    return _answer(args, payload, words)


def run_calendar_password(data_dir: Path, args: argparse.Namespace) -> int:
    from followthrough.domain.calendar_push.problems import ProblemKind, PushError
    from followthrough.store.calendar_push.password import NoKeyringError

    _prepare(data_dir)
    try:
        setup, _now = _look(data_dir, with_events=False)
        where = _destination(setup, args)
        if not (where.server.strip() and where.user):
            raise PushError(ProblemKind.NOT_SET_UP)
        try:
            return _keep_password(args, where)
        except NoKeyringError as exc:
            raise PushError(ProblemKind.NO_KEYRING, reason=str(exc)) from exc
    except PushError as problem:
        return _refused(args, problem)


def _keep_password(args: argparse.Namespace, where: Destination) -> int:
    from followthrough.domain.calendar_push.problems import ProblemKind, PushError
    from followthrough.store.calendar_push import password as keyring

    store = keyring.store_name()
    if args.store:
        typed = sys.stdin.readline().rstrip("\r\n")
        if not typed:
            raise PushError(ProblemKind.NO_PASSWORD)
        keyring.save_password(where.server, where.user, typed)
        return _answer(args, {"ok": True, "store": store, "saved": True}, f"Saved in {store}.")
    if args.forget:
        keyring.forget_password(where.server, where.user)
        return _answer(args, {"ok": True, "store": store, "saved": False}, "Removed.")
    saved = keyring.saved_password(where.server, where.user) is not None
    words = f"{store}: " + ("a password is saved." if saved else "no password is saved.")
    return _answer(args, {"ok": True, "store": store, "saved": saved}, words)
