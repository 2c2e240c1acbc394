"""The agenda: everything with a date, from every feature, in one shape.

Today and both calendar views read the same items. Each feature contributes items of its
own kind (interviews and decision dates now; thank-you notes, follow-ups and reference
heads-ups) through the providers registered in ``store.agenda``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from followthrough.domain.reminder_kinds import render_text


class AgendaKind(StrEnum):
    INTERVIEW = "interview"
    DECISION = "decision"


@dataclass(frozen=True, slots=True)
class AgendaItem:
    kind: str
    day: date  # the local day it belongs to
    title: str
    detail: str = ""
    at: datetime | None = None  # an exact instant, when it has one
    application_id: int | None = None
    interview_id: int | None = None
    overdue: bool = False
    reminder_id: int | None = None
    # When it ends, for what has a length (an interview); drawn, not compared.
    until: datetime | None = field(default=None, compare=False)
    # A reminder's parameters: its words are written from them when the row is drawn
    # (``reminder_kinds.render_text``); title and detail are the words as planned.
    params: str = field(default="", compare=False, repr=False)
    # What a reminder is about (``SubjectKey``): Today shows one item per subject.
    subject_key: str = ""

    def words(self) -> tuple[str, str]:
        """Title and detail as shown now."""
        if not self.params:
            return self.title, self.detail
        return render_text(self.kind, self.params, self.title, self.detail)

    def sort_key(self) -> tuple[date, int, datetime | None, str]:
        # Items without a time come first in their day (like all-day events).
        return (self.day, 0 if self.at is None else 1, self.at, self.title)


@dataclass(frozen=True)
class TodayAgenda:
    overdue: list[AgendaItem]
    today: list[AgendaItem]
    upcoming: list[AgendaItem]


def split_today(items: Iterable[AgendaItem], today: date) -> TodayAgenda:
    """Overdue items (whatever their day), today's, and later ones, each in time order."""
    overdue: list[AgendaItem] = []
    todays: list[AgendaItem] = []
    upcoming: list[AgendaItem] = []
    for item in sorted(items, key=AgendaItem.sort_key):
        if item.overdue:
            overdue.append(item)
        elif item.day == today:
            todays.append(item)
        elif item.day > today:
            upcoming.append(item)
    return TodayAgenda(overdue, todays, upcoming)
