"""Today as one list: what to do, grouped Overdue / Today / Coming up, each item once.

Fired reminders (waiting for the user) and the agenda (planned reminders, interviews,
decision dates) both name what is due; here they become one list:

- a fired reminder and its agenda entry are one item (the same ``reminder_id``);
- reminders about one subject (a note's "due soon" and "overdue") show once: the latest
  whose time has come, else the next one (``subject_key``);
- an interview that has begun is no longer something to do;
- of the days ahead, kinds listed from their own day (a debrief) are left out;
- the sections follow the items' times, and what counts as first here is also the
  application's next step (``store.next_steps``), so Today and "What's next" agree.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import IntEnum

from followthrough.domain.agenda import AgendaItem, AgendaKind
from followthrough.domain.reminder_kinds import listed_ahead


class Section(IntEnum):
    OVERDUE = 0
    TODAY = 1
    UPCOMING = 2


@dataclass(frozen=True, slots=True)
class TodayEntry:
    """One thing to do: the agenda item, whether its reminder has fired, its section."""

    item: AgendaItem
    section: Section
    fired: bool = False

    def rank(self) -> tuple[int, date, int, datetime | None, int, str]:
        """Order in the list: by section, then by time (undated items first in a day),
        then by reminder id (an interview first), then by title."""
        # ``AgendaItem.sort_key`` with the section and the reminder between its parts,
        # written out: Today sorts tens of thousands of entries at every load.
        item = self.item
        at = item.at
        return (self.section, item.day, at is not None, at, item.reminder_id or 0, item.title)


@dataclass(frozen=True)
class TodayList:
    overdue: list[TodayEntry] = field(default_factory=list)
    today: list[TodayEntry] = field(default_factory=list)
    upcoming: list[TodayEntry] = field(default_factory=list)

    def sections(self) -> list[tuple[Section, list[TodayEntry]]]:
        return [
            (Section.OVERDUE, self.overdue),
            (Section.TODAY, self.today),
            (Section.UPCOMING, self.upcoming),
        ]

    def entries(self) -> list[TodayEntry]:
        return [*self.overdue, *self.today, *self.upcoming]


def still_to_do(items: Iterable[AgendaItem], closed: Collection[int]) -> list[AgendaItem]:
    """Leaves out the interviews of closed applications (still in the calendar, but nothing
    to do; their open reminders, such as telling a reference how it ended, stay)."""
    return [i for i in items if not (i.kind == AgendaKind.INTERVIEW and i.application_id in closed)]


def listed_on_today(item: AgendaItem, today: date) -> bool:
    """Whether Today lists a planned item: everything of today and before; of the days
    ahead, all but the kinds listed from their own day (``KindInfo.listed_ahead``: a
    debrief, a round's checklist)."""
    return item.day <= today or listed_ahead(item.kind)


def section_of(item: AgendaItem, today: date) -> Section:
    if item.overdue or item.day < today:
        return Section.OVERDUE
    return Section.TODAY if item.day == today else Section.UPCOMING


def _has_come(entry: TodayEntry, today: date, now: datetime) -> bool:
    item = entry.item
    if entry.fired or entry.section is Section.OVERDUE:
        return True
    return item.at <= now if item.at is not None else item.day <= today


def _one_per_subject(entries: list[TodayEntry], today: date, now: datetime) -> list[TodayEntry]:
    """Of the reminders about one subject, the one that says what is true now: the latest
    whose time has come; when none has, the next."""
    chosen: dict[str, TodayEntry] = {}
    for entry in entries:
        key = entry.item.subject_key
        if not key:
            continue
        held = chosen.get(key)
        if held is None or _current(entry, held, today, now):
            chosen[key] = entry
    return [e for e in entries if not e.item.subject_key or chosen[e.item.subject_key] is e]


def _current(entry: TodayEntry, held: TodayEntry, today: date, now: datetime) -> bool:
    """Whether ``entry`` is more current than ``held`` (about the same subject): of those
    that have come the latest, else the soonest (equal times: by reminder id, the same
    way). ``store.reminders.first_open_per_application`` picks the same."""
    come, held_come = _has_come(entry, today, now), _has_come(held, today, now)
    if come != held_come:
        return come
    ours, theirs = _moment(entry), _moment(held)
    return ours > theirs if come else ours < theirs


def _moment(entry: TodayEntry) -> tuple[date, int, datetime | None, int]:
    day, timed, at, _title = entry.item.sort_key()
    return (day, timed, at, entry.item.reminder_id or 0)


def today_list(
    fired: Iterable[AgendaItem],
    agenda: Iterable[AgendaItem],
    today: date,
    now: datetime,
) -> TodayList:
    """Fired reminders and agenda items as one list, each item once (see the module)."""
    by_reminder: dict[int, TodayEntry] = {}
    others: list[TodayEntry] = []
    for item in fired:
        entry = TodayEntry(item, section_of(item, today), fired=True)
        if item.reminder_id is None:
            others.append(entry)
        else:
            by_reminder[item.reminder_id] = entry
    interview = AgendaKind.INTERVIEW.value
    for item in agenda:
        if not listed_on_today(item, today):
            continue
        reminder_id = item.reminder_id
        if reminder_id is None:
            if item.kind == interview and item.at is not None and item.at <= now:
                continue  # under way or over: no longer something to do
            others.append(TodayEntry(item, section_of(item, today)))
        elif reminder_id not in by_reminder:
            by_reminder[reminder_id] = TodayEntry(item, section_of(item, today))
    entries = _one_per_subject([*by_reminder.values(), *others], today, now)
    entries.sort(key=TodayEntry.rank)
    sections: tuple[list[TodayEntry], ...] = ([], [], [])
    for entry in entries:
        sections[entry.section].append(entry)
    return TodayList(*sections)
