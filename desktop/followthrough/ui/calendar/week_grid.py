"""The week as a time grid: seven day columns, hour rows on the user's clock, a strip at
the top for what has a day but no time, and each item a block at its time.

Where things go is worked out once per week by pure functions (``block_minutes``,
``place_week``, ``GridGeometry``), tested without a widget; the widgets only draw the
blocks that are on screen and turn clicks and keys into a selection.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QRect

from followthrough.domain.agenda import AgendaItem, AgendaKind

DAY_MINUTES = 24 * 60
INTERVIEW_MINUTES = 60  # an interview whose end is not known
REMINDER_MINUTES = 30  # a reminder is a moment: a short block
SHORTEST_MINUTES = 15
WORKING_DAY = time(7, 0)  # where the grid opens; the rest is a scroll away


@dataclass(frozen=True)
class Placed:
    """An item where the week shows it: its day (0 is Monday), its minutes after the local
    midnight on the wall clock, and its column among the items it overlaps. In the
    all-day strip, ``column`` is its line in the day and start and end are 0."""

    item: AgendaItem
    day: int
    start: int = 0
    end: int = 0
    column: int = 0
    columns: int = 1
    group: int = 0  # which run of overlapping blocks of its day it belongs to

    @property
    def all_day(self) -> bool:
        return self.item.at is None


@dataclass(frozen=True)
class WeekLayout:
    timed: list[Placed]
    all_day: list[Placed]
    all_day_lines: int  # the most all-day items on one day

    def in_order(self) -> list[Placed]:
        """Every item in reading order: day by day, the all-day ones first, then by time."""
        return sorted(
            self.all_day + self.timed,
            key=lambda p: (p.day, not p.all_day, p.start, p.column, p.item.title),
        )


def wall_minutes(instant: datetime, zone: ZoneInfo) -> int:
    """Minutes after midnight on the wall clock in ``zone`` (on the days the clocks change
    too: 12:00 is 720 whether the day has 23, 24 or 25 hours)."""
    local = instant.astimezone(zone)
    return local.hour * 60 + local.minute


def block_minutes(item: AgendaItem, zone: ZoneInfo) -> tuple[int, int]:
    """Where a timed item's block starts and ends, in wall-clock minutes of its day: an
    interview for as long as it lasts (an hour when that is not known), a reminder for a
    short while; never past midnight."""
    assert item.at is not None
    start = wall_minutes(item.at, zone)
    if item.until is not None and item.until > item.at:
        length = int((item.until - item.at).total_seconds() // 60)
    elif item.kind == AgendaKind.INTERVIEW.value:
        length = INTERVIEW_MINUTES
    else:
        length = REMINDER_MINUTES
    end = min(DAY_MINUTES, start + max(SHORTEST_MINUTES, length))
    return min(start, end - SHORTEST_MINUTES), end


def side_by_side(blocks: list[Placed]) -> list[Placed]:
    """One day's blocks, each in the first column free at its start; blocks that overlap
    (directly or through others) share their number of columns."""
    placed: list[Placed] = []
    group: list[Placed] = []
    column_ends: list[int] = []
    group_end = -1
    groups = 0

    def close_group() -> None:
        placed.extend(replace(p, columns=len(column_ends), group=groups) for p in group)

    for block in sorted(blocks, key=lambda b: (b.start, -b.end, b.item.title)):
        if group and block.start >= group_end:
            close_group()
            group, column_ends = [], []
            groups += 1
        column = next((i for i, end in enumerate(column_ends) if end <= block.start), None)
        if column is None:
            column = len(column_ends)
            column_ends.append(block.end)
        else:
            column_ends[column] = block.end
        group.append(replace(block, column=column))
        group_end = max(group_end, block.end)
    close_group()
    return placed


def place_week(monday: date, items: list[AgendaItem], zone: ZoneInfo) -> WeekLayout:
    """Where each of a week's items goes; items of other days are left out."""
    timed: dict[int, list[Placed]] = {}
    all_day: dict[int, list[Placed]] = {}
    for item in sorted(items, key=AgendaItem.sort_key):
        day = (item.at.astimezone(zone).date() if item.at is not None else item.day) - monday
        if not 0 <= day.days < 7:
            continue
        if item.at is None:
            line = len(all_day.setdefault(day.days, []))
            all_day[day.days].append(Placed(item, day.days, column=line))
        else:
            start, end = block_minutes(item, zone)
            timed.setdefault(day.days, []).append(Placed(item, day.days, start, end))
    return WeekLayout(
        [p for blocks in timed.values() for p in side_by_side(blocks)],
        [p for line in all_day.values() for p in line],
        max((len(line) for line in all_day.values()), default=0),
    )


