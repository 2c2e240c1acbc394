"""Applications and people out as CSV that a spreadsheet opens safely.

- UTF-8 with a byte-order mark, so that Excel reads accents and other scripts right;
  lines end with CR LF, values are quoted where they need it (RFC 4180).
- A value that starts like a formula (``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return) gets a single quote before it, so a spreadsheet shows it as text instead of
  running it (OWASP, "CSV Injection"); Follow-Through's own import takes that quote off.
- Days are ISO (2026-11-20): every spreadsheet reads them, in every language.
- Column names and stage names are in English whatever the app's language, so that a
  file reads back the same anywhere (Follow-Through's import knows them).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from followthrough.domain.contacts import ContactMethod
from followthrough.domain.stages import REASON_LABELS, STAGE_LABELS, ClosureReason, Stage

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

APPLICATION_HEADERS = (
    "Company",
    "Role",
    "Status",
    "Date applied",
    "Closed on",
    "Why it closed",
    "Location",
    "Source",
    "URL",
    "Notes",
    "Added on",
)
CONTACT_HEADERS = (
    "Name",
    "Title",
    "Company",
    "E-mail",
    "Phone",
    "LinkedIn",
    "Prefers",
    "Roles",
    "Notes",
    "Added on",
)
_METHODS = {
    ContactMethod.PHONE: "phone",
    ContactMethod.EMAIL: "e-mail",
    ContactMethod.EITHER: "either",
}
_ROLES = {
    "interviewer": "Interviewer",
    "recruiter": "Recruiter",
    "hiring_manager": "Hiring manager",
    "referrer": "Referrer",
    "reference": "Reference",
}
_ROWS_PER_CHUNK = 500


def spreadsheet_safe(value: str) -> str:
    """``value`` as a spreadsheet shows it as text: a quote before a formula's start."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def day_text(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def stage_text(stage: str) -> str:
    try:
        return STAGE_LABELS[Stage(stage)]
    except ValueError:
        return stage


def reason_text(reason: str | None) -> str:
    if not reason:
        return ""
    try:
        return REASON_LABELS[ClosureReason(reason)]
    except ValueError:
        return reason


def method_text(method: str | None) -> str:
    return _METHODS.get(ContactMethod(method), "") if method in set(ContactMethod) else ""


def roles_text(roles: Iterable[str]) -> str:
    return ", ".join(_ROLES.get(role, role) for role in roles)


def csv_chunks(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> Iterator[str]:
    """The file's text in pieces: the byte-order mark and the header first, then the
    rows, every value made spreadsheet-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    yield codecs.BOM_UTF8.decode("utf-8") + buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    for count, row in enumerate(rows, start=1):
        writer.writerow([spreadsheet_safe(value) for value in row])
        if count % _ROWS_PER_CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()
