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
    return resources_dir() / "icons" / "followthrough.svg"
