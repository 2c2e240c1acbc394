"""Agenda providers: each feature turns its records into ``AgendaItem``s for a date range.

``register`` adds a provider; Today and the calendar call ``agenda_between`` and
``overdue_items`` and never need to know which features exist.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from followthrough.domain.agenda import AgendaItem, AgendaKind
from followthrough.domain.interviews import FORMAT_WORDS
from followthrough.domain.stages import ACTIVE_STAGES
from followthrough.domain.two_clocks import their_time
from followthrough.domain.wording import application_title, translate
from followthrough.domain.zones import zone_or
from followthrough.store.fields import day_from_db, instant_from_db, to_db_instant
from followthrough.store.models import db

# (first day, last day, zone) -> items whose day falls in [first, last]
RangeProvider = Callable[[date, date, ZoneInfo], list[AgendaItem]]
# (today, zone) -> items that are overdue, whatever their day
OverdueProvider = Callable[[date, ZoneInfo], list[AgendaItem]]

# (first day, last day, zone) -> {day: {kind: how many}}, for month grids; a range
# provider without one is counted from its items.
CountProvider = Callable[[date, date, ZoneInfo], dict[date, dict[str, int]]]

_RANGE_PROVIDERS: list[RangeProvider] = []
_OVERDUE_PROVIDERS: list[OverdueProvider] = []
_COUNT_PROVIDERS: dict[RangeProvider, CountProvider] = {}


def register(
    in_range: RangeProvider,
    overdue: OverdueProvider | None = None,
    counts: CountProvider | None = None,
) -> None:
    if in_range not in _RANGE_PROVIDERS:
        _RANGE_PROVIDERS.append(in_range)
    if overdue is not None and overdue not in _OVERDUE_PROVIDERS:
        _OVERDUE_PROVIDERS.append(overdue)
    if counts is not None:
        _COUNT_PROVIDERS[in_range] = counts


def local_bounds(first: date, last: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """UTC instants from the start of ``first`` to the end of ``last`` in ``zone``."""
    start = datetime.combine(first, time.min, zone).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time.min, zone).astimezone(UTC)
    return start, end


def agenda_between(
    first: date, last: date, zone: ZoneInfo, *, ordered: bool = True
) -> list[AgendaItem]:
    """Every item from ``first`` to ``last``, in time order (``ordered=False``: in no
    order, for a caller that sorts what it gathers once)."""
    items: list[AgendaItem] = []
    for provider in _RANGE_PROVIDERS:
        items.extend(provider(first, last, zone))
    return sorted(items, key=AgendaItem.sort_key) if ordered else items


def agenda_counts(first: date, last: date, zone: ZoneInfo) -> dict[date, dict[str, int]]:
    """How many items of each kind fall on each day in [first, last]."""
    totals: dict[date, dict[str, int]] = {}

    def add(day: date, kind: str, count: int) -> None:
        kinds = totals.setdefault(day, {})
        kinds[kind] = kinds.get(kind, 0) + count

    for provider in _RANGE_PROVIDERS:
        counter = _COUNT_PROVIDERS.get(provider)
        if counter is not None:
            for day, kinds in counter(first, last, zone).items():
                for kind, count in kinds.items():
                    add(day, kind, count)
        else:
            for item in provider(first, last, zone):
                add(item.day, item.kind, 1)
    return totals


def overdue_items(today: date, zone: ZoneInfo, *, ordered: bool = True) -> list[AgendaItem]:
    """What is overdue before ``today``, in time order (or in none, as above)."""
    items: list[AgendaItem] = []
    for provider in _OVERDUE_PROVIDERS:
        items.extend(provider(today, zone))
    return sorted(items, key=AgendaItem.sort_key) if ordered else items


_INTERVIEWS_SQL = """
SELECT i.id, i.application_id, i.starts_at, i.round, i.format, a.company, a.role_title,
       i.time_zone, i.ends_at
FROM interview i JOIN application a ON a.id = i.application_id
WHERE i.starts_at >= ? AND i.starts_at < ?
"""


def interview_items(first: date, last: date, zone: ZoneInfo) -> list[AgendaItem]:
    start, end = local_bounds(first, last, zone)
    cursor = db.execute_sql(_INTERVIEWS_SQL, (to_db_instant(start), to_db_instant(end)))
    return InterviewItems(zone).items(cursor)


def interview_item(row: tuple[Any, ...], zone: ZoneInfo) -> AgendaItem:
    """An interview as the agenda shows it, from a row of ``_INTERVIEWS_SQL``'s columns."""
    return InterviewItems(zone).item(row)


