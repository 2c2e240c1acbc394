"""How people and their roles are named on screen."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from followthrough.domain.contacts import ContactRoleKind
from followthrough.store.contacts import ContactCard

# Marked here, translated where shown (role_label); Qt types a marked text as object.
ROLE_LABELS: dict[str, object] = {
    ContactRoleKind.INTERVIEWER: QT_TRANSLATE_NOOP("contacts", "Interviewer"),
    ContactRoleKind.RECRUITER: QT_TRANSLATE_NOOP("contacts", "Recruiter"),
    ContactRoleKind.HIRING_MANAGER: QT_TRANSLATE_NOOP("contacts", "Hiring manager"),
    ContactRoleKind.REFERRER: QT_TRANSLATE_NOOP("contacts", "Referrer / network"),
    ContactRoleKind.REFERENCE: QT_TRANSLATE_NOOP("contacts", "Reference"),
}


def role_label(role: str) -> str:
    """The role in the user's language (an unknown stored value as it is)."""
    label = ROLE_LABELS.get(role)
    return QCoreApplication.translate("contacts", str(label)) if label else role


def person_label(person: ContactCard, *, with_company: bool = True) -> str:
    """``Dana Lee (Head of Data, Acme)``: the name, then the title and company known.
    Without the company where every choice works at the same one (the call sheet)."""
    extra = ", ".join(x for x in (person.title, person.company if with_company else "") if x)
    return f"{person.name} ({extra})" if extra else person.name
