"""The first day of the accepted job: the other applications still active, each with a
person to write to, and closing them as withdrawn through the stage rules. The same
person is the one a declined offer's message goes to (``person_to_write``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from followthrough.domain.clock import Clock
from followthrough.domain.stages import ACTIVE_STAGES, ClosureReason, Stage
from followthrough.store.fields import day_from_db
from followthrough.store.models import Application, db
from followthrough.store.queries import change_stage
from followthrough.store.transactions import writing


@dataclass(frozen=True)
class OtherApplication:
    """An application still active beside the accepted one, and whom to tell."""

    application_id: int
    company: str
    role: str
    stage: Stage
    contact_name: str  # the interviewer met last (one with an address first); "" if none
    contact_email: str


@dataclass(frozen=True)
class FirstDay:
    application_id: int
    company: str
    role: str
    start_on: date | None
    others: tuple[OtherApplication, ...]


# The person to write to at application ``a``: the interviewer met last, one with an
# e-mail address first, as "name<US>email" (NULL when nobody was met).
_PERSON_MET_LAST = (
    "(SELECT c.name || char(31) || c.email FROM interview i "
    " JOIN interview_participant p ON p.interview_id = i.id "
    " JOIN contact c ON c.id = p.contact_id WHERE i.application_id = a.id "
    " ORDER BY c.email != '' DESC, i.starts_at DESC, p.id LIMIT 1)"
)


def _name_and_email(person: str | None) -> tuple[str, str]:
    name, _, email = (person or "").partition("\x1f")
    return name, email


def person_to_write(application_id: int) -> tuple[str, str]:
    """(name, e-mail) of the person to write to about ``application_id``: the interviewer
    met last, one with an address first; ("", "") when nobody was met."""
    row = db.execute_sql(
        f"SELECT {_PERSON_MET_LAST} FROM application a WHERE a.id = ?", (application_id,)
    ).fetchone()
    return _name_and_email(row[0] if row else None)


def first_day(application_id: int) -> FirstDay:
    """The accepted application and every other active one (in company order), with the
    person met last at each (one with an e-mail address first)."""
    accepted = Application.get_by_id(application_id)
    start = db.execute_sql(
        "SELECT start_on FROM offer WHERE application_id = ?", (application_id,)
    ).fetchone()
    stages = [s.value for s in ACTIVE_STAGES]
    marks = ", ".join("?" * len(stages))
    rows = db.execute_sql(
        f"SELECT a.id, a.company, a.role_title, a.stage, {_PERSON_MET_LAST} "
        f"FROM application a WHERE a.stage IN ({marks}) AND a.id != ? "
        "ORDER BY a.company COLLATE NOCASE, a.id",
        (*stages, application_id),
    )
    others = []
    for app, company, role, stage, person in rows:
        name, email = _name_and_email(person)
        others.append(OtherApplication(int(app), company, role or "", Stage(stage), name, email))
    return FirstDay(
        application_id,
        accepted.company,
        accepted.role_title or "",
        day_from_db(start[0]) if start else None,
        tuple(others),
    )


def close_as_withdrawn(application_ids: list[int], clock: Clock, today: date) -> list[int]:
    """Close each still-active application of ``application_ids`` as withdrawn (accepted
    another offer), through the stage rules, in one transaction; the ids closed."""
    closed = []
    with writing():
        for application_id in application_ids:
            stage = Stage(Application.get_by_id(application_id).stage)
            if stage not in ACTIVE_STAGES:
                continue
            change_stage(
                application_id, Stage.WITHDRAWN, clock, today, ClosureReason.ACCEPTED_ELSEWHERE
            )
            closed.append(application_id)
    return closed
