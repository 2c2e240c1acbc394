"""Which of a spreadsheet's columns is the company, and what its statuses mean.

Guessed from the column names that Huntr's and Teal's exports and hand-made trackers
use ("Company", "companyName", "Employer", "Job Title", "Position", "listName",
"Status", "Date Applied", "Job URL", …), and from the status words they write
("Wishlist", "Bookmarked", "Applied", "Interviewing", "Offer", "I Withdrew", "Not
Selected", "Ghosted", …). The person sees each guess and can change it.

Jobs saved but not applied to yet (wishlist, bookmarked, saved, applying) have no place
among the app's stages — every one of them starts at *Applied* and is followed up — so
their rows are left out unless the person asks to bring them in as applied.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from enum import StrEnum

from followthrough.domain.contacts import ContactRoleKind
from followthrough.domain.stages import Stage
from followthrough.domain.wording import QT_TRANSLATE_NOOP, translate


class CsvField(StrEnum):
    """Where a column's values go."""

    IGNORE = "ignore"
    COMPANY = "company"
    ROLE = "role_title"
    STAGE = "stage"
    APPLIED_ON = "applied_on"
    POSTING_URL = "posting_url"
    LOCATION = "location"
    SOURCE = "source"
    NOTES = "notes"
    # "Salary: 90k" added to the notes: several columns may go there.
    TO_NOTES = "to_notes"
    CONTACT_NAME = "contact_name"
    CONTACT_EMAIL = "contact_email"
    CONTACT_PHONE = "contact_phone"

    @property
    def label(self) -> str:
        return translate("exchange", FIELD_LABELS[self])


FIELD_LABELS: dict[CsvField, str] = {
    CsvField.IGNORE: QT_TRANSLATE_NOOP("exchange", "(ignore this column)"),
    CsvField.COMPANY: QT_TRANSLATE_NOOP("exchange", "Company"),
    CsvField.ROLE: QT_TRANSLATE_NOOP("exchange", "Role"),
    CsvField.STAGE: QT_TRANSLATE_NOOP("exchange", "Stage (status)"),
    CsvField.APPLIED_ON: QT_TRANSLATE_NOOP("exchange", "Day you applied"),
    CsvField.POSTING_URL: QT_TRANSLATE_NOOP("exchange", "Link to the posting"),
    CsvField.LOCATION: QT_TRANSLATE_NOOP("exchange", "Location"),
    CsvField.SOURCE: QT_TRANSLATE_NOOP("exchange", "Where you found it"),
    CsvField.NOTES: QT_TRANSLATE_NOOP("exchange", "Notes"),
    CsvField.TO_NOTES: QT_TRANSLATE_NOOP("exchange", "Add to the notes, with its name"),
    CsvField.CONTACT_NAME: QT_TRANSLATE_NOOP("exchange", "Contact's name"),
    CsvField.CONTACT_EMAIL: QT_TRANSLATE_NOOP("exchange", "Contact's e-mail"),
    CsvField.CONTACT_PHONE: QT_TRANSLATE_NOOP("exchange", "Contact's phone"),
}

# Column names as compared: letters and digits only, case aside ("Job URL" = "job_url").
_NOT_WORD = re.compile(r"[\W_]+")


def header_key(name: str) -> str:
    return _NOT_WORD.sub("", name.casefold())


def _keys(*names: str) -> frozenset[str]:
    return frozenset(header_key(name) for name in names)


# The names each field is guessed from, best first: a field takes the first column
# whose name is in its first set, else in its second, and so on.
_GUESSES: tuple[tuple[CsvField, tuple[frozenset[str], ...]], ...] = (
    (
        CsvField.COMPANY,
        (
            _keys("company", "company name", "companyName", "employer", "employer name"),
            _keys("organisation", "organization", "business", "firm", "companies"),
        ),
    ),
    (
        CsvField.ROLE,
        (
            _keys("job title", "role", "position", "job position", "role title", "jobTitle"),
            _keys("title", "job", "position title", "vacancy", "job name", "opening"),
        ),
    ),
    (
        CsvField.STAGE,
        (
            _keys("status", "stage", "application status", "listName", "state"),
            _keys("list", "pipeline", "progress", "outcome"),
        ),
    ),
    (
        CsvField.APPLIED_ON,
        (
            _keys("date applied", "applied", "applied on", "application date", "applied date"),
            _keys("date", "applied at", "submitted", "date submitted", "sent"),
            # Huntr and Teal: when the job was saved, the nearest thing to it.
            _keys("createdAt", "date added", "date saved", "created", "added", "added on"),
        ),
    ),
    (
        CsvField.POSTING_URL,
        (
            _keys("url", "job url", "posting url", "link", "job link", "posting", "job posting"),
            _keys("listing", "listing url", "ad", "job ad", "website", "apply url"),
        ),
    ),
    (CsvField.LOCATION, (_keys("location", "city", "place", "where", "job location", "office"),)),
    (
        CsvField.SOURCE,
        (_keys("source", "found via", "found on", "via", "job board", "channel", "platform"),),
    ),
    (CsvField.NOTES, (_keys("notes", "note", "comments", "comment", "remarks"),)),
    (
        CsvField.CONTACT_NAME,
        (
            _keys("contact", "contact name", "contact person", "recruiter", "recruiter name"),
            _keys(
                "hiring manager",
                "hiring manager name",
                "referrer",
                "referred by",
                "point of contact",
            ),
        ),
    ),
    (
        CsvField.CONTACT_EMAIL,
        (
            _keys("contact email", "contact e-mail", "recruiter email", "email", "e-mail"),
            _keys("hiring manager email", "mail"),
        ),
    ),
    (
        CsvField.CONTACT_PHONE,
        (_keys("contact phone", "recruiter phone", "phone", "telephone", "phone number"),),
    ),
)
# Columns worth keeping in the notes: the pay, a deadline, how keen one is.
_TO_NOTES = _keys(
    "salary",
    "min salary",
    "max salary",
    "salary range",
    "pay",
    "compensation",
    "deadline",
    "excitement",
    "follow up",
    "next step",
    "next steps",
    "job type",
    "remote",
    "priority",
)


