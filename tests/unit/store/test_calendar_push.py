"""The push's record (``calendar-push.json``), one push against a calendar that stands
in for the server (only the differences go; nothing at all when nothing differs; a
failure midway keeps what was done; an unreachable server changes nothing), and the
password in the keyring or, where none works, a clear refusal that says why."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringLocked, PasswordDeleteError

from followthrough.domain.calendar_feed import CalendarInterview, CalendarReminder
from followthrough.domain.calendar_push.events import outgoing_events
from followthrough.domain.calendar_push.plan import PushCounts, Sent
from followthrough.domain.calendar_push.problems import ProblemKind, PushError
from followthrough.store.calendar_push import password
from followthrough.store.calendar_push.push import Now, push
from followthrough.store.calendar_push.record import (
    Destination,
    LastChange,
    PushRecord,
    read_record,
    record_path,
    write_record,
)
from followthrough.store.calendar_push.server import Account

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
WHERE = Destination("https://dav.example.com/", "anna", "Jobs")


class FakeCalendar:
    """The server's side: what it holds, what it was asked; ``fail_after`` puts fail
    after that many."""

    url = "https://dav.example.com/anna/jobs/"
    name = "Jobs"

    def __init__(self, fail_after: int | None = None) -> None:
        self.held: dict[str, bytes] = {}
        self.requests: list[str] = []
        self.fail_after = fail_after

    def put(self, uid: str, text: bytes) -> str:
        if self.fail_after is not None and len(self.requests) >= self.fail_after:
            raise PushError(ProblemKind.UNREACHABLE, host="dav.example.com")
        self.requests.append(f"PUT {uid}")
        href = f"{self.url}{uid}.ics"
        self.held[href] = text
        return href

    def delete(self, href: str) -> None:
        self.requests.append(f"DELETE {href}")
        self.held.pop(href, None)


def _now(interviews: list[CalendarInterview], reminders: list[CalendarReminder]) -> Now:
    return Now(outgoing_events(interviews, reminders, NOW), NOW - timedelta(days=30))


def _interview(hour: int = 10) -> CalendarInterview:
    return CalendarInterview(
        1,
        "Interview: Acme",
        datetime(2026, 12, 10, hour, tzinfo=UTC),
        datetime(2026, 12, 10, hour + 1, tzinfo=UTC),
        "Europe/Berlin",
    )


def _reminder(key: str) -> CalendarReminder:
    return CalendarReminder(
        "follow_up", key, f"Follow up {key}", datetime(2026, 12, 11, tzinfo=UTC)
    )


class Pusher:
    def __init__(self, data_dir: Path, calendar: FakeCalendar) -> None:
        self.data_dir = data_dir
        self.calendar = calendar
        self.passwords_asked = 0
        self.opened = 0

    def password(self) -> str:
        self.passwords_asked += 1
        return "secret"

    def open(self, account: Account) -> FakeCalendar:
        assert account == Account(WHERE.server, WHERE.user, "secret", WHERE.calendar)
        self.opened += 1
        return self.calendar

    def __call__(self, now: Now, where: Destination = WHERE) -> PushCounts:
        report = push(self.data_dir, where, now, NOW, self.password, self.open)
        return report.counts


def test_new_changed_and_gone_events_reach_the_server_and_a_second_run_sends_nothing(
    tmp_path: Path,
) -> None:
    calendar = FakeCalendar()
    run = Pusher(tmp_path, calendar)
    assert run(_now([_interview()], [_reminder("a"), _reminder("b")])) == PushCounts(3, 0, 0)
    assert len(calendar.held) == 3
    assert run(_now([_interview(hour=15)], [_reminder("b")])) == PushCounts(0, 1, 1)
    assert len(calendar.held) == 2
    moved = calendar.held[f"{calendar.url}interview-1@followthrough.invalid.ics"]
    assert b"T160000" in moved  # 15:00 UTC, in Berlin
    requests, opened, asked = len(calendar.requests), run.opened, run.passwords_asked
    assert run(_now([_interview(hour=15)], [_reminder("b")])) == PushCounts()
    # Nothing differs: the server is not reached, the password not even looked up.
    assert (len(calendar.requests), run.opened, run.passwords_asked) == (requests, opened, asked)
    record = read_record(tmp_path)
    assert record.checked_at == NOW and record.last_change == LastChange(NOW, PushCounts(0, 1, 1))


def test_a_failure_midway_keeps_what_was_sent_and_the_next_push_goes_on(tmp_path: Path) -> None:
    calendar = FakeCalendar(fail_after=2)
    run = Pusher(tmp_path, calendar)
    now = _now([_interview()], [_reminder("a"), _reminder("b"), _reminder("c")])
    with pytest.raises(PushError) as failed:
        run(now)
    assert failed.value.kind is ProblemKind.UNREACHABLE
    assert len(read_record(tmp_path).events) == 2
    calendar.fail_after = None
    assert run(now) == PushCounts(2, 0, 0)
    assert len(calendar.held) == 4 and len(calendar.requests) == 4


def test_an_unreachable_server_leaves_the_record_as_it_was(tmp_path: Path) -> None:
    run = Pusher(tmp_path, FakeCalendar())
    run(_now([_interview()], []))
    before = record_path(tmp_path).read_bytes()

    def unreachable(_account: Account) -> FakeCalendar:
        raise PushError(ProblemKind.UNREACHABLE, host="dav.example.com")

    with pytest.raises(PushError):
        push(tmp_path, WHERE, _now([_interview(hour=12)], []), NOW, run.password, unreachable)
    assert record_path(tmp_path).read_bytes() == before


def test_another_calendar_gets_everything(tmp_path: Path) -> None:
    calendar = FakeCalendar()
    run = Pusher(tmp_path, calendar)
    run(_now([_interview()], [_reminder("a")]))
    elsewhere = Destination(WHERE.server, WHERE.user, "Work")
    assert read_record(tmp_path).sent_to(elsewhere) == {}
    assert read_record(tmp_path).sent_to(Destination("https://dav.example.com", "anna", "Jobs"))


def test_the_record_is_private_whole_and_read_back(tmp_path: Path) -> None:
    record = PushRecord(
        destination=WHERE,
        calendar_url="https://dav.example.com/anna/jobs/",
        events={"u@x": Sent("abc", NOW.isoformat(), "https://dav.example.com/anna/jobs/u.ics")},
        last_change=LastChange(NOW, PushCounts(3, 0, 1)),
        checked_at=NOW,
    )
    write_record(tmp_path, record)
    assert read_record(tmp_path) == record
    assert stat.S_IMODE(record_path(tmp_path).stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["calendar-push.json"]  # no leftovers


@pytest.mark.parametrize(
    "text", ["", "{", "[]", '{"version": 99}', '{"version": 1, "events": {"u": 3}}']
)
def test_a_record_that_cannot_be_read_means_sending_everything_again(
    tmp_path: Path, text: str
) -> None:
    record_path(tmp_path).write_text(text)
    assert read_record(tmp_path).events == {}


# -- the password -------------------------------------------------------------------------


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.saved.pop((service, username), None) is None:
            raise PasswordDeleteError("none")


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the collection is locked")


@pytest.fixture
def restored_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


@pytest.mark.usefixtures("restored_keyring")
def test_the_password_goes_to_the_keyring_only() -> None:
    store = MemoryKeyring()
    keyring.set_keyring(store)
    assert password.saved_password(WHERE.server, "anna") is None
    password.save_password(WHERE.server, "anna", "s3cret")
    assert password.saved_password("https://dav.example.com", "anna") == "s3cret"
    assert store.saved == {
        ("Follow-Through calendar server https://dav.example.com", "anna"): "s3cret"
    }
    assert password.forget_password(WHERE.server, "anna")
    assert not password.forget_password(WHERE.server, "anna")


@pytest.mark.usefixtures("restored_keyring")
@pytest.mark.parametrize("backend", [fail.Keyring(), LockedKeyring()], ids=["none", "locked"])
def test_without_a_working_keyring_it_says_why(backend: KeyringBackend) -> None:
    keyring.set_keyring(backend)
    with pytest.raises(password.NoKeyringError) as refused:
        password.saved_password(WHERE.server, "anna")
    assert str(refused.value)


def test_no_password_is_written_to_the_data_folder(tmp_path: Path) -> None:
    run = Pusher(tmp_path, FakeCalendar())
    run(_now([_interview()], []))
    for path in tmp_path.rglob("*"):
        assert b"secret" not in path.read_bytes(), path
    assert [path.name for path in tmp_path.iterdir()] == ["calendar-push.json"]
