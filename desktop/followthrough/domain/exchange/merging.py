"""Matching a file's records with those already in a folder (``followthrough import
--merge``), and the ids inside the words that name things.

People match by e-mail address, else by full name (not when both have an address and the
addresses differ); applications by company and role title. Names and titles are compared
as a person reads them: case and runs of spaces aside. Each record in the folder is
matched once per import, in the order of ids, so that merging the same file again adds
nothing. A company already in the folder keeps the folder's spelling.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from followthrough.domain.rejection import StepKind
from followthrough.domain.reminder_kinds import Feature, SubjectKey

# (the kind of object, its id in the file) -> its id in the folder; None: not there.
Remap = Callable[[str, int], int | None]

# What each id of a reminder's subject names, by the subject's feature (None: a number
# that is no id, such as a follow-up's attempt). Every feature's subject is listed here
# (tests/unit/domain/test_exchange.py checks each registered kind's feature is).
SUBJECT_IDS: dict[str, tuple[str | None, ...]] = {
    Feature.FOLLOW_UP.value: ("application", "interview", None),
    Feature.NOTE.value: ("interview", "person"),
    Feature.REFERENCE.value: ("reference",),
    Feature.REJECTION.value: ("application",),
    "debrief": ("interview", None),
    "offer": ("application", None),
    "prep": ("interview",),
}
# Playbook steps and checklist items that name someone: "connect:7", "person:7".
STEP_IDS = {StepKind.CONNECT.value: "person", StepKind.TELL_REFERENCE.value: "reference"}
CHECKLIST_IDS = {"person": "person"}


def match_text(text: str) -> str:
    """A name or title as compared: case and spacing aside."""
    return " ".join(text.split()).casefold()


def remap_subject(subject: str, remap: Remap) -> str | None:
    """A reminder's subject with the folder's ids; None when it names something that is
    not there or a feature this version does not know (the reminder is then left out,
    and planned afresh if its subject stands)."""
    key = SubjectKey.parse(subject)
    names = SUBJECT_IDS.get(key.feature) if key is not None else None
    if key is None or names is None or len(key.ids) > len(names):
        return None
    ids: list[int] = []
    for name, value in zip(names, key.ids, strict=False):
        new = value if name is None else remap(name, value)
        if new is None:
            return None
        ids.append(new)
    return str(SubjectKey(key.feature, tuple(ids)))


def remap_tagged(text: str, tags: dict[str, str], remap: Remap) -> str | None:
    """ "connect:7" with the folder's id for person 7; text without such a tag as it is;
    None when it names something that is not there."""
    tag, colon, rest = text.partition(":")
    if not colon or tag not in tags or not (rest.isascii() and rest.isdigit()):
        return text
    new = remap(tags[tag], int(rest))
    return None if new is None else f"{tag}:{new}"


@dataclass
class _Claims:
    """Ids found for a file's records: each record in the folder is found once per
    import (two people of the same name in the file are two people)."""

    claimed: set[int] = field(default_factory=set)

    def first_free(self, candidates: Iterable[int]) -> int | None:
        for candidate in candidates:
            if candidate not in self.claimed:
                self.claimed.add(candidate)
                return candidate
        return None


@dataclass
class PeopleIndex:
    """The people in a folder, to find a file's person among them."""

    by_email: dict[str, list[int]] = field(default_factory=dict)
    by_name: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    claims: _Claims = field(default_factory=_Claims)

    @classmethod
    def of(cls, people: Iterable[tuple[int, str, str]]) -> PeopleIndex:
        """``people``: (id, name, e-mail address)."""
        index = cls()
        for person_id, name, email in people:
            address = match_text(email)
            if address:
                index.by_email.setdefault(address, []).append(person_id)
            index.by_name.setdefault(match_text(name), []).append((person_id, address))
        return index

    def find(self, name: str, email: str) -> int | None:
        """The folder's id of the person, claimed; None for someone new."""
        address = match_text(email)
        found = self.claims.first_free(self.by_email.get(address, ())) if address else None
        if found is not None:
            return found
        return self.claims.first_free(
            person_id
            for person_id, theirs in self.by_name.get(match_text(name), ())
            if not (address and theirs and address != theirs)
        )


@dataclass
class ApplicationIndex:
    """The applications in a folder by company and role, and each company's spelling."""

    by_title: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    spelling: dict[str, str] = field(default_factory=dict)
    claims: _Claims = field(default_factory=_Claims)

    @classmethod
    def of(cls, applications: Iterable[tuple[int, str, str]]) -> ApplicationIndex:
        """``applications``: (id, company, role title)."""
        index = cls()
        for application_id, company, role in applications:
            key = (match_text(company), match_text(role))
            index.by_title.setdefault(key, []).append(application_id)
            index.spelling.setdefault(match_text(company), company)
        return index

    def find(self, company: str, role: str) -> int | None:
        """The folder's id of the application, claimed; None for a new one."""
        key = (match_text(company), match_text(role))
        return self.claims.first_free(self.by_title.get(key, ()))

    def company(self, company: str) -> str:
        """``company`` as the folder already spells it, if it knows it."""
        return self.spelling.get(match_text(company), company)

    def add_spelling(self, companies: Iterable[str]) -> None:
        """Companies known from elsewhere (the people's), after the applications'."""
        for company in companies:
            if company.strip():
                self.spelling.setdefault(match_text(company), company)
