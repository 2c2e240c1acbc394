"""Interviews and reminders as an iCalendar file (RFC 5545), for a calendar app or a phone.

Built with the ``icalendar`` library, which escapes and folds lines. Each event's UID is
stable (an interview's from its id, a reminder's from its kind and subject, which survive
re-planning), so a calendar that subscribes to the file, or a server it is pushed to,
updates an event rather than adding another. Interviews keep their own zone (a VTIMEZONE
is added for it), so "10:00 in Berlin" stays that in any client; reminders are instants,
written in UTC. Every event has an alarm: a reminder at its instant, an interview an hour
before it starts.

Pure: the words arrive written (the store renders them on the user's clock) and the file's
DTSTAMP is passed in, so the same facts give the same bytes apart from that line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from followthrough import __version__
from followthrough.domain.wording import translate
from followthrough.domain.zones import zone_or

PRODUCT_ID = f"-//Follow-Through//Follow-Through {__version__}//EN"
# The domain part of every UID: the events are this app's, wherever the file goes.
UID_DOMAIN = "followthrough.invalid"
# How long a reminder's event lasts in a calendar: a short slot, not a meeting.
REMINDER_LENGTH = timedelta(minutes=15)
INTERVIEW_ALARM_BEFORE = timedelta(hours=1)


@dataclass(frozen=True)
class CalendarInterview:
    interview_id: int
    summary: str
    starts_at: datetime  # aware
    ends_at: datetime
    time_zone: str  # the zone it is held in (IANA name)
    location: str = ""
    description: str = ""


@dataclass(frozen=True)
class CalendarReminder:
    kind: str
    subject_key: str
    summary: str
    at: datetime  # aware: where it is listed (``StoredReminder.placed_at``)
    description: str = ""


def interview_uid(interview_id: int) -> str:
    return f"interview-{interview_id}@{UID_DOMAIN}"


def reminder_uid(kind: str, subject_key: str) -> str:
    """Stable across re-planning: a reminder's identity is its kind and subject."""
    digest = hashlib.sha256(f"{kind}\x00{subject_key}".encode()).hexdigest()[:24]
    return f"reminder-{digest}@{UID_DOMAIN}"


def _alarm(description: str, before: timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", description or "Follow-Through")
    alarm.add("trigger", -before)
    return alarm


def _zone(name: str) -> ZoneInfo:
    # A zone this system does not know: the instant in UTC, still right.
    return zone_or(name, ZoneInfo("UTC"))


def interview_event(interview: CalendarInterview, stamp: datetime) -> Event:
    zone = _zone(interview.time_zone)
    event = Event()
    event.add("uid", interview_uid(interview.interview_id))
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", interview.starts_at.astimezone(zone))
    event.add("dtend", interview.ends_at.astimezone(zone))
    event.add("summary", interview.summary)
    if interview.location:
        event.add("location", interview.location)
    if interview.description:
        event.add("description", interview.description)
    event.add("categories", [translate("calendar", "Interview")])
    event.add_component(_alarm(interview.summary, INTERVIEW_ALARM_BEFORE))
    return event


def reminder_event(reminder: CalendarReminder, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", reminder_uid(reminder.kind, reminder.subject_key))
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", reminder.at.astimezone(UTC))
    event.add("dtend", (reminder.at + REMINDER_LENGTH).astimezone(UTC))
    event.add("summary", reminder.summary)
    if reminder.description:
        event.add("description", reminder.description)
    event.add("categories", [translate("calendar", "Reminder")])
    event.add("transp", "TRANSPARENT")  # a reminder does not make the user busy
    event.add_component(_alarm(reminder.summary, timedelta(0)))
    return event


def calendar_bytes(
    interviews: Iterable[CalendarInterview],
    reminders: Iterable[CalendarReminder],
    stamp: datetime,
    name: str = "Follow-Through",
) -> bytes:
    """The iCalendar file of ``interviews`` and ``reminders``; ``stamp``: when it is made
    (each event's DTSTAMP)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for interview in interviews:
        calendar.add_component(interview_event(interview, stamp))
    for reminder in reminders:
        calendar.add_component(reminder_event(reminder, stamp))
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def without_stamps(data: bytes) -> bytes:
    """``data`` without its DTSTAMP lines: what says whether two files differ in facts."""
    return b"\r\n".join(line for line in data.split(b"\r\n") if not line.startswith(b"DTSTAMP"))
