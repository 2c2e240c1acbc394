"""What was last sent to the calendar server: ``calendar-push.json`` in the data folder.

A small JSON file rather than the database, which a push only reads: for each event sent
its UID, the digest of its text and where it is on the server; where it was sent (the
server, user and calendar as set, and the calendar's address found there); and when the
last push changed something, and what. Replaced whole (written beside and renamed, 0600),
so a push cut short leaves the record before or after, never half.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from followthrough.domain.calendar_push.plan import PushCounts, Sent, same_place
from followthrough.store.paths import CALENDAR_PUSH_RECORD_NAME

log = logging.getLogger(__name__)

RECORD_VERSION = 1


@dataclass(frozen=True)
class Destination:
    """Where events go, as the user set it."""

    server: str
    user: str
    calendar: str

    def same_as(self, other: Destination) -> bool:
        return (
            same_place(self.server, other.server)
            and self.user == other.user
            and self.calendar.strip() == other.calendar.strip()
        )


@dataclass(frozen=True)
class LastChange:
    at: datetime
    counts: PushCounts


@dataclass(frozen=True)
class PushRecord:
    destination: Destination | None = None
    calendar_url: str = ""
    events: dict[str, Sent] = field(default_factory=dict)
    last_change: LastChange | None = None
    # The last push that ended well (sending something or finding nothing to send).
    checked_at: datetime | None = None

    def sent_to(self, destination: Destination) -> dict[str, Sent]:
        """What this record says was sent to ``destination`` (nothing, for another)."""
        if self.destination is None or not self.destination.same_as(destination):
            return {}
        return dict(self.events)

    def for_destination(self, destination: Destination, calendar_url: str) -> PushRecord:
        """This record, or a fresh one when events now go somewhere else."""
        if self.destination is not None and self.destination.same_as(destination):
            return replace(self, destination=destination, calendar_url=calendar_url)
        return PushRecord(destination=destination, calendar_url=calendar_url)


def record_path(data_dir: Path) -> Path:
    return data_dir / CALENDAR_PUSH_RECORD_NAME


def _instant(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _destination(value: object) -> Destination | None:
    if not isinstance(value, dict):
        return None
    parts = [value.get(key) for key in ("server", "user", "calendar")]
    if not all(isinstance(part, str) for part in parts):
        return None
    return Destination(*(str(part) for part in parts))


def _events(value: object) -> dict[str, Sent]:
    events: dict[str, Sent] = {}
    if not isinstance(value, dict):
        return events
    for uid, entry in value.items():
        if isinstance(uid, str) and isinstance(entry, dict):
            digest, starts, href = (entry.get(key) for key in ("digest", "starts", "href"))
            if isinstance(digest, str) and isinstance(starts, str) and isinstance(href, str):
                events[uid] = Sent(digest, starts, href)
    return events


def _last_change(value: object) -> LastChange | None:
    if not isinstance(value, dict):
        return None
    at = _instant(value.get("at"))
    numbers = [value.get(key, 0) for key in ("sent", "updated", "removed")]
    if at is None or not all(isinstance(n, int) and n >= 0 for n in numbers):
        return None
    return LastChange(at, PushCounts(*(int(n) for n in numbers)))


def read_record(data_dir: Path) -> PushRecord:
    """The record in ``data_dir``; an empty one when there is none or it cannot be read
    (everything is then sent again: the same UIDs replace what is on the server)."""
    path = record_path(data_dir)
    try:
        found: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return PushRecord()
    except (OSError, ValueError) as exc:
        log.warning("the calendar push record %s cannot be read (%s): starting afresh", path, exc)
        return PushRecord()
    if not isinstance(found, dict) or found.get("version") != RECORD_VERSION:
        log.warning("the calendar push record %s is not one this version reads", path)
        return PushRecord()
    calendar_url = found.get("calendar_url")
    return PushRecord(
        destination=_destination(found.get("destination")),
        calendar_url=calendar_url if isinstance(calendar_url, str) else "",
        events=_events(found.get("events")),
        last_change=_last_change(found.get("last_change")),
        checked_at=_instant(found.get("checked_at")),
    )


def _as_json(record: PushRecord) -> dict[str, object]:
    where = record.destination
    last = record.last_change
    return {
        "version": RECORD_VERSION,
        "destination": None
        if where is None
        else {"server": where.server, "user": where.user, "calendar": where.calendar},
        "calendar_url": record.calendar_url,
        "events": {
            uid: {"digest": sent.digest, "starts": sent.starts, "href": sent.href}
            for uid, sent in sorted(record.events.items())
        },
        "last_change": None
        if last is None
        else {
            "at": last.at.isoformat(),
            "sent": last.counts.sent,
            "updated": last.counts.updated,
            "removed": last.counts.removed,
        },
        "checked_at": None if record.checked_at is None else record.checked_at.isoformat(),
    }


def write_record(data_dir: Path, record: PushRecord) -> None:
    """Replace the record in ``data_dir`` with ``record``, whole (0600)."""
    path = record_path(data_dir)
    text = json.dumps(_as_json(record), indent=1, ensure_ascii=False) + "\n"
    handle, temporary = tempfile.mkstemp(prefix=".calendar-push-", suffix=".json", dir=data_dir)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).chmod(0o600)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
