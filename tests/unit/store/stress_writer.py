"""Child process for the write stress test: writes through the store API for a while.

Usage: python stress_writer.py DATA_DIR OUT_FILE SECONDS NOW_ISO PAUSE PASS_PAUSE

Opens the database like the app, prints "ready" on stdout, then for SECONDS runs two
threads: one logs touchpoints (unique notes) and saves intro lines (unique text, on the
applications with an odd id only: the parent writes the even ones), one runs full passes
and plans what changed. They pause PAUSE (PASS_PAUSE) seconds on average between two
writes (passes). Each write that returned, each completed pass and each exception (with
its text) is one JSON line in OUT_FILE, written after the call returned; "done" last.
"""

from __future__ import annotations

import json
import os
import random
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

import peewee

from followthrough.domain.cadence import Channel, Outcome
from followthrough.domain.clock import FakeClock
from followthrough.domain.errors import UserError
from followthrough.store.database import open_database
from followthrough.store.models import Application
from followthrough.store.planning import full_pass, plan_changed
from followthrough.store.touchpoints import TouchpointInput, log_touchpoint, save_intro_line

PREFIX = f"stress-child-{os.getpid()}"


class Out:
    """The JSON lines file, shared by the threads."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._lock = threading.Lock()

    def put(self, **record: Any) -> None:
        with self._lock:
            self._stream.write(json.dumps(record) + "\n")
            self._stream.flush()


def guarded(out: Out, where: str, work: Callable[..., Any], *args: Any) -> tuple[Any, float, bool]:
    """Run ``work(*args)``; returns (its result, seconds it took, whether it returned)."""
    started = time.monotonic()
    try:
        result = work(*args)
    except UserError as exc:
        out.put(kind="refusal", where=where, type=type(exc).__name__, text=str(exc))
        return None, time.monotonic() - started, False
    except Exception as exc:
        out.put(
            kind="error",
            where=where,
            type=type(exc).__name__,
            text=str(exc),
            trace=traceback.format_exc(),
        )
        time.sleep(0.01)  # an unexpected failure: do not flood the file
        return None, time.monotonic() - started, False
    return result, time.monotonic() - started, True


def pause(seconds: float) -> None:
    """A pause of random length, ``seconds`` on average."""
    time.sleep(random.uniform(0, 2 * seconds))


@dataclass(frozen=True)
class Job:
    database: peewee.SqliteDatabase
    out: Out
    clock: FakeClock
    deadline: float
    pause: float
    pass_pause: float


def writer(job: Job) -> None:
    out, clock = job.out, job.clock
    with job.database.connection_context():
        app_ids = [a.id for a in Application.select(Application.id).order_by(Application.id)]
        odd = [i for i in app_ids if i % 2 == 1]
        index = 0
        while time.monotonic() < job.deadline:
            pause(job.pause)
            index += 1
            app_id = app_ids[index % len(app_ids)]
            notes = f"{PREFIX}-t{index}"
            data = TouchpointInput(
                application_id=app_id,
                channel=Channel.EMAIL if index % 2 else Channel.VOICEMAIL,
                answered=False,
                outcome=Outcome.NO_NEWS,
                new_decision_on=None,
                notes=notes,
                contact_id=None,
                at=clock.now() - timedelta(minutes=index % 600),
            )
            result, took, ok = guarded(
                out, "touchpoint", log_touchpoint, data, clock, clock.now().date()
            )
            if ok:
                out.put(kind="touchpoint", id=result, notes=notes, took=took)
            if odd:
                target = odd[index % len(odd)]
                text = f"{PREFIX}-intro{index} for {target}"
                _, took, ok = guarded(out, "intro", save_intro_line, target, text)
                if ok:
                    out.put(kind="intro", app=target, text=text, took=took)


def planner(job: Job) -> None:
    out, clock = job.out, job.clock

    def stop() -> bool:
        return time.monotonic() >= job.deadline

    with job.database.connection_context():
        index = 0
        while not stop():
            pause(job.pass_pause)
            index += 1
            # Alternate the app's chunk size with small steps: more, shorter transactions.
            chunk = 400 if index % 2 else 7
            result, took, ok = guarded(out, "full_pass", full_pass, clock.now(), stop, chunk)
            if ok and not result.stopped:
                out.put(kind="pass", took=took, steps=result.steps)
            _, took, ok = guarded(out, "plan_changed", plan_changed, clock.now(), stop)
            if ok:
                out.put(kind="plan_changed", took=took)


def crash_guard(work: Callable[[Job], None]) -> Callable[[Job], None]:
    """A thread that dies of anything is reported, never lost on stderr alone."""

    def run(job: Job) -> None:
        try:
            work(job)
        except BaseException as exc:
            job.out.put(
                kind="error",
                where=f"{work.__name__} thread",
                type=type(exc).__name__,
                text=str(exc),
                trace=traceback.format_exc(),
            )

    return run


def main() -> None:
    data_dir, out_file, seconds, now, pause_seconds, pass_pause_seconds = sys.argv[1:7]
    clock = FakeClock(datetime.fromisoformat(now))
    database = open_database(Path(data_dir), clock)
    database.close()  # each thread opens its own connection
    with Path(out_file).open("w", encoding="utf-8") as stream:
        out = Out(stream)
        print("ready", flush=True)
        deadline = time.monotonic() + float(seconds)
        job = Job(database, out, clock, deadline, float(pause_seconds), float(pass_pause_seconds))
        threads = [
            threading.Thread(target=crash_guard(work), args=(job,)) for work in (writer, planner)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        out.put(kind="done")


if __name__ == "__main__":
    main()
