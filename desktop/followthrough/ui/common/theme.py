"""Colours by what they mean, readable on the palette in use, light or dark.

Every colour the windows draw comes from here. A role names what a colour says (an error,
an interview on the calendar); ``colour`` turns it into a QColor for the current palette.
Each role starts from the colour the app has always used on its light default. Where that
colour already reads on the palette it is kept as it is; where it does not (a dark palette,
or a light one it is too pale for) it is moved lighter or darker, and on a dark palette a
little greyer, until it reaches its contrast.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, StrEnum

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from followthrough.domain.reminder_kinds import kind_info

# WCAG 2 contrast ratios: body text, and graphics (dots, rings, underlines) or large text.
TEXT_CONTRAST = 4.5
MARK_CONTRAST = 3.0


class ColourRole(StrEnum):
    # Words that say something went wrong, needs care, is advice, went right, matters less.
    ERROR = "error"
    WARNING = "warning"
    ADVICE = "advice"
    SUCCESS = "success"
    MUTED = "muted"
    # Something owed soon: a reference's heads-up or thanks, a note on its last day.
    OWED = "owed"
    # The app's orange (the icon's): rings today in the month view.
    ACCENT = "accent"
    # The count beside a calendar dot.
    COUNT = "count"
    # The end-of-interview checklist: answered, still open.
    ANSWERED = "answered"
    UNANSWERED = "unanswered"
    # The wavy line under a misspelled word.
    SPELLING = "spelling"
    # The background of a passage a finding of the note checks points at.
    FOUND_PASSAGE = "found_passage"
    # The thank-you card's preview: paper and ink whatever the theme, as it will print.
    PAPER = "paper"
    INK = "ink"
    # One per family of agenda items and reminders (calendar dots, "What" columns).
    INTERVIEW = "interview"
    DECISION = "decision"
    FOLLOW_UP = "follow_up"
    CLOSING = "closing"
    NOTE_DUE = "note_due"
    NOTE_LATE = "note_late"
    REFERENCE = "reference"
    REFERENCE_THANKS = "reference_thanks"
    REFERENCE_OUTCOME = "reference_outcome"
    NETWORK = "network"
    # A kind of item the theme has no colour of its own for.
    NEUTRAL = "neutral"


class _Ground(Enum):
    WINDOW = "window"  # drawn on the palette's Base (lists, fields) or Window (labels)
    UNDER_TEXT = "under_text"  # a background: the palette's Text is drawn on it
    FIXED = "fixed"  # the same in every theme


@dataclass(frozen=True)
class _Spec:
    light: str  # the colour on the light default: what the app has always shown
    floor: float = TEXT_CONTRAST  # the contrast it must reach on a light palette
    ground: _Ground = _Ground.WINDOW


_SPECS: dict[ColourRole, _Spec] = {
    ColourRole.ERROR: _Spec("#b00020"),
    ColourRole.WARNING: _Spec("#9a5b00"),
    ColourRole.ADVICE: _Spec("#8a6d00"),
    ColourRole.SUCCESS: _Spec("#1b7f3b"),
    ColourRole.MUTED: _Spec("#555555"),
    ColourRole.COUNT: _Spec("#333333"),
    # Colour on words in the tables too, but raising these to text contrast on white would
    # change the default look; they reach the graphics contrast there, text contrast on dark.
    ColourRole.OWED: _Spec("#b9770e", MARK_CONTRAST),
    ColourRole.ACCENT: _Spec("#f2a541", MARK_CONTRAST),
    ColourRole.ANSWERED: _Spec("#2e7d32", MARK_CONTRAST),
    ColourRole.UNANSWERED: _Spec("#b26a00", MARK_CONTRAST),
    ColourRole.SPELLING: _Spec("#d0021b", MARK_CONTRAST),
    ColourRole.FOUND_PASSAGE: _Spec("#ffe08a", TEXT_CONTRAST, _Ground.UNDER_TEXT),
    ColourRole.PAPER: _Spec("#fffdf6", ground=_Ground.FIXED),
    ColourRole.INK: _Spec("#1d2b53", ground=_Ground.FIXED),
    # The kinds' families, each its own hue around the wheel (about 30 degrees or more apart
    # in CIELAB, on light and dark palettes alike, where they all end up equally light): red
    # late, orange follow-up, olive outcome, green thanks, teal note, cyan heads-up, blue
    # interview, purple decision, pink check-in, and grey for closing.
    ColourRole.INTERVIEW: _Spec("#1a91ec", MARK_CONTRAST),
    ColourRole.DECISION: _Spec("#b342f0", MARK_CONTRAST),
    ColourRole.FOLLOW_UP: _Spec("#d27611", MARK_CONTRAST),
    ColourRole.CLOSING: _Spec("#7f8c8d", MARK_CONTRAST),
    ColourRole.NOTE_DUE: _Spec("#0d9e85", MARK_CONTRAST),
    ColourRole.NOTE_LATE: _Spec("#f04342", MARK_CONTRAST),
    ColourRole.REFERENCE: _Spec("#0e9baa", MARK_CONTRAST),
    ColourRole.REFERENCE_THANKS: _Spec("#0da325", MARK_CONTRAST),
    ColourRole.REFERENCE_OUTCOME: _Spec("#89920c", MARK_CONTRAST),
    ColourRole.NETWORK: _Spec("#f04294", MARK_CONTRAST),
    ColourRole.NEUTRAL: _Spec("#777777", MARK_CONTRAST),
}

# Reminder and agenda kinds (the strings the store writes) by the role that colours them.


# -- contrast ----------------------------------------------------------------------------


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio, from 1 (none) to 21 (black on white)."""
    a, b = luminance(first), luminance(second)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` draws light on dark: its Base and Window are dark on average."""
    base = palette.color(QPalette.ColorRole.Base).lightnessF()
    window = palette.color(QPalette.ColorRole.Window).lightnessF()
    return base + window < 1.0


# -- roles to colours --------------------------------------------------------------------

# Derived colours by role and palette (QPalette.cacheKey changes whenever a palette does).
_cache: dict[tuple[ColourRole, int], QColor] = {}
_brushes: dict[tuple[ColourRole, int], QBrush] = {}
_CACHE_LIMIT = 512
# Where a list item keeps the role of its text colour (see colour_item).
_ITEM_ROLE = Qt.ItemDataRole.UserRole + 71
_PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


def _derive(spec: _Spec, palette: QPalette) -> QColor:
    start = QColor(spec.light)
    if spec.ground is _Ground.FIXED:
        return start
    dark = is_dark(palette)
    if spec.ground is _Ground.UNDER_TEXT:
        grounds = [palette.color(QPalette.ColorRole.Text)]
        goal = spec.floor
    else:
        # On dark there is no old look to keep: everything reaches text contrast, on Base
        # (lists) and on Window (labels), which dark themes often make lighter than Base.
        roles = (QPalette.ColorRole.Base, QPalette.ColorRole.Window)
        grounds = [palette.color(r) for r in roles] if dark else [palette.color(roles[0])]
        goal = TEXT_CONTRAST if dark else spec.floor
    if min(contrast(start, g) for g in grounds) >= goal:
        return start
    # Move away from the ground: lighter on a dark one, darker on a light one (0.179 is the
    # luminance that black and white contrast with equally).
    lighter = sum(luminance(g) for g in grounds) / len(grounds) < 0.179
    hue = max(0.0, start.hslHueF())
    # Full saturation glares on a dark ground.
    saturation = start.hslSaturationF() * (0.8 if dark else 1.0)
    lightness = start.lightnessF()
    step = 0.01 if lighter else -0.01
    while 0.0 <= lightness + step <= 1.0:
        lightness += step
        candidate = QColor.fromHslF(hue, saturation, lightness)
        if min(contrast(candidate, g) for g in grounds) >= goal:
            return candidate
    return QColor(Qt.GlobalColor.white if lighter else Qt.GlobalColor.black)


def _palette(palette: QPalette | None) -> QPalette:
    return palette if palette is not None else QGuiApplication.palette()


def colour(role: ColourRole, palette: QPalette | None = None) -> QColor:
    """``role``'s colour on ``palette`` (default: the application's, as it is now)."""
    palette = _palette(palette)
    key = (role, palette.cacheKey())
    found = _cache.get(key)
    if found is None:
        if len(_cache) > _CACHE_LIMIT:
            _cache.clear()
        found = _cache[key] = _derive(_SPECS[role], palette)
    return QColor(found)


def brush(role: ColourRole, palette: QPalette | None = None) -> QBrush:
    """``role``'s colour as a brush, one per role and palette (table cells ask often)."""
    palette = _palette(palette)
    key = (role, palette.cacheKey())
    found = _brushes.get(key)
    if found is None:
        if len(_brushes) > _CACHE_LIMIT:
            _brushes.clear()
        found = _brushes[key] = QBrush(colour(role, palette))
    return found


def style_colour(role: ColourRole, palette: QPalette | None = None) -> str:
    """A style sheet's text colour in ``role``, as it is on the palette now."""
    return f"color: {colour(role, palette).name()};"


def kind_role(kind: str) -> ColourRole | None:
    """The role that colours a reminder or agenda kind, as its registration names it
    (domain.reminder_kinds); None for a kind without one."""
    info = kind_info(kind)
    if info is None:
        return None
    try:
        return ColourRole(info.colour_role)
    except ValueError:
        return None


def kind_colour(kind: str, palette: QPalette | None = None) -> QColor:
    """A reminder or agenda kind's colour; a neutral grey for a kind without one."""
    return colour(kind_role(kind) or ColourRole.NEUTRAL, palette)


# -- text that follows the palette -------------------------------------------------------


class _TextColour(QObject):
    """Keeps a widget's text colour on its role as the palette changes.

    The colour goes in the widget's own palette rather than a style sheet: Qt re-resolves a
    palette against its parent's when that changes (and says so with PaletteChange), while a
    widget with a style sheet is left as it was.
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.role: ColourRole | None = None
        widget.installEventFilter(self)

    def apply(self) -> None:
        # The widget is the parent, not kept here: a reference would keep its Python side
        # (and its Python overrides) alive as long as this child lives.
        widget = self.parent()
        if not isinstance(widget, QWidget):
            return
        if self.role is None:
            if widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette):
                widget.setPalette(QPalette())  # nothing of its own: all from its parent
            return
        wanted = colour(self.role, widget.palette())
        # Setting the palette sends PaletteChange again: only set a different colour.
        if widget.palette().color(widget.foregroundRole()) != wanted:
            own = QPalette()  # only this role of its own, the rest from its parent
            own.setColor(widget.foregroundRole(), wanted)
            widget.setPalette(own)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _PALETTE_EVENTS:
            self.apply()
        return False


def colour_text(widget: QWidget, role: ColourRole | None) -> None:
    """Colour ``widget``'s text in ``role`` (None: the palette's own), now and after every
    palette change."""
    keeper = widget.findChild(_TextColour, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if keeper is None:
        keeper = _TextColour(widget)
    keeper.role = role
    keeper.apply()


class _ReadOnlyLook(QObject):
    """Gives a read-only field the window's colour behind its text, as Qt draws a label
    (a field that takes no typing looked as white and open as one that does), and keeps
    it so as the palette changes. Only the Base role is the widget's own (the rest comes
    from its parent): not for a widget whose text colour ``colour_text`` keeps."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.read_only = False
        widget.installEventFilter(self)

    def apply(self) -> None:
        widget = self.parent()
        if not isinstance(widget, QWidget):
            return
        if not self.read_only:
            if widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette):
                widget.setPalette(QPalette())
            return
        around = widget.parentWidget()
        ground = (around.palette() if around is not None else _palette(None)).color(
            QPalette.ColorRole.Window
        )
        if widget.palette().color(QPalette.ColorRole.Base) != ground:
            own = QPalette()
            own.setColor(QPalette.ColorRole.Base, ground)
            widget.setPalette(own)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _PALETTE_EVENTS:
            self.apply()
        return False


def look_read_only(widget: QWidget, read_only: bool) -> None:
    """Make ``widget`` (a text field) look as read-only as it is, or as open again."""
    keeper = widget.findChild(_ReadOnlyLook, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if keeper is None:
        if not read_only:
            return
        keeper = _ReadOnlyLook(widget)
    keeper.read_only = read_only
    keeper.apply()


class _PaletteWatch(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        # A weak reference to a bound method: holding it would keep the widget's Python side
        # alive as long as the widget (so e.g. a dialog's reject() would still run at exit).
        self.callback: Callable[[], Callable[[], None] | None] = (
            weakref.WeakMethod(callback) if hasattr(callback, "__self__") else lambda: callback
        )
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _PALETTE_EVENTS:
            callback = self.callback()
            if callback is not None:
                callback()
        return False


def on_palette_change(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` whenever ``widget``'s palette changes: for colours drawn once (rich
    text, list items, text formats) that have to be drawn again."""
    _PaletteWatch(widget, callback)


def colour_item(item: QListWidgetItem, role: ColourRole) -> None:
    """Colour a list item's text in ``role``, remembered for ``recolour_items``."""
    item.setData(_ITEM_ROLE, role.value)
    item.setForeground(colour(role))


def recolour_items(widget: QListWidget) -> None:
    """Colour again the items ``colour_item`` coloured, for the palette as it is now."""
    for row in range(widget.count()):
        item = widget.item(row)
        role = item.data(_ITEM_ROLE)
        if role is not None:
            item.setForeground(colour(ColourRole(role)))
