"""The look the user chose in View ▸ Appearance: the desktop's own, or light or dark on any
desktop. Kept apart from ``theme`` (the colours by meaning): the window gives the choice
before its first paint, when nothing else of the app's colours is loaded yet."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtGui import QColor, QPalette


class Appearance(StrEnum):
    SYSTEM = "system"  # the desktop's own style and palette, light or dark
    LIGHT = "light"
    DARK = "dark"


# (style name, palette) as the desktop gave them, before any choice changed them.
_desktop_look: tuple[str, QPalette] | None = None


def dark_palette() -> QPalette:
    """A calm dark palette; the roles above reach their contrast on it."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: QColor(45, 45, 48),
        QPalette.ColorRole.WindowText: QColor(230, 230, 230),
        QPalette.ColorRole.Base: QColor(30, 30, 32),
        QPalette.ColorRole.AlternateBase: QColor(40, 40, 44),
        QPalette.ColorRole.Text: QColor(230, 230, 230),
        QPalette.ColorRole.Button: QColor(55, 55, 60),
        QPalette.ColorRole.ButtonText: QColor(230, 230, 230),
        QPalette.ColorRole.BrightText: QColor(255, 255, 255),
        QPalette.ColorRole.Highlight: QColor(60, 110, 180),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.ToolTipBase: QColor(60, 60, 64),
        QPalette.ColorRole.ToolTipText: QColor(230, 230, 230),
        QPalette.ColorRole.PlaceholderText: QColor(150, 150, 150),
        QPalette.ColorRole.Link: QColor(120, 170, 240),
        QPalette.ColorRole.Light: QColor(75, 75, 80),
        QPalette.ColorRole.Midlight: QColor(62, 62, 66),
        QPalette.ColorRole.Mid: QColor(40, 40, 44),
        QPalette.ColorRole.Dark: QColor(25, 25, 27),
        QPalette.ColorRole.Shadow: QColor(10, 10, 10),
    }
    for role, value in roles.items():
        palette.setColor(role, value)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 120, 120))
    return palette


def apply_appearance(appearance: Appearance) -> None:
    """Give the whole app ``appearance``: the desktop's own look, or the Fusion style with
    a light or a dark palette (on any desktop, whatever its own theme)."""
    from PySide6.QtWidgets import QApplication, QStyleFactory

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    global _desktop_look
    if _desktop_look is None:
        _desktop_look = (app.style().name(), QPalette(app.palette()))
    if appearance is Appearance.SYSTEM:
        style_name, palette = _desktop_look
        if app.style().name() != style_name:
            app.setStyle(QStyleFactory.create(style_name))
        app.setPalette(palette)
        return
    if app.style().name().lower() != "fusion":
        app.setStyle(QStyleFactory.create("Fusion"))
    light = app.style().standardPalette()
    app.setPalette(dark_palette() if appearance is Appearance.DARK else light)
