"""People in from business cards and out as them (``domain.exchange.vcards``).

The import writes in one IMMEDIATE transaction: new people are added, and a person the
app has gains only what it did not know (an empty field filled, a note added), never a
value replaced. The export only reads.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from followthrough.domain.exchange.reading import ExchangeError
from followthrough.domain.exchange.text_files import decode_text
from followthrough.domain.exchange.vcards import (
    CardFile,
    CardOutcome,
    Person,
    PersonOut,
    PlannedCard,
    cards_text,
    read_cards,
    updated,
)
from followthrough.domain.wording import application_title, translate
from followthrough.store.exchange.exporting import save_file
from followthrough.store.exchange.importing import read_file_bytes
from followthrough.store.fields import to_db_instant
from followthrough.store.models import db
from followthrough.store.transactions import reading, writing

log = logging.getLogger(__name__)

# A phone's whole address book with a photo on every card stays under it.
MAX_VCARD_BYTES = 64 * 1024 * 1024


def read_vcards(path: Path, limit: int = MAX_VCARD_BYTES) -> CardFile:
    """The cards in the file at ``path``; ExchangeError in plain words when it holds
    none or cannot be read."""
    try:
        data = read_file_bytes(
            path,
            limit,
            translate(
                "exchange",
                "The file is {size}: more than any address book of business cards (at most "
                "{limit}). Is it the right file?",
            ),
        )
        cards = read_cards(decode_text(data, translate("exchange", "a vCard file")).text)
    except ExchangeError as exc:
        log.info("%s was not imported: %s", path, exc)
        raise
    log.info("%s: %d cards, %d not readable", path, len(cards.cards), len(cards.bad))
    return cards


def people() -> list[Person]:
    """Everyone the app has, as cards are compared with them."""
    with reading():
        rows = db.execute_sql(
            "SELECT id, name, title, company, email, phone, linkedin_url, notes "
            "FROM contact ORDER BY id"
        ).fetchall()
    return [Person(*row) for row in rows]


@dataclass
class CardImportReport:
    added: int = 0
    updated: int = 0


_COLUMNS = frozenset({"title", "company", "email", "phone", "linkedin_url", "notes"})


def import_cards(planned: Sequence[PlannedCard], now: datetime) -> CardImportReport:
    """Write the planned cards in one transaction: nothing is changed on a failure."""
    report = CardImportReport()
    stamp = to_db_instant(now)
    with writing():
        connection = db.connection()
        for plan in planned:
            card = plan.card
            if plan.outcome is CardOutcome.NEW:
                connection.execute(
                    "INSERT INTO contact (name, title, company, email, phone, linkedin_url, "
                    "preferred_method, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                    (
                        card.name,
                        card.title,
                        card.company,
                        card.email,
                        card.phone,
                        card.linkedin_url,
                        card.notes,
                        stamp,
                    ),
                )
                report.added += 1
            elif plan.outcome is CardOutcome.ADDS and plan.person is not None:
                values = updated(plan.person, card, plan.adds)
                columns = [name for name in values if name in _COLUMNS]
                connection.execute(
                    f"UPDATE contact SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                    (*(values[c] for c in columns), plan.person.id),
                )
                report.updated += 1
    log.info("imported from vCards: %s", report)
    return report


# -- out -----------------------------------------------------------------------------------

_ROLE_WORDS = {
    "interviewer": "Interviewer",
    "recruiter": "Recruiter",
    "hiring_manager": "Hiring manager",
    "referrer": "Referrer / network",
    "reference": "Reference",
}


def _role_word(role: str) -> str:
    return translate("contacts", _ROLE_WORDS[role]) if role in _ROLE_WORDS else role


def _roles_by_person() -> dict[int, list[str]]:
    """What each person is in the search, one line each: their part in each application's
    interviews, as a reference for one, and their roles."""
    lines: dict[int, list[str]] = {}

    def add(person_id: int, line: str) -> None:
        found = lines.setdefault(person_id, [])
        if line not in found:
            found.append(line)

    for person_id, role, company, title in db.execute_sql(
        "SELECT p.contact_id, p.role, a.company, a.role_title FROM interview_participant p "
        "JOIN interview i ON i.id = p.interview_id JOIN application a ON a.id = i.application_id "
        "ORDER BY i.starts_at, p.id"
    ):
        add(
            person_id,
            translate("exchange", "{role} at {application}").format(
                role=_role_word(role), application=application_title(company, title)
            ),
        )
    for person_id, kind, company, title in db.execute_sql(
        "SELECT r.contact_id, r.kind, a.company, a.role_title FROM application_reference r "
        "JOIN application a ON a.id = r.application_id ORDER BY r.id"
    ):
        words = (
            translate("exchange", "Reference for {application}")
            if kind == "reference"
            else translate("exchange", "Network contact for {application}")
        )
        add(person_id, words.format(application=application_title(company, title)))
    for person_id, role in db.execute_sql(
        "SELECT contact_id, role FROM contact_role ORDER BY contact_id, role"
    ):
        word = _role_word(role)
        if not any(line.startswith(word) for line in lines.get(person_id, [])):
            add(person_id, word)
    return lines


def people_out() -> list[PersonOut]:
    """Everyone, with their roles (one read transaction)."""
    with reading():
        rows = db.execute_sql(
            "SELECT id, name, title, company, email, phone, linkedin_url, notes "
            "FROM contact ORDER BY name COLLATE NOCASE, id"
        ).fetchall()
        roles = _roles_by_person()
    return [
        PersonOut(
            name=row[1],
            title=row[2],
            company=row[3],
            email=row[4],
            phone=row[5],
            linkedin_url=row[6],
            notes=row[7],
            roles=tuple(roles.get(row[0], ())),
        )
        for row in rows
    ]


def export_vcards(path: Path) -> int:
    """Everyone in the bound database, as cards in ``path``; how many."""
    everyone = people_out()
    text = cards_text(everyone)
    save_file(path, lambda stream: stream.write(text))
    return len(everyone)
