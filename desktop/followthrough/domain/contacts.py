"""People: how they like to be reached, and what they are to the user's search.

One enum per concept, stored by value (the ``contact.preferred_method``,
``interview.check_back_method`` and ``contact_role.role`` columns hold these strings).
"""

from __future__ import annotations

from enum import StrEnum


class ContactMethod(StrEnum):
    """How someone prefers to be reached, or how they said to check back."""

    PHONE = "phone"
    EMAIL = "email"
    EITHER = "either"


METHOD_MESSAGE = "Choose phone, e-mail or either."


class ContactRoleKind(StrEnum):
    """What someone is to the search: a contact may have several of these roles, and has
    one of them in each interview they took part in."""

    INTERVIEWER = "interviewer"
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    REFERRER = "referrer"
    REFERENCE = "reference"
