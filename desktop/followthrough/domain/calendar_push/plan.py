"""What a push sends: the events that are new or changed since the last push, and those
sent before that are gone (done, dismissed, lapsed, a deleted interview).

Pure, and free of the iCalendar library (the window reads the counts' words too). An
event is known by its UID (stable: ``domain.calendar_feed``) and compared by a digest of
its text without DTSTAMP, so the same facts give the same digest whenever the push runs.
An event sent before whose start has dropped out of the calendar's window (more than 30
days back) is not deleted: the user's calendar keeps it as history; it is forgotten.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from followthrough.domain.wording import translate


@dataclass(frozen=True)
class Outgoing:
    """An event as it would be sent now: its text (a whole VCALENDAR with one VEVENT and
    its zone), the digest that compares it, and when it starts."""

    uid: str
    text: bytes
    digest: str
    starts: datetime


@dataclass(frozen=True)
class Sent:
    """An event as it was last sent: its digest, its start (ISO), and where it is on the
    server (its address, relative to the calendar's)."""

    digest: str
    starts: str
    href: str


@dataclass(frozen=True)
class PushPlan:
    new: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    gone: tuple[str, ...] = ()
    # Sent before, now older than the calendar's window: left on the server, not tracked.
    forgotten: tuple[str, ...] = ()

    @property
    def sends_nothing(self) -> bool:
        """Nothing for the server: no need to reach it at all."""
        return not (self.new or self.changed or self.gone)


def plan_push(
    current: Mapping[str, Outgoing], sent: Mapping[str, Sent], window_start: datetime
) -> PushPlan:
    """The differences between the events now (``current``) and those last sent."""
    new = tuple(uid for uid in current if uid not in sent)
    changed = tuple(
        uid for uid, event in current.items() if uid in sent and sent[uid].digest != event.digest
    )
    gone: list[str] = []
    forgotten: list[str] = []
    for uid, before in sent.items():
        if uid in current:
            continue
        (forgotten if _started_before(before, window_start) else gone).append(uid)
    return PushPlan(new, changed, tuple(gone), tuple(forgotten))


def _started_before(event: Sent, moment: datetime) -> bool:
    try:
        starts = datetime.fromisoformat(event.starts)
    except ValueError:
        return False  # not known: deleted rather than left behind
    return starts.tzinfo is not None and starts < moment


@dataclass(frozen=True)
class PushCounts:
    sent: int = 0
    updated: int = 0
    removed: int = 0

    @property
    def total(self) -> int:
        return self.sent + self.updated + self.removed


def counts_words(counts: PushCounts) -> str:
    """What a push did, in a few words: "3 sent, 1 updated, 1 removed"; "nothing to
    change"."""
    parts = []
    if counts.sent:
        parts.append(translate("calendar_push", "{count} sent").format(count=counts.sent))
    if counts.updated:
        parts.append(translate("calendar_push", "{count} updated").format(count=counts.updated))
    if counts.removed:
        parts.append(translate("calendar_push", "{count} removed").format(count=counts.removed))
    if not parts:
        return translate("calendar_push", "nothing to change")
    return ", ".join(parts)


def address_problem(text: str) -> str | None:
    """Why ``text`` cannot be a calendar server's address (None when it can)."""
    address = text.strip()
    if not address:
        return translate("calendar_push", "Type the server's address.")
    parts = urlsplit(address)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return translate(
            "calendar_push",
            "The server's address starts with https:// (for example "
            "https://cloud.example.com/remote.php/dav).",
        )
    return None


def same_place(first: str, second: str) -> bool:
    """Whether two addresses name the same place (a trailing slash aside)."""
    return first.strip().rstrip("/") == second.strip().rstrip("/")
