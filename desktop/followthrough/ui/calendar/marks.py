"""The month grid's marks: one per kind of item on a day, inside the day's cell, with the
words that explain them (the legend under the month, the tooltip of a day).

Where the marks go is a pure function of the cell's rectangle and the day's counts
(``mark_layout``), so that "never past the cell" can be tested for any cell size.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QRect
from PySide6.QtGui import QPalette

from followthrough.domain.reminder_kinds import registered_kinds
from followthrough.domain.wording import long_day
from followthrough.ui.common.reminder_kinds import kind_text
from followthrough.ui.common.text import escape
from followthrough.ui.common.theme import ColourRole, colour, kind_role

# Space between marks, between a dot and its count, and around the marks in the cell.
SPACING = 4
COUNT_GAP = 1
MARGIN = 3
MAX_DOT = 11
MIN_DOT = 5


@dataclass(frozen=True)
class MarkBox:
    """One kind's mark: its dot and, when there is more than one item, where the count goes."""

    kind: str
    count: int
    dot: QRect
    text: QRect | None

    @property
    def rect(self) -> QRect:
        return self.dot.united(self.text) if self.text is not None else QRect(self.dot)


class MarkLayout(NamedTuple):
    boxes: list[MarkBox]
    overflow: int  # items on the day without a mark of their own ("+N")
    overflow_rect: QRect | None  # where "+N" goes; None when it does not fit either


def kind_order(kinds: Mapping[str, int]) -> list[tuple[str, int]]:
    """A day's kinds in the legend's order (registration), unknown kinds last by name."""
    rank = {info.kind: index for index, info in enumerate(registered_kinds())}
    return sorted(kinds.items(), key=lambda pair: (rank.get(pair[0], len(rank)), pair[0]))


