"""The Qt binding the app runs on keeps Python's reference counts straight.

PySide6 6.12.0 on Python 3.11 dropped a reference to None on every Qt call returning
void; the app then aborted with "none_dealloc" after a few thousand repaints. The
dependency pin excludes it; this test fails if such a build comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_qt_calls_do_not_leak_references_to_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(5000):
        label.setText("x")
        label.update()
    assert sys.getrefcount(None) - before > -50
