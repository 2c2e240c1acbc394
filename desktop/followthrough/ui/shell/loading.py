"""What the window loads from the database, run on the background runner."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from followthrough.domain.agenda import AgendaItem, TodayAgenda, split_today
from followthrough.domain.clock import Clock
from followthrough.domain.momentum import (
    MONDAY,
    MomentumWarning,
    WeeklyGoal,
    momentum_warning,
    this_week,
    weekly_goal,
)
from followthrough.domain.stages import Stage
from followthrough.domain.today import TodayList, listed_on_today, still_to_do
from followthrough.domain.two_clocks import UserHours
from followthrough.domain.wording import application_title

# Every feature's reminder kinds registered (their planners' modules register them), so
# that ``listed_ahead`` knows them whatever was imported first.
from followthrough.store import planning as _planners  # noqa: F401
from followthrough.store import settings as options
from followthrough.store.agenda import agenda_between, agenda_counts, overdue_items
from followthrough.store.applications import (
    ApplicationSummary,
    application_names,
    application_summaries,
)
from followthrough.store.contacts import contact_list
from followthrough.store.momentum import momentum_counts
from followthrough.store.queries import DataCounts, data_counts
from followthrough.store.reminders import DueReminder, open_fired
from followthrough.ui.applications.order import company_sort_key, due_sort_key
from followthrough.ui.contacts.labels import role_label
from followthrough.ui.contacts.rows import ContactRow
from followthrough.ui.today.today_list import build_list

UPCOMING_DAYS = 7


@dataclass(frozen=True)
class WindowData:
    """What every refresh loads: Today, and the counts in the status bar. The other pages
    load their own rows once they have been shown (``ApplicationsData``, ``ContactsData``):
    ten thousand rows nobody looks at cost memory and time at every start."""

    today: date
    counts: DataCounts
    agenda: TodayAgenda
    # Each application as Today names it: "company · role".
    subjects: dict[int, str]
    # Today's list, made here from the agenda and the reminders that have fired.
    today_list: TodayList
    fired: list[DueReminder]
    # When the user may be reminded (Preferences): a snooze is suggested inside them.
    hours: UserHours
    # Keeping momentum (Today's top line): what to warn about, the week's goal (None: none).
    warning: MomentumWarning | None = None
    goal: WeeklyGoal | None = None


@dataclass(frozen=True)
class ApplicationsData:
    """The Applications page's rows: the list (by due date, its default order), the
    board (by company) and each row's search text; the counts as they were then (the page
    may load on its own, after a save)."""

    counts: DataCounts
    applications: list[ApplicationSummary]
    board: dict[Stage, list[ApplicationSummary]]
    application_haystacks: list[str]


@dataclass(frozen=True)
class ContactsData:
    """The Contacts page's rows: loaded after the first paint (tens of thousands of people
    are not what a person looks at first)."""

    counts: DataCounts
    contacts: list[ContactRow]
    contact_haystacks: list[str]


def load_today(today: date, zone: ZoneInfo, closed: Collection[int] = ()) -> TodayAgenda:
    """Overdue, today and the next seven days (Today merges in the fired reminders: a
    reminder and its agenda entry are one item, ``domain.today``); the interviews of the
    ``closed`` applications are nothing to do."""
    # Sorted once, by ``split_today`` (21,000 items at 10,000 applications). Kinds that
    # are listed from their own day (a debrief, a round's checklist) are left out of the
    # days ahead.
    items = [
        item
        for item in agenda_between(
            today, today + timedelta(days=UPCOMING_DAYS), zone, ordered=False
        )
        if listed_on_today(item, today)
    ]
    overdue = overdue_items(today, zone, ordered=False)
    return split_today(still_to_do([*overdue, *items], closed), today)


def load_contacts() -> list[ContactRow]:
    """Every person with their roles, sorted by name (raw rows: 50,000 people load fast)."""
    rows = []
    for contact_id, name, title, company, email, phone, method, roles in contact_list():
        labels = ", ".join(role_label(role) for role in roles)
        rows.append(ContactRow(contact_id, name, title, company, email, phone, method, labels))
    return rows


def load_window_data(clock: Clock, zone: ZoneInfo, first_weekday: int = MONDAY) -> WindowData:
    """Today and the counts; ``first_weekday`` (0 Monday .. 6 Sunday, the user's locale's)
    starts the week the weekly goal counts."""
    now = clock.now()
    today = now.astimezone(zone).date()
    names = application_names()
    agenda = load_today(today, zone, {app_id for app_id, _c, _r, closed in names if closed})
    fired = open_fired()
    momentum = momentum_counts(this_week(clock, zone, first_weekday))
    return WindowData(
        today=today,
        counts=data_counts(clock),
        agenda=agenda,
        subjects={app_id: application_title(company, role) for app_id, company, role, _ in names},
        today_list=build_list(fired, agenda, today, now, zone),
        fired=fired,
        hours=options.user_hours(),
        warning=momentum_warning(momentum, options.get(options.MIN_ACTIVE), today),
        goal=weekly_goal(momentum, options.get(options.WEEKLY_GOAL)),
    )


def load_applications_data(clock: Clock, zone: ZoneInfo) -> ApplicationsData:
    # Sorted here, off the GUI thread: the board by company, the list by due date.
    by_company = sorted(application_summaries(clock.now(), zone), key=company_sort_key)
    board: dict[Stage, list[ApplicationSummary]] = {stage: [] for stage in Stage}
    for row in by_company:
        board[row.stage].append(row)
    applications = sorted(by_company, key=due_sort_key)
    return ApplicationsData(
        counts=data_counts(clock),
        applications=applications,
        board=board,
        # Search text is made here, off the GUI thread, once per load.
        application_haystacks=[
            f"{a.company} {a.role_title} {a.people}".casefold() for a in applications
        ],
    )


def load_contacts_data(clock: Clock) -> ContactsData:
    contacts = sorted(load_contacts(), key=lambda c: c.name.casefold())
    return ContactsData(
        counts=data_counts(clock),
        contacts=contacts,
        contact_haystacks=[
            f"{c.name} {c.title} {c.company} {c.email} {c.roles}".casefold() for c in contacts
        ],
    )


def load_month(year: int, month: int, zone: ZoneInfo) -> dict[date, dict[str, int]]:
    """Per day and kind, how many agenda items a month grid shows (with its edge days)."""
    first = date(year, month, 1)
    after = date(year + month // 12, month % 12 + 1, 1)
    return agenda_counts(first - timedelta(days=7), after + timedelta(days=7), zone)


def load_day(day: date, zone: ZoneInfo) -> list[AgendaItem]:
    return agenda_between(day, day, zone)


def load_week(monday: date, zone: ZoneInfo) -> list[AgendaItem]:
    return agenda_between(monday, monday + timedelta(days=6), zone)
