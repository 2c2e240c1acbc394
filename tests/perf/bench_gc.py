"""Garbage collections during a launch of the real app (a script, not a test).

    .venv/bin/python tests/perf/bench_gc.py DATA_DIR [--without-tuning] [--seconds 30]

Starts ``followthrough.app.run_gui`` on DATA_DIR offscreen (use a copy: the app plans
reminders into it), times every collection with ``gc.callbacks`` (wall clock and the
collecting thread's CPU), moves through ten months on the calendar three seconds after the
first data, reloads once, quits after --seconds and prints one JSON line. With
--without-tuning, ``services.memory.tune_for_session`` does nothing: Python's defaults, to
compare with in turns on fresh copies of the same data.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import argparse
import gc
import json
import resource
import sys
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import followthrough.app as app_module
import followthrough.services.memory as memory
from followthrough.ui.shell.main_window import PAGES, MainWindow

MOVES = ("previous", "previous", "next", "next", "next", "next", "next", "previous")
T0 = time.perf_counter()
# (start s, end s, generation, on the GUI thread, CPU s of the collecting thread)
COLLECTIONS: list[tuple[float, float, int, bool, float]] = []
_STARTED: dict[int, tuple[float, float]] = {}
MARKS: dict[str, float] = {}


def _collected(phase: str, info: dict[str, int]) -> None:
    thread = threading.get_ident()
    if phase == "start":
        _STARTED[thread] = (time.perf_counter(), time.thread_time())
    elif thread in _STARTED:
        start, cpu = _STARTED.pop(thread)
        gui = threading.current_thread() is threading.main_thread()
        COLLECTIONS.append(
            (start, time.perf_counter(), info["generation"], gui, time.thread_time() - cpu)
        )


def _drive(seconds: float) -> None:
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if not windows:
        QTimer.singleShot(10, lambda: _drive(seconds))
        return
    window = windows[0]

    def months(index: int = 0) -> None:
        calendar = window.calendar_page.calendar
        if index == 0:
            window.show_page(PAGES.index("Calendar"))
        if index == len(MOVES):
            QTimer.singleShot(1000, window.refresh)
            return
        (calendar.showNextMonth if MOVES[index] == "next" else calendar.showPreviousMonth)()
        QTimer.singleShot(400, lambda: months(index + 1))

    def first() -> None:
        MARKS["first_data"] = time.perf_counter()
        QTimer.singleShot(3000, months)

    window.first_data_shown.connect(first)
    QTimer.singleShot(int(seconds * 1000), window.quit)


def _summary(selected: list[tuple[float, float, int, bool, float]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for generation in (0, 1, 2):
        mine = [c for c in selected if c[2] == generation]
        out[f"gen{generation}"] = {
            "count": len(mine),
            "cpu_ms": round(sum(c[4] for c in mine) * 1000, 1),
            "longest_cpu_ms": round(max((c[4] for c in mine), default=0) * 1000, 1),
            "longest_wall_ms": round(max((c[1] - c[0] for c in mine), default=0) * 1000, 1),
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--without-tuning", action="store_true")
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    if args.without_tuning:
        memory.tune_for_session = lambda _signal: None  # type: ignore[assignment]
    gc.callbacks.append(_collected)
    QTimer.singleShot(0, lambda: _drive(args.seconds))
    code = app_module.run_gui(args.data_dir, [sys.argv[0]])
    usage = resource.getrusage(resource.RUSAGE_SELF)
    first = MARKS.get("first_data", float("inf"))
    longest = max(COLLECTIONS, key=lambda c: c[4], default=None)
    print(
        json.dumps(
            {
                "tuning": not args.without_tuning,
                "exit": code,
                "process_cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
                "first_data_s": round(first - T0, 2),
                "until_first_data": _summary([c for c in COLLECTIONS if c[0] < first]),
                "after_first_data": _summary([c for c in COLLECTIONS if c[0] >= first]),
                "longest_cpu": None
                if longest is None
                else {
                    "cpu_ms": round(longest[4] * 1000, 1),
                    "generation": longest[2],
                    "thread": "GUI" if longest[3] else "worker",
                    "at_s": round(longest[0] - T0, 2),
                },
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
