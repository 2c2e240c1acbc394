"""The calendar file: interviews and open reminders read from the database (reads only),
written by ``domain.calendar_feed``; and the always-current copy in the data folder that a
calendar app subscribes to, replaced whole so a reader never sees half a file."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from followthrough.domain.calendar_feed import (
    CalendarInterview,
    CalendarReminder,
    calendar_bytes,
    without_stamps,
)
from followthrough.domain.interviews import FORMAT_WORDS
from followthrough.domain.reminder_kinds import Rendering, kind_info, render_with
from followthrough.domain.wording import application_title, translate
from followthrough.store.fields import instant_from_db, to_db_instant
from followthrough.store.models import db
from followthrough.store.paths import CALENDAR_FEED_NAME
from followthrough.store.planning import preview_reminders
from followthrough.store.reminders import PLACED

log = logging.getLogger(__name__)

FEED_NAME = CALENDAR_FEED_NAME
# What a calendar holds: from a while back (what was just missed) to well ahead. Older
# and later items stay in the app; a feed of every year would only grow.
FEED_PAST = timedelta(days=30)
FEED_AHEAD = timedelta(days=365)


@dataclass(frozen=True)
class FeedWindow:
    start: datetime
    end: datetime

    @staticmethod
    def around(now: datetime) -> FeedWindow:
        return FeedWindow(now - FEED_PAST, now + FEED_AHEAD)


_INTERVIEWS_SQL = """
SELECT i.id, i.starts_at, i.ends_at, i.time_zone, i.round, i.format, i.location,
       a.company, a.role_title
FROM interview i JOIN application a ON a.id = i.application_id
WHERE i.starts_at >= ? AND i.starts_at < ?
ORDER BY i.starts_at, i.id
"""

_PEOPLE_SQL = """
SELECT p.interview_id, c.name, c.title
FROM interview_participant p JOIN contact c ON c.id = p.contact_id
JOIN interview i ON i.id = p.interview_id
WHERE i.starts_at >= ? AND i.starts_at < ?
ORDER BY p.interview_id, p.id
"""


def _people(window: FeedWindow) -> dict[int, list[str]]:
    people: dict[int, list[str]] = defaultdict(list)
    bounds = (to_db_instant(window.start), to_db_instant(window.end))
    for interview_id, name, title in db.execute_sql(_PEOPLE_SQL, bounds):
        people[int(interview_id)].append(f"{name} ({title})" if title else str(name))
    return people


def feed_interviews(window: FeedWindow) -> list[CalendarInterview]:
    bounds = (to_db_instant(window.start), to_db_instant(window.end))
    people = _people(window)
    found = []
    for row in db.execute_sql(_INTERVIEWS_SQL, bounds):
        interview_id, starts, ends, zone, round_, fmt, where, company, role = row
        how = translate("interviews", FORMAT_WORDS[fmt]) if fmt in FORMAT_WORDS else str(fmt)
        summary = translate("calendar", "Interview: {application} (round {round}, {format})")
        lines = [
            translate("calendar", "With {people}").format(people=", ".join(names))
            for names in [people.get(int(interview_id), [])]
            if names
        ]
        found.append(
            CalendarInterview(
                interview_id=int(interview_id),
                summary=summary.format(
                    application=application_title(company, role), round=round_, format=how
                ),
                starts_at=instant_from_db(starts),
                ends_at=instant_from_db(ends),
                time_zone=str(zone),
                location=str(where or ""),
                description="\n".join(lines),
            )
        )
    return found


def _words(kind: str, params: str, title: str, body: str, rendering: Rendering) -> tuple[str, str]:
    """A reminder's words for a calendar: as planned (no "tomorrow", which would go stale
    in a file read later), else the words stored with it."""
    info = kind_info(kind)
    if info is None or info.render is None or not params:
        return title, body
    try:
        return render_with(kind, json.loads(params), rendering)
    except Exception:
        log.debug("reminder %s: stored words used in the calendar", kind, exc_info=True)
        return title, body


def feed_reminders(
    window: FeedWindow, now: datetime, rendering: Rendering
) -> list[CalendarReminder]:
    """The open reminders placed in ``window``, as planning at ``now`` would leave them
    (``preview_reminders``: after a trip, on the new clock, as ``due`` says), with their
    words as planned."""
    planned_words = Rendering(rendering.zone, rendering.translate, now=None)
    rows = preview_reminders(
        now,
        f"{PLACED} >= ? AND {PLACED} < ?",
        (to_db_instant(window.start), to_db_instant(window.end)),
    )
    kept = sorted(
        (
            row
            for row in rows
            if row.active
            and window.start <= row.placed_at < window.end
            and (row.expires_at is None or row.expires_at > now)
        ),
        key=lambda row: (row.placed_at, row.reminder_id < 0, abs(row.reminder_id)),
    )
    found = []
    for row in kept:
        summary, description = _words(row.kind, row.params, row.title, row.body, planned_words)
        found.append(
            CalendarReminder(
                kind=row.kind,
                subject_key=row.subject_key,
                summary=summary,
                at=row.placed_at,
                description=description,
            )
        )
    return found


def calendar_file(now: datetime, rendering: Rendering) -> bytes:
    """The calendar of the interviews and open reminders around ``now``."""
    window = FeedWindow.around(now)
    return calendar_bytes(
        feed_interviews(window), feed_reminders(window, now, rendering), stamp=now
    )


def write_feed(path: Path, data: bytes) -> bool:
    """Replace the file at ``path`` with ``data`` unless it already says the same (apart
    from when it was made); True when written. Written beside it and renamed, so a
    calendar reading it meanwhile gets the old file or the new one, never half."""
    try:
        if without_stamps(path.read_bytes()) == without_stamps(data):
            return False
    except OSError:
        pass
    handle, temporary = tempfile.mkstemp(prefix=".feed-", suffix=".ics", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).chmod(0o600)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True
