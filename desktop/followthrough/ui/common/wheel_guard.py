"""The mouse wheel scrolls the form, not the field under the pointer.

Qt's spin boxes, date and time fields and drop-down lists take a wheel turn as "change my
value", so scrolling a long form past an interview's date quietly moved it a day. Guarded,
such a field changes by wheel only once it has the focus (a click or Tab); otherwise the
turn goes to the form around it.
"""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox

GUARDED = (QAbstractSpinBox, QComboBox)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, GUARDED):
            return False
        if event.type() == QEvent.Type.Polish:
            # Not WheelFocus: a wheel turn must not give the field the focus first.
            # (Qt's namespace read here, not at import: it takes ~15 ms to load, and the
            # guard is installed before the first window, which has no such field.)
            watched.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        elif event.type() == QEvent.Type.Wheel and not watched.hasFocus():
            # Not taken: Qt hands a real wheel turn on to the widgets around (a scroll
            # area scrolls), as it does for any widget that ignores it.
            event.ignore()
            return True
        return False


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Guards every field of ``app`` (keep the returned object alive with the app)."""
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
