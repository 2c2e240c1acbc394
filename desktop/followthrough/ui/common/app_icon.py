"""The app's own icon for its windows and its tray."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from followthrough.resources import app_icon_files, icon_path


def app_icon() -> QIcon:
    """The icon's bitmaps, one per size; the drawing (SVG) only if they are missing (it
    loads Qt's SVG library, about 1.2 MB more memory for the session)."""
    icon = QIcon()
    for path in app_icon_files():
        icon.addFile(str(path))
    return icon if not icon.isNull() else QIcon(str(icon_path()))
