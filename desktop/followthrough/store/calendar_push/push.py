"""One push: the events now against what was sent before (``calendar-push.json``), and
only the differences to the server — new events put, changed ones put again under the
same UID, gone ones deleted. Nothing differs: the server is not even reached.

Events sent before a failure are recorded, so a push cut short (the network gone midway)
goes on where it stopped; one that could not reach the server leaves the record as it
was, and the next push (the next change, the next start, the retry timer) catches up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from followthrough.domain.calendar_push.plan import (
    Outgoing,
    PushCounts,
    PushPlan,
    Sent,
    plan_push,
)
from followthrough.store.calendar_push.record import (
    Destination,
    LastChange,
    PushRecord,
    read_record,
    write_record,
)
from followthrough.store.calendar_push.server import Account, Calendar, connect, said_plainly

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setup:
    """What the settings say (``store.settings``' calendar server options)."""

    sending: bool
    destination: Destination

    @property
    def complete(self) -> bool:
        where = self.destination
        return bool(where.server.strip() and where.user.strip() and where.calendar.strip())


def read_setup() -> Setup:
    """The settings, read from the database (inside ``read_database``)."""
    from followthrough.store import settings as options

    return Setup(
        sending=options.get(options.CALENDAR_SENDING),
        destination=Destination(
            server=options.get(options.CALENDAR_SERVER),
            user=options.get(options.CALENDAR_USER),
            calendar=options.get(options.CALENDAR_NAME),
        ),
    )


@dataclass(frozen=True)
class Now:
    """The events as they are now, and where the calendar's window starts."""

    events: dict[str, Outgoing]
    window_start: datetime


def read_events(now: datetime) -> Now:
    """The interviews and open reminders around ``now`` as events (inside
    ``read_database``), worded on the user's clock as in the calendar file."""
    from followthrough.domain.calendar_push.events import outgoing_events
    from followthrough.domain.reminder_kinds import Rendering
    from followthrough.store import settings as options
    from followthrough.store.calendar_feed import FeedWindow, feed_interviews, feed_reminders

    window = FeedWindow.around(now)
    rendering = Rendering(options.user_zone())
    return Now(
        outgoing_events(feed_interviews(window), feed_reminders(window, now, rendering), now),
        window.start,
    )


@dataclass(frozen=True)
class PushReport:
    counts: PushCounts
    reached: bool  # the server was contacted (there was something to send)
    calendar: str = ""  # its name on the server, when reached


def _kept(sent: dict[str, Sent], plan: PushPlan) -> dict[str, Sent]:
    return {uid: entry for uid, entry in sent.items() if uid not in plan.forgotten}


class _Progress:
    """What a push has done so far, written to the record at the end (or at a failure)."""

    def __init__(self, record: PushRecord, events: dict[str, Sent]) -> None:
        self.record = record
        self.events = events
        self.sent = self.updated = self.removed = 0

    @property
    def counts(self) -> PushCounts:
        return PushCounts(self.sent, self.updated, self.removed)

    def keep(self, data_dir: Path, now: datetime, ended_well: bool) -> None:
        last = self.record.last_change
        if self.counts.total:
            last = LastChange(now, self.counts)
        checked = now if ended_well else self.record.checked_at
        write_record(
            data_dir,
            replace(self.record, events=self.events, last_change=last, checked_at=checked),
        )


def _send(calendar: Calendar, now: Now, plan: PushPlan, progress: _Progress) -> None:
    for uid in (*plan.new, *plan.changed):
        event = now.events[uid]
        href = calendar.put(uid, event.text)
        progress.events[uid] = Sent(event.digest, event.starts.isoformat(), href)
        if uid in plan.new:
            progress.sent += 1
        else:
            progress.updated += 1
    for uid in plan.gone:
        calendar.delete(progress.events[uid].href)
        del progress.events[uid]
        progress.removed += 1


def push(
    data_dir: Path,
    destination: Destination,
    now: Now,
    moment: datetime,
    password: Callable[[], str],
    open_calendar: Callable[[Account], Calendar] = connect,
) -> PushReport:
    """Send what differs from the record to ``destination``; ``password`` is asked for
    only when there is something to send."""
    record = read_record(data_dir)
    sent = record.sent_to(destination)
    plan = plan_push(now.events, sent, now.window_start)
    if plan.sends_nothing:
        fresh = record.for_destination(destination, record.calendar_url)
        _Progress(fresh, _kept(sent, plan)).keep(data_dir, moment, ended_well=True)
        return PushReport(PushCounts(), reached=False)
    account = Account(destination.server, destination.user, password(), destination.calendar)
    calendar = open_calendar(account)
    progress = _Progress(record.for_destination(destination, calendar.url), _kept(sent, plan))
    try:
        with said_plainly(account):
            _send(calendar, now, plan, progress)
    except BaseException:
        if progress.counts.total:
            progress.keep(data_dir, moment, ended_well=False)
        raise
    progress.keep(data_dir, moment, ended_well=True)
    log.info("calendar push to %s: %s", calendar.url, progress.counts)
    return PushReport(progress.counts, reached=True, calendar=calendar.name)
