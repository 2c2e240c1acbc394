"""The applications board: cards, drag and drop, keys, the list's search and filter,
folded closed stages, and fitting a 1280 px window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.domain.next_action import NextAction
from followthrough.domain.stages import CLOSED_STAGES, Stage
from followthrough.store.applications import ApplicationSummary
from followthrough.store.queries import DataCounts
from followthrough.ui.applications.board import (
    CARD_MIME_TYPE,
    BoardView,
    CardListView,
    read_card_mime_data,
)
from followthrough.ui.applications.page import ApplicationsPage
from followthrough.ui.common.theme import ColourRole, colour, kind_colour
from followthrough.ui.shell.help import help_html
from followthrough.ui.shell.main_window import PAGES, MainWindow
from tests.helpers.pages import open_page

ZONE = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 11, 20)
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _card(
    number: int,
    company: str,
    stage: Stage,
    action: NextAction | None = None,
    role: str = "Analyst",
) -> ApplicationSummary:
    return ApplicationSummary(
        application_id=number,
        company=company,
        role_title=role,
        stage=stage,
        applied_on=None,
        location="",
        last_contact=None,
        next_action=action or NextAction(""),
        people="",
    )


CARDS = [
    _card(1, "Acme", Stage.APPLIED, NextAction("Wait for a reply")),
    _card(2, "Brightline", Stage.APPLIED),
    _card(3, "Cedar", Stage.INTERVIEWING),
    _card(4, "Dune", Stage.REFERENCE_CHECK),
    _card(5, "Elm", Stage.OFFER),
    _card(6, "Fjord", Stage.REJECTED),
    _card(7, "Granite", Stage.WITHDRAWN),
]


def _by_stage(cards: list[ApplicationSummary]) -> dict[Stage, list[ApplicationSummary]]:
    board: dict[Stage, list[ApplicationSummary]] = {stage: [] for stage in Stage}
    for card in sorted(cards, key=lambda c: c.company.casefold()):
        board[card.stage].append(card)
    return board


def _haystacks(cards: list[ApplicationSummary]) -> dict[int, str]:
    return {c.application_id: f"{c.company} {c.role_title}".casefold() for c in cards}


@pytest.fixture
def board(qtbot: QtBot) -> BoardView:
    view = BoardView(ZONE)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.set_rows(_by_stage(CARDS), _haystacks(CARDS))
    view.show()
    qtbot.waitExposed(view)
    return view


def _page(qtbot: QtBot, cards: list[ApplicationSummary]) -> ApplicationsPage:
    page = ApplicationsPage(ZONE, lambda: TODAY)
    qtbot.addWidget(page)
    by_stage = {stage: sum(c.stage == stage for c in cards) for stage in Stage}
    counts = DataCounts(len(cards), len(cards), 0, 0, 0, by_stage)
    rows = sorted(cards, key=lambda c: c.application_id)
    hay = _haystacks(cards)
    page.set_data(counts, rows, [hay[r.application_id] for r in rows], _by_stage(cards))
    page.views.setCurrentWidget(page.board)
    return page


def _board_ids(board: BoardView) -> set[int]:
    return {
        column.model.row_at(row).application_id
        for column in board.columns.values()
        for row in range(column.model.rowCount())
    }


def _drag_and_drop(source: CardListView, row: int, target: QWidget) -> QDropEvent:
    """A real drop: the mime data the source view drags, delivered through the target's
    drag-enter, drag-move and drop events."""
    model = source.model()
    data = model.mimeData([model.index(row, 0)])
    where = QPoint(20, 20)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    move = Qt.DropAction.MoveAction
    receiver = target.viewport() if isinstance(target, CardListView) else target
    enter = QDragEnterEvent(where, move, data, buttons, keys)
    QApplication.sendEvent(receiver, enter)
    if enter.isAccepted():
        QApplication.sendEvent(receiver, QDragMoveEvent(where, move, data, buttons, keys))
    drop = QDropEvent(QPointF(where), move, data, buttons, keys)
    QApplication.sendEvent(receiver, drop)
    return drop


# -- cards ---------------------------------------------------------------------------------


def test_a_card_says_company_role_and_the_next_step_with_its_day(qtbot: QtBot) -> None:
    interview = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    cards = [
        _card(
            1,
            "Acme <b>Labs</b>",
            Stage.INTERVIEWING,
            NextAction("Interview", interview.date(), interview, kind="interview", why="Round 2"),
        ),
        _card(
            2,
            "Brightline",
            Stage.INTERVIEWING,
            NextAction("Follow up", date(2026, 11, 18), kind="follow_up_due", overdue=True),
        ),
    ]
    board = BoardView(ZONE)
    qtbot.addWidget(board)
    board.set_rows(_by_stage(cards))
    model = board.columns[Stage.INTERVIEWING].model
    spoken = model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    # The time on the user's clock (10:00 in Berlin), the day through the day words.
    assert spoken == "Acme <b>Labs</b>\nAnalyst\nNext: Interview · Tue 24 Nov 10:00\nRound 2"
    late = model.index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert late == "Brightline\nAnalyst\nNext: Follow up · Wed 18 Nov (overdue)"
    # The tooltip is read as rich text: the company shows as typed.
    assert "Acme &lt;b&gt;Labs&lt;/b&gt;" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def _card_image(board: BoardView, stage: Stage, row: int) -> QImage:
    view = board.columns[stage].view
    rect = view.visualRect(view.model().index(row, 0))
    return view.viewport().grab(rect).toImage()


def _colours(image: QImage) -> set[int]:
    return {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}


def test_a_card_is_coloured_by_the_kind_of_its_next_step_and_warns_when_overdue(
    qtbot: QtBot,
) -> None:
    cards = [
        _card(1, "Acme", Stage.APPLIED, NextAction("Interview", TODAY, kind="interview")),
        _card(2, "Brightline", Stage.APPLIED, NextAction("Wait", TODAY, kind="")),
        _card(3, "Cedar", Stage.APPLIED, NextAction("Call", TODAY, kind="", overdue=True)),
    ]
    board = BoardView(ZONE)
    qtbot.addWidget(board)
    board.resize(1200, 600)
    board.set_rows(_by_stage(cards))
    board.show()
    qtbot.waitExposed(board)
    palette = board.palette()
    interview, neutral = kind_colour("interview", palette), colour(ColourRole.NEUTRAL, palette)
    warning = colour(ColourRole.WARNING, palette).rgb()
    assert interview != neutral
    first, second, third = (_card_image(board, Stage.APPLIED, row) for row in range(3))
    # The strip at the card's left edge, half way down.
    assert QColor(first.pixel(5, first.height() // 2)) == interview
    assert QColor(second.pixel(5, second.height() // 2)) == neutral
    assert warning in _colours(third)
    assert warning not in _colours(second)


def _text_lines(image: QImage, paper: int) -> int:
    """How many bands of ink run down the card (text lines), its frame and strip left out."""
    inner = image.copy(14, 6, image.width() - 24, image.height() - 12)
    bands, inked_before = 0, False
    for y in range(inner.height()):
        inked = any(inner.pixel(x, y) != paper for x in range(inner.width()))
        bands += inked and not inked_before
        inked_before = inked
    return bands


def test_a_narrow_card_still_reads_its_next_step_above_its_day(qtbot: QtBot) -> None:
    """In a narrow column the step used to shrink to "I…" beside its day: it has a line of
    its own, the day the line below."""
    step = NextAction(
        "Interview, round 2, video", TODAY, datetime(2026, 11, 20, 16, 30, tzinfo=UTC), "interview"
    )
    board = BoardView(ZONE)
    qtbot.addWidget(board)
    board.resize(900, 600)
    board.set_rows(_by_stage([_card(1, "Acme", Stage.APPLIED, step)]))
    board.show()
    qtbot.waitExposed(board)
    image = _card_image(board, Stage.APPLIED, 0)
    paper = board.palette().color(QPalette.ColorRole.Base).rgb()
    # Company, role, the step, its day.
    assert _text_lines(image, paper) == 4


def test_an_empty_column_invites_a_drop_and_a_filtered_one_says_why(board: BoardView) -> None:
    assert board.columns[Stage.OFFER].model.rowCount() == 1
    assert board.columns[Stage.FILLED].view.hint == "Drop an application here"
    board.set_search("acme")
    assert board.columns[Stage.OFFER].view.hint == "None shown: the search or the filter hides them"
    assert board.columns[Stage.OFFER].count.text() == "0 of 1"
    assert board.columns[Stage.APPLIED].count.text() == "1 of 2"


def test_the_board_models_pass_the_model_tester(board: BoardView, qtmodeltester: object) -> None:
    for model in board.models():
        qtmodeltester.check(model)  # type: ignore[attr-defined]


# -- drag and drop -------------------------------------------------------------------------


def test_dropping_a_card_on_another_column_asks_to_move_it(qtbot: QtBot, board: BoardView) -> None:
    source = board.columns[Stage.APPLIED].view
    data = source.model().mimeData([source.model().index(0, 0)])
    assert data.hasFormat(CARD_MIME_TYPE)
    assert read_card_mime_data(data) == (1, Stage.APPLIED)
    target = board.columns[Stage.INTERVIEWING].view
    with qtbot.waitSignal(board.move_requested) as moved:
        drop = _drag_and_drop(source, 0, target)
    assert drop.isAccepted()
    assert moved.args == [CARDS[0], Stage.INTERVIEWING]
    # The card stays where it was until the move is saved and the board reloads.
    assert board.columns[Stage.APPLIED].model.rowCount() == 2


def test_a_card_cannot_be_dropped_where_its_stage_cannot_go(qtbot: QtBot, board: BoardView) -> None:
    # Interviewing does not step back to Applied; a drop on its own column is no move.
    source = board.columns[Stage.INTERVIEWING].view
    with qtbot.assertNotEmitted(board.move_requested):
        assert not _drag_and_drop(source, 0, board.columns[Stage.APPLIED].view).isAccepted()
        assert not _drag_and_drop(source, 0, source).isAccepted()
    foreign = QMimeData()
    foreign.setText("3 applied")
    assert read_card_mime_data(foreign) is None


def test_a_card_dropped_on_a_folded_closed_stage_asks_to_move_it_there(
    qtbot: QtBot, board: BoardView
) -> None:
    folded = board.columns[Stage.REJECTED].folded
    assert folded is not None and folded.isVisible()
    with qtbot.waitSignal(board.move_requested) as moved:
        assert _drag_and_drop(board.columns[Stage.OFFER].view, 0, folded).isAccepted()
    assert moved.args == [CARDS[4], Stage.REJECTED]


def _one_application_board(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> tuple[MainWindow, BoardView, int]:
    from followthrough.store.queries import create_application

    application = create_application(clock, "Acme", "Data Analyst")
    window = make_window()
    open_page(qtbot, window, "Applications")
    page = window.applications_page
    page.views.setCurrentWidget(page.board)
    return window, page.board, application.id


def test_dropping_on_a_closed_stage_asks_the_reason_and_cancel_keeps_the_card(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from followthrough.store.models import Application
    from followthrough.ui.applications.forms import StageChangeDialog

    window, board, application_id = _one_application_board(qtbot, clock, make_window)
    asked: list[tuple[Stage | None, int]] = []

    def cancel(dialog: StageChangeDialog) -> bool:
        asked.append((dialog.chosen_stage(), dialog.reason.count()))
        return False

    monkeypatch.setattr(MainWindow, "exec_dialog", staticmethod(cancel))
    board.set_unfolded(Stage.WITHDRAWN, True)
    _drag_and_drop(board.columns[Stage.APPLIED].view, 0, board.columns[Stage.WITHDRAWN].view)
    assert asked == [(Stage.WITHDRAWN, 3)]  # "choose", "I withdrew", "accepted elsewhere"
    window.context.runner.wait_for_done()
    qtbot.wait(50)
    assert Application.get_by_id(application_id).stage == "applied"
    assert board.columns[Stage.APPLIED].model.row_at(0).application_id == application_id


def test_a_move_that_fails_to_save_leaves_the_card_where_it_was(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    save_failures: list[tuple[str, str]],
) -> None:
    from followthrough.store import queries
    from followthrough.store.models import Application

    _window, board, application_id = _one_application_board(qtbot, clock, make_window)

    def fail(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(queries, "change_stage", fail)
    _drag_and_drop(board.columns[Stage.APPLIED].view, 0, board.columns[Stage.INTERVIEWING].view)
    qtbot.waitUntil(lambda: len(save_failures) == 1)
    assert "Acme moved to “Interviewing”" in save_failures[0][0]
    assert Application.get_by_id(application_id).stage == "applied"
    assert board.columns[Stage.APPLIED].model.rowCount() == 1
    assert board.columns[Stage.INTERVIEWING].model.rowCount() == 0


def _moved(card: ApplicationSummary, stage: Stage) -> list[ApplicationSummary]:
    return [replace(card, stage=stage)]


def test_a_cancelled_move_does_not_later_take_the_selection(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, board, application_id = _one_application_board(qtbot, clock, make_window)
    monkeypatch.setattr(MainWindow, "exec_dialog", staticmethod(lambda _dialog: False))
    board.set_unfolded(Stage.WITHDRAWN, True)
    card = board.columns[Stage.APPLIED].model.row_at(0)
    _drag_and_drop(board.columns[Stage.APPLIED].view, 0, board.columns[Stage.WITHDRAWN].view)
    window.context.runner.wait_for_done()
    # Later, moved there some other way: the reload does not select it for the old move.
    cards = _moved(card, Stage.WITHDRAWN)
    board.set_keep(None)  # whatever the page's filter, the card shows
    board.set_rows(_by_stage(cards), _haystacks(cards))
    assert board.columns[Stage.WITHDRAWN].model.rowCount() == 1
    assert not board.columns[Stage.WITHDRAWN].view.currentIndex().isValid()
    assert application_id == card.application_id


def test_a_move_given_up_after_a_failed_save_does_not_later_take_the_selection(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    save_failures: list[tuple[str, str]],
) -> None:
    from followthrough.store import queries

    _window, board, _application_id = _one_application_board(qtbot, clock, make_window)

    def fail(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(queries, "change_stage", fail)
    card = board.columns[Stage.APPLIED].model.row_at(0)
    _drag_and_drop(board.columns[Stage.APPLIED].view, 0, board.columns[Stage.INTERVIEWING].view)
    qtbot.waitUntil(lambda: len(save_failures) == 1)
    cards = _moved(card, Stage.INTERVIEWING)
    board.set_rows(_by_stage(cards), _haystacks(cards))
    assert board.columns[Stage.INTERVIEWING].model.rowCount() == 1
    assert not board.columns[Stage.INTERVIEWING].view.currentIndex().isValid()


def test_a_columns_count_is_said_with_plurals_and_locale_numbers(
    qtbot: QtBot, board: BoardView
) -> None:
    assert board.columns[Stage.INTERVIEWING].view.accessibleDescription() == "1 card"
    assert board.columns[Stage.APPLIED].view.accessibleDescription() == "2 cards"
    board.set_search("acme")
    assert board.columns[Stage.APPLIED].view.accessibleDescription() == "1 of 2 cards"
    assert board.columns[Stage.APPLIED].count.text() == "1 of 2"
    many = [_card(100 + n, f"Co {n:04}", Stage.APPLIED) for n in range(1200)]
    board.set_search("")
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        board.set_rows(_by_stage(many), _haystacks(many))
        assert board.columns[Stage.APPLIED].count.text() == "1.200"  # the user's grouping
        assert board.columns[Stage.APPLIED].view.accessibleDescription() == "1.200 cards"
    finally:
        QLocale.setDefault(before)


# -- keys ----------------------------------------------------------------------------------


def _select(board: BoardView, stage: Stage, row: int) -> CardListView:
    view = board.columns[stage].view
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, 0))
    return view


def test_ctrl_shift_right_and_left_move_the_card_to_the_next_and_previous_stage(
    qtbot: QtBot, board: BoardView
) -> None:
    view = _select(board, Stage.APPLIED, 1)
    with qtbot.waitSignal(board.move_requested) as moved:
        qtbot.keyClick(view, Qt.Key.Key_Right, CTRL_SHIFT)
    assert moved.args == [CARDS[1], Stage.INTERVIEWING]
    view = _select(board, Stage.REFERENCE_CHECK, 0)
    with qtbot.waitSignal(board.move_requested) as moved:
        qtbot.keyClick(view, Qt.Key.Key_Left, CTRL_SHIFT)
    assert moved.args == [CARDS[3], Stage.INTERVIEWING]
    # An offer moves right into the closing stages (the window then asks the reason) ...
    view = _select(board, Stage.OFFER, 0)
    with qtbot.waitSignal(board.move_requested) as moved:
        qtbot.keyClick(view, Qt.Key.Key_Right, CTRL_SHIFT)
    assert moved.args == [CARDS[4], Stage.ACCEPTED]
    # ... while an application never steps back to "Applied".
    view = _select(board, Stage.INTERVIEWING, 0)
    with qtbot.assertNotEmitted(board.move_requested):
        qtbot.keyClick(view, Qt.Key.Key_Left, CTRL_SHIFT)
    assert "Ctrl+Shift+Right" in view.toolTip()
    assert "Ctrl+Shift+Right" in board.keys_hint.text()
    assert "Ctrl+Shift+Right" in help_html(Path("/tmp"))


def test_arrows_walk_between_cards_and_columns(qtbot: QtBot, board: BoardView) -> None:
    view = _select(board, Stage.APPLIED, 0)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_Right)
    interviewing = board.columns[Stage.INTERVIEWING].view
    assert interviewing.hasFocus()
    assert interviewing.currentIndex().row() == 0
    qtbot.keyClick(interviewing, Qt.Key.Key_Left)
    assert view.hasFocus()
    # From the offers, Right reaches the folded "Accepted" strip; Enter unfolds it.
    offers = _select(board, Stage.OFFER, 0)
    qtbot.keyClick(offers, Qt.Key.Key_Right)
    accepted = board.columns[Stage.ACCEPTED]
    assert accepted.folded is not None and accepted.folded.hasFocus()
    qtbot.keyClick(accepted.folded, Qt.Key.Key_Return)
    assert Stage.ACCEPTED in board.unfolded and accepted.view.hasFocus()


def test_enter_and_double_click_open_the_application(qtbot: QtBot, board: BoardView) -> None:
    view = _select(board, Stage.APPLIED, 1)
    with qtbot.waitSignal(board.card_activated) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [2]
    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(board.card_activated) as opened:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [1]


def test_the_menu_key_opens_the_cards_move_to_menu(
    qtbot: QtBot, board: BoardView, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QMenu] = []
    monkeypatch.setattr(
        BoardView, "show_menu", staticmethod(lambda menu, _where: shown.append(menu))
    )
    view = _select(board, Stage.INTERVIEWING, 0)
    qtbot.keyClick(view, Qt.Key.Key_Menu)
    assert len(shown) == 1
    move_to = next(a.menu() for a in shown[0].actions() if a.menu() is not None)
    assert move_to.title() == "&Move to"
    labels = [a.text() for a in move_to.actions()]
    assert "Offer" in labels and "Rejected…" in labels and "Applied" not in labels
    with qtbot.waitSignal(board.move_requested) as moved:
        next(a for a in move_to.actions() if a.text() == "Offer").trigger()
    assert moved.args == [CARDS[2], Stage.OFFER]


def test_keys_do_not_reopen_a_closed_application_and_say_how(
    qtbot: QtBot, board: BoardView
) -> None:
    accepted = _card(8, "Hazel", Stage.ACCEPTED)
    cards = [*CARDS, accepted]
    board.set_rows(_by_stage(cards), _haystacks(cards))
    for stage in (Stage.REJECTED, Stage.WITHDRAWN, Stage.ACCEPTED):
        board.set_unfolded(stage, True)
    for stage in (Stage.REJECTED, Stage.WITHDRAWN):
        for key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            view = _select(board, stage, 0)
            with qtbot.assertNotEmitted(board.move_requested):
                qtbot.keyClick(view, key, CTRL_SHIFT)
        assert "keys do not reopen it" in board.last_step_refusal
        assert "Move to" in board.last_step_refusal
    # Between closed stages the keys still move: an accepted offer can be rescinded.
    view = _select(board, Stage.ACCEPTED, 0)
    with qtbot.waitSignal(board.move_requested) as moved:
        qtbot.keyClick(view, Qt.Key.Key_Right, CTRL_SHIFT)
    assert moved.args == [accepted, Stage.REJECTED]
    assert "Keys do not reopen" in board.keys_hint.text()


def test_a_card_moved_with_the_keys_stays_selected_where_it_lands(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    window, board, application_id = _one_application_board(qtbot, clock, make_window)
    view = _select(board, Stage.APPLIED, 0)
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        qtbot.keyClick(view, Qt.Key.Key_Right, CTRL_SHIFT)
    interviewing = board.columns[Stage.INTERVIEWING].view
    assert interviewing.model().rowCount() == 1
    assert interviewing.currentIndex().row() == 0
    model = board.columns[Stage.INTERVIEWING].model
    assert model.row_at(interviewing.currentIndex().row()).application_id == application_id
    assert interviewing.hasFocus()


# -- search and filter ---------------------------------------------------------------------


def test_the_board_shows_what_the_list_shows(qtbot: QtBot) -> None:
    page = _page(qtbot, CARDS)

    def list_ids() -> set[int]:
        return {page.model.row_at(r).application_id for r in range(page.model.rowCount())}

    # "Active" at first: the closed cards are hidden from both.
    assert page.stage_filter.currentText() == "Active"
    assert _board_ids(page.board) == list_ids() == {1, 2, 3, 4, 5}
    page.search.setText("acme")
    assert page.shown.text() == "1 of 7"
    assert _board_ids(page.board) == list_ids() == {1}
    page.search.setText("e")  # Acme, Brightline, Cedar, Dune, Elm (Granite is closed)
    assert _board_ids(page.board) == list_ids() == {1, 2, 3, 4, 5}
    page.stage_filter.setCurrentText("All stages")
    assert _board_ids(page.board) == list_ids() == {1, 2, 3, 4, 5, 7}
    page.stage_filter.setCurrentText("Offer")
    assert _board_ids(page.board) == list_ids() == {5}
    page.search.clear()
    page.stage_filter.setCurrentText("Rejected")
    assert _board_ids(page.board) == list_ids() == {6}
    assert page.board.columns[Stage.REJECTED].folded.text() == "Rejected (1)"  # type: ignore[union-attr]
    assert page.board.columns[Stage.APPLIED].count.text() == "0 of 2"


# -- folded closed stages ------------------------------------------------------------------


def test_closed_stages_start_folded_and_stay_unfolded_once_opened(
    qtbot: QtBot, board: BoardView
) -> None:
    for stage in CLOSED_STAGES:
        column = board.columns[stage]
        assert column.folded is not None and column.folded.isVisible()
        assert not column.view.isVisible()
        assert column.width() < 60
    assert board.columns[Stage.OFFER].folded is None
    rejected = board.columns[Stage.REJECTED]
    assert rejected.folded is not None
    assert rejected.folded.text() == "Rejected (1)"
    qtbot.mouseClick(rejected.folded, Qt.MouseButton.LeftButton)
    assert rejected.view.isVisible() and not rejected.folded.isVisible()
    assert rejected.model.row_at(0).company == "Fjord"
    # A reload (after any save) keeps it open.
    board.set_rows(_by_stage(CARDS), _haystacks(CARDS))
    assert rejected.view.isVisible()
    assert board.columns[Stage.WITHDRAWN].folded.isVisible()  # type: ignore[union-attr]
    assert rejected.fold_button is not None
    qtbot.mouseClick(rejected.fold_button, Qt.MouseButton.LeftButton)
    assert rejected.folded.isVisible() and not rejected.view.isVisible()


def test_a_filter_or_search_that_finds_only_closed_cards_unfolds_their_columns(
    qtbot: QtBot,
) -> None:
    page = _page(qtbot, CARDS)
    page.show()
    qtbot.waitExposed(page)
    board = page.board

    def open_columns() -> set[Stage]:
        return {s for s in CLOSED_STAGES if board.columns[s].view.isVisible()}

    assert open_columns() == set()
    # "Show: Rejected": its card is shown at once, not behind "None shown".
    page.stage_filter.setCurrentText("Rejected")
    assert open_columns() == {Stage.REJECTED}
    assert board.columns[Stage.REJECTED].model.rowCount() == 1
    # A closed stage without cards still unfolds, to say it has none.
    page.stage_filter.setCurrentText("Filled by someone else")
    assert open_columns() == {Stage.FILLED}
    # Back to all stages: folded again, until a search finds only a closed card.
    page.stage_filter.setCurrentText("All stages")
    assert open_columns() == set()
    page.search.setText("granite")
    assert open_columns() == {Stage.WITHDRAWN}
    # While an open column shows a card, closed ones stay folded.
    page.search.setText("a")  # Acme, Brightline, Cedar, Granite
    assert open_columns() == set()
    page.search.clear()
    assert open_columns() == set()


def test_unfolded_stages_are_remembered_while_the_window_lives(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    window, board, _application_id = _one_application_board(qtbot, clock, make_window)
    open_page(qtbot, window, "Applications")
    window.applications_page.views.setCurrentWidget(board)
    board.set_unfolded(Stage.FILLED, True)
    window.show_page(PAGES.index("Today"))
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        window.refresh()
    open_page(qtbot, window, "Applications")
    assert board.unfolded == {Stage.FILLED}
    assert board.columns[Stage.FILLED].view.isVisible()


# -- size ----------------------------------------------------------------------------------


def test_the_board_fits_a_1280_pixel_window_without_scrolling_sideways(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    fill_demo(clock, 27)
    window = make_window()
    open_page(qtbot, window, "Applications")
    page = window.applications_page
    page.views.setCurrentWidget(page.board)
    page.stage_filter.setCurrentText("All stages")
    board = page.board
    for size in ((1280, 800), (1100, 720)):
        window.resize(*size)
        qtbot.waitUntil(lambda s=size: window.width() == s[0])
        qtbot.wait(20)
        assert board.viewport().width() > 800
        assert board.horizontalScrollBar().maximum() == 0, size
        assert not board.horizontalScrollBar().isVisible()
        # Every column that holds cards is wide enough to read them.
        for stage in (Stage.APPLIED, Stage.INTERVIEWING, Stage.REFERENCE_CHECK, Stage.OFFER):
            assert board.columns[stage].view.width() >= 130
    # Unfolding one closed stage still fits at 1280.
    window.resize(1280, 800)
    board.set_unfolded(Stage.REJECTED, True)
    qtbot.wait(20)
    assert board.horizontalScrollBar().maximum() == 0
