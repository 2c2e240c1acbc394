"""The garbage collector for a long session over large data.

Loading 10,000 applications makes a few million objects, nearly all of them kept for the
session. With Python's default thresholds (700, 10, 10) the collector then runs a full
collection every few seconds while the reminders are planned and the pages load, and a
full collection walks every object: measured at 10,000 applications in the 30 s after the
first data (``tests/perf/bench_gc.py``, three launches each way, taking turns), 8 full
collections of up to 270-380 ms of CPU each (up to 0.6 s on the clock, the GUI thread
waiting), 1.9-2.9 s of CPU collecting in all.

Two settings, kept because they measured better: collecting the youngest objects every
10,000 allocations instead of 700, and freezing what exists once the window shows its
first data (``gc.freeze``: the window, its pages and the data they show are no longer
walked by later collections; what is dropped later is still freed by reference
counting). The same 30 s then held no full collection, 0.6-0.75 s of CPU collecting in
all, and no single collection over 110 ms of CPU.
"""

from __future__ import annotations

import gc
import linecache

from PySide6.QtCore import SignalInstance

# Allocations before the youngest generation is collected; then how many collections of
# each generation before the next one up (Python's defaults: 700, 10, 10).
THRESHOLDS = (10_000, 10, 10)


def tune_for_session(first_data_shown: SignalInstance) -> None:
    """Collect less often from now on, and freeze what exists once the window shows its
    first data (``first_data_shown``, emitted once); then also drop the source lines kept
    while importing (``forget_sources``)."""
    gc.set_threshold(*THRESHOLDS)
    first_data_shown.connect(forget_sources)
    first_data_shown.connect(gc.freeze)


def forget_sources() -> None:
    """PySide6 reads the source of every module imported after it (to look for its
    ``__feature__`` switches), and Python's linecache keeps those lines: about 7.5 MB of
    text at start nobody reads again (a traceback reads its lines anew)."""
    linecache.clearcache()


def give_back_freed() -> None:
    """Hand the heap freed after start (the load's temporaries) back to the system: glibc
    keeps freed memory for reuse, and a resident set that only grows after start is what
    the person sees in their system monitor (measured at 10,000 applications: about 4 MiB).
    Elsewhere (no glibc) nothing happens."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    trim = getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    if trim is not None:
        trim(0)
