"""Where a "Save as…" question starts, and the file name it suggests.

A save dialog given a bare file name starts in the process's current folder (wherever
the app was launched from): each one suggests a full path instead, in the user's own
folder for the kind of file, else their home folder."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from followthrough.ui.common.formatting import file_day

# Characters no file name may hold on one system or another (and path separators).
_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def user_folder(location: QStandardPaths.StandardLocation) -> Path:
    """The user's folder for ``location`` (Pictures, Documents…) when it exists, else
    their home folder."""
    found = QStandardPaths.writableLocation(location)
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()


def file_name(title: str, day: date | None, extension: str) -> str:
    """ "How far applications got 2026-11-20.png": ``title`` made safe for a file name,
    with ``day`` written as the ISO date (it sorts, and holds no "/" as 20/11/2026 does)."""
    stem = " ".join(_NOT_IN_NAMES.sub(" ", title).split()).strip(" .") or "untitled"
    if day is not None:
        stem = f"{stem} {file_day(day)}"
    return f"{stem}.{extension}"


def suggested_path(
    location: QStandardPaths.StandardLocation, title: str, day: date | None, extension: str
) -> str:
    """The full path a save dialog suggests: the user's folder and a sensible name."""
    return str(user_folder(location) / file_name(title, day, extension))
