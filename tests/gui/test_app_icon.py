"""The window's and the tray's icon: the bitmaps render_icons.py makes, every size."""

from __future__ import annotations

from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from followthrough.resources import app_icon_files
from followthrough.ui.common.app_icon import app_icon


def test_the_app_icon_is_its_bitmaps_at_every_size(qtbot: QtBot) -> None:
    files = app_icon_files()
    assert [int(p.stem.rsplit("-", 1)[1]) for p in files] == [16, 24, 32, 48, 64, 128, 256]
    icon = app_icon()
    assert not icon.isNull()
    assert set(icon.availableSizes()) == {QSize(n, n) for n in (16, 24, 32, 48, 64, 128, 256)}
