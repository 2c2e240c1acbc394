"""What Today offers on a follow-up reminder (apart from the flow, so that Today shows
its buttons without loading the follow-up dialogs)."""

from __future__ import annotations

from followthrough.domain.follow_up_reminders import EMAIL, reminder_channel
from followthrough.store.reminders import DueReminder
from followthrough.ui.common.reminder_kinds import CALL_SHEET, LOG_FOLLOW_UP


def follow_up_actions(reminder: DueReminder) -> tuple[str, ...]:
    """What Today offers for a follow-up reminder: the log, and the call sheet unless the
    follow-up is an e-mail (the sheet is for a phone call)."""
    if reminder_channel(reminder.params) == EMAIL:
        return (LOG_FOLLOW_UP,)
    return (CALL_SHEET, LOG_FOLLOW_UP)
