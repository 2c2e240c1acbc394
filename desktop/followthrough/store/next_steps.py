"""The next step of every application, from the same open items Today lists.

Open reminders (fired or planned; not done, dismissed or suspended), the next interview
and the decision date still ahead are put in Today's order (``domain.today``); an
application's first item is its next step. Three queries for every application at once,
each read in one pass: ten thousand applications take a fraction of a second.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from followthrough.domain.agenda import AgendaItem, AgendaKind
from followthrough.domain.next_action import NextAction
from followthrough.domain.reminder_kinds import shown_kind
from followthrough.domain.stages import ACTIVE_STAGES
from followthrough.domain.today import Section, TodayEntry, section_of, today_list
from followthrough.domain.wording import translate

# Every feature's reminder kinds registered (their planners' modules register them): the
# first open reminder leaves out those listed from their own day (``listed_ahead``).
from followthrough.store import planning as _planners  # noqa: F401
from followthrough.store.agenda import InterviewItems, decision_item, latest_decisions, local_bounds
from followthrough.store.fields import instant_from_db, to_db_instant
from followthrough.store.models import db
from followthrough.store.reminders import agenda_item, first_open_per_application

# The next interview of each live application (one under way is no longer to do; a closed
# application's stays in the calendar, but is nothing to do), with the agenda's columns.
_NEXT_INTERVIEWS_SQL = """
SELECT id, application_id, starts_at, round, format, company, role_title, time_zone,
       ends_at FROM (
  SELECT i.id, i.application_id, i.starts_at, i.round, i.format, a.company, a.role_title,
         i.time_zone, i.ends_at,
         ROW_NUMBER() OVER (PARTITION BY i.application_id ORDER BY i.starts_at, i.id) AS n
  FROM interview i JOIN application a ON a.id = i.application_id
  WHERE i.starts_at > ? AND a.stage IN ({stages}) {only}
) WHERE n = 1
"""


def _open_items(
    now: datetime, zone: ZoneInfo, application_id: int | None
) -> tuple[dict[int, list[AgendaItem]], dict[int, list[AgendaItem]], dict[int, tuple[Any, ...]]]:
    """Per application: its first open reminder (fired or planned: picked in SQL the way
    Today orders them), its next interview and its decision date ahead, as the agenda has
    them (a planned reminder from before today is overdue, as on Today). An interview is
    held by its time only, with its row to write it out should it come first."""
    today = now.astimezone(zone).date()
    start, end = local_bounds(today, today, zone)
    fired: dict[int, list[AgendaItem]] = defaultdict(list)
    agenda: dict[int, list[AgendaItem]] = defaultdict(list)
    extra = () if application_id is None else (application_id,)
    for reminder in first_open_per_application(now, (start, end), application_id):
        app = int(reminder.application_id or 0)
        if reminder.fired:
            fired[app].append(agenda_item(reminder, zone))
        else:
            agenda[app].append(agenda_item(reminder, zone, reminder.due_at < start))
    only_interviews = "" if application_id is None else "AND i.application_id = ?"
    stages = [s.value for s in ACTIVE_STAGES]
    sql = _NEXT_INTERVIEWS_SQL.format(only=only_interviews, stages=", ".join("?" * len(stages)))
    cursor = db.execute_sql(sql, (to_db_instant(now), *stages, *extra))
    interviews: dict[int, tuple[Any, ...]] = {}
    for row in cursor:
        interview_id, app, starts = int(row[0]), int(row[1]), instant_from_db(row[2])
        interviews[interview_id] = tuple(row)
        agenda[app].append(
            AgendaItem(
                kind=AgendaKind.INTERVIEW.value,
                day=starts.astimezone(zone).date(),
                title="",
                at=starts,
                application_id=app,
                interview_id=interview_id,
            )
        )
    for app, company, role, day in latest_decisions(today, application_id=application_id):
        agenda[app].append(decision_item(app, company, role, day, False))
    return fired, agenda, interviews


def first_items(
    now: datetime, zone: ZoneInfo, application_id: int | None = None
) -> dict[int, TodayEntry]:
    """Per application (all, or the one given), the first of its open items in Today's
    order; applications with nothing open are left out."""
    today = now.astimezone(zone).date()
    fired, agenda, interviews = _open_items(now, zone, application_id)
    firsts: dict[int, TodayEntry] = {}
    for app in fired.keys() | agenda.keys():
        entry = _first_entry(fired.get(app, []), agenda.get(app, []), today, now)
        if entry is not None:
            firsts[app] = entry
    written = InterviewItems(zone)
    for app, entry in firsts.items():
        if entry.item.interview_id is not None:  # written out: it comes first
            item = written.item(interviews[entry.item.interview_id])
            firsts[app] = TodayEntry(item, entry.section, entry.fired)
    return firsts


def _first_entry(
    mine: list[AgendaItem], others: list[AgendaItem], today: date, now: datetime
) -> TodayEntry | None:
    """The first of one application's open items in Today's order. With one reminder at
    most (``first_open_per_application`` picks it), ``today_list`` comes down to its
    order, ``TodayEntry.rank`` (the earliest of equals: its sort is stable)."""
    if sum(1 for item in others if item.reminder_id is not None) + len(mine) > 1:
        entries = today_list(mine, others, today, now).entries()
        return entries[0] if entries else None
    candidates = [TodayEntry(item, section_of(item, today), fired=True) for item in mine]
    for item in others:
        if item.kind == AgendaKind.INTERVIEW and item.at is not None and item.at <= now:
            continue  # under way or over (as ``today_list`` leaves it out)
        candidates.append(TodayEntry(item, section_of(item, today)))
    return min(candidates, key=TodayEntry.rank) if candidates else None


def action_of(entry: TodayEntry) -> NextAction:
    """An item of Today as an application's next step."""
    item = entry.item
    overdue = entry.section is Section.OVERDUE
    if item.kind == AgendaKind.INTERVIEW:
        text, why = translate("next_action", "Interview"), item.detail
    elif item.kind == AgendaKind.DECISION:
        text = translate("next_action", "Wait for their decision")
        why = translate("next_action", "They said they would decide by then.")
    else:
        text, why = item.words()
    # The kind as it reads now (a note past its deadline: overdue).
    return NextAction(text, item.day, item.at, shown_kind(item.kind, item.params), why, overdue)


def next_actions(
    now: datetime, zone: ZoneInfo, application_id: int | None = None
) -> dict[int, NextAction]:
    """The next step of each application that has something open (see ``first_items``)."""
    return {app: action_of(e) for app, e in first_items(now, zone, application_id).items()}
