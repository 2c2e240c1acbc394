"""Thank-you notes as tasks: who gets one, by when, how it goes out, and its state.

docs/advice.md, Thank-you notes: one note per interviewer, sent within 24 hours (about
two days at the outside);
e-mail is fast, a mailed card takes days but is remembered, a card dropped off at
reception the next day suits big companies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from followthrough.domain.contacts import ContactMethod, ContactRoleKind
from followthrough.domain.two_clocks import UserHours, remind_before, remind_from
from followthrough.domain.wording import QT_TRANSLATE_NOOP

# The roles at an interview who were interviewing you, and so get a note each.
NOTE_ROLES = (ContactRoleKind.INTERVIEWER.value, ContactRoleKind.HIRING_MANAGER.value)
# The reminder before the deadline comes this long before it.
DUE_SOON_BEFORE = timedelta(hours=3)
# After the deadline plus this much, a note no longer nags: the outer limit has passed.
NAG_UNTIL_AFTER_DEADLINE = timedelta(days=2)


class NoteStatus(StrEnum):
    TO_WRITE = "to_write"
    DRAFTED = "drafted"
    CHECKED = "checked"
    SENT = "sent"  # e-mailed
    MAILED = "mailed"  # a card in the post
    DROPPED_OFF = "dropped_off"  # a card left at reception

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def finished(self) -> bool:
        return self in FINISHED


FINISHED = frozenset({NoteStatus.SENT, NoteStatus.MAILED, NoteStatus.DROPPED_OFF})
# Kept here, marked for translation: the store's timeline writes these too; the window
# translates them in the "notes" context.
STATUS_LABELS = {
    NoteStatus.TO_WRITE: QT_TRANSLATE_NOOP("notes", "To write"),
    NoteStatus.DRAFTED: QT_TRANSLATE_NOOP("notes", "Drafted"),
    NoteStatus.CHECKED: QT_TRANSLATE_NOOP("notes", "Checked"),
    NoteStatus.SENT: QT_TRANSLATE_NOOP("notes", "E-mailed"),
    NoteStatus.MAILED: QT_TRANSLATE_NOOP("notes", "Card mailed"),
    NoteStatus.DROPPED_OFF: QT_TRANSLATE_NOOP("notes", "Card dropped off"),
}


class NoteMedium(StrEnum):
    EMAIL = "email"
    CARD = "card"  # printed, mailed
    DROP_OFF = "drop_off"  # printed, handed in

    @property
    def label(self) -> str:
        return MEDIUM_LABELS[self]

    @property
    def printed(self) -> bool:
        return self is not NoteMedium.EMAIL

    @property
    def finished_status(self) -> NoteStatus:
        return {
            NoteMedium.EMAIL: NoteStatus.SENT,
            NoteMedium.CARD: NoteStatus.MAILED,
            NoteMedium.DROP_OFF: NoteStatus.DROPPED_OFF,
        }[self]


MEDIUM_LABELS = {
    NoteMedium.EMAIL: QT_TRANSLATE_NOOP("notes", "E-mail"),
    NoteMedium.CARD: QT_TRANSLATE_NOOP("notes", "Card by post"),
    NoteMedium.DROP_OFF: QT_TRANSLATE_NOOP("notes", "Card dropped off"),
}


def default_medium(preferred_method: str | None, email: str) -> NoteMedium:
    """The medium their preferred contact method suggests.

    E-mail people (or "either") get an e-mail when we have their address; people who
    prefer the phone get a card (there is no spoken thank-you note, and a card is what a
    non-e-mail person notices); unknown: e-mail when there is an address, else a card.
    """
    has_address = bool(email.strip())
    if preferred_method == ContactMethod.PHONE:
        return NoteMedium.CARD
    return NoteMedium.EMAIL if has_address else NoteMedium.CARD


def note_deadline(ended_at: datetime, hours: int) -> datetime:
    """When the note should be out: ``hours`` (24 to 48) after the interview ended."""
    if not 24 <= hours <= 48:
        raise ValueError("a thank-you note is due 24 to 48 hours after the interview")
    # In UTC: adding to a zoned datetime would add wall-clock hours across a DST change.
    return ended_at.astimezone(UTC) + timedelta(hours=hours)


@dataclass(frozen=True)
class NoteReminderTimes:
    due_soon: datetime
    deadline: datetime
    overdue: datetime  # the deadline, or the next waking hour when it falls at night
    stop_after: datetime  # no more reminders after this


def note_reminder_times(
    ended_at: datetime,
    hours: int,
    zone: ZoneInfo,
    contact_from: time,
    contact_until: time,
) -> NoteReminderTimes:
    """The "due soon" and "overdue" instants for a note, kept inside the user's hours
    (``zone`` and ``contact_from``..``contact_until`` are the user's clock and hours).

    "Due soon" comes ``DUE_SOON_BEFORE`` ahead of the deadline, moved earlier (never later)
    when that falls outside the user's hours, but never before the interview ended.
    "Overdue" is the deadline itself, moved to the next morning when the deadline falls
    outside them.
    """
    ended_at = ended_at.astimezone(UTC)
    deadline = note_deadline(ended_at, hours)
    user_hours = UserHours(contact_from, contact_until)
    due_soon = max(remind_before(deadline - DUE_SOON_BEFORE, zone, user_hours), ended_at)
    overdue = remind_from(deadline, zone, user_hours)
    return NoteReminderTimes(due_soon, deadline, overdue, deadline + NAG_UNTIL_AFTER_DEADLINE)
