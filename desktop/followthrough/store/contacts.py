"""People: saving a contact with its roles, and a person's history across applications."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from followthrough.domain.clock import Clock
from followthrough.domain.contacts import ContactMethod, ContactRoleKind, method_message
from followthrough.domain.errors import UserError
from followthrough.domain.validation import (
    COMPANY_LIMIT,
    LINE_LIMIT,
    NAME_LIMIT,
    email_problem,
    length_problem,
    phone_problem,
    url_problem,
)
from followthrough.domain.wording import translate
from followthrough.store.models import (
    Application,
    Contact,
    ContactRole,
    Interview,
    InterviewParticipant,
    ReferenceProfile,
    db,
    rows_of,
)
from followthrough.store.transactions import writes, writing


@dataclass(frozen=True)
class ContactFields:
    name: str
    title: str = ""
    company: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    preferred_method: str | None = None
    notes: str = ""
    roles: frozenset[str] = frozenset()
    # As a reference: how they know the user, what they can speak to, when they agreed.
    relationship: str = ""
    speaks_to: str = ""
    consent_on: date | None = None


class ContactError(UserError):
    """The contact cannot be saved as entered; the message is for the user."""


@dataclass(frozen=True)
class ReferenceProfileFields:
    """What makes someone a good reference: how they know the user, what they can speak
    to, and when they agreed to be one."""

    relationship: str = ""
    speaks_to: str = ""
    consent_on: date | None = None


def reference_profile(contact_id: int) -> ReferenceProfileFields:
    row = ReferenceProfile.get_or_none(ReferenceProfile.contact == contact_id)
    if row is None:
        return ReferenceProfileFields()
    return ReferenceProfileFields(row.relationship, row.speaks_to, row.consent_on)


@writes
def save_reference_profile(contact_id: int, fields: ReferenceProfileFields, clock: Clock) -> None:
    ReferenceProfile.insert(
        contact=contact_id,
        relationship=fields.relationship.strip(),
        speaks_to=fields.speaks_to.strip(),
        consent_on=fields.consent_on,
        updated_at=clock.now(),
    ).on_conflict_replace().execute()


def _length_problems(fields: ContactFields) -> dict[str, str]:
    """The one-line fields longer than their limits (domain.validation)."""
    checks = {
        "name": (fields.name, NAME_LIMIT, translate("contacts", "The name")),
        "title": (fields.title, LINE_LIMIT, translate("contacts", "The title")),
        "company": (fields.company, COMPANY_LIMIT, translate("contacts", "The company name")),
        "relationship": (
            fields.relationship,
            LINE_LIMIT,
            translate("contacts", "How they know you"),
        ),
    }
    problems = {}
    for name, (text, limit, what) in checks.items():
        message = length_problem(text, limit, what)
        if message:
            problems[name] = message
    return problems


def contact_problems(fields: ContactFields, stored_phone: str | None = None) -> dict[str, str]:
    """What keeps ``fields`` from being saved. A phone number as already stored
    (``stored_phone``, perhaps saved before today's rules) is not checked again."""
    problems = _length_problems(fields)
    if not fields.name.strip():
        problems["name"] = translate("contacts", "Enter the person's name.")
    unchanged = stored_phone is not None and fields.phone.strip() == stored_phone.strip()
    phone = None if unchanged else phone_problem(fields.phone)
    if phone:
        problems["phone"] = phone
    email = email_problem(fields.email)
    if email:
        problems["email"] = email
    link = url_problem(fields.linkedin_url)
    if link:
        problems["linkedin_url"] = link
    if fields.preferred_method is not None and fields.preferred_method not in set(ContactMethod):
        problems["preferred_method"] = method_message()
    unknown = fields.roles - set(ContactRoleKind)
    if unknown:
        problems["roles"] = translate("contacts", "Unknown roles: {roles}.").format(
            roles=", ".join(sorted(unknown))
        )
    return problems


def save_contact(fields: ContactFields, clock: Clock, contact_id: int | None = None) -> int:
    stored_phone = None
    if contact_id is not None:
        stored = Contact.select(Contact.phone).where(Contact.id == contact_id).first()
        stored_phone = stored.phone if stored is not None else None
    problems = contact_problems(fields, stored_phone)
    if problems:
        raise ContactError(" ".join(problems.values()))
    values = {
        "name": fields.name.strip(),
        "title": fields.title.strip(),
        "company": fields.company.strip(),
        "email": fields.email.strip(),
        "phone": fields.phone.strip(),
        "linkedin_url": fields.linkedin_url.strip(),
        "preferred_method": fields.preferred_method,
        "notes": fields.notes,
    }
    with writing():
        if contact_id is None:
            contact = Contact.create(created_at=clock.now(), **values)
        else:
            contact = Contact.get_by_id(contact_id)
            for name, value in values.items():
                setattr(contact, name, value)
            contact.save()
        ContactRole.delete().where(
            (ContactRole.contact == contact) & ContactRole.role.not_in(list(fields.roles))
        ).execute()
        for role in sorted(fields.roles):
            ContactRole.insert(contact=contact, role=role).on_conflict_ignore().execute()
        reference = ContactRoleKind.REFERENCE in fields.roles
        if reference or fields.relationship.strip() or fields.speaks_to.strip():
            save_reference_profile(
                contact.id,
                ReferenceProfileFields(fields.relationship, fields.speaks_to, fields.consent_on),
                clock,
            )
        return int(contact.id)


def load_contact(contact_id: int) -> ContactFields:
    contact = Contact.get_by_id(contact_id)
    roles = frozenset(r.role for r in ContactRole.select().where(ContactRole.contact == contact))
    profile = reference_profile(contact_id)
    return ContactFields(
        name=contact.name,
        title=contact.title,
        company=contact.company,
        email=contact.email,
        phone=contact.phone,
        linkedin_url=contact.linkedin_url,
        preferred_method=contact.preferred_method,
        notes=contact.notes,
        roles=roles,
        relationship=profile.relationship,
        speaks_to=profile.speaks_to,
        consent_on=profile.consent_on,
    )


@writes
def set_contact_email(contact_id: int, address: str) -> None:
    """The person's e-mail address as typed where a message to them is written (the
    note composer, a message to a reference), kept with the contact."""
    problem = email_problem(address)
    if problem:
        raise ContactError(problem)
    Contact.update(email=address.strip()).where(Contact.id == contact_id).execute()


@writes
def delete_contact(contact_id: int) -> None:
    """Removes the person and their places in interviews (interviews themselves stay)."""
    Contact.delete_by_id(contact_id)


@dataclass(frozen=True)
class HistoryLine:
    application_id: int
    company: str
    role_title: str
    interview_round: int
    starts_at: datetime
    role_in_interview: str


def contact_history(contact_id: int) -> list[HistoryLine]:
    query = (
        InterviewParticipant.select(
            Application.id,
            Application.company,
            Application.role_title,
            Interview.round,
            Interview.starts_at,
            InterviewParticipant.role,
        )
        .join(Interview)
        .join(Application)
        .where(InterviewParticipant.contact == contact_id)
        .order_by(Interview.starts_at.desc())
    )
    return [HistoryLine(*row) for row in rows_of(query)]


@dataclass(frozen=True, slots=True)
class ContactCard:
    """A person and the ways to reach them: what a picker, the call sheet, an
    application's people and the reference pool show of everyone (those add their own
    columns by extending it)."""

    contact_id: int
    name: str
    title: str
    company: str
    email: str
    phone: str
    preferred_method: str | None  # a ContactMethod value; None: not known


# A ContactCard's columns, in its order, for raw queries (``c`` is the contact table).
CARD_COLUMNS = "c.id, c.name, c.title, c.company, c.email, c.phone, c.preferred_method"


def contact_card(contact: Contact) -> ContactCard:
    return ContactCard(
        contact.id,
        contact.name,
        contact.title,
        contact.company,
        contact.email,
        contact.phone,
        contact.preferred_method,
    )


def contact_choices() -> list[ContactCard]:
    query = Contact.select(
        Contact.id,
        Contact.name,
        Contact.title,
        Contact.company,
        Contact.email,
        Contact.phone,
        Contact.preferred_method,
    ).order_by(Contact.name.collate("NOCASE"), Contact.id)
    return [ContactCard(*row) for row in rows_of(query)]


_CONTACT_LIST_SQL = f"""
SELECT {CARD_COLUMNS},
       (SELECT group_concat(r.role, ',') FROM contact_role r WHERE r.contact_id = c.id)
FROM contact c ORDER BY c.id
"""

# id, name, title, company, email, phone, preferred method, roles (sorted)
ContactListRow = tuple[int, str, str, str, str, str, str | None, list[str]]


def contact_list() -> list[ContactListRow]:
    """Every person as plain values with their roles (raw rows: 50,000 people load fast)."""
    return [
        (
            cid,
            name,
            title,
            company,
            email,
            phone,
            method,
            sorted(filter(None, (roles or "").split(","))),
        )
        for cid, name, title, company, email, phone, method, roles in db.execute_sql(
            _CONTACT_LIST_SQL
        )
    ]
