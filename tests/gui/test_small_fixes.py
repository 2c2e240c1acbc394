"""Small things a walkthrough found: clipped empty pages, "0 interview(s)", a closed
stage's reason lower-cased into a sentence, the unsaved-changes question without Save,
and the search box that Enter and Down did nothing in."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import peewee
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.ui.common.widgets import WrappedText
from followthrough.ui.shell.main_window import PAGES, MainWindow


@pytest.fixture
def larger_font(qapp: QApplication) -> Iterator[None]:
    """The font grows after the window was built (a larger system font, a theme)."""
    before = qapp.font()
    bigger = qapp.font()
    bigger.setPointSizeF(bigger.pointSizeF() * 1.5)
    yield lambda: qapp.setFont(bigger)  # type: ignore[misc]
    qapp.setFont(before)


def test_the_empty_pages_show_their_whole_description_at_1100_by_720(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    make_window: Callable[[], MainWindow],
    larger_font: Callable[[], None],
) -> None:
    window = make_window()
    window.resize(1100, 720)
    larger_font()
    for index, name in enumerate(PAGES):
        window.show_page(index)
        page = window.stack.currentWidget()
        assert page.showing_empty_state, name  # type: ignore[attr-defined]
        text = page.empty.explanation  # type: ignore[attr-defined]
        qtbot.waitUntil(text.isVisible)
        QApplication.processEvents()
        assert text.height() >= text.heightForWidth(WrappedText.WIDTH), name
        where = QRect(text.mapTo(window, QPoint(0, 0)), text.size())
        assert window.rect().contains(where), name


def test_wrapped_text_grows_with_a_new_text_and_font(qtbot: QtBot) -> None:
    text = WrappedText("One line")
    qtbot.addWidget(text)
    one_line = text.minimumHeight()
    text.setText("Many words that wrap over several lines at this width. " * 4)
    assert text.minimumHeight() > one_line
    assert text.minimumHeight() == text.heightForWidth(WrappedText.WIDTH)


@pytest.mark.parametrize(("interviews", "expected"), [(0, "no interviews"), (2, "2 interviews")])
def test_the_delete_question_counts_interviews_in_words(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    interviews: int,
    expected: str,
) -> None:
    from datetime import date, time

    from followthrough.domain.interviews import InterviewDraft
    from followthrough.store.interviews import save_interview
    from followthrough.store.queries import create_application
    from followthrough.ui.common.ask import Ask

    application = create_application(clock, "Acme")
    for round_ in range(1, interviews + 1):
        save_interview(
            InterviewDraft(
                application.id, date(2026, 11, 10 + round_), time(10), time(11), "Europe/Berlin"
            ),
            clock,
        )
    window = make_window()
    detail = window.open_application(application.id)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=5000)
    asked: list[str] = []
    monkeypatch.setattr(
        Ask, "confirm", staticmethod(lambda _p, _title, text, _go: asked.append(text) or False)
    )
    detail.delete()
    assert len(asked) == 1
    assert expected in asked[0]
    assert "(s)" not in asked[0] and "0 interview" not in asked[0]


def test_a_closed_stage_names_its_reason_in_a_sentence(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    from followthrough.domain.stages import ClosureReason, Stage
    from followthrough.store.queries import change_stage, create_application

    application = create_application(clock, "Acme")
    change_stage(application.id, Stage.WITHDRAWN, clock, clock.now().date(), ClosureReason.WITHDREW)
    window = make_window()
    detail = window.open_application(application.id)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=5000)
    text = detail.stage_label.text()
    assert text.startswith("Withdrawn — I withdrew")
    assert "i withdrew" not in text
