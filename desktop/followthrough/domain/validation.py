"""Checks on what the user typed, with messages meant for them."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

from followthrough.domain.wording import translate


def url_problem(text: str) -> str | None:
    """Why ``text`` is not a usable web address, or None when it is (or is empty)."""
    value = text.strip()
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        return translate("validation", "Web addresses start with http:// or https://.")
    if not parts.netloc or "." not in parts.netloc or " " in value:
        return translate("validation", "This does not look like a complete web address.")
    return None


def email_problem(text: str) -> str | None:
    """Why ``text`` is not a usable e-mail address, or None when it is (or is empty)."""
    value = text.strip()
    if not value:
        return None
    local, at, domain = value.partition("@")
    labels = domain.split(".")
    if (
        not at
        or not local
        or "@" in domain  # a doubled or second @
        or len(labels) < 2
        or not all(labels)  # an empty part: "acme..com", ".acme.com", "acme.com."
        or any(c.isspace() or c in ",;<>" for c in value)
    ):
        return translate(
            "validation", "This does not look like an e-mail address (name@example.com)."
        )
    return None


# Days the app accepts: anything outside is a typing mistake (a year 0026 or 20260).
EARLIEST_DAY = date(1970, 1, 1)
LATEST_DAY = date(2200, 12, 31)


def day_problem(day: date | None, what: str | None = None) -> str | None:
    """Why ``day`` cannot be right, in a sentence; None if it can. ``what`` names the day
    as the sentence's subject ("The interview day"), already translated; "The date" when
    not given."""
    if day is None or EARLIEST_DAY <= day <= LATEST_DAY:
        return None
    return translate("validation", "{what} must lie between {earliest} and {latest}.").format(
        what=what if what is not None else translate("validation", "The date"),
        earliest=EARLIEST_DAY.year,
        latest=LATEST_DAY.year,
    )


def application_problems(
    company: str, posting_url: str, applied_on: date | None = None
) -> dict[str, str]:
    """Field name -> message, for every field that cannot be saved as typed."""
    problems: dict[str, str] = {}
    if not company.strip():
        problems["company"] = translate("validation", "Enter the company's name.")
    applied_message = day_problem(applied_on, translate("validation", "The day you applied"))
    if applied_message:
        problems["applied_on"] = applied_message
    url_message = url_problem(posting_url)
    if url_message:
        problems["posting_url"] = url_message
    return problems
