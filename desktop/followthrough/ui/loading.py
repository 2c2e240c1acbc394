"""What the window loads from the database, run on the background runner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from followthrough.domain.clock import Clock
from followthrough.domain.stages import Stage
from followthrough.store.models import Application, Contact, ContactRole, rows_of
from followthrough.store.queries import (
    DataCounts,
    data_counts,
    interviews_between,
    overdue_decisions,
)
from followthrough.ui.pages import ApplicationRow, ContactRow, TodayData

ROLE_LABELS: dict[str, str] = {
    "interviewer": "Interviewer",
    "recruiter": "Recruiter",
    "hiring_manager": "Hiring manager",
    "referrer": "Referrer",
    "reference": "Reference",
}


@dataclass(frozen=True)
class WindowData:
    counts: DataCounts
    today: TodayData
    applications: list[ApplicationRow]
    contacts: list[ContactRow]


def load_window_data(clock: Clock, today: date) -> WindowData:
    counts = data_counts(clock)
    now = clock.now()
    upcoming = interviews_between(now, now + timedelta(days=7), limit=200)
    today_data = TodayData(counts, upcoming, overdue_decisions(today))
    applications = [
        ApplicationRow(a[0], a[1], a[2], Stage(a[3]), a[4], a[5])
        for a in rows_of(
            Application.select(
                Application.id,
                Application.company,
                Application.role_title,
                Application.stage,
                Application.applied_on,
                Application.location,
            )
        )
    ]
    role_query = ContactRole.select(ContactRole.contact, ContactRole.role).order_by(
        ContactRole.contact, ContactRole.role
    )
    roles = {
        contact_id: ", ".join(ROLE_LABELS.get(str(r[1]), str(r[1])) for r in group)
        for contact_id, group in groupby(rows_of(role_query), key=lambda r: r[0])
    }
    contacts = [
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
    return WindowData(counts, today_data, applications, contacts)