class InterviewItems:
    """Interviews as the agenda shows them, each text written once: a week at 10,000
    applications holds thousands of interviews at a few dozen start times, rounds and
    formats, and writing their words costs more than reading their rows."""

    def __init__(self, zone: ZoneInfo) -> None:
        self._zone = zone
        # (stored start, its zone) -> the start, its day here, their clock's words
        self._starts: dict[tuple[str, Any], tuple[datetime, date, str | None]] = {}
        # (round, format) -> "Interview, round 2, video"
        self._details: dict[tuple[Any, Any], str] = {}
        # (their clock's words, round, format) -> the detail
        self._shown: dict[tuple[str | None, Any, Any], str] = {}
        self._ends: dict[str, datetime] = {}

    def items(self, rows: Iterable[tuple[Any, ...]]) -> list[AgendaItem]:
        return [self.item(row) for row in rows]

    def item(self, row: tuple[Any, ...]) -> AgendaItem:
        """An item from a row of ``_INTERVIEWS_SQL``'s columns."""
        interview_id, application_id, starts_text, round_, fmt, company, role, where, ends = row
        starts_at, day, theirs = self._start(starts_text, where)
        detail = self._shown.get((theirs, round_, fmt))
        if detail is None:
            plain = self._detail(round_, fmt)
            detail = self._shown[theirs, round_, fmt] = f"{plain} · {theirs}" if theirs else plain
        until = self._ends.get(ends)
        if until is None:
            until = self._ends[ends] = instant_from_db(ends)
        return AgendaItem(
            kind=AgendaKind.INTERVIEW.value,
            day=day,
            title=application_title(company, role),
            detail=detail,
            at=starts_at,
            application_id=application_id,
            interview_id=interview_id,
            until=until,
        )

    def _start(self, starts_text: str, where: Any) -> tuple[datetime, date, str | None]:
        known = self._starts.get((starts_text, where))
        if known is None:
            zone = self._zone
            starts_at = instant_from_db(starts_text)
            # The time column is the user's clock; the interviewer's goes beside it.
            theirs = their_time(starts_at, zone, zone_or(where, zone))
            known = self._starts[starts_text, where] = (
                starts_at,
                starts_at.astimezone(zone).date(),
                theirs,
            )
        return known

    def _detail(self, round_: Any, fmt: Any) -> str:
        detail = self._details.get((round_, fmt))
        if detail is None:
            how = translate("interviews", FORMAT_WORDS[fmt]) if fmt in FORMAT_WORDS else fmt
            detail = self._details[round_, fmt] = translate(
                "agenda", "Interview, round {round}, {format}"
            ).format(round=round_, format=how)
        return detail


def interview_counts(first: date, last: date, zone: ZoneInfo) -> dict[date, dict[str, int]]:
    start, end = local_bounds(first, last, zone)
    cursor = db.execute_sql(
        "SELECT starts_at, ?, COUNT(*) FROM interview "
        "WHERE starts_at >= ? AND starts_at < ? GROUP BY 1",
        (AgendaKind.INTERVIEW.value, to_db_instant(start), to_db_instant(end)),
    )
    return counts_by_local_day(cursor, zone)


def counts_by_local_day(
    rows: Iterable[tuple[str, str, int]], zone: ZoneInfo
) -> dict[date, dict[str, int]]:
    """``(stored instant, kind, how many)`` rows, grouped by instant in SQL, as counts per
    day on the user's clock: each distinct instant's day is found as the items find theirs
    (``astimezone``), so a day the clocks change and any offset are counted the same way.
    A month of a heavy user is a few hundred distinct instants."""
    counts: dict[date, dict[str, int]] = {}
    days: dict[str, date] = {}
    for instant, kind, count in rows:
        day = days.get(instant)
        if day is None:
            day = days[instant] = instant_from_db(instant).astimezone(zone).date()
        kinds = counts.setdefault(day, {})
        kinds[kind] = kinds.get(kind, 0) + int(count)
    return counts


# Each active application's decision date: the one named at its latest interview that
# named one (a later round's date replaces an earlier one, even when it is sooner), looked
# up per application in the index interview_decision_order (a few thousand index seeks at
# 10,000 applications, whatever the range). "LIMIT -1" keeps SQLite from flattening the
# inner query, which would look each date up again for every use of it.
_LATEST_DECISIONS = """
SELECT {columns} FROM (
  SELECT a.id, a.company, a.role_title, (
    SELECT j.decision_expected_on FROM interview j
    WHERE j.application_id = a.id AND j.decision_expected_on IS NOT NULL
    ORDER BY j.starts_at DESC, j.id DESC LIMIT 1) AS day
  FROM application a WHERE a.stage IN ({stages}){only} LIMIT -1)
WHERE day >= ? AND day <= ?{tail}
"""


def _decisions_query(
    columns: str,
    first: date | None,
    last: date | None,
    tail: str = "",
    application_id: int | None = None,
) -> list[tuple[Any, ...]]:
    stages = [s.value for s in ACTIVE_STAGES]
    only, one = ("", ()) if application_id is None else (" AND a.id = ?", (application_id,))
    sql = _LATEST_DECISIONS.format(
        columns=columns, stages=", ".join("?" * len(stages)), only=only, tail=tail
    )
    bounds = ((first or date.min).isoformat(), (last or date.max).isoformat())
    return list(db.execute_sql(sql, (*stages, *one, *bounds)))


def latest_decisions(
    first: date | None = None, last: date | None = None, application_id: int | None = None
) -> list[tuple[int, str, str, date]]:
    """Each application's decision date in [first, last] (of one application, if given)."""
    rows = _decisions_query(
        "id, company, role_title, day", first, last, application_id=application_id
    )
    return [(int(a), str(c), str(r), day_from_db(d)) for a, c, r, d in rows]


def decision_item(
    application_id: int, company: str, role: str, day: date, overdue: bool
) -> AgendaItem:
    return AgendaItem(
        kind=AgendaKind.DECISION.value,
        day=day,
        title=application_title(company, role),
        detail=translate("agenda", "Decision date passed, no answer yet")
        if overdue
        else translate("agenda", "Decision expected"),
        application_id=application_id,
        overdue=overdue,
    )


def decision_items(first: date, last: date, zone: ZoneInfo) -> list[AgendaItem]:
    items = []
    for application_id, company, role, day in latest_decisions(first, last):
        items.append(decision_item(application_id, company, role, day_from_db(day), False))
    return items


def decision_counts(first: date, last: date, zone: ZoneInfo) -> dict[date, dict[str, int]]:
    kind = AgendaKind.DECISION.value
    rows = _decisions_query("day, COUNT(*)", first, last, " GROUP BY 1")
    return {day_from_db(day): {kind: int(count)} for day, count in rows}


register(interview_items, counts=interview_counts)
# A passed decision date is followed up through its reminder (store.followups), which
# Today lists as overdue; the date itself stays on its day in the calendar.
register(decision_items, None, decision_counts)
