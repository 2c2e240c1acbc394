"""Reminder kinds as the window shows them, and what each feature does with its own.

The words come from the registry in ``domain.reminder_kinds``, translated here. Each
feature's screens register a ``ReminderHandler`` with the window (``ReminderHandlers``):
what "Open" does for its reminders and which of the panel's actions fit them. A reminder
no handler claims opens its application.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from followthrough.domain.reminder_kinds import LABEL_CONTEXT, feature_of, kind_label
from followthrough.store.reminders import DueReminder


def kind_text(kind: str) -> str:
    """The kind's label in the user's language."""
    return QCoreApplication.translate(LABEL_CONTEXT, kind_label(kind))


# Actions the reminders panel can offer beside Open, Done and Snooze.
WRITE_NOTE = "write_note"
REACH_REFERENCE = "reach_reference"
LOG_FOLLOW_UP = "log_follow_up"
CALL_SHEET = "call_sheet"


@dataclass(frozen=True)
class ReminderHandler:
    feature: str
    open: Callable[[DueReminder], bool]  # True when it opened something
    actions: tuple[str, ...] = ()


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
        return handler.actions if handler is not None else ()

    def open(self, reminder: DueReminder) -> bool:
        handler = self.for_reminder(reminder)
        return handler is not None and handler.open(reminder)
