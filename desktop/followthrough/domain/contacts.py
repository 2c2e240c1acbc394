"""People: how they like to be reached, and what they are to the user's search.

One enum per concept, stored by value (the ``contact.preferred_method``,
``interview.check_back_method`` and ``contact_role.role`` columns hold these strings).
"""

from __future__ import annotations

import re
from enum import StrEnum

from followthrough.domain.wording import QT_TRANSLATE_NOOP, translate


class ContactMethod(StrEnum):
    """How someone prefers to be reached, or how they said to check back."""

    PHONE = "phone"
    EMAIL = "email"
    EITHER = "either"


# Words that already say how to reach them ("any time by email", "call after Friday").
_A_WAY = re.compile(r"\b(e-?mails?|mail|phone|call|ring|text|message|linkedin)\b", re.IGNORECASE)


def names_a_way(words: str) -> bool:
    """Whether ``words`` (when to check back, as they said it) already name a way to reach
    them: then a method beside them would say it twice, or contradict it."""
    return bool(_A_WAY.search(words))


# Marked for translation; ``method_message()`` gives it in the user's language.
METHOD_MESSAGE = QT_TRANSLATE_NOOP("contacts", "Choose phone, e-mail or either.")


def method_message() -> str:
    """The refusal of an unknown contact method, translated."""
    return translate("contacts", METHOD_MESSAGE)


class ContactRoleKind(StrEnum):
    """What someone is to the search: a contact may have several of these roles, and has
    one of them in each interview they took part in."""

    INTERVIEWER = "interviewer"
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    REFERRER = "referrer"
    REFERENCE = "reference"
