"""What the window loads from the database, run on the background runner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby
from zoneinfo import ZoneInfo

from followthrough.domain.agenda import AgendaItem, TodayAgenda, split_today
from followthrough.domain.clock import Clock
from followthrough.store.agenda import agenda_between, overdue_items
from followthrough.store.applications import ApplicationSummary, application_summaries
from followthrough.store.contacts import ROLE_LABELS
from followthrough.store.models import Contact, ContactRole, rows_of
from followthrough.store.queries import DataCounts, data_counts
from followthrough.ui.pages import ContactRow

UPCOMING_DAYS = 7


@dataclass(frozen=True)
class WindowData:
    today: date
    counts: DataCounts
    agenda: TodayAgenda
    applications: list[ApplicationSummary]
    application_haystacks: list[str]
    contacts: list[ContactRow]
    contact_haystacks: list[str]


def load_today(today: date, zone: ZoneInfo) -> TodayAgenda:
    items = agenda_between(today, today + timedelta(days=UPCOMING_DAYS), zone)
    return split_today([*overdue_items(today, zone), *items], today)


def load_contacts() -> list[ContactRow]:
    role_query = ContactRole.select(ContactRole.contact, ContactRole.role).order_by(
        ContactRole.contact, ContactRole.role
    )
    roles = {
        contact_id: ", ".join(ROLE_LABELS.get(str(r[1]), str(r[1])) for r in group)
        for contact_id, group in groupby(rows_of(role_query), key=lambda r: r[0])
    }
    return [
        ContactRow(c[0], c[1], c[2], c[3], c[4], c[5], c[6], roles.get(c[0], ""))
        for c in rows_of(
            Contact.select(
                Contact.id,
                Contact.name,
                Contact.title,
                Contact.company,
                Contact.email,
                Contact.phone,
                Contact.preferred_method,
            )
        )
    ]


def load_window_data(clock: Clock, zone: ZoneInfo) -> WindowData:
    now = clock.now()
    today = now.astimezone(zone).date()
    applications = application_summaries(now, zone)
    contacts = load_contacts()
    return WindowData(
        today=today,
        counts=data_counts(clock),
        agenda=load_today(today, zone),
        applications=applications,
        # Search text is made here, off the GUI thread, once per load.
        application_haystacks=[
            f"{a.company} {a.role_title} {a.people}".casefold() for a in applications
        ],
        contacts=contacts,
        contact_haystacks=[
            f"{c.name} {c.title} {c.company} {c.email} {c.roles}".casefold() for c in contacts
        ],
    )


def load_month(year: int, month: int, zone: ZoneInfo) -> list[AgendaItem]:
    """The agenda of a month grid, with the neighbouring days it shows."""
    first = date(year, month, 1)
    after = date(year + month // 12, month % 12 + 1, 1)
    return agenda_between(first - timedelta(days=7), after + timedelta(days=7), zone)


def load_week(monday: date, zone: ZoneInfo) -> list[AgendaItem]:
    return agenda_between(monday, monday + timedelta(days=6), zone)
