"""Agenda providers: each feature turns its records into ``AgendaItem``s for a date range.

``register`` adds a provider; Today and the calendar call ``agenda_between`` and
``overdue_items`` and never need to know which features exist.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import peewee

from followthrough.domain.agenda import AgendaItem, AgendaKind
from followthrough.domain.stages import ACTIVE_STAGES
from followthrough.store.models import Application, Interview, rows_of

# (first day, last day, zone) -> items whose day falls in [first, last]
RangeProvider = Callable[[date, date, ZoneInfo], list[AgendaItem]]
# (today, zone) -> items that are overdue, whatever their day
OverdueProvider = Callable[[date, ZoneInfo], list[AgendaItem]]

_RANGE_PROVIDERS: list[RangeProvider] = []
_OVERDUE_PROVIDERS: list[OverdueProvider] = []

FORMAT_WORDS = {"phone": "phone", "video": "video", "onsite": "on-site"}


def register(in_range: RangeProvider, overdue: OverdueProvider | None = None) -> None:
    if in_range not in _RANGE_PROVIDERS:
        _RANGE_PROVIDERS.append(in_range)
    if overdue is not None and overdue not in _OVERDUE_PROVIDERS:
        _OVERDUE_PROVIDERS.append(overdue)


def local_bounds(first: date, last: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """UTC instants from the start of ``first`` to the end of ``last`` in ``zone``."""
    start = datetime.combine(first, time.min, zone).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time.min, zone).astimezone(UTC)
    return start, end


def agenda_between(first: date, last: date, zone: ZoneInfo) -> list[AgendaItem]:
    items: list[AgendaItem] = []
    for provider in _RANGE_PROVIDERS:
        items.extend(provider(first, last, zone))
    return sorted(items, key=AgendaItem.sort_key)


def overdue_items(today: date, zone: ZoneInfo) -> list[AgendaItem]:
    items: list[AgendaItem] = []
    for provider in _OVERDUE_PROVIDERS:
        items.extend(provider(today, zone))
    return sorted(items, key=AgendaItem.sort_key)


def _interview_title(company: str, role: str) -> str:
    return f"{company} · {role}" if role else company


def interview_items(first: date, last: date, zone: ZoneInfo) -> list[AgendaItem]:
    start, end = local_bounds(first, last, zone)
    query = (
        Interview.select(
            Interview.id,
            Interview.application,
            Interview.starts_at,
            Interview.round,
            Interview.format,
            Application.company,
            Application.role_title,
        )
        .join(Application)
        .where((Interview.starts_at >= start) & (Interview.starts_at < end))
    )
    return [
        AgendaItem(
            kind=AgendaKind.INTERVIEW.value,
            day=starts_at.astimezone(zone).date(),
            title=_interview_title(company, role),
            detail=f"Interview, round {round_}, {FORMAT_WORDS.get(fmt, fmt)}",
            at=starts_at,
            application_id=application_id,
            interview_id=interview_id,
        )
        for interview_id, application_id, starts_at, round_, fmt, company, role in rows_of(query)
    ]


def _latest_decisions() -> peewee.Select:
    """Per active application, the decision date of its latest interview that named one.

    A later round's date replaces an earlier one, even when it is sooner.
    """
    earlier = Interview.alias()
    latest_id = (
        earlier.select(earlier.id)
        .where(
            (earlier.application == Interview.application)
            & earlier.decision_expected_on.is_null(False)
        )
        .order_by(earlier.starts_at.desc(), earlier.id.desc())
        .limit(1)
    )
    return (
        Interview.select(
            Application.id,
            Application.company,
            Application.role_title,
            Interview.decision_expected_on,
        )
        .join(Application)
        .where(
            Application.stage.in_([s.value for s in ACTIVE_STAGES]) & (Interview.id == latest_id)
        )
    )


def _decision_item(
    application_id: int, company: str, role: str, day: date, overdue: bool
) -> AgendaItem:
    return AgendaItem(
        kind=AgendaKind.DECISION.value,
        day=day,
        title=_interview_title(company, role),
        detail="Decision date passed, no answer yet" if overdue else "Decision expected",
        application_id=application_id,
        overdue=overdue,
    )


def decision_items(first: date, last: date, zone: ZoneInfo) -> list[AgendaItem]:
    items = []
    for application_id, company, role, day in rows_of(_latest_decisions()):
        decided_on = day if isinstance(day, date) else date.fromisoformat(str(day))
        if first <= decided_on <= last:
            items.append(_decision_item(application_id, company, role, decided_on, False))
    return items


def overdue_decisions(today: date, zone: ZoneInfo) -> list[AgendaItem]:
    items = []
    for application_id, company, role, day in rows_of(_latest_decisions()):
        decided_on = day if isinstance(day, date) else date.fromisoformat(str(day))
        if decided_on < today:
            items.append(_decision_item(application_id, company, role, decided_on, True))
    return items


register(interview_items)
register(decision_items, overdue_decisions)
