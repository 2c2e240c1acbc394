"""Checks on what the user typed, with messages meant for them."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

from followthrough.domain.wording import translate

# The longest text each one-line field takes, in characters: far beyond any real name,
# short enough that a window showing it stays usable. Forms hold their fields to these
# (setMaxLength) and the store refuses longer text.
COMPANY_LIMIT = 120
ROLE_LIMIT = 150
NAME_LIMIT = 120  # a person's name
LOCATION_LIMIT = 150
LINE_LIMIT = 200  # any other one-line field: a title, a source, how they know you
PHONE_LIMIT = 40
EMAIL_LIMIT = 254  # what mail servers take
URL_LIMIT = 2000


def length_problem(text: str, limit: int, what: str) -> str | None:
    """Why ``text`` is too long for its field, naming the field (``what``, already
    translated: "The company name") and the limit; None when it fits."""
    length = len(text.strip())
    if length <= limit:
        return None
    return translate(
        "validation", "{what} can be at most {limit} characters long (this one has {length})."
    ).format(what=what, limit=f"{limit:,}", length=f"{length:,}")


# Digits with the usual separators (any kind of space: a non-breaking one, a tab), then an
# extension: "+49 (30) 1234-567 ext. 89"; then perhaps a note, in brackets or after a comma,
# with a word in it: "+1 555 123 4567 (mobile)", "030 1234567, office".
_PHONE = re.compile(
    r"(?P<number>[0-9+\-()./\s]+?(?:\s*(?:ext\.?|extension|x)\s*[0-9]+)?)"
    r"\s*(?:\((?=[^()]*[^\W\d_])[^()]*\)|,(?=.*[^\W\d_]).*)?",
    re.IGNORECASE | re.DOTALL,
)
# Fewer digits than this cannot be a number anyone can call.
PHONE_DIGITS = 3


def phone_problem(text: str) -> str | None:
    """Why ``text`` is not a phone number, or None when it can be one (or is empty):
    digits, spaces, + - ( ) . / and an extension ("ext 12", "x12"), a few digits at least,
    and a note after it in brackets or after a comma ("(mobile)", ", office")."""
    value = text.strip()
    if not value:
        return None
    too_long = length_problem(value, PHONE_LIMIT, translate("validation", "A phone number"))
    if too_long:
        return too_long
    match = _PHONE.fullmatch(value)
    if match is None or sum(c.isdigit() for c in match["number"]) < PHONE_DIGITS:
        return translate(
            "validation",
            "This does not look like a phone number: use digits, spaces and + - ( ) . /, "
            "with an extension as “ext. 12” and a note as “(mobile)” or “, office”.",
        )
    return None


def url_problem(text: str) -> str | None:
    """Why ``text`` is not a usable web address, or None when it is (or is empty)."""
    value = text.strip()
    if not value:
        return None
    too_long = length_problem(value, URL_LIMIT, translate("validation", "A web address"))
    if too_long:
        return too_long
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
    too_long = length_problem(value, EMAIL_LIMIT, translate("validation", "An e-mail address"))
    if too_long:
        return too_long
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


def latest_today(now: datetime) -> date:
    """The latest date anywhere on Earth at ``now`` (UTC+14): a day after it is in the
    future for everybody, whatever their zone (the store checks days with it, as it does
    not know the user's zone; the forms check with the user's own today)."""
    return now.astimezone(timezone(timedelta(hours=14))).date()


def applied_on_problem(day: date | None, today: date | None) -> str | None:
    """Why ``day`` cannot be the day the user applied: outside the days the app takes, or
    still ahead of ``today`` (not checked when ``today`` is None)."""
    out_of_range = day_problem(day, translate("validation", "The day you applied"))
    if out_of_range or day is None or today is None or day <= today:
        return out_of_range
    return translate(
        "validation", "The day you applied cannot be in the future: choose today or earlier."
    )


def application_problems(
    company: str,
    posting_url: str,
    applied_on: date | None = None,
    *,
    role_title: str = "",
    location: str = "",
    source: str = "",
    today: date | None = None,
) -> dict[str, str]:
    """Field name -> message, for every field that cannot be saved as typed (``today``:
    refuse an applied-on day after it)."""
    checks = {
        "company": (
            translate("validation", "Enter the company's name.")
            if not company.strip()
            else length_problem(company, COMPANY_LIMIT, translate("validation", "The company name"))
        ),
        "role_title": length_problem(role_title, ROLE_LIMIT, translate("validation", "The role")),
        "posting_url": url_problem(posting_url),
        "location": length_problem(
            location, LOCATION_LIMIT, translate("validation", "The location")
        ),
        "source": length_problem(source, LINE_LIMIT, translate("validation", "The source")),
        "applied_on": applied_on_problem(applied_on, today),
    }
    return {name: message for name, message in checks.items() if message}
