"""Showing a page as the navigation does, and waiting for its rows (a page loads them
when first shown)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from followthrough.ui.shell.main_window import PAGES, MainWindow


def open_page(qtbot: QtBot, window: MainWindow, page: str | int) -> None:
    """Show ``page`` (its name in PAGES, or its index) and wait until its rows are current."""
    name = page if isinstance(page, str) else PAGES[page]
    if window.rows_current(name):
        window.show_page(PAGES.index(name))
        return
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        window.show_page(PAGES.index(name))
