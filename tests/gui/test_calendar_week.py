"""The week as a time grid: items at their wall-clock time on the user's clock (across the
change of the clocks too), side by side when they overlap, what has no time in the all-day
strip; click, double-click, Enter and the arrow keys; tooltips in full, as text."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from followthrough.domain.agenda import AgendaItem
from followthrough.domain.wording import short_day
from followthrough.ui.calendar.week_grid import (
    INTERVIEW_MINUTES,
    REMINDER_MINUTES,
    GridGeometry,
    Placed,
    block_minutes,
    neighbour,
    place_week,
    side_by_side,
)
from followthrough.ui.calendar.week_view import WeekView

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = date(2026, 11, 23)
GEOMETRY = GridGeometry(width=60 + 7 * 130, gutter=60, hour_height=48)  # days 130 px wide


def timed(
    at: datetime, kind: str = "follow_up", title: str = "Call Acme", **more: object
) -> AgendaItem:
    return AgendaItem(kind=kind, day=at.astimezone(BERLIN).date(), title=title, at=at, **more)  # type: ignore[arg-type]


def test_an_item_at_half_past_two_berlin_time_lands_at_half_past_two() -> None:
    item = timed(datetime(2026, 11, 24, 13, 30, tzinfo=UTC))  # 14:30 in Berlin (CET)
    [placed] = place_week(MONDAY, [item], BERLIN).timed
    assert (placed.day, placed.start) == (1, 14 * 60 + 30)
    rect = GEOMETRY.block_rect(placed)
    assert rect.top() == GEOMETRY.minute_y(14 * 60 + 30) == 14 * 48 + 24
    left, width = GEOMETRY.day_span(1)
    assert left <= rect.left() and rect.right() < left + width


def test_the_week_the_clocks_go_back_places_items_at_their_wall_time() -> None:
    # Berlin leaves summer time on Sunday 25 Oct 2026 at 03:00 (back to 02:00).
    monday = date(2026, 10, 19)
    saturday_noon = timed(datetime(2026, 10, 24, 10, 0, tzinfo=UTC), title="sat")  # CEST
    sunday_noon = timed(datetime(2026, 10, 25, 11, 0, tzinfo=UTC), title="sun")  # CET
    first_half_past_two = timed(datetime(2026, 10, 25, 0, 30, tzinfo=UTC), title="a")
    second_half_past_two = timed(datetime(2026, 10, 25, 1, 30, tzinfo=UTC), title="b")
    layout = place_week(
        monday, [saturday_noon, sunday_noon, first_half_past_two, second_half_past_two], BERLIN
    )
    where = {p.item.title: p for p in layout.timed}
    assert (where["sat"].day, where["sat"].start) == (5, 720)
    assert (where["sun"].day, where["sun"].start) == (6, 720)
    assert GEOMETRY.block_rect(where["sat"]).top() == GEOMETRY.block_rect(where["sun"]).top()
    # 02:30 happens twice that night: both at 02:30, side by side.
    assert where["a"].start == where["b"].start == 150
    assert {where["a"].column, where["b"].column} == {0, 1}


def test_overlapping_items_get_their_own_columns() -> None:
    ten = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # 10:00 in Berlin
    interview = timed(ten, "interview", "Interview", until=ten + timedelta(hours=1))
    during = timed(ten + timedelta(minutes=30), title="During")
    later = timed(ten + timedelta(hours=2), title="Later")
    where = {p.item.title: p for p in place_week(MONDAY, [interview, during, later], BERLIN).timed}
    assert (where["Interview"].column, where["During"].column) == (0, 1)
    assert where["Interview"].columns == where["During"].columns == 2
    assert (where["Later"].column, where["Later"].columns) == (0, 1)
    first, second = GEOMETRY.block_rect(where["Interview"]), GEOMETRY.block_rect(where["During"])
    assert not first.intersects(second)
    assert GEOMETRY.block_rect(where["Later"]).width() > first.width()


def test_a_chain_of_overlaps_shares_its_columns_and_reuses_free_ones() -> None:
    blocks = [
        Placed(timed(datetime(2026, 11, 25, 9, tzinfo=UTC), title=t), 2, start, end)
        for t, start, end in (("a", 600, 660), ("b", 630, 690), ("c", 670, 720))
    ]
    where = {p.item.title: p for p in side_by_side(blocks)}
    assert [where[t].column for t in "abc"] == [0, 1, 0]
    assert {where[t].columns for t in "abc"} == {2}


def test_a_day_only_item_goes_to_the_all_day_strip() -> None:
    decision = AgendaItem(kind="decision", day=MONDAY + timedelta(days=3), title="Acme")
    other_week = AgendaItem(kind="decision", day=MONDAY + timedelta(days=7), title="Later")
    layout = place_week(MONDAY, [decision, other_week], BERLIN)
    assert layout.timed == []
    [placed] = layout.all_day
    assert placed.item is decision and placed.day == 3 and placed.all_day
    assert layout.all_day_lines == 1


def test_blocks_are_as_long_as_their_item() -> None:
    at = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    start = 10 * 60
    assert block_minutes(timed(at, "interview", until=at + timedelta(minutes=45)), BERLIN) == (
        start,
        start + 45,
    )
    assert block_minutes(timed(at, "interview"), BERLIN) == (start, start + INTERVIEW_MINUTES)
    assert block_minutes(timed(at, "note_due_soon"), BERLIN) == (start, start + REMINDER_MINUTES)
    # Late in the day: the block stays on its day.
    late = block_minutes(timed(datetime(2026, 11, 24, 22, 55, tzinfo=UTC)), BERLIN)
    assert late[1] == 24 * 60 and late[0] < late[1]
    late_rect = GEOMETRY.block_rect(Placed(timed(at), 1, *late))
    assert late_rect.bottom() < GEOMETRY.height


def test_arrow_keys_move_in_time_and_across_days() -> None:
    items = [
        timed(datetime(2026, 11, 23, 8, tzinfo=UTC), title="mon 9"),
        timed(datetime(2026, 11, 23, 15, tzinfo=UTC), title="mon 16"),
        timed(datetime(2026, 11, 25, 14, tzinfo=UTC), title="wed 15"),
        timed(datetime(2026, 11, 25, 7, tzinfo=UTC), title="wed 8"),
    ]
    order = place_week(MONDAY, items, BERLIN).in_order()
    titles = [p.item.title for p in order]
    assert titles == ["mon 9", "mon 16", "wed 8", "wed 15"]
    assert neighbour(order, None, "down") == 0
    assert neighbour(order, 0, "down") == 1 and neighbour(order, 0, "up") == 0
    # From Monday 16:00 to the nearest time on the next day with items: Wednesday 15:00.
    assert titles[neighbour(order, 1, "right") or 0] == "wed 15"
    assert titles[neighbour(order, 2, "left") or 0] == "mon 9"
    assert neighbour(order, 3, "right") == 3
    assert neighbour([], None, "down") is None


# -- the widget -------------------------------------------------------------------------


def _week(qtbot: QtBot, items: list[AgendaItem]) -> WeekView:
    view = WeekView(BERLIN)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show_week(MONDAY + timedelta(days=2))
    view.set_today(date(2026, 11, 25))
    view.set_items(MONDAY, items)
    view.show()
    qtbot.waitExposed(view)
    return view


def _centre(view: WeekView, item: AgendaItem):  # type: ignore[no-untyped-def]
    placed = view.placed(item)
    assert placed is not None
    return view.geometry_now().block_rect(placed).center()


def test_the_week_opens_on_the_working_day_with_the_days_named(qtbot: QtBot) -> None:
    view = _week(qtbot, [])
    assert view.day_titles()[0] == "Mon 23 Nov" == short_day(MONDAY)
    assert len(view.day_titles()) == 7
    seven = view.geometry_now().minute_y(7 * 60)
    qtbot.waitUntil(lambda: view.hours_area.verticalScrollBar().value() == seven)
    # The rest of the day is a scroll away.
    assert view.hours_area.verticalScrollBar().maximum() > seven


def test_click_selects_and_double_click_or_enter_opens(qtbot: QtBot) -> None:
    first = timed(datetime(2026, 11, 24, 9, tzinfo=UTC), title="First")
    second = timed(datetime(2026, 11, 24, 12, tzinfo=UTC), title="Second")
    view = _week(qtbot, [first, second])
    view.hours_area.verticalScrollBar().setValue(view.geometry_now().minute_y(8 * 60))
    qtbot.mouseClick(view.grid, Qt.MouseButton.LeftButton, pos=_centre(view, first))
    assert view.selected_item() is first
    with qtbot.waitSignal(view.item_activated) as opened:
        qtbot.mouseDClick(view.grid, Qt.MouseButton.LeftButton, pos=_centre(view, second))
    assert opened.args == [second]
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.selected_item() is first
    with qtbot.waitSignal(view.item_activated) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [first]


def test_an_all_day_item_is_selected_and_opened_in_its_strip(qtbot: QtBot) -> None:
    decision = AgendaItem(kind="decision", day=MONDAY + timedelta(days=4), title="Acme")
    view = _week(qtbot, [decision])
    placed = view.placed(decision)
    assert placed is not None
    with qtbot.waitSignal(view.item_activated) as opened:
        qtbot.mouseDClick(
            view.strip, Qt.MouseButton.LeftButton, pos=view.strip.item_rect(placed).center()
        )
    assert opened.args == [decision] and view.selected_item() is decision


def test_a_block_has_a_tooltip_with_its_words_as_text(qtbot: QtBot) -> None:
    item = timed(datetime(2026, 11, 24, 9, tzinfo=UTC), title="<b>Acme</b> & Co", detail="Round 2")
    view = _week(qtbot, [item])
    view.hours_area.verticalScrollBar().setValue(view.geometry_now().minute_y(8 * 60))
    pos = _centre(view, item)
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.grid.mapToGlobal(pos))
    QApplication.sendEvent(view.grid, event)
    qtbot.waitUntil(QToolTip.isVisible)
    text = QToolTip.text()
    assert "&lt;b&gt;Acme&lt;/b&gt; &amp; Co" in text and "<b>Acme" not in text
    assert "Round 2" in text and "10:00" in text
    QToolTip.hideText()


def test_previous_next_and_this_week(qtbot: QtBot) -> None:
    view = _week(qtbot, [timed(datetime(2026, 11, 24, 9, tzinfo=UTC))])
    with qtbot.waitSignal(view.week_changed) as changed:
        view.next.click()
    assert changed.args == [MONDAY + timedelta(days=7)]
    # Until the new week's items come, the old week's are gone.
    assert view.shown_items() == []
    view.previous.click()
    view.previous.click()
    assert view.monday == MONDAY - timedelta(days=7)
    with qtbot.waitSignal(view.week_changed) as changed:
        view.this_week.click()
    assert changed.args == [MONDAY]
    # An answer for a week already left is dropped.
    view.set_items(MONDAY - timedelta(days=7), [timed(datetime(2026, 11, 17, 9, tzinfo=UTC))])
    assert view.shown_items() == []


def test_today_is_marked_in_its_column(qtbot: QtBot) -> None:
    view = _week(qtbot, [])
    geometry = view.geometry_now()
    image = view.grid.grab().toImage()
    y = view.hours_area.verticalScrollBar().value() + geometry.hour_height // 2

    def ground(day: int) -> int:
        left, width = geometry.day_span(day)
        return image.pixel(left + width // 2, y)

    # Wednesday 25 Nov is today: its column differs from the others, which are alike.
    assert ground(2) != ground(1) and ground(1) == ground(3)
    assert view.strip.grab().toImage().pixel(
        geometry.day_span(2)[0] + 5, view.strip.header_height() - 2
    ) != view.strip.grab().toImage().pixel(
        geometry.day_span(1)[0] + 5, view.strip.header_height() - 2
    )


def test_more_overlapping_blocks_than_fit_fold_into_plus_n() -> None:
    nine = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)  # Saturday 09:00 in Berlin
    items = [timed(nine, "note_overdue", f"Note {i}") for i in range(6)]
    narrow = GridGeometry(width=60 + 7 * 130, gutter=60, hour_height=48)  # days 130 px wide
    layout = place_week(MONDAY, items, BERLIN)
    assert {p.columns for p in layout.timed} == {6}
    slots = narrow.slots(layout.timed[0])
    assert slots == (130 - 4) // narrow.narrowest == 2
    [fold] = narrow.folds(layout.timed)
    assert len(fold) == 6 - slots + 1
    shown = [narrow.block_rect(p) for p in layout.timed if not narrow.folded(p)]
    assert len(shown) == slots - 1 and all(r.width() >= narrow.narrowest - 2 for r in shown)
    fold_rect = narrow.fold_rect(fold)
    assert not any(fold_rect.intersects(r) for r in shown)
    left, width = narrow.day_span(5)
    assert left <= fold_rect.left() and fold_rect.right() < left + width
    # A wide day has room for all six.
    assert GridGeometry(width=60 + 7 * 400, gutter=60, hour_height=48).folds(layout.timed) == []


def test_a_crowded_hour_at_1280_pixels_shows_readable_blocks_and_folds_the_rest(
    qtbot: QtBot,
) -> None:
    # A 1280-pixel window leaves the week about 1050 pixels: days of some 140 pixels, where
    # eight things at nine were three 45-pixel stubs ("Thank-…") beside a "+6".
    nine = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    items = [timed(nine, "reference_thanks", f"Thank reference {i}") for i in range(8)]
    layout = place_week(MONDAY, items, BERLIN)
    week = GridGeometry(width=50 + 7 * 143, gutter=50, hour_height=48)
    assert week.narrowest >= 60
    shown = [week.block_rect(p) for p in layout.timed if not week.folded(p)]
    [fold] = week.folds(layout.timed)
    assert shown and len(shown) + len(fold) == 8
    for rect in [*shown, week.fold_rect(fold)]:
        assert rect.width() >= week.narrowest - 2
    # The view measures the least width from its font: never below the readable floor.
    view = _week(qtbot, items)
    geometry = view.geometry_now()
    assert geometry.narrowest >= 60
    assert geometry.narrowest >= view.fontMetrics().averageCharWidth() * 8
    blocks = [geometry.block_rect(p) for p in view.layout_.timed if not geometry.folded(p)]
    assert all(r.width() >= geometry.narrowest - 2 for r in blocks)


def test_the_fold_says_how_many_and_lists_them_in_its_tooltip(qtbot: QtBot) -> None:
    nine = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    items = [timed(nine, "note_overdue", f"Note <{i}>") for i in range(8)]
    view = _week(qtbot, items)
    view.hours_area.verticalScrollBar().setValue(view.geometry_now().minute_y(8 * 60))
    geometry = view.geometry_now()
    [fold] = geometry.folds(view.layout_.timed)
    pos = geometry.fold_rect(fold).center()
    assert view.grid.placed_at(pos) is fold[0]
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.grid.mapToGlobal(pos))
    QApplication.sendEvent(view.grid, event)
    qtbot.waitUntil(QToolTip.isVisible)
    text = QToolTip.text()
    assert all(f"Note &lt;{p.item.title[-2]}&gt;" in text for p in fold)
    QToolTip.hideText()
    # Every item is still reached with the keys.
    for _ in items:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selected_item() is view.shown_items()[-1]


def test_a_crowded_all_day_strip_keeps_to_three_lines_and_folds_the_rest(qtbot: QtBot) -> None:
    thursday = MONDAY + timedelta(days=3)
    decisions = [
        AgendaItem(kind="decision", day=thursday, title=f"Firm <{n:02}>") for n in range(30)
    ]
    view = _week(qtbot, decisions)
    strip = view.strip
    assert strip.height() == strip.header_height() + 3 * strip.line_height() + 4
    [fold] = strip.folds()
    assert len(fold) == 28  # two lines shown, the third says "+28"
    pos = strip.item_rect(fold[0]).center()
    assert strip.placed_at(pos) is fold[0]
    event = QHelpEvent(QEvent.Type.ToolTip, pos, strip.mapToGlobal(pos))
    QApplication.sendEvent(strip, event)
    qtbot.waitUntil(QToolTip.isVisible)
    text = QToolTip.text()
    assert all(f"Firm &lt;{n:02}&gt;" in text for n in range(2, 30))
    QToolTip.hideText()
    # The keys still reach every one of them.
    view.setFocus()
    reached = set()
    for _ in range(35):
        qtbot.keyClick(view, Qt.Key.Key_Down)
        item = view.selected_item()
        assert item is not None
        reached.add(item.title)
    assert reached == {d.title for d in decisions}
    # A few all-day items still show each on its line.
    few = _week(qtbot, decisions[:3])
    assert few.strip.folds() == []


def test_the_selected_item_is_told_to_a_screen_reader(qtbot: QtBot) -> None:
    decision = AgendaItem(kind="decision", day=MONDAY + timedelta(days=3), title="Acme")
    call = timed(datetime(2026, 11, 24, 9, tzinfo=UTC), title="Call Brightline")
    view = _week(qtbot, [decision, call])
    assert view.accessibleName() == "Week of Mon 23 Nov 2026"
    assert "No item selected" in view.accessibleDescription()
    assert view.strip.accessibleName() and view.grid.accessibleName()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selected_item() is call
    assert view.accessibleName() == "Tue 24 Nov 2026, 10:00: Follow up, Call Brightline"
    assert view.accessibleDescription() == view.accessibleName()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.selected_item() is decision
    assert view.accessibleName() == "Thu 26 Nov 2026, all day: Decision due, Acme"
