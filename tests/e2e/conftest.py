"""End-to-end fixtures: a real X server, the real app as a subprocess, real X tools.

Nothing here is faked. Each test gets its own Xvfb (``running_xvfb``), every app process
gets its own ``--data-dir`` under ``tmp_path`` and the ``xcb`` platform, windows are
found with ``xwininfo``/``xprop`` and photographed with ImageMagick's ``import``.

A missing Xvfb or X tool makes these tests *fail*, never skip: ``tests/run.sh`` installs
them, and a silently skipped end-to-end suite proves nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pytest

from tests.helpers.bundle import build_bundle
from tests.helpers.subprocess_app import app_command, app_env, run_app
from tests.helpers.xvfb import running_xvfb

APP_TITLE = "Follow-Through"
# The main window's minimum size (MainWindow.setMinimumSize); smaller windows with the
# same title are Qt's helper windows, not the main window.
MIN_WIDTH, MIN_HEIGHT = 760, 520
WINDOW_TIMEOUT = 30.0
EXIT_TIMEOUT = 10.0
POLL_INTERVAL = 0.2
X_TOOLS = ("xwininfo", "xprop", "import")

T = TypeVar("T")

# An `xwininfo -root -children` line:
#      0x200007 "Follow-Through": ("followthrough" "followthrough")  1100x720+0+0  +0+0
_CHILD_LINE = re.compile(
    r'^\s+(?P<id>0x[0-9a-f]+) (?:"(?P<title>.*)"|\(has no name\)): \((?P<cls>.*?)\)\s+'
    r"(?P<w>\d+)x(?P<h>\d+)\+(?P<x>-?\d+)\+(?P<y>-?\d+)"
)


def wait_until(
    probe: Callable[[], T | None],
    timeout: float,
    what: str,
    check: Callable[[], None] = lambda: None,
) -> T:
    """Poll ``probe`` until it returns something other than None, at most ``timeout`` s.

    ``check`` runs before each attempt and may fail the test early (e.g. the app died).
    """
    deadline = time.monotonic() + timeout
    while True:
        check()
        result = probe()
        if result is not None:
            return result
        if time.monotonic() >= deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(POLL_INTERVAL)


@dataclass(frozen=True)
class Window:
    id: str
    title: str
    width: int
    height: int


@dataclass
class AppProcess:
    """A running ``followthrough`` subprocess; its output goes to files (no pipe stalls)."""

    name: str
    process: subprocess.Popen[bytes]
    stdout_path: Path
    stderr_path: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def running(self) -> bool:
        return self.process.poll() is None

    def stdout(self) -> str:
        return self.stdout_path.read_text(errors="replace")

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    def describe(self) -> str:
        return (
            f"{self.name} (pid {self.pid}, exit {self.process.returncode})\n"
            f"--- stdout ---\n{self.stdout()}\n--- stderr ---\n{self.stderr()}"
        )

    def assert_running(self) -> None:
        if not self.running():
            pytest.fail(f"the app exited early: {self.describe()}")

    def signal(self, signum: int) -> None:
        if self.running():
            self.process.send_signal(signum)

    def wait(self, timeout: float = EXIT_TIMEOUT) -> int | None:
        """The exit code, or None if it is still running after ``timeout`` s."""
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after EXIT_TIMEOUT s; always reaps the process."""
        if not self.running():
            return
        self.process.send_signal(signal.SIGCONT)  # a SIGSTOPped process ignores SIGTERM
        self.process.terminate()
        if self.wait() is None:
            self.process.kill()
            self.process.wait()


