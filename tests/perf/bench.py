"""The performance benchmark: every figure of the performance issue beside its baseline.

    python tests/perf/bench.py [--count 10000] [--runs 7] [--idle 25] [--keep DIR]
        [--only launch,empty,month,memory,cpu,bundle,search] [--json FILE]
        [--bundle DIR | --build-bundle] [--strict]

It builds the demo data (``followthrough demo``: 10,000 applications and 25), then
measures, each beside a bare-Qt baseline in the same run:

launch, empty
    Launch until the window is visible: ``python -m followthrough --data-dir DIR``
    started as a person starts it (scheduler, tray, notifications and all) on an X
    server of its own (Xvfb, with a tray host and a D-Bus session with a notification
    server on it), against ``baseline_window.py`` (a bare PySide6 QMainWindow showing the
    same applications in a QTableView). "Visible" is the window's first frame on the X
    server, seen from outside by ``xprobe.py`` (the DAMAGE extension), from the moment
    the process is spawned. Interleaved runs, each on a fresh copy of the data; medians
    and their ratio. ``launch`` also reports, for information, launch until "first data
    painted" (a log line both write). ``empty``: the same with an empty data folder.
memory, cpu
    After ``--idle`` seconds (25) from the spawn, without touching it: resident memory
    (VmRSS) at 10,000 applications and at 25, and CPU time (utime + stime, all threads)
    at 10,000, of the app and of the bare window; one measured process at a time.
month, search
    ``view_probe.py``: the real MainWindow offscreen at 10,000 applications; ~24 month
    switches until the new month's marks have painted, against a bare QCalendarWidget's
    repaint; each keystroke typed into the Applications list's search until the list has
    repainted, against a minimal QTableView + QSortFilterProxyModel over the same rows.
bundle
    The one-folder bundle (``dist/followthrough``, or ``--bundle DIR``; ``--build-bundle``
    builds it with packaging/build-bundle.sh first): bytes and files. Not built: reported
    as such, not a miss.

Prints a table (what, app, baseline, ratio or difference, target, PASS/MISS) and, last,
one JSON line (also written to ``--json FILE``). Exits 0 whatever the timings (1 with
``--strict`` when a target is missed). A default run takes about 6 minutes here.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.helpers.session_bus import BUS_CONFIG  # noqa: E402
from tests.helpers.xvfb import running_xvfb  # noqa: E402
from tests.perf.xprobe import PaintProbe  # noqa: E402

HERE = Path(__file__).resolve().parent
BASELINE_WINDOW = HERE / "baseline_window.py"
VIEW_PROBE = HERE / "view_probe.py"
VIEW_JSON_PREFIX = "VIEW-PROBE "
PAINTED = "first data painted"
LOG_NAME = "followthrough.log"
GROUPS = ("launch", "empty", "month", "memory", "cpu", "bundle", "search")
SMALL = 25
MIB = 1024 * 1024  # sizes in MiB, as du -h, top and the issue give them
START_TIMEOUT_S = 120.0


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# -- the data ------------------------------------------------------------------------------


def app_command(*args: str) -> list[str]:
    """The app as a person starts it from a source checkout."""
    return [sys.executable, "-m", "followthrough", *args]


def base_env() -> dict[str, str]:
    """This checkout's code first (not another one installed in the venv), with Python's
    byte-code cache on as on a person's machine: an environment that turns it off
    (PYTHONDONTWRITEBYTECODE) would time compiling the app's source at every launch."""
    env = dict(os.environ)
    env.pop("FOLLOWTHROUGH_DATA_DIR", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    paths = [str(REPO / "desktop"), str(REPO)]
    if env.get("PYTHONPATH"):
        paths.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


def applications_in(folder: Path) -> int | None:
    database = folder / "followthrough.sqlite3"
    if not database.exists():
        return None
    try:
        with sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True) as connection:
            return int(connection.execute("SELECT COUNT(*) FROM application").fetchone()[0])
    except sqlite3.Error:
        return None


