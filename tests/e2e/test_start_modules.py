"""What the first window waits for: the modules loaded when it is first painted.

Only the shell loads before the window shows (the window first: the single-instance
check, the log file and a window with its navigation, menus and status bar); the database,
the store, Today's page and its data load just after the first paint, and dialogs, the
note composer, printing, spelling, desktop notifications, the scheduler and the tray when
first used or later still (issue 16: every module loaded before the window is time the
person waits at each start).

The app runs as a subprocess (offscreen, a fresh data folder) with
``$FOLLOWTHROUGH_PROBE_MODULES`` naming a file: when the window is first painted, the app
writes the names in ``sys.modules`` there (followthrough/app.py, ``_probe_modules``).

To change the list deliberately (a module that must be there for the first window, or
one that no longer loads early): run this test, read the difference it prints, and edit
``STARTUP_MODULES`` below in the same commit, saying why. Never add a dialog, a flow, the
composer, printing or notifications to it: load those where they are used (an import
inside the function, with ``TYPE_CHECKING`` imports for annotations).
"""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.helpers.subprocess_app import app_command

pytestmark = [pytest.mark.slow]

# The followthrough modules loaded when the window is first painted, with an empty data
# folder: the shell alone (the database, the store and Today's page come just after).
STARTUP_MODULES = frozenset(
    {
        "followthrough",
        "followthrough.app",
        # The command line's parser is built before the window starts: the calendar
        # server's commands add their arguments there (argparse only; what they run is
        # imported when they run).
        "followthrough.calendar_commands",
        "followthrough.domain",
        "followthrough.domain.errors",
        "followthrough.domain.validation",
        "followthrough.domain.wording",
        "followthrough.logfile",
        "followthrough.resources",
        "followthrough.services",
        "followthrough.services.autostart",
        "followthrough.services.memory",
        "followthrough.services.single_instance",
        "followthrough.store",
        "followthrough.store.errors",
        "followthrough.store.paths",
        "followthrough.ui",
        "followthrough.ui.common",
        # The window's icon (bitmaps: QtSvg stays out of the session).
        "followthrough.ui.common.app_icon",
        # View ▸ Appearance: its menu is built with the window (the look itself is only
        # given when the user chose Light or Dark); PySide6 alone, no colours by meaning.
        "followthrough.ui.common.appearance",
        "followthrough.ui.common.translation",
        "followthrough.ui.shell",
        "followthrough.ui.shell.context",
        "followthrough.ui.shell.crash",
        "followthrough.ui.shell.main_window",
    }
)

# Never before the first window: printing, the spell checker, the notification backends,
# the database and the pages (opened and built just after the first paint).
NEVER_AT_START = (
    "peewee",
    "sqlite3",
    "followthrough.store.database",
    "followthrough.ui.today.page",
    "PySide6.QtPrintSupport",
    "spellchecker",
    "plyer",
    "dbus",
    "followthrough.services.printing",
    "followthrough.services.notifier",
    "followthrough.services.scheduler",
    "followthrough.ui.notes.composer",
    "followthrough.ui.applications.detail_dialog",
    "followthrough.ui.shell.preferences",
    "followthrough.ui.shell.tray",
    "followthrough.ui.applications.page",
    "followthrough.ui.calendar.page",
    "followthrough.ui.contacts.page",
    # The exchange formats: business cards cost 8 MiB and 45 ms (vobject, dateutil, pytz).
    "vobject",
    "followthrough.domain.exchange",
    "followthrough.ui.exchange",
)


def modules_at_first_paint(env: dict[str, str], data: Path, probe: Path) -> list[str]:
    log = data / "followthrough.log"
    app = subprocess.Popen(
        app_command("-v", "--data-dir", str(data)),
        env={**env, "FOLLOWTHROUGH_PROBE_MODULES": str(probe)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and app.poll() is None:
            if probe.exists() and log.exists() and "first data painted" in log.read_text():
                break
            time.sleep(0.05)
        assert app.poll() is None, "the app ended before its window was painted"
        assert probe.exists(), "the app wrote no module list at its first paint"
    finally:
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=30)
    assert app.returncode == 0, err
    assert "Traceback" not in err, err
    return probe.read_text().split()


def test_the_first_window_loads_only_the_shell(
    offscreen_env: dict[str, str], tmp_path: Path
) -> None:
    loaded = modules_at_first_paint(offscreen_env, tmp_path / "data", tmp_path / "modules.txt")
    # The command line's module is "__main__" under ``python -m``, and followthrough.__main__
    # under the installed entry point: either way it is there.
    ours = {
        name
        for name in loaded
        if name.split(".")[0] == "followthrough" and name != "followthrough.__main__"
    }
    early = sorted(ours - STARTUP_MODULES)
    late = sorted(STARTUP_MODULES - ours)
    assert not early and not late, (
        "The modules loaded before the first window changed (see this file's docstring to "
        f"update STARTUP_MODULES deliberately).\nNow loaded at start: {early}\n"
        f"No longer loaded at start: {late}"
    )
    heavy = sorted(
        name
        for name in loaded
        if any(name == top or name.startswith(top + ".") for top in NEVER_AT_START)
    )
    assert heavy == [], f"loaded before the first window: {heavy}"
