"""Reminder kinds as the window shows them, and what each feature does with its own.

The words come from the registry in ``domain.reminder_kinds``, translated here. Each
feature's screens register a ``ReminderHandler`` with the window (``ReminderHandlers``):
what "Open" does for its reminders and which of the panel's actions fit them. A reminder
no handler claims opens its application.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFontMetrics

from followthrough.domain.agenda import AgendaItem
from followthrough.domain.reminder_kinds import (
    LABEL_CONTEXT,
    feature_of,
    kind_label,
    registered_kinds,
    rendering_day,
    rendering_generation,
)
from followthrough.store.reminders import DueReminder

# Words written for agenda rows, by what they are written from: a table asks for a cell's
# text at every repaint, and only the rows on screen are ever written.
_WORDS: dict[tuple[int, date | None, str, str, str, str, str], tuple[str, str]] = {}
_KEEP_WORDS = 5_000


def shown_words(item: AgendaItem) -> tuple[str, str]:
    """An agenda item's title and detail as shown now (a reminder's written from its
    parameters when first drawn)."""
    if not item.params:
        return item.title, item.detail
    # Written again for another clock, language or locale, and on another day (an
    # offer's "due tomorrow" is "due today" after midnight).
    key = (
        rendering_generation(),
        rendering_day(),
        QLocale().name(),
        item.kind,
        item.params,
        item.title,
        item.detail,
    )
    words = _WORDS.get(key)
    if words is None:
        if len(_WORDS) > _KEEP_WORDS:
            _WORDS.clear()
        words = _WORDS[key] = item.words()
    return words


def kind_text(kind: str) -> str:
    """The kind's label in the user's language."""
    return QCoreApplication.translate(LABEL_CONTEXT, kind_label(kind))


# A cell's text margins, and a little air, beside the text itself.
_CELL_PADDING = 20


def kind_column_width(metrics: QFontMetrics, heading: str = "") -> int:
    """Wide enough for the longest kind label in the user's language (and ``heading``):
    a "What" column measured from the labels, not guessed, so none is cut."""
    texts = [kind_text(info.kind) for info in registered_kinds()]
    return max(metrics.horizontalAdvance(t) for t in [*texts, heading]) + _CELL_PADDING


# Actions Today can offer beside Open, Done and Snooze.
WRITE_NOTE = "write_note"
REACH_REFERENCE = "reach_reference"
LOG_FOLLOW_UP = "log_follow_up"
CALL_SHEET = "call_sheet"
# The row's own button opens the item where it belongs (a debrief's form, a checklist):
# for features whose reminder has nothing to do but open it.
OPEN_ITEM = "open_item"


@dataclass(frozen=True)
class ReminderHandler:
    """``actions``: what Today offers for the feature's reminders; ``actions_for``, when
    given, decides them per reminder instead (an e-mail follow-up: no call sheet)."""

    feature: str
    open: Callable[[DueReminder], bool]  # True when it opened something
    actions: tuple[str, ...] = ()
    actions_for: Callable[[DueReminder], tuple[str, ...]] | None = None

    def actions_of(self, reminder: DueReminder) -> tuple[str, ...]:
        return self.actions if self.actions_for is None else self.actions_for(reminder)


class ReminderHandlers:
    """The window's handlers, by feature."""

    def __init__(self) -> None:
        self._by_feature: dict[str, ReminderHandler] = {}

    def register(self, handler: ReminderHandler) -> None:
        self._by_feature[handler.feature] = handler

    def for_reminder(self, reminder: DueReminder) -> ReminderHandler | None:
        feature = feature_of(reminder.kind, reminder.subject_key)
        return self._by_feature.get(feature) if feature is not None else None

    def actions(self, reminder: DueReminder) -> tuple[str, ...]:
        handler = self.for_reminder(reminder)
        return handler.actions_of(reminder) if handler is not None else ()

    def open(self, reminder: DueReminder) -> bool:
        handler = self.for_reminder(reminder)
        return handler is not None and handler.open(reminder)