# The least width of a block in pixels, whatever the font: below it a title is a stub.
READABLE_BLOCK = 60


@dataclass(frozen=True)
class GridGeometry:
    """Pixels of the hour grid: an hour-label gutter, then seven day columns."""

    width: int
    gutter: int
    hour_height: int
    shortest: int = 16  # the least height of a block: one line of text
    # The least width of a block, enough for a readable title (not "Thank-…"): more
    # overlapping ones fold into the "+N" block, whose tooltip lists them.
    narrowest: int = READABLE_BLOCK

    @property
    def height(self) -> int:
        return self.minute_y(DAY_MINUTES) + 1

    def day_span(self, day: int) -> tuple[int, int]:
        """The left edge and width of a day's column."""
        usable = max(7, self.width - self.gutter)
        left = self.gutter + usable * day // 7
        return left, self.gutter + usable * (day + 1) // 7 - left

    def minute_y(self, minutes: float) -> int:
        return round(minutes * self.hour_height / 60)

    def block_rect(self, placed: Placed) -> QRect:
        left, width = self.day_span(placed.day)
        inner = max(1, width - 4)  # a gap to the next day's column
        top = self.minute_y(placed.start)
        bottom = max(self.minute_y(placed.end), top + self.shortest)
        if bottom > self.height - 1:  # a block late in the day keeps its height
            top, bottom = max(0, self.height - 1 - (bottom - top)), self.height - 1
        slots = self.slots(placed)
        slot = min(placed.column, slots - 1)
        x0 = left + 2 + inner * slot // slots
        x1 = left + 2 + inner * (slot + 1) // slots
        return QRect(x0, top, max(1, x1 - x0 - 1), max(1, bottom - top - 1))

    def slots(self, placed: Placed) -> int:
        """How many blocks of its group fit side by side in its day's column."""
        _left, width = self.day_span(placed.day)
        return max(1, min(placed.columns, (width - 4) // self.narrowest))

    def folded(self, placed: Placed) -> bool:
        """Whether the block is one of those its group has no room for: they share the
        last slot, drawn as one "+N" block."""
        slots = self.slots(placed)
        return placed.columns > slots and placed.column >= slots - 1

    def folds(self, timed: list[Placed]) -> list[list[Placed]]:
        """The folded blocks, by group, each group in time order."""
        by_group: dict[tuple[int, int], list[Placed]] = {}
        for placed in timed:
            if self.folded(placed):
                by_group.setdefault((placed.day, placed.group), []).append(placed)
        return [sorted(g, key=lambda p: (p.start, p.column)) for g in by_group.values()]

    def fold_rect(self, fold: list[Placed]) -> QRect:
        rect = self.block_rect(fold[0])
        for placed in fold[1:]:
            rect = rect.united(self.block_rect(placed))
        return rect

    def day_at(self, x: int) -> int | None:
        if x < self.gutter or x >= self.width:
            return None
        for day in range(7):
            left, width = self.day_span(day)
            if left <= x < left + width:
                return day
        return None


def week_days(monday: date) -> list[date]:
    return [monday + timedelta(days=i) for i in range(7)]


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def neighbour(order: list[Placed], current: int | None, key: str) -> int | None:
    """The item the arrow ``key`` ("up", "down", "left", "right") moves to from
    ``current`` (an index in ``order``, reading order): up and down to the one before or
    after, left and right to the nearest in time on the nearest day before or after that
    has any. None when there is nothing; ``current`` when there is nowhere to go."""
    if not order:
        return None
    if current is None:
        return 0
    if key in ("up", "down"):
        return max(0, min(len(order) - 1, current + (1 if key == "down" else -1)))
    here = order[current]
    days = [p.day for p in order if (p.day > here.day if key == "right" else p.day < here.day)]
    if not days:
        return current
    target = min(days) if key == "right" else max(days)
    candidates = [i for i, p in enumerate(order) if p.day == target]
    return min(candidates, key=lambda i: (abs(order[i].start - here.start), i))