def _rows(cell: QRect, text_height: int) -> tuple[int, list[int]]:
    """The dot size and the tops of the rows of marks: below the day's number (drawn in
    the middle of the cell), down to the cell's bottom margin."""
    row_height = max(text_height, MIN_DOT)
    top = cell.top() + (cell.height() + text_height) // 2 + 1
    bottom = cell.bottom() - MARGIN  # the last pixel row marks may use
    count = max(0, (bottom - top + 1 + 2) // (row_height + 2))
    # The rows sit on the bottom of the cell, the first as low as the others allow.
    first = bottom + 1 - count * row_height - max(0, count - 1) * 2
    return row_height, [first + i * (row_height + 2) for i in range(count)]


def mark_layout(
    cell: QRect,
    kinds: Sequence[tuple[str, int]],
    text_width: Callable[[str], int],
    text_height: int,
) -> MarkLayout:
    """Where each kind's mark goes in ``cell``, in the order given, and how many items are
    left without one (shown as "+N" at the end). Every box lies inside ``cell``."""
    row_height, tops = _rows(cell, text_height)
    dot = max(MIN_DOT, min(MAX_DOT, row_height - 4))
    left, right = cell.left() + MARGIN, cell.right() - MARGIN  # right: the last pixel used
    widths = [
        dot + (COUNT_GAP + text_width(str(count)) if count > 1 else 0) for _kind, count in kinds
    ]
    places: list[tuple[int, int]] = []  # (x, row) per placed mark
    x, row = left, 0
    for width in widths:
        if x + width - 1 > right:
            row, x = row + 1, left
        if row >= len(tops) or x + width - 1 > right:
            break
        places.append((x, row))
        x += width + SPACING
    total = sum(count for _kind, count in kinds)
    if len(places) < len(kinds):
        places, overflow_rect = _room_for_overflow(
            places, widths, kinds, tops, left, right, text_width, row_height
        )
    else:
        overflow_rect = None
    boxes = [
        _box(kinds[i][0], kinds[i][1], x, tops[r], dot, row_height, text_width)
        for i, (x, r) in enumerate(places)
    ]
    return MarkLayout(boxes, total - sum(box.count for box in boxes), overflow_rect)


def _room_for_overflow(
    places: list[tuple[int, int]],
    widths: list[int],
    kinds: Sequence[tuple[str, int]],
    tops: list[int],
    left: int,
    right: int,
    text_width: Callable[[str], int],
    row_height: int,
) -> tuple[list[tuple[int, int]], QRect | None]:
    """Drop marks from the end until "+N" (N the items left out) fits after the last."""
    places = list(places)
    while True:
        hidden = sum(count for _kind, count in kinds[len(places) :])
        width = text_width(f"+{hidden}")
        if places:
            x, row = places[-1]
            x += widths[len(places) - 1] + SPACING
        else:
            x, row = left, 0
        if row < len(tops) and x + width - 1 <= right:
            return places, QRect(x, tops[row], width, row_height)
        if not places:
            return places, None
        places.pop()


def _box(
    kind: str,
    count: int,
    x: int,
    top: int,
    dot: int,
    row_height: int,
    text_width: Callable[[str], int],
) -> MarkBox:
    dot_rect = QRect(x, top + (row_height - dot) // 2, dot, dot)
    if count <= 1:
        return MarkBox(kind, count, dot_rect, None)
    text = QRect(x + dot + COUNT_GAP, top, text_width(str(count)), row_height)
    return MarkBox(kind, count, dot_rect, text)


# -- words ---------------------------------------------------------------------------------


def _count_words(role: ColourRole | None, count: int) -> str | None:
    """ "2 interviews": a kind's items counted in words, by the family its colour names."""
    # Spelled out as QCoreApplication.translate: lupdate finds no other name for it, and
    # a text it does not find gets no English plural ("2 interview(s)").
    words: dict[ColourRole, Callable[[], str]] = {
        ColourRole.INTERVIEW: lambda: QCoreApplication.translate(
            "calendar", "%n interview(s)", "", count
        ),
        ColourRole.DECISION: lambda: QCoreApplication.translate(
            "calendar", "%n decision date(s)", "", count
        ),
        ColourRole.FOLLOW_UP: lambda: QCoreApplication.translate(
            "calendar", "%n follow-up(s) due", "", count
        ),
        ColourRole.CLOSING: lambda: QCoreApplication.translate(
            "calendar", "%n application(s) to close", "", count
        ),
        ColourRole.NOTE_DUE: lambda: QCoreApplication.translate(
            "calendar", "%n thank-you note(s) due", "", count
        ),
        ColourRole.NOTE_LATE: lambda: QCoreApplication.translate(
            "calendar", "%n thank-you note(s) late", "", count
        ),
        ColourRole.REFERENCE: lambda: QCoreApplication.translate(
            "calendar", "%n reference heads-up(s)", "", count
        ),
        ColourRole.REFERENCE_THANKS: lambda: QCoreApplication.translate(
            "calendar", "%n reference(s) to thank", "", count
        ),
        ColourRole.REFERENCE_OUTCOME: lambda: QCoreApplication.translate(
            "calendar", "%n reference(s) to tell the outcome", "", count
        ),
        ColourRole.NETWORK: lambda: QCoreApplication.translate(
            "calendar", "%n check-in(s)", "", count
        ),
    }
    found = words.get(role) if role is not None else None
    return found() if found is not None else None


def day_summary(kinds: Mapping[str, int]) -> str:
    """What is on a day, in words: "2 interviews · 1 follow-up due" (kinds of one family
    counted together, in the legend's order)."""
    by_family: dict[object, int] = defaultdict(int)
    for kind, count in kind_order(kinds):
        role = kind_role(kind)
        by_family[role if role is not None and role is not ColourRole.NEUTRAL else kind] += count
    parts = []
    for family, count in by_family.items():
        words = _count_words(family if isinstance(family, ColourRole) else None, count)
        if words is None:
            words = QCoreApplication.translate("calendar", "{kind}: %n", "", count).format(
                kind=kind_text(str(family))
            )
        parts.append(words)
    return QCoreApplication.translate("calendar", " · ").join(parts)


def day_tooltip(day: date, kinds: Mapping[str, int]) -> str:
    """A day cell's tooltip: the day, and what is on it (escaped: a kind's words are text)."""
    if not kinds:
        return ""
    return f"<qt><b>{escape(long_day(day))}</b><br>{escape(day_summary(kinds))}</qt>"


def legend_entries() -> list[tuple[ColourRole, str]]:
    """The colours marks can have, each with the labels of its kinds ("Move on? / Close"),
    in registration order."""
    labels: dict[ColourRole, list[str]] = {}
    for info in registered_kinds():
        role = kind_role(info.kind) or ColourRole.NEUTRAL
        text = kind_text(info.kind)
        names = labels.setdefault(role, [])
        if text not in names:
            names.append(text)
    return [(role, " / ".join(names)) for role, names in labels.items()]


def legend_html(palette: QPalette) -> str:
    """The legend as rich text: a dot in each colour (as it is on ``palette``) and the
    escaped labels of its kinds."""
    entries = [
        f'<span style="color:{colour(role, palette).name()}">●</span>&nbsp;'
        + escape(text).replace(" ", "&nbsp;")
        for role, text in legend_entries()
    ]
    return "<qt>" + " &nbsp; ".join(entries) + "</qt>"


def more_text(count: int) -> str:
    """ "+3": how many more items a mark, block or strip leaves out."""
    return QCoreApplication.translate("calendar", "+{count}").format(count=count)