def demo_data(folder: Path, count: int, env: dict[str, str]) -> float | None:
    """``followthrough demo --count N`` into ``folder``, unless it already holds N
    applications; the seconds it took (None: reused)."""
    if applications_in(folder) == count:
        log(f"   reusing {folder} ({count:,} applications)")
        return None
    if folder.exists():
        shutil.rmtree(folder)
    log(f"   building {count:,} applications in {folder}")
    started = time.perf_counter()
    subprocess.run(
        app_command("--data-dir", str(folder), "demo", "--count", str(count)),
        env=env,
        capture_output=True,
        check=True,
    )
    # The demo's own log file is not the app's: each launch starts its log afresh.
    (folder / LOG_NAME).unlink(missing_ok=True)
    return time.perf_counter() - started


def fresh_copy(source: Path | None, target: Path) -> Path:
    """A copy of ``source`` (None: an empty folder) at ``target``, replacing it."""
    if target.exists():
        shutil.rmtree(target)
    if source is None:
        target.mkdir(parents=True)
    else:
        # Without its log: each launch's "first data painted" is read from a log of its own.
        shutil.copytree(source, target, ignore=shutil.ignore_patterns(f"{LOG_NAME}*"))
    return target


# -- the desktop session -------------------------------------------------------------------


def _stop(process: subprocess.Popen[Any], timeout: float = 20) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def started(command: list[str], env: dict[str, str], what: str) -> Iterator[subprocess.Popen[Any]]:
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        yield process
    finally:
        _stop(process, 5)
        log(f"   stopped {what}")


@dataclass
class Session:
    env: dict[str, str]
    probe: PaintProbe
    notes: list[str] = field(default_factory=list)


