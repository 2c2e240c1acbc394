"""Benchmark: saving and planning reminders with many applications, each figure beside its
baseline in the same run.

    .venv/bin/python tests/perf/bench_planning.py [--count 10000] [--runs 5] [--keep DIR]

What it measures, the way a person meets it:

1. ``followthrough demo --count N``: the bulk-write path (an import will use the same),
   beside ``demo`` with 25 applications.
2. ``followthrough due --json`` on N applications beside 25 (both whole processes,
   interleaved runs).
3. Launch until the first rows are painted: the real app (scheduler, tray and all, on its
   own Xvfb server) beside a bare PySide6 window that shows the same applications in a
   QTableView, interleaved; each on a fresh copy of the data.
4. A touchpoint saved while a full planning pass runs, beside the same save when nothing
   else runs (in-process, through the store API, one save every 20 ms).
5. Quitting (SIGTERM) while the full pass runs, beside quitting when the app is idle.

Targets (issue 11): first rows <= 1.5 s at 10,000 applications with the scheduler
running; ``due --json`` at N <= 2x its time at 25; a save during a full pass waits
<= 100 ms; ``demo --count 10000`` <= 15 s; quitting never waits more than ~200 ms for the
pass. Prints a table and, last, one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.helpers.subprocess_app import app_command, app_env  # noqa: E402
from tests.helpers.xvfb import running_xvfb  # noqa: E402

BASELINE_WINDOW = Path(__file__).with_name("baseline_window.py")
PAINTED = "first data painted"
PASS_STARTED = "planning every application"


def timed_run(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{command} failed: {result.stderr}")
    return elapsed


def median(values: list[float]) -> float:
    return statistics.median(values)


def make_demo(folder: Path, count: int, env: dict[str, str]) -> float:
    if folder.exists():
        shutil.rmtree(folder)
    return timed_run(app_command("--data-dir", str(folder), "demo", "--count", str(count)), env)


def _log_time(line: str) -> float:
    """The epoch time of a log line (asctime: local time with milliseconds)."""
    stamp = line[:23]
    local = datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S,%f")  # noqa: DTZ007 (local time)
    return local.astimezone().timestamp()


def _wait_for_line(path: Path, needle: str, process: subprocess.Popen[bytes], limit: float) -> str:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if path.exists():
            for line in path.read_text(errors="replace").splitlines():
                if needle in line:
                    return line
        if process.poll() is not None:
            raise RuntimeError(f"exited early: {path.read_text(errors='replace')}")
        time.sleep(0.005)
    raise RuntimeError(f"no {needle!r} within {limit} s: {path.read_text(errors='replace')}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def launch_to_paint(command: list[str], env: dict[str, str], log: Path) -> float:
    """Seconds from starting ``command`` to its "first data painted" log line."""
    with log.open("wb") as err:
        started = time.time()
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err)
    try:
        line = _wait_for_line(log, PAINTED, process, 60)
        return _log_time(line) - started
    finally:
        _stop(process)


def needing_full_pass(data: Path) -> Path:
    """The data as an older version left it: the app's start plans every application (a
    start with nothing changed plans only what changed, and would have no pass to quit)."""
    connection = sqlite3.connect(data / "followthrough.sqlite3")
    with connection:
        connection.execute("DELETE FROM setting WHERE key = 'planning.basis'")
    connection.close()
    return data


def quit_time(
    data: Path, env: dict[str, str], log: Path, during_pass: bool
) -> tuple[float, float | None]:
    """Seconds from SIGTERM to exit, while the full planning pass runs or when idle; and,
    during the pass, how long quitting waited for the pass to stop (from the app's log)."""
    with log.open("wb") as err:
        process = subprocess.Popen(
            app_command("-v", "--data-dir", str(data)),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    try:
        if during_pass:
            _wait_for_line(log, PASS_STARTED, process, 60)
            time.sleep(0.1)
        else:
            _wait_for_line(log, "planned ", process, 120)
            time.sleep(1.0)
        started = time.perf_counter()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        total = time.perf_counter() - started
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if not during_pass or "planning stopped" not in log.read_text(errors="replace"):
        return total, None  # idle, or the pass was over before the quit (few applications)
    quitting = _wait_for_line(log, "quitting", process, 1)
    stopped = _wait_for_line(log, "planning stopped", process, 1)
    return total, _log_time(stopped) - _log_time(quitting)


def saves_during_pass(data: Path, seconds_cap: float = 30.0) -> tuple[list[float], list[float]]:
    """Latencies of touchpoint saves with a full pass running, and with nothing running."""
    from followthrough.domain.cadence import Channel, Outcome
    from followthrough.domain.clock import FakeClock
    from followthrough.store.database import open_database
    from followthrough.store.models import Application, Touchpoint, db
    from followthrough.store.planning import full_pass
    from followthrough.store.touchpoints import TouchpointInput, log_touchpoint

    now = datetime.now(UTC)
    clock = FakeClock(now)
    database = open_database(data, clock)
    app_ids = [a.id for a in Application.select(Application.id).limit(200)]

    def save(number: int) -> float:
        value = TouchpointInput(
            application_id=app_ids[number % len(app_ids)],
            channel=Channel.VOICEMAIL,
            answered=False,
            outcome=Outcome.NO_NEWS,
            new_decision_on=None,
            notes=f"bench {number}",
            contact_id=None,
            at=now - timedelta(minutes=1),
        )
        started = time.perf_counter()
        log_touchpoint(value, clock, now.date())
        return time.perf_counter() - started

    quiet = [save(i) for i in range(40) if not time.sleep(0.02)]
    busy: list[float] = []
    done = threading.Event()

    def run_pass() -> None:
        with database.connection_context():
            full_pass(now + timedelta(seconds=1))
        done.set()

    worker = threading.Thread(target=run_pass)
    worker.start()
    number = 1000
    deadline = time.monotonic() + seconds_cap
    while not done.is_set() and time.monotonic() < deadline:
        busy.append(save(number))
        number += 1
        time.sleep(0.02)
    worker.join()
    Touchpoint.delete().where(Touchpoint.notes.startswith("bench ")).execute()
    database.close()
    db.initialize(None)
    return busy, quiet


def fresh_copy(source: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the data here and leave it")
    parser.add_argument(
        "--only", choices=("launch",), help="only the launch and quit figures (data kept)"
    )
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="ft-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = app_env()
    big, small = work / f"demo-{args.count}", work / "demo-25"
    results: dict[str, object] = {"count": args.count, "runs": args.runs}
    rows: list[tuple[str, str, str, str]] = []

    if args.only is None:
        print(f"== 1. demo data ({args.count:,} and 25 applications)", flush=True)
        demo_big = make_demo(big, args.count, env)
        demo_small = make_demo(small, 25, env)
        results["demo_s"] = {"big": demo_big, "small": demo_small}
        rows.append(
            (
                f"demo --count {args.count}",
                f"{demo_big:.1f} s",
                f"demo (25): {demo_small:.2f} s",
                "<= 15 s" + (" PASS" if demo_big <= 15 else " MISS"),
            )
        )

        print("== 2. due --json", flush=True)
        due_big: list[float] = []
        due_small: list[float] = []
        for _ in range(args.runs):
            due_big.append(timed_run(app_command("--data-dir", str(big), "due", "--json"), env))
            due_small.append(timed_run(app_command("--data-dir", str(small), "due", "--json"), env))
        ratio = median(due_big) / median(due_small)
        results["due_s"] = {"big": due_big, "small": due_small, "ratio": ratio}
        rows.append(
            (
                f"due --json, {args.count:,} apps (median of {args.runs})",
                f"{median(due_big) * 1000:.0f} ms",
                f"25 apps: {median(due_small) * 1000:.0f} ms",
                f"<= 2x: {ratio:.2f}x" + (" PASS" if ratio <= 2 else " MISS"),
            )
        )

    print("== 3. launch -> first rows painted (Xvfb)", flush=True)
    app_paint: list[float] = []
    bare_paint: list[float] = []
    logs = work / "logs"
    logs.mkdir(exist_ok=True)
    with running_xvfb(1280, 800) as display:
        shown_env = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        for run in range(args.runs):
            copy = fresh_copy(big, work / "launch-copy")
            app_paint.append(
                launch_to_paint(
                    app_command("-v", "--data-dir", str(copy)), shown_env, logs / f"app-{run}.log"
                )
            )
            bare_paint.append(
                launch_to_paint(
                    [sys.executable, str(BASELINE_WINDOW), str(copy)],
                    shown_env,
                    logs / f"bare-{run}.log",
                )
            )
        print("== 5. quitting during the full pass", flush=True)
        quit_busy: list[float] = []
        pass_waits: list[float] = []
        quit_idle: list[float] = []
        for run in range(max(2, args.runs // 2)):
            copy = needing_full_pass(fresh_copy(big, work / "quit-copy"))
            total, waited = quit_time(copy, shown_env, logs / f"quit-busy-{run}.log", True)
            quit_busy.append(total)
            if waited is not None:
                pass_waits.append(waited)
            copy = fresh_copy(big, work / "quit-copy")
            quit_idle.append(quit_time(copy, shown_env, logs / f"quit-idle-{run}.log", False)[0])
    results["first_paint_s"] = {"app": app_paint, "bare_qt": bare_paint}
    results["quit_s"] = {"during_pass": quit_busy, "idle": quit_idle, "pass_stop": pass_waits}
    rows.append(
        (
            f"launch -> first rows painted, {args.count:,} apps, scheduler on",
            f"{median(app_paint):.2f} s (max {max(app_paint):.2f})",
            f"bare Qt table: {median(bare_paint):.2f} s",
            "<= 1.5 s" + (" PASS" if median(app_paint) <= 1.5 else " MISS"),
        )
    )
    rows.append(
        (
            "quit (SIGTERM) during the full pass: wait for the pass to stop",
            f"max {max(pass_waits) * 1000:.0f} ms" if pass_waits else "pass too short to catch",
            "-",
            "~200 ms" + (" PASS" if pass_waits and max(pass_waits) <= 0.2 else ""),
        )
    )
    rows.append(
        (
            "quit (SIGTERM) during the full pass: whole process",
            f"{median(quit_busy) * 1000:.0f} ms",
            f"idle: {median(quit_idle) * 1000:.0f} ms",
            "(other loads still running are waited for)",
        )
    )

    if args.only is None:
        print("== 4. a touchpoint saved during a full pass", flush=True)
        busy, quiet = saves_during_pass(fresh_copy(big, work / "save-copy"))
        results["save_ms"] = {
            "during_pass": [b * 1000 for b in busy],
            "quiet": [q * 1000 for q in quiet],
        }
        rows.append(
            (
                f"touchpoint save during a full pass ({len(busy)} saves)",
                f"median {median(busy) * 1000:.1f} ms, max {max(busy) * 1000:.1f} ms",
                f"no pass: median {median(quiet) * 1000:.1f} ms, max {max(quiet) * 1000:.1f} ms",
                "max <= 100 ms" + (" PASS" if max(busy) <= 0.1 else " MISS"),
            )
        )

    print()
    print(f"Machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, {sys.platform}")
    print("| Measurement | Follow-Through | Baseline (same run) | Target |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print(json.dumps(results))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
