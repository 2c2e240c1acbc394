"""The real app on a real X server: its window appears, shows the data, and goes away."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QImage

from tests.e2e.conftest import EXIT_TIMEOUT, MIN_HEIGHT, MIN_WIDTH, artifacts_dir, wait_until

if TYPE_CHECKING:
    from tests.e2e.conftest import Window, XSession

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

DEMO_COUNT = 25
SETTLE_TIMEOUT = 15.0
SETTLE_SHOTS = 3
# Text, icons and anti-aliasing give a real window hundreds of colours; an unpainted or
# black one has a handful at most.
MIN_COLOURS = 64


def distinct_colours(image: QImage) -> int:
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    # RGB32 rows are 4-byte pixels with no padding, so the buffer is one pixel per word.
    return len(set(memoryview(rgb.constBits()).cast("I")))


def crop_to(image: QImage, window: Window) -> QImage:
    # No window manager: top-level windows sit where the app put them, at 0,0 here.
    return image.copy(0, 0, min(window.width, image.width()), min(window.height, image.height()))


def settled_screenshot(session: XSession, window: Window, target: Path) -> QImage:
    """Photograph the screen until SETTLE_SHOTS shots in a row agree and show a painted window.

    The data loads on a background thread after the window maps, so the first shots may
    still say "Loading…".
    """
    shots: list[QImage] = []

    def probe() -> QImage | None:
        image = QImage(str(session.screenshot(target)))
        assert not image.isNull(), f"import wrote no readable image to {target}"
        shots.append(crop_to(image, window))
        recent = shots[-SETTLE_SHOTS:]
        stable = len(recent) == SETTLE_SHOTS and all(shot == recent[0] for shot in recent)
        return image if stable and distinct_colours(recent[0]) >= MIN_COLOURS else None

    return wait_until(probe, SETTLE_TIMEOUT, "a painted, settled window in the screenshot")


def demo_counts(data_dir: Path) -> tuple[int, int, int]:
    """Applications, interviews and people in the database, read without changing it."""
    path = data_dir / "followthrough.sqlite3"
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        applications, interviews, people = (
            int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("application", "interview", "contact")
        )
    finally:
        connection.close()
    return applications, interviews, people


def test_main_window_shows_the_demo_data(x_session: XSession, tmp_path: Path) -> None:
    data = tmp_path / "data"
    demo = x_session.run("--data-dir", str(data), "demo", "--count", str(DEMO_COUNT), timeout=120)
    assert demo.returncode == 0, demo.stderr
    assert f"Added {DEMO_COUNT} applications" in demo.stdout
    applications, interviews, people = demo_counts(data)
    assert applications == DEMO_COUNT

    started = time.monotonic()
    app = x_session.launch("--data-dir", str(data), name="window")
    window = x_session.wait_for_window(app)
    mapped_after = time.monotonic() - started
    assert window.width >= MIN_WIDTH and window.height >= MIN_HEIGHT
    assert len(x_session.main_windows()) == 1, "one launch, one main window"

    target = tmp_path / "e2e-window.png"
    image = settled_screenshot(x_session, window, target)
    colours = distinct_colours(crop_to(image, window))
    assert colours >= MIN_COLOURS, f"the window looks blank ({colours} colours)"
    assert image.width() >= window.width and image.height() >= window.height
    if (artifacts := artifacts_dir()) is not None:
        shutil.copyfile(target, artifacts / "e2e-window.png")
    print(
        f"window mapped after {mapped_after:.1f} s; screenshot {target} has {colours} colours; "
        f"the status bar should read '{applications} applications (N active) · "
        f"{interviews} interviews · {people} people'"
    )
    app.assert_running()
    assert "Traceback" not in app.stderr()


def test_sigterm_ends_the_app_and_the_next_start_works(x_session: XSession, tmp_path: Path) -> None:
    """``kill PID`` (logout, systemd, a package upgrade) must end the app promptly.

    Ideally it also shuts down like File > Quit: exit code 0, the instance lock released
    and the window geometry saved. Whatever happens, the next launch must get a window.
    """
    data = tmp_path / "data"
    app = x_session.launch("--data-dir", str(data), name="terminated")
    x_session.wait_for_window(app)

    started = time.monotonic()
    app.signal(signal.SIGTERM)
    code = app.wait(EXIT_TIMEOUT)
    if code is None:
        app.stop()
        pytest.fail(f"the app was still running {EXIT_TIMEOUT:.0f} s after SIGTERM")
    print(f"SIGTERM: exit code {code} after {time.monotonic() - started:.2f} s")
    assert x_session.main_windows() == [], "the window outlived its process"
    lock_left = (data / "followthrough.lock").exists()
    ui_state = data / "ui-state.ini"
    geometry_saved = ui_state.exists() and "geometry" in ui_state.read_text()

    again = x_session.launch("--data-dir", str(data), name="restarted")
    x_session.wait_for_window(again)
    again.stop()

    assert code == 0, app.describe()
    assert not lock_left, "the instance lock was not released"
    assert geometry_saved, "the window geometry was not saved"
