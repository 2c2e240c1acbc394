"""The Insights page: built and loaded only when first opened (never at start), reached
by Ctrl+5, drawing its charts from the record, saying what will appear where there is
nothing yet, and saving a chart as a PNG of the chart's size."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.stages import ClosureReason, Stage
from followthrough.store.queries import change_stage, create_application
from followthrough.ui.common.files import file_name
from followthrough.ui.insights.charts import ChartCard
from followthrough.ui.shell.main_window import PAGES, MainWindow
from tests.helpers.pages import open_page


def _paints_something(image: QImage) -> bool:
    """Whether ``image`` holds more than its background (bars or words drawn)."""
    ground = image.pixelColor(2, 2)
    return any(
        image.pixelColor(x, y) != ground
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    )


def test_the_page_is_not_built_at_start_and_loads_when_first_opened(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    assert "insights_page" not in window.__dict__
    app = create_application(clock, "Acme", source="Referral", applied_on=date(2026, 11, 2))
    change_stage(app.id, Stage.REJECTED, clock, date(2026, 11, 20), ClosureReason.REJECTED)
    create_application(clock, "Globex", source="Job board", applied_on=date(2026, 11, 3))
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_name() == "Insights"
    page = window.insights_page
    assert window.stack.currentWidget() is page
    assert not page.showing_empty_state
    # Half the applications got a reply: "All applications" and one bar per source.
    assert [bar.label for bar in page.rates.bars] == ["All applications", "Job board", "Referral"]
    assert page.rates.bars[0].value == 50
    assert [bar.value for bar in page.funnel.bars] == [2, 0, 0, 0, 0]
    assert [row.label for row in page.by_company.bars] == ["Acme"]
    # No follow-ups logged: the chart says what will appear, and there is nothing to save.
    assert not page.follow_ups.has_data()
    assert not page.cards[4].save_button.isEnabled()
    assert page.weeks.has_data()
    QApplication.processEvents()
    for card in page.cards:
        assert _paints_something(card.canvas.image()), card.canvas.title


def test_an_empty_folder_shows_what_the_page_will_hold(qtbot: QtBot, window: MainWindow) -> None:
    open_page(qtbot, window, "Insights")
    assert window.insights_page.showing_empty_state
    assert "how often employers reply" in window.insights_page.empty.explanation.text()


@pytest.mark.parametrize("dark", [False, True])
def test_save_as_png_writes_the_chart_at_its_size(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dark: bool,
) -> None:
    create_application(clock, "Acme", source="Referral", applied_on=date(2026, 11, 2))
    open_page(qtbot, window, PAGES.index("Insights"))
    page = window.insights_page
    if dark:
        palette = QPalette(page.palette())
        palette.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.black)
        palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.white)
        page.setPalette(palette)
    target = tmp_path / "funnel"
    asked: list[str] = []

    def ask(_cls: type, _parent: object, suggested: str) -> str:
        asked.append(Path(suggested).stem)
        return str(target)

    monkeypatch.setattr(ChartCard, "ask_path", classmethod(ask))
    card = page.cards[1]
    # Ctrl+S while the chart has the focus.
    card.canvas.setFocus()
    qtbot.waitUntil(card.canvas.hasFocus)
    qtbot.keyClick(card.canvas, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["How far applications got 2026-11-20"]
    saved = tmp_path / "funnel.png"
    assert saved.stat().st_size > 0
    image = QImage(str(saved))
    ratio = card.canvas.devicePixelRatioF()
    assert (image.width(), image.height()) == (
        round(card.canvas.width() * ratio),
        round(card.canvas.height() * ratio),
    )
    assert _paints_something(image)
    # The button does the same; cancelling the question writes nothing.
    monkeypatch.setattr(ChartCard, "ask_path", classmethod(lambda _c, _p, _t: ""))
    saved.unlink()
    card.save_button.click()
    assert not saved.exists()


def test_save_as_png_starts_in_pictures_named_after_the_chart_and_the_users_day(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # It started in the process's current folder, with the chart's name alone.
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(tmp_path)
    # 23:30 in London is already Saturday in Berlin (the user's zone in these tests).
    clock.advance(timedelta(hours=8, minutes=30))
    create_application(clock, "Acme", source="Referral", applied_on=date(2026, 11, 2))
    window = make_window()
    open_page(qtbot, window, PAGES.index("Insights"))
    card = window.insights_page.cards[1]
    qtbot.waitUntil(card.canvas.has_data, timeout=10000)
    asked: list[str] = []
    monkeypatch.setattr(
        ChartCard, "ask_path", classmethod(lambda _c, _p, path: asked.append(path) or "")
    )
    # No Pictures folder: the home folder.
    card.save_button.click()
    assert asked == [str(home / "How far applications got 2026-11-21.png")]
    (home / "Pictures").mkdir()
    card.save_button.click()
    assert asked[1] == str(home / "Pictures" / "How far applications got 2026-11-21.png")


def test_a_suggested_file_name_holds_no_folder_or_forbidden_character() -> None:
    assert file_name('Notes: "A/B" <test>?', date(2026, 11, 21), "png") == (
        "Notes A B test 2026-11-21.png"
    )
    assert file_name("Thank-you note to Dana Lee", None, "pdf") == "Thank-you note to Dana Lee.pdf"
    assert file_name("../..", None, "pdf") == "untitled.pdf"
