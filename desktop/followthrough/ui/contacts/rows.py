"""The contacts list's rows (loaded in the background before the page is built)."""

from __future__ import annotations

from dataclasses import dataclass

from followthrough.store.contacts import ContactCard


@dataclass(frozen=True, slots=True)
class ContactRow(ContactCard):
    """A person in the contacts list, with their roles in the user's language."""

    roles: str