# The role a row's contact has in the search, by the name of the column naming them; any
# other name ("Contact", "Point of contact") is taken as the recruiter's, the person a
# tracker most often notes for an application.
_CONTACT_ROLES = (
    ("referr", ContactRoleKind.REFERRER),
    ("hiringmanager", ContactRoleKind.HIRING_MANAGER),
)


def contact_role(header: str) -> ContactRoleKind:
    """What the contact in a column named ``header`` is to the search."""
    key = header_key(header)
    return next((role for part, role in _CONTACT_ROLES if part in key), ContactRoleKind.RECRUITER)


def guess_columns(headers: Sequence[str]) -> list[CsvField]:
    """A field for each column, from its name: each field once at most (the best named
    column takes it); several may go to the notes; the rest are ignored."""
    keys = [header_key(name) for name in headers]
    guessed = [CsvField.IGNORE] * len(headers)
    for target, levels in _GUESSES:
        for names in levels:
            found = next(
                (i for i, key in enumerate(keys) if key in names and guessed[i] is CsvField.IGNORE),
                None,
            )
            if found is not None:
                guessed[found] = target
                break
    for i, key in enumerate(keys):
        if guessed[i] is CsvField.IGNORE and key in _TO_NOTES:
            guessed[i] = CsvField.TO_NOTES
    return guessed


# -- statuses ------------------------------------------------------------------------------


class NotApplied(StrEnum):
    """A status that is no stage: the job was saved, not applied to."""

    SKIP = "not_applied"


StageChoice = Stage | NotApplied

_STATUS_WORDS: dict[StageChoice, tuple[str, ...]] = {
    NotApplied.SKIP: (
        "wishlist",
        "wish list",
        "saved",
        "bookmarked",
        "bookmark",
        "interested",
        "to apply",
        "applying",
        "not applied",
        "not yet applied",
        "draft",
        "planned",
        "prospect",
        "considering",
        "researching",
    ),
    Stage.APPLIED: (
        "applied",
        "application sent",
        "submitted",
        "sent",
        "pending",
        "in review",
        "under review",
        "in progress",
        "waiting",
        "awaiting response",
        "active",
        "open",
    ),
    Stage.INTERVIEWING: (
        "interview",
        "interviewing",
        "interviews",
        "interviewed",
        "phone screen",
        "screening",
        "screen",
        "first interview",
        "second interview",
        "final interview",
        "final round",
        "onsite",
        "on site",
        "technical interview",
        "assessment",
        "take home",
        "interview scheduled",
        "in interview",
        "in process",
    ),
    Stage.REFERENCE_CHECK: ("reference check", "references", "background check"),
    Stage.OFFER: ("offer", "offered", "offer received", "negotiating", "negotiation"),
    Stage.ACCEPTED: ("accepted", "hired", "offer accepted", "signed", "job accepted"),
    Stage.REJECTED: (
        "rejected",
        "rejection",
        "not selected",
        "turned down",
        "unsuccessful",
        "no offer",
        "not moving forward",
        "denied",
        "declined by employer",
        "they declined",
    ),
    Stage.WITHDRAWN: (
        "withdrawn",
        "withdrew",
        "i withdrew",
        "offer declined",
        "declined offer",
        "i declined",
        "not interested anymore",
        "no longer interested",
    ),
    Stage.NO_RESPONSE: (
        "no response",
        "ghosted",
        "no reply",
        "no answer",
        "no news",
        "unresponsive",
        "never heard back",
    ),
    Stage.FILLED: (
        "filled",
        "position filled",
        "filled by someone else",
        "job closed",
        "posting closed",
        "closed by employer",
    ),
}
_NOT_LETTERS = re.compile(r"[^\w]+|_+|\d+")


def status_key(text: str) -> str:
    """A status as compared: its words only, case, emoji and punctuation aside."""
    return " ".join(_NOT_LETTERS.sub(" ", text.casefold()).split())


_BY_WORDS: dict[str, StageChoice] = {
    status_key(word): choice for choice, words in _STATUS_WORDS.items() for word in words
}


def guess_stage(status: str) -> StageChoice | None:
    """The stage a status word means; None when it is not known (the person chooses).
    An empty status is *Applied*."""
    key = status_key(status)
    if not key:
        return Stage.APPLIED
    return _BY_WORDS.get(key)


def distinct_statuses(values: Iterable[str]) -> dict[str, tuple[str, int]]:
    """Each different status in a column (by ``status_key``): as first written, and how
    many rows have it; in the order met."""
    found: dict[str, tuple[str, int]] = {}
    for value in values:
        key = status_key(value)
        if not key:
            continue
        shown, count = found.get(key, (value.strip(), 0))
        found[key] = (shown, count + 1)
    return found