def _session_bus(stack: ExitStack, work: Path, env: dict[str, str], notes: list[str]) -> None:
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        notes.append("no dbus-daemon: the app ran without a session bus")
        return
    config = work / "session-bus.conf"
    config.write_text(BUS_CONFIG)
    process = subprocess.Popen(
        [daemon, f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    stack.callback(_stop, process, 5)
    assert process.stdout is not None
    address = process.stdout.readline().decode().strip()
    process.stdout.close()
    if not address:
        notes.append("dbus-daemon gave no address: the app ran without a session bus")
        return
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    try:
        import dbusmock  # noqa: F401
    except ImportError:
        notes.append("no python-dbusmock: no notification server on the bus")
        return
    mock = subprocess.Popen(
        [sys.executable, "-m", "dbusmock", "--session", "--template", "notification_daemon"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    stack.callback(_stop, mock, 5)


def _tray_host(stack: ExitStack, env: dict[str, str], notes: list[str]) -> None:
    trayer = shutil.which("trayer")
    if trayer is None:
        notes.append("no trayer: the app ran without a tray")
        return
    host = subprocess.Popen(
        [trayer, "--edge", "top", "--widthtype", "request", "--height", "24"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    stack.callback(_stop, host, 5)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        tree = subprocess.run(
            ["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True, check=False
        ).stdout
        if "panel" in tree.lower():
            return
        time.sleep(0.2)
    notes.append("trayer's panel did not appear: the app may have run without a tray")


@contextmanager
def desktop_session(work: Path, env: dict[str, str]) -> Iterator[Session]:
    """Xvfb with a tray host, a session bus with a notification server, and the probe
    that sees windows paint; every measured process runs here, one at a time."""
    with ExitStack() as stack:
        display = stack.enter_context(running_xvfb(1280, 800))
        env = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        notes: list[str] = []
        _session_bus(stack, work, env, notes)
        _tray_host(stack, env, notes)
        probe = stack.enter_context(PaintProbe(display))
        time.sleep(1.0)  # the helpers' own start-up is over before anything is timed
        yield Session(env, probe, notes)


# -- one measured process ------------------------------------------------------------------


@dataclass
class Run:
    visible_s: float
    mapped_s: float | None = None
    data_s: float | None = None
    cpu_s: float | None = None
    rss_mb: float | None = None
    hwm_mb: float | None = None


def _log_time(line: str) -> float:
    """The epoch time of a log line (asctime: local time with milliseconds)."""
    local = datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")  # noqa: DTZ007
    return local.astimezone().timestamp()


def _painted_line(path: Path) -> str | None:
    if not path.exists():
        return None
    return next(
        (line for line in path.read_text(errors="replace").splitlines() if PAINTED in line),
        None,
    )


def _cpu_seconds(pid: int) -> float:
    """utime + stime of the process (all its threads) and of its waited-for children."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(fields[index]) for index in (11, 12, 13, 14))
    return ticks / os.sysconf("SC_CLK_TCK")


def _memory_mb(pid: int) -> tuple[float, float]:
    """VmRSS and VmHWM (the peak) in MiB."""
    values: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0]) * 1024 / MIB
    return values["VmRSS"], values["VmHWM"]


def measure(
    session: Session,
    command: list[str],
    log_path: Path,
    stderr_path: Path,
    idle_s: float | None,
) -> Run:
    """Spawn ``command``; when its first window paints, when it logs its first data
    painted; with ``idle_s``, its CPU time and memory that long after the spawn."""
    session.probe.reset()
    with stderr_path.open("wb") as err:
        wall = time.time()
        spawned = time.monotonic()
        process = subprocess.Popen(command, env=session.env, stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = spawned + START_TIMEOUT_S
        seen = None
        while seen is None:
            if process.poll() is not None:
                raise RuntimeError(
                    f"{command} exited ({process.returncode}) before its window showed: "
                    + stderr_path.read_text(errors="replace")[-2000:]
                )
            if time.monotonic() > deadline:
                raise RuntimeError(f"{command}: no window within {START_TIMEOUT_S:.0f} s")
            try:
                seen = session.probe.wait_painted(0.5)
            except TimeoutError:
                continue
        assert seen.painted is not None
        run = Run(visible_s=seen.painted - spawned)
        if seen.mapped is not None:
            run.mapped_s = seen.mapped - spawned
        while (line := _painted_line(log_path)) is None and time.monotonic() < deadline:
            if process.poll() is not None:
                break
            time.sleep(0.01)
        if line is not None:
            run.data_s = _log_time(line) - wall
        if idle_s is not None:
            time.sleep(max(0.0, spawned + idle_s - time.monotonic()))
            run.cpu_s = _cpu_seconds(process.pid)
            run.rss_mb, run.hwm_mb = _memory_mb(process.pid)
        return run
    finally:
        _stop(process)
        time.sleep(0.5)  # its exit is over before the next one starts


class Launcher:
    """The app and the bare window, on given data, in a session; logs kept in ``logs``."""

    def __init__(self, session: Session, work: Path) -> None:
        self.session, self.work = session, work
        self.logs = work / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.number = 0

    def app(self, data: Path | None, label: str, idle_s: float | None = None) -> Run:
        copy = fresh_copy(data, self.work / "run-data")
        self.number += 1
        stderr = self.logs / f"{self.number:03}-app-{label}.stderr"
        run = measure(
            self.session, app_command("--data-dir", str(copy)), copy / LOG_NAME, stderr, idle_s
        )
        if (copy / LOG_NAME).exists():
            shutil.copy(copy / LOG_NAME, self.logs / f"{self.number:03}-app-{label}.log")
        return run

    def bare(self, data: Path | None, label: str, idle_s: float | None = None) -> Run:
        copy = fresh_copy(data, self.work / "run-data")
        self.number += 1
        stderr = self.logs / f"{self.number:03}-bare-{label}.stderr"
        command = [sys.executable, str(BASELINE_WINDOW), str(copy)]
        return measure(self.session, command, stderr, stderr, idle_s)


# -- the figures ---------------------------------------------------------------------------


@dataclass
class Figure:
    """One row of the table: the app's number beside its baseline's, and the target."""

    key: str
    what: str
    unit: str
    app: float | None
    baseline: float | None
    target: str
    compare: str  # "ratio", "difference" or "" (neither)
    ok: bool | None  # None: no target to judge, or not measured
    samples: dict[str, Any] = field(default_factory=dict)
    note: str = ""

    @property
    def relation(self) -> float | None:
        if self.app is None or self.baseline is None:
            return None
        if self.compare == "ratio":
            return self.app / self.baseline if self.baseline else None
        if self.compare == "difference":
            return self.app - self.baseline
        return None

    def cells(self) -> list[str]:
        def number(value: float | None) -> str:
            if value is None:
                return "—"
            return f"{value:,.0f} {self.unit}" if value >= 100 else f"{value:.2f} {self.unit}"

        relation = self.relation
        if relation is None:
            related = "—"
        elif self.compare == "ratio":
            related = f"{relation:.2f}×"
        else:
            related = f"{relation:+.1f} {self.unit}"
        verdict = {True: "PASS", False: "MISS", None: "—"}[self.ok]
        app = number(self.app) + (f" ({self.note})" if self.note else "")
        return [self.what, app, number(self.baseline), related, self.target, verdict]

    def as_json(self) -> dict[str, Any]:
        return {
            "what": self.what,
            "unit": self.unit,
            "app": self.app,
            "baseline": self.baseline,
            self.compare or "relation": self.relation,
            "target": self.target,
            "pass": self.ok,
            "note": self.note,
            "samples": self.samples,
        }


def _ratio_figure(
    key: str, what: str, app: list[float], bare: list[float], limit: float | None, unit: str = "s"
) -> Figure:
    ratio = median(app) / median(bare)
    return Figure(
        key,
        what,
        unit,
        median(app),
        median(bare),
        f"≤ {limit:g}× bare" if limit is not None else "(information)",
        "ratio",
        ratio <= limit if limit is not None else None,
        {"app": app, "baseline": bare},
    )


def launch_figures(launcher: Launcher, big: Path, runs: int, groups: set[str]) -> list[Figure]:
    """Interleaved: app and bare window on 10,000, then on an empty folder; the order
    within a run flips every other run."""
    samples: dict[str, list[Run]] = {key: [] for key in ("app", "bare", "app0", "bare0")}
    for number in range(runs):
        log(f"   launch run {number + 1}/{runs}")
        order: list[tuple[str, Path | None]] = []
        if "launch" in groups:
            order += [("app", big), ("bare", big)]
        if "empty" in groups:
            order += [("app0", None), ("bare0", None)]
        if number % 2:
            order.reverse()
        for key, data in order:
            starter = launcher.app if key.startswith("app") else launcher.bare
            samples[key].append(starter(data, f"launch-{key}"))
    figures = []
    if "launch" in groups:
        count = applications_in(big) or 0
        figures.append(
            _ratio_figure(
                "launch_visible",
                f"launch → visible window, {count:,} apps",
                [r.visible_s for r in samples["app"]],
                [r.visible_s for r in samples["bare"]],
                1.5,
            )
        )
        data_app = [r.data_s for r in samples["app"] if r.data_s is not None]
        data_bare = [r.data_s for r in samples["bare"] if r.data_s is not None]
        if data_app and data_bare:
            figures.append(
                _ratio_figure(
                    "launch_data",
                    f"launch → first data painted, {count:,} apps",
                    data_app,
                    data_bare,
                    None,
                )
            )
    if "empty" in groups:
        figures.append(
            _ratio_figure(
                "launch_empty",
                "launch → visible window, empty data folder",
                [r.visible_s for r in samples["app0"]],
                [r.visible_s for r in samples["bare0"]],
                1.3,
            )
        )
    return figures


def idle_figures(
    launcher: Launcher, big: Path, small: Path, rounds: int, idle_s: float, groups: set[str]
) -> list[Figure]:
    """One process at a time, left alone for ``idle_s`` seconds after its spawn."""
    plan = [("app", big), ("bare", big)]
    if "memory" in groups:
        plan += [("app25", small), ("bare25", small)]
    samples: dict[str, list[Run]] = {key: [] for key, _ in plan}
    for number in range(rounds):
        order = plan[::-1] if number % 2 else plan
        for key, data in order:
            log(f"   idle round {number + 1}/{rounds}: {key} for {idle_s:g} s")
            starter = launcher.app if key.startswith("app") else launcher.bare
            samples[key].append(starter(data, f"idle-{key}", idle_s))
    count = applications_in(big) or 0

    def values(key: str, name: str) -> list[float]:
        return [getattr(run, name) for run in samples[key]]

    figures = []
    if "memory" in groups:
        for key, apps, allowance in (("", count, 60.0), ("25", SMALL, 30.0)):
            app, bare = values(f"app{key}", "rss_mb"), values(f"bare{key}", "rss_mb")
            difference = median(app) - median(bare)
            figures.append(
                Figure(
                    f"memory{key and '_small'}",
                    f"resident memory after {idle_s:g} s idle, {apps:,} apps",
                    "MiB",
                    median(app),
                    median(bare),
                    f"≤ bare + {allowance:g} MiB",
                    "difference",
                    difference <= allowance,
                    {
                        "app": app,
                        "baseline": bare,
                        "app_peak": values(f"app{key}", "hwm_mb"),
                        "baseline_peak": values(f"bare{key}", "hwm_mb"),
                    },
                )
            )
    if "cpu" in groups:
        app, bare = values("app", "cpu_s"), values("bare", "cpu_s")
        figures.append(
            Figure(
                "cpu",
                f"CPU time in the first {idle_s:g} s, {count:,} apps",
                "s",
                median(app),
                median(bare),
                "≤ 1.5 s",
                "difference",
                median(app) <= 1.5,
                {"app": app, "baseline": bare},
            )
        )
    return figures


def _view_probe(arguments: list[str], env: dict[str, str]) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, str(VIEW_PROBE), *arguments],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    for line in result.stdout.splitlines():
        if line.startswith(VIEW_JSON_PREFIX):
            return dict(json.loads(line[len(VIEW_JSON_PREFIX) :]))
    raise RuntimeError(f"view_probe {arguments[0]} failed ({result.returncode}): {result.stderr}")


def view_figures(
    big: Path, work: Path, rounds: int, env: dict[str, str], groups: set[str]
) -> list[Figure]:
    """The real window offscreen, then bare Qt, ``rounds`` times; samples pooled."""
    months: dict[str, list[float]] = {"app": [], "bare": []}
    keys: dict[str, list[float]] = {"app": [], "bare": []}
    rows: dict[str, list[int]] = {"app": [], "bare": []}
    rows_file = work / "list-rows.json"
    for number in range(rounds):
        log(f"   views round {number + 1}/{rounds}: the app's window offscreen")
        copy = fresh_copy(big, work / "run-data")
        results = {"app": _view_probe(["app", str(copy), str(rows_file)], env)}
        log(f"   views round {number + 1}/{rounds}: bare Qt")
        results["bare"] = _view_probe(["bare", str(rows_file)], env)
        for key, result in results.items():
            months[key] += result["month"]["shown_ms"]
            keys[key] += result["search"]["keys_ms"]
            rows[key] = result["search"]["rows"]
    count = applications_in(big) or 0
    figures = []
    if "month" in groups:
        app, bare = months["app"], months["bare"]
        for name, pick, limit in (("median", median, 50.0), ("max", max, 100.0)):
            figures.append(
                Figure(
                    f"month_{name}",
                    f"month switch until the marks show, {name}, {count:,} apps",
                    "ms",
                    pick(app),
                    pick(bare),
                    f"≤ {limit:g} ms",
                    "difference",
                    pick(app) <= limit,
                    {"app": app, "baseline": bare} if name == "median" else {},
                )
            )
    if "search" in groups:
        figure = _ratio_figure(
            "search",
            f"search per keystroke (filter + repaint), {count:,} apps",
            keys["app"],
            keys["bare"],
            1.1,
            "ms",
        )
        figure.samples["rows"] = rows
        if rows["app"] != rows["bare"]:
            figure.note = "rows differ from the baseline's!"
        figures.append(figure)
    return figures


def directory_size(root: Path) -> tuple[int, int, int]:
    """Bytes (apparent sizes, links not followed), files and symbolic links under
    ``root``."""
    total = files = links = 0
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            total += path.lstat().st_size
            if path.is_symlink():
                links += 1
            else:
                files += 1
    return total, files, links


def bundle_figure(bundle: Path, build: bool) -> Figure:
    if build:
        log("   building the bundle (packaging/build-bundle.sh)")
        subprocess.run(["bash", str(REPO / "packaging" / "build-bundle.sh")], cwd=REPO, check=True)
    if not bundle.is_dir():
        return Figure(
            "bundle",
            "one-folder bundle",
            "MiB",
            None,
            None,
            "≤ 150 MiB",
            "",
            None,
            note=f"not built: {bundle}",
        )
    size, files, links = directory_size(bundle)
    return Figure(
        "bundle",
        "one-folder bundle",
        "MiB",
        size / MIB,
        None,
        "≤ 150 MiB",
        "",
        size <= 150 * MIB,
        {"bytes": size, "files": files, "links": links, "path": str(bundle)},
        note=f"{size:,} bytes, {files} files, {links} links",
    )


# -- output --------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    model = ""
    memory_kb = 0
    with Path("/proc/cpuinfo").open() as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory_kb = int(line.split()[1])
    try:
        from PySide6 import __version__ as pyside
        from PySide6.QtCore import qVersion

        qt = f"PySide6 {pyside}, Qt {qVersion()}"
    except ImportError:
        qt = "no PySide6"
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "ram_gb": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "qt": qt,
        "system": f"{platform.system()} {platform.release()}",
    }


def table(figures: list[Figure]) -> str:
    header = ["what", "app", "baseline", "ratio / difference", "target", ""]
    rows = [header, *(figure.cells() for figure in figures)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]

    def line(row: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    return "\n".join(
        [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
        + [line(row) for row in rows[1:]]
    )


# -- main ----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="applications (10000)")
    parser.add_argument("--runs", type=int, default=7, help="launches of each (7)")
    parser.add_argument(
        "--idle", type=float, default=25.0, help="seconds left alone for memory and CPU (25)"
    )
    parser.add_argument("--keep", type=Path, help="build the demo data here and keep it")
    parser.add_argument("--only", help=f"some of: {','.join(GROUPS)}")
    parser.add_argument("--json", type=Path, help="also write the JSON line to this file")
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "followthrough")
    parser.add_argument("--build-bundle", action="store_true", help="build the bundle first")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    groups = set(GROUPS) if args.only is None else set(args.only.split(","))
    unknown = groups - set(GROUPS)
    if unknown:
        parser.error(f"--only: unknown {', '.join(sorted(unknown))} (choose from {GROUPS})")
    args.groups = groups
    if args.count < 1 or args.runs < 1:
        parser.error("--count and --runs must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    groups: set[str] = args.groups
    began = time.monotonic()
    work = (args.keep or Path(tempfile.mkdtemp(prefix="ft-bench-"))).absolute()
    work.mkdir(parents=True, exist_ok=True)
    env = base_env()
    big, small = work / f"demo-{args.count}", work / f"demo-{SMALL}"
    rounds = max(1, args.runs // 2)
    figures: list[Figure] = []
    notes: list[str] = []
    try:
        if groups - {"bundle"}:
            # A person's second launch finds the byte code of the first: the app's cache is
            # written before any run is timed, so that no run pays for compiling.
            subprocess.run(
                [sys.executable, "-m", "compileall", "-q", str(REPO / "desktop")],
                env=env,
                check=True,
            )
            log("== demo data")
            demo_data(big, args.count, env)
            if "memory" in groups:
                demo_data(small, SMALL, env)
        if groups & {"launch", "empty", "memory", "cpu"}:
            with desktop_session(work, env) as session:
                notes += session.notes
                launcher = Launcher(session, work)
                if groups & {"launch", "empty"}:
                    log(f"== launch → visible window ({args.runs} interleaved runs)")
                    figures += launch_figures(launcher, big, args.runs, groups)
                if groups & {"memory", "cpu"}:
                    log(f"== idle memory and CPU ({rounds} rounds of {args.idle:g} s each)")
                    figures += idle_figures(launcher, big, small, rounds, args.idle, groups)
        if groups & {"month", "search"}:
            log("== month switches and search (offscreen)")
            figures += view_figures(big, work, rounds, env, groups)
        if "bundle" in groups:
            figures.append(bundle_figure(args.bundle, args.build_bundle))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
        else:
            shutil.rmtree(work / "run-data", ignore_errors=True)
    took = time.monotonic() - began
    described = machine()
    print()
    print(
        f"Follow-Through benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"{args.count:,} applications, {args.runs} launches each, took {took:.0f} s"
    )
    print(
        f"Machine: {described['cpus']} CPUs ({described['cpu_model']}), "
        f"{described['ram_gb']} GB RAM, {described['system']}, Python {described['python']}, "
        f"{described['qt']}"
    )
    for note in notes:
        print(f"Note: {note}")
    print()
    print(table(figures))
    missed = [figure.what for figure in figures if figure.ok is False]
    print()
    print(f"Targets missed: {len(missed)} of {sum(f.ok is not None for f in figures)}")
    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": described,
        "count": args.count,
        "runs": args.runs,
        "idle_s": args.idle,
        "took_s": round(took, 1),
        "notes": notes,
        "figures": {figure.key: figure.as_json() for figure in figures},
    }
    line = json.dumps(result)
    if args.json is not None:
        args.json.write_text(line + "\n")
    print(line)
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
