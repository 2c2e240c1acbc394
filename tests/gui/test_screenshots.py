"""Every view rendered with demo data: not blank, and saved for a person to look at.

Set FOLLOWTHROUGH_ARTIFACTS=DIR to keep the PNGs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.store.contacts import contact_choices
from followthrough.store.interviews import load_interview_draft
from followthrough.store.models import Interview
from followthrough.ui.interviews.dialogs import InterviewDialog
from followthrough.ui.shell.main_window import PAGES, MainWindow
from tests.helpers.pages import open_page


def _check_and_keep(widget: QWidget, name: str, tmp_path: Path) -> None:
    image: QImage = widget.grab().toImage()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)
    }
    assert len(colours) > 20, f"{name} looks blank"
    target_dir = Path(os.environ.get("FOLLOWTHROUGH_ARTIFACTS", tmp_path))
    target_dir.mkdir(parents=True, exist_ok=True)
    assert image.save(str(target_dir / f"{name}.png"))


def test_every_view_renders_with_demo_data(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    fill_demo(clock, 25)
    window = make_window()
    window.resize(1100, 720)
    for index, name in enumerate(PAGES):
        open_page(qtbot, window, index)
        page = window.stack.currentWidget()
        assert not page.showing_empty_state  # type: ignore[attr-defined]
        qtbot.wait(50)
        _check_and_keep(window, f"view-{name.lower()}", tmp_path)
    open_page(qtbot, window, "Applications")
    window.applications_page.views.setCurrentIndex(1)
    _check_and_keep(window, "view-board", tmp_path)
    open_page(qtbot, window, "Calendar")
    window.calendar_page.views.setCurrentIndex(1)
    qtbot.waitUntil(lambda: len(window.calendar_page.week.shown_items()) > 0)
    _check_and_keep(window, "view-week", tmp_path)

    interview = Interview.select().order_by(Interview.id).first()
    detail = window.open_application(interview.application_id)
    qtbot.waitUntil(lambda: detail.interview_model.rowCount() > 0)
    detail.tabs.setCurrentIndex(1)
    _check_and_keep(detail, "detail-interviews", tmp_path)
    detail.tabs.setCurrentIndex(3)
    _check_and_keep(detail, "detail-timeline", tmp_path)

    dialog = InterviewDialog("Interview", load_interview_draft(interview.id), contact_choices())
    qtbot.addWidget(dialog)
    dialog.show()
    _check_and_keep(dialog, "interview-dialog", tmp_path)
