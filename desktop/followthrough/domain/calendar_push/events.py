"""Each interview and reminder as the text a calendar server stores: one VCALENDAR per
event (with its zone), as CalDAV wants, made by ``domain.calendar_feed`` like the file."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime

from followthrough.domain.calendar_feed import (
    CalendarInterview,
    CalendarReminder,
    calendar_bytes,
    interview_uid,
    reminder_uid,
    without_stamps,
)
from followthrough.domain.calendar_push.plan import Outgoing


def event_digest(text: bytes) -> str:
    """What compares two versions of an event: its text without DTSTAMP, hashed."""
    return hashlib.sha256(without_stamps(text)).hexdigest()


def _outgoing(uid: str, text: bytes, starts: datetime) -> Outgoing:
    return Outgoing(uid=uid, text=text, digest=event_digest(text), starts=starts)


def outgoing_events(
    interviews: Iterable[CalendarInterview],
    reminders: Iterable[CalendarReminder],
    stamp: datetime,
) -> dict[str, Outgoing]:
    """Every event by its UID, as it would be sent now (``stamp``: its DTSTAMP)."""
    found: dict[str, Outgoing] = {}
    for interview in interviews:
        uid = interview_uid(interview.interview_id)
        found[uid] = _outgoing(uid, calendar_bytes([interview], [], stamp), interview.starts_at)
    for reminder in reminders:
        uid = reminder_uid(reminder.kind, reminder.subject_key)
        found[uid] = _outgoing(uid, calendar_bytes([], [reminder], stamp), reminder.at)
    return found
