"""How people, their roles and how they like to be reached are named on screen."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from followthrough.domain.contacts import ContactMethod, ContactRoleKind
from followthrough.store.contacts import ContactCard
from followthrough.ui.common.text import capitalised

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


# How someone prefers to be reached (None: not known yet), as a word: "Prefers: email" on
# an application's people; standing alone (the contacts list, a picker) it is capitalised.
_METHOD_WORDS: dict[str | None, object] = {
    ContactMethod.PHONE: QT_TRANSLATE_NOOP("contacts", "phone"),
    ContactMethod.EMAIL: QT_TRANSLATE_NOOP("contacts", "email"),
    ContactMethod.EITHER: QT_TRANSLATE_NOOP("contacts", "either"),
    None: QT_TRANSLATE_NOOP("contacts", "not known"),
}
# The same inside a sentence: "prefers phone or e-mail", "check back by e-mail".
_METHOD_PHRASES: dict[str | None, object] = {
    ContactMethod.PHONE: QT_TRANSLATE_NOOP("contacts", "phone"),
    ContactMethod.EMAIL: QT_TRANSLATE_NOOP("contacts", "e-mail"),
    ContactMethod.EITHER: QT_TRANSLATE_NOOP("contacts", "phone or e-mail"),
}


def _contacts_text(table: dict[str | None, object], method: str | None) -> str:
    text = table.get(method)
    return QCoreApplication.translate("contacts", str(text)) if text else ""


def method_word(method: str | None) -> str:
    """``email``: a ContactMethod value in the user's language ("not known" for None, ""
    for a value this version does not know)."""
    return _contacts_text(_METHOD_WORDS, method)


def method_label(method: str | None) -> str:
    """``Email``: the method standing alone, as in the contacts list."""
    return capitalised(method_word(method))


def method_phrase(method: str | None) -> str:
    """``phone or e-mail``: the method inside a sentence ("" when not known)."""
    return _contacts_text(_METHOD_PHRASES, method)


def method_choices() -> list[tuple[str, str | None]]:
    """What a method picker offers: (label, ContactMethod value), "not known yet" first."""
    return [
        (QCoreApplication.translate("contacts", "Not known yet"), None),
        *((method_label(method), method.value) for method in ContactMethod),
    ]


def person_label(person: ContactCard, *, with_company: bool = True) -> str:
    """``Dana Lee (Head of Data, Acme)``: the name, then the title and company known.
    Without the company where every choice works at the same one (the call sheet)."""
    extra = ", ".join(x for x in (person.title, person.company if with_company else "") if x)
    return f"{person.name} ({extra})" if extra else person.name
