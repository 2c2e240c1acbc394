"""Why a push or a connection test did not work, in plain words, and what the app does
about it: try again later (the server could not be reached), wait for the user (a wrong
password, a calendar that is not there), or ask for the password (no keyring).

A problem travels from the app's command to the window as its kind and a few facts
(``params``), and the window words it again in the user's language with
``problem_words``.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from followthrough.domain.wording import translate


class ProblemKind(StrEnum):
    NOT_SET_UP = "not-set-up"  # no server, user or calendar yet
    TURNED_OFF = "turned-off"  # sending is off in the settings
    NO_KEYRING = "no-keyring"  # no password store: the app asks for the password
    NO_PASSWORD = "no-password"  # the password store has none for this account
    WRONG_PASSWORD = "wrong-password"
    NO_CALENDAR = "no-calendar"
    UNREACHABLE = "unreachable"
    TLS = "tls"
    SERVER = "server"  # the server answered with an error


# Worth trying again by itself a little later: the network, the server's mood. A wrong
# password is not (servers lock accounts that keep trying), nor a missing calendar.
RETRIED = frozenset({ProblemKind.UNREACHABLE, ProblemKind.TLS, ProblemKind.SERVER})


class PushError(Exception):
    """``str()`` is one or two sentences for the user; ``kind`` says what it is and
    ``params`` holds the facts its words name (all text)."""

    def __init__(self, kind: ProblemKind, **params: str) -> None:
        super().__init__(problem_words(kind, params))
        self.kind = kind
        self.params = params

    @property
    def retried(self) -> bool:
        return self.kind in RETRIED


def _no_keyring(reason: str) -> str:
    text = translate(
        "calendar_push",
        "No password store (keyring) is available on this computer, so Follow-Through "
        "cannot keep your calendar password: it keeps it in memory while it runs and asks "
        "for it once after each start.",
    )
    return f"{text} ({reason})" if reason else text


def _no_calendar(calendar: str, found: str) -> str:
    if found:
        return translate(
            "calendar_push",
            "There is no calendar “{calendar}” on the server. The calendars there are: {names}.",
        ).format(calendar=calendar, names=found)
    return translate(
        "calendar_push",
        "There is no calendar “{calendar}” on the server, and no other calendar was found "
        "for this user: make one in your calendar app or on the server's web page first.",
    ).format(calendar=calendar)


def _unreachable(host: str, timed_out: bool) -> str:
    if timed_out:
        return translate(
            "calendar_push",
            "The calendar server {host} did not answer in time. Follow-Through tries again later.",
        ).format(host=host)
    return translate(
        "calendar_push",
        "The calendar server {host} could not be reached: this computer may be offline, or "
        "the address may be wrong. Follow-Through tries again later.",
    ).format(host=host)


def problem_words(kind: ProblemKind, params: Mapping[str, str]) -> str:
    """The problem in plain words, from its kind and facts."""
    host = params.get("host", "")
    detail = params.get("detail", "")
    if kind is ProblemKind.NO_KEYRING:
        return _no_keyring(params.get("reason", ""))
    if kind is ProblemKind.NO_CALENDAR:
        return _no_calendar(params.get("calendar", ""), params.get("found", ""))
    if kind is ProblemKind.UNREACHABLE:
        return _unreachable(host, params.get("timed_out") == "yes")
    if kind is ProblemKind.WRONG_PASSWORD:
        return translate(
            "calendar_push",
            "The calendar server {host} did not accept the user name or password. Check "
            "them in File ▸ Calendar server… (iCloud and Fastmail want an app-specific "
            "password, not the one you sign in with).",
        ).format(host=host)
    if kind is ProblemKind.TLS:
        return translate(
            "calendar_push",
            "The secure connection to {host} failed: its certificate could not be checked "
            "(it may have expired, or belong to another name). {detail}",
        ).format(host=host, detail=detail)
    if kind is ProblemKind.SERVER:
        return translate(
            "calendar_push", "The calendar server {host} answered with an error: {detail}"
        ).format(host=host, detail=detail)
    if kind is ProblemKind.NO_PASSWORD:
        return translate(
            "calendar_push",
            "No password is saved for this calendar server: type it in File ▸ Calendar server….",
        )
    if kind is ProblemKind.TURNED_OFF:
        return translate(
            "calendar_push",
            "Sending to the calendar server is turned off: turn it on in File ▸ Calendar server….",
        )
    return translate(
        "calendar_push",
        "No calendar server is set up: fill in its address, your user name and the "
        "calendar in File ▸ Calendar server….",
    )


def names_list(names: list[str]) -> str:
    """Calendar names as a problem's ``found``: “Work”, “Jobs”."""
    return ", ".join(f"“{name}”" for name in names)
