"""Where the bundled resources (icons, fonts, templates) are found."""

from __future__ import annotations

import os
import sys
from pathlib import Path

RESOURCES_ENV = "FOLLOWTHROUGH_RESOURCES"


def resources_dir() -> Path:
    """``resources/`` of the source tree, or of the PyInstaller bundle when frozen."""
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def icon_path() -> Path:
    """The app's icon as drawn (SVG): for the desktop's menus and notifications."""
    return resources_dir() / "icons" / "followthrough.svg"


def app_icon_files() -> list[Path]:
    """The same icon as bitmaps, one per size (packaging/render_icons.py makes them): the
    window and the tray show these, so a session never loads Qt's SVG library for them."""
    return sorted(
        (resources_dir() / "icons").glob("followthrough-*.png"),
        key=lambda path: int(path.stem.rsplit("-", 1)[1]),
    )