@dataclass
class XSession:
    """One Xvfb display plus the app processes started on it (all stopped at teardown)."""

    display: str
    workdir: Path
    processes: list[AppProcess] = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        return app_env(
            {"DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"},
            drop=("WAYLAND_DISPLAY", "QT_QPA_PLATFORMTHEME"),
        )

    # -- the app -------------------------------------------------------------------------

    def launch(self, *args: str, name: str = "app") -> AppProcess:
        return self.launch_command(app_command(*args), name=name)

    def launch_command(
        self, command: list[str], name: str = "app", extra_env: dict[str, str] | None = None
    ) -> AppProcess:
        index = len(self.processes)
        stdout_path = self.workdir / f"{index}-{name}.stdout"
        stderr_path = self.workdir / f"{index}-{name}.stderr"
        env = {**self.env, **(extra_env or {})}
        with stdout_path.open("wb") as out, stderr_path.open("wb") as err:
            process = subprocess.Popen(command, env=env, stdout=out, stderr=err)
        app = AppProcess(name, process, stdout_path, stderr_path)
        self.processes.append(app)
        return app

    def run(
        self, *args: str, timeout: float = EXIT_TIMEOUT, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Run the app to completion on this display (killed if it outlives ``timeout``)."""
        return run_app(*args, env=env or self.env, timeout=timeout)

    def stop_all(self) -> None:
        for app in reversed(self.processes):
            app.stop()

    # -- X -------------------------------------------------------------------------------

    def _x(self, *command: str) -> str:
        result = subprocess.run(
            command, env=self.env, capture_output=True, text=True, timeout=20, check=False
        )
        if result.returncode != 0:
            raise AssertionError(f"{' '.join(command)} failed: {result.stderr}")
        return result.stdout

    def top_level_windows(self) -> list[Window]:
        """Children of the root window (there is no window manager, so no reparenting)."""
        windows = []
        for line in self._x("xwininfo", "-root", "-children").splitlines():
            match = _CHILD_LINE.match(line)
            if match:
                windows.append(
                    Window(
                        match["id"],
                        match["title"] or "",
                        int(match["w"]),
                        int(match["h"]),
                    )
                )
        return windows

    def is_viewable(self, window: Window) -> bool:
        return "Map State: IsViewable" in self._x("xwininfo", "-id", window.id)

    def window_pid(self, window: Window) -> int | None:
        found = re.search(r"= (\d+)", self._x("xprop", "-id", window.id, "_NET_WM_PID"))
        return int(found[1]) if found else None

    def main_windows(self, pid: int | None = None) -> list[Window]:
        """Viewable top-level windows titled "Follow-Through" of main-window size."""
        return [
            window
            for window in self.top_level_windows()
            if window.title == APP_TITLE
            and window.width >= MIN_WIDTH
            and window.height >= MIN_HEIGHT
            and self.is_viewable(window)
            and (pid is None or self.window_pid(window) == pid)
        ]

    def wait_for_window(self, app: AppProcess, timeout: float = WINDOW_TIMEOUT) -> Window:
        """The main window of ``app`` once it is mapped; fails if ``app`` exits first."""

        def probe() -> Window | None:
            windows = self.main_windows(app.pid)
            return windows[0] if windows else None

        return wait_until(probe, timeout, f"the window of {app.name}", app.assert_running)

    def screenshot(self, target: Path) -> Path:
        self._x("import", "-window", "root", str(target))
        return target


@pytest.fixture
def x_session(tmp_path: Path) -> Iterator[XSession]:
    """A fresh Xvfb; every app launched through it is stopped before the server goes."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed: run the tests through tests/run.sh")
    missing = [tool for tool in X_TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"missing X tools {missing}: run the tests through tests/run.sh")
    workdir = tmp_path / "x-session"
    workdir.mkdir()
    with running_xvfb() as display:
        session = XSession(display, workdir)
        try:
            yield session
        finally:
            session.stop_all()


@pytest.fixture
def offscreen_env() -> dict[str, str]:
    """The environment for command-line runs: no display, nothing inherited."""
    return app_env({"QT_QPA_PLATFORM": "offscreen"}, drop=("DISPLAY", "WAYLAND_DISPLAY"))


def artifacts_dir() -> Path | None:
    """``$FOLLOWTHROUGH_ARTIFACTS`` (created), where screenshots are copied for people."""
    value = os.environ.get("FOLLOWTHROUGH_ARTIFACTS")
    if not value:
        return None
    path = Path(value)
    path.mkdir(parents=True, exist_ok=True)
    return path


# The D-Bus fixtures live in their own module; imported last, as it imports from here.
from tests.e2e.dbus_mock import notification_mock, private_bus, session  # noqa: E402, F401


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The one-folder PyInstaller bundle, built once per session for the bundle and .deb
    tests; yields its folder."""
    work = tmp_path_factory.mktemp("pyinstaller")
    yield build_bundle(work)
    shutil.rmtree(work, ignore_errors=True)  # about 150 MB; pytest would keep three runs
