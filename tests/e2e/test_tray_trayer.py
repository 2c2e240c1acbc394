"""The tray icon in a real system tray: Xvfb with Debian's ``trayer`` as the XEmbed host."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.helpers.xvfb import running_xvfb

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

SCRIPT = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo

    from PySide6.QtWidgets import QApplication, QSystemTrayIcon

    from followthrough.domain.clock import FakeClock
    from followthrough.store.reminders import DueReminder
    from followthrough.ui.shell.tray import TrayIcon

    app = QApplication(sys.argv)
    print("available", QSystemTrayIcon.isSystemTrayAvailable(), flush=True)
    clock = FakeClock(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))
    tray = TrayIcon(clock, ZoneInfo("Europe/Berlin"))
    tray.show()
    due = [
        DueReminder(11, "follow_up", "Call Acme to follow up", "why", clock.now(), 1, True),
        DueReminder(12, "move_on", "Time to move on from Initech?", "why", clock.now(), 2, True),
    ]
    tray.set_due(due)
    tray.done_requested.connect(lambda rid: print("done", rid, flush=True))
    tray.snooze_requested.connect(lambda rid, until: print("snooze", rid, until.isoformat(),
                                                           flush=True))
    tray.pause_requested.connect(lambda until: print("pause", until, flush=True))
    print("tooltip", tray.tool_tip(), flush=True)
    print("visible", tray.is_visible(), flush=True)
    first = tray.item_menus()[0]
    for action in first.actions():
        if action.text().replace("&", "") == "Done":
            action.trigger()
        if "1 hour" in action.text():
            action.trigger()
    for action in tray.menu().actions():
        if action.menu() is not None and "Pause" in action.text().replace("&", ""):
            for choice in action.menu().actions():
                if "1 hour" in choice.text():
                    choice.trigger()
    app.processEvents()
    print("shown message", tray.show_message("Follow-Through", "tray test"), flush=True)
    """
)


def _window_names(display: str) -> str:
    env = {**os.environ, "DISPLAY": display}
    return subprocess.run(
        ["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True, check=False
    ).stdout


def test_tray_icon_lives_in_a_real_tray_and_its_menu_acts(tmp_path: Path) -> None:
    trayer = shutil.which("trayer")
    assert trayer, "trayer is not installed: run the tests through tests/run.sh"
    assert shutil.which("xwininfo"), "xwininfo is not installed: run tests/run.sh"
    with running_xvfb() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        host = subprocess.Popen(
            [
                trayer,
                "--edge",
                "top",
                "--align",
                "right",
                "--widthtype",
                "request",
                "--height",
                "24",
                "--transparent",
                "false",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 20
            while "panel" not in _window_names(display).lower():
                assert host.poll() is None, "trayer exited"
                assert time.monotonic() < deadline, "trayer's window did not appear"
                time.sleep(0.2)
            result = subprocess.run(
                [sys.executable, "-c", SCRIPT],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
        finally:
            host.terminate()
            host.wait(timeout=10)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "available True" in lines
    assert "visible True" in lines
    assert any(line.startswith("tooltip") and "2 due" in line for line in lines)
    assert "done 11" in lines
    # Snoozed for an hour from the (fake) clock's now.
    assert "snooze 11 2026-11-23T16:00:00+00:00" in lines
    assert any(line.startswith("pause 2026-11-23 16:00") for line in lines)
    assert "shown message True" in lines


def test_sigterm_ends_the_app_also_when_it_lives_in_the_tray(tmp_path: Path) -> None:
    """With a tray, closing the window only hides it; a logout's SIGTERM must still end
    the app (the bug: Qt's quit() closes windows, the window hid itself, the app lived)."""
    from tests.helpers.subprocess_app import app_command

    trayer = shutil.which("trayer")
    assert trayer, "trayer is not installed: run the tests through tests/run.sh"
    data = tmp_path / "data"
    with running_xvfb() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env.pop("FOLLOWTHROUGH_DATA_DIR", None)
        host = subprocess.Popen(
            [trayer, "--edge", "top", "--widthtype", "request", "--height", "24"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 20
            while "panel" not in _window_names(display).lower():
                assert time.monotonic() < deadline, "trayer's window did not appear"
                time.sleep(0.2)
            app = subprocess.Popen(
                app_command("-v", "--data-dir", str(data)),
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            log = data / "followthrough.log"
            deadline = time.monotonic() + 30
            while not (log.exists() and "first data painted" in log.read_text()):
                assert app.poll() is None, app.communicate()
                assert time.monotonic() < deadline, "the window never showed its data"
                time.sleep(0.1)
            app.send_signal(15)
            try:
                code = app.wait(timeout=15)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
                pytest.fail("the app was still running 15 s after SIGTERM (with a tray)")
            _out, err = app.communicate()
        finally:
            host.terminate()
            host.wait(timeout=10)
    assert code == 0, err
    assert "Traceback" not in err
    assert not (data / "followthrough.lock").exists()
