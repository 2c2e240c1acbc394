"""The user's calendar server, through the ``caldav`` library: find the calendar, put an
event (a PUT of its text at an address made from its UID, so the same UID replaces it),
delete one. Whatever goes wrong comes out as a ``PushError`` in plain words.

Only the app's own command imports this (``followthrough calendar-push``): the CalDAV
library, its XML and HTTP libraries stay out of the window's memory.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

from followthrough.domain.calendar_push.problems import ProblemKind, PushError, names_list

log = logging.getLogger(__name__)

# Seconds to wait for the server on each request.
TIMEOUT = 30


@dataclass(frozen=True)
class Account:
    server: str
    user: str
    password: str
    calendar: str  # its name as the server shows it, or its address


class Calendar(Protocol):
    """One calendar on a server (tests have their own)."""

    url: str
    name: str

    def put(self, uid: str, text: bytes) -> str:
        """Store ``text`` (one event) under ``uid``; returns its address."""

    def delete(self, href: str) -> None:
        """Remove the event at ``href`` (one already gone is not a problem)."""


def host_of(address: str) -> str:
    return urlsplit(address.strip()).hostname or address.strip()


def _detail(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:199] + "…"


def problem_from(exc: Exception, account: Account) -> PushError:
    """``exc`` from the CalDAV or HTTP library, as a problem said in plain words."""
    from caldav.lib import error
    from caldav.lib.http_sync import requests

    host = host_of(account.server)
    exceptions = requests.exceptions
    if isinstance(exc, PushError):
        return exc
    if isinstance(exc, error.AuthorizationError):
        return PushError(ProblemKind.WRONG_PASSWORD, host=host)
    if isinstance(exc, exceptions.SSLError) or "SSL" in type(exc).__name__:
        return PushError(ProblemKind.TLS, host=host, detail=_detail(exc))
    if isinstance(exc, exceptions.Timeout):
        return PushError(ProblemKind.UNREACHABLE, host=host, timed_out="yes")
    if isinstance(exc, (exceptions.ConnectionError, OSError)):
        return PushError(ProblemKind.UNREACHABLE, host=host)
    if isinstance(exc, (error.DAVError, exceptions.RequestException)):
        return PushError(ProblemKind.SERVER, host=host, detail=_detail(exc))
    raise exc


@contextmanager
def said_plainly(account: Account) -> Iterator[None]:
    """Turns what the libraries raise into ``PushError``; the details go to the log."""
    try:
        yield
    except PushError:
        raise
    except Exception as exc:
        log.info("calendar server %s: %r", host_of(account.server), exc, exc_info=True)
        raise problem_from(exc, account) from exc


class CalDavCalendar:
    """A calendar found on a CalDAV server."""

    def __init__(self, client: Any, calendar: Any, name: str) -> None:
        self._client = client
        self._calendar = calendar
        self.url = str(calendar.url)
        self.name = name

    def put(self, uid: str, text: bytes) -> str:
        # A PUT at an address made from the UID: the same event lands on the same address
        # every time, replacing what was there (no SEQUENCE bump: the app is the source).
        event = self._calendar.add_event(text.decode("utf-8"), increase_seqno=False)
        return str(event.url)

    def delete(self, href: str) -> None:
        from caldav.calendarobjectresource import Event
        from caldav.lib import error

        try:
            Event(client=self._client, url=href, parent=self._calendar).delete()
        except error.NotFoundError:
            log.info("calendar server: %s was already gone", href)


def _display_name(calendar: Any) -> str:
    try:
        return str(calendar.get_display_name() or "")
    except Exception:
        log.info("a calendar's name could not be read: %s", calendar.url, exc_info=True)
        return ""


def _last_segment(address: str) -> str:
    return urlsplit(address).path.rstrip("/").rsplit("/", 1)[-1]


def _by_name(client: Any, wanted: str) -> CalDavCalendar:
    calendars = client.principal().get_calendars()
    named = [(calendar, _display_name(calendar)) for calendar in calendars]
    key = wanted.strip().casefold()
    for calendar, name in named:
        if name.casefold() == key or _last_segment(str(calendar.url)).casefold() == key:
            return CalDavCalendar(client, calendar, name or _last_segment(str(calendar.url)))
    found = [name or _last_segment(str(calendar.url)) for calendar, name in named]
    raise PushError(ProblemKind.NO_CALENDAR, calendar=wanted.strip(), found=names_list(found))


def _by_address(client: Any, address: str) -> CalDavCalendar:
    from caldav.lib import error

    calendar = client.calendar(url=address)
    try:
        name = str(calendar.get_display_name() or "") or _last_segment(address)
    except error.NotFoundError as exc:
        raise PushError(ProblemKind.NO_CALENDAR, calendar=address) from exc
    return CalDavCalendar(client, calendar, name)


def connect(account: Account) -> CalDavCalendar:
    """Sign in to the server and find the calendar (by its address or its name)."""
    from caldav.davclient import DAVClient

    with said_plainly(account):
        client = DAVClient(
            url=account.server.strip(),
            username=account.user,
            password=account.password,
            timeout=TIMEOUT,
        )
        wanted = account.calendar.strip()
        if urlsplit(wanted).scheme in {"http", "https"}:
            return _by_address(client, wanted)
        return _by_name(client, wanted)
