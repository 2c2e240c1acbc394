"""The push end to end, against a real CalDAV server (Radicale) started here: a demo's
interviews and reminders arrive with their alarms; a reminder done and an interview moved
are deleted and updated there; a third run sends nothing (the server answers no request);
the password from the keyring or standard input; plain words for a wrong password, a
missing calendar and a server that cannot be reached."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from caldav.davclient import DAVClient
from icalendar import Calendar, Event

from followthrough.domain.calendar_feed import reminder_uid
from tests.helpers.radicale_server import PASSWORD, USER, Radicale, running_radicale
from tests.helpers.subprocess_app import REPO, app_command, app_env, run_app

CALENDAR = "Job search"
STAMP = "%Y-%m-%dT%H:%M:%SZ"


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    with running_radicale(tmp_path_factory.mktemp("radicale")) as server:
        client = DAVClient(url=server.url, username=USER, password=PASSWORD)
        client.principal().make_calendar(name=CALENDAR, cal_id="jobs")
        yield server


def _env(**extra: str) -> dict[str, str]:
    # The app's command finds the tests' keyring backend on this path.
    return app_env({"PYTHONPATH": f"{REPO / 'desktop'}:{REPO}", **extra})


NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def _command(data: Path, *args: str, secret: str | None = None, **env: str) -> dict[str, object]:
    """``followthrough --data-dir DATA ARGS --json``; its answer (the password, if
    given, on standard input)."""
    extra = ["--password-stdin"] if secret is not None else []
    result = subprocess.run(
        app_command("--data-dir", str(data), *args, "--json", *extra),
        input=f"{secret}\n" if secret is not None else "",
        env=_env(**(env or NO_KEYRING)),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert result.returncode == (0 if answer["ok"] else 7), result.stderr
    assert PASSWORD not in result.stdout + result.stderr
    return answer


def _set_up(data: Path, server: str, sending: bool = True) -> None:
    code = (
        "import sys; from pathlib import Path;"
        "from followthrough.domain.clock import SystemClock;"
        "from followthrough.store.database import open_database;"
        "from followthrough.store import settings as o;"
        "d = open_database(Path(sys.argv[1]), SystemClock());"
        "o.put_all({o.CALENDAR_SERVER: sys.argv[2], o.CALENDAR_USER: sys.argv[3],"
        " o.CALENDAR_NAME: sys.argv[4], o.CALENDAR_SENDING: sys.argv[5] == 'on'});"
        "d.close()"
    )
    on = "on" if sending else "off"
    subprocess.run(
        [sys.executable, "-c", code, str(data), server, USER, CALENDAR, on],
        env=_env(),
        check=True,
        timeout=60,
    )


def _demo(tmp_path: Path, name: str) -> Path:
    data = tmp_path / name
    result = run_app("--data-dir", str(data), "demo", "--count", "8", env=_env())
    assert result.returncode == 0, result.stderr
    return data


def _server_events(radicale: Radicale) -> dict[str, Event]:
    """UID -> the event, as the server holds them."""
    client = DAVClient(url=radicale.url, username=USER, password=PASSWORD)
    calendar = client.principal().calendar(name=CALENDAR)
    found = {}
    for resource in calendar.get_events():
        for event in Calendar.from_ical(resource.data).walk("VEVENT"):
            found[str(event["UID"])] = event
    return found


def _record(data: Path) -> dict[str, dict[str, str]]:
    return json.loads((data / "calendar-push.json").read_text())["events"]  # type: ignore[no-any-return]


def _finish_a_reminder(data: Path, pushed: set[str]) -> str:
    with sqlite3.connect(data / "followthrough.sqlite3") as db:
        rows = db.execute(
            "SELECT id, kind, subject_key FROM reminder WHERE done_at IS NULL "
            "AND dismissed_at IS NULL ORDER BY id"
        ).fetchall()
        for reminder_id, kind, key in rows:
            uid = reminder_uid(kind, key)
            if uid in pushed:
                now = datetime.now(UTC).strftime(STAMP)
                db.execute("UPDATE reminder SET done_at = ? WHERE id = ?", (now, reminder_id))
                return uid
    raise AssertionError("no pushed reminder to finish")


def _instant(text: str) -> datetime:
    return datetime.strptime(text, STAMP).replace(tzinfo=UTC)


def _move_an_interview(data: Path, pushed: set[str]) -> tuple[str, datetime]:
    with sqlite3.connect(data / "followthrough.sqlite3") as db:
        for interview_id, starts, ends in db.execute(
            "SELECT id, starts_at, ends_at FROM interview ORDER BY starts_at DESC"
        ).fetchall():
            uid = f"interview-{interview_id}@followthrough.invalid"
            if uid in pushed:
                later = [
                    (_instant(value) + timedelta(hours=3)).strftime(STAMP)
                    for value in (starts, ends)
                ]
                db.execute(
                    "UPDATE interview SET starts_at = ?, ends_at = ? WHERE id = ?",
                    (*later, interview_id),
                )
                return uid, _instant(later[0])
    raise AssertionError("no pushed interview to move")


def test_the_server_gets_the_events_their_updates_and_deletions_and_then_nothing(
    tmp_path: Path, radicale: Radicale
) -> None:
    data = _demo(tmp_path, "first")
    _set_up(data, radicale.url)
    first = _command(data, "calendar-push", secret=PASSWORD)
    assert first["ok"] and first["reached"] and first["calendar"] == CALENDAR
    on_server = _server_events(radicale)
    pushed = set(_record(data))
    assert first["sent"] == len(pushed) == len(on_server) > 10
    assert set(on_server) == pushed
    assert all(event.walk("VALARM") for event in on_server.values())
    assert any(uid.startswith("interview-") for uid in pushed)
    assert any(uid.startswith("reminder-") for uid in pushed)

    done = _finish_a_reminder(data, pushed)
    moved, starts = _move_an_interview(data, pushed)
    second = _command(data, "calendar-push", secret=PASSWORD)
    assert (second["sent"], second["updated"], second["removed"]) == (0, 1, 1)
    on_server = _server_events(radicale)
    assert done not in on_server and done not in _record(data)
    assert on_server[moved].decoded("DTSTART").astimezone(UTC) == starts
    assert len(on_server) == len(pushed) - 1

    answered = radicale.requests()
    stored = sorted(p.stat().st_mtime_ns for p in radicale.calendar_folder("jobs").iterdir())
    third = _command(data, "calendar-push", secret=PASSWORD)
    assert (third["sent"], third["updated"], third["removed"], third["reached"]) == (0, 0, 0, False)
    assert radicale.requests() == answered  # not one request
    assert (
        sorted(p.stat().st_mtime_ns for p in radicale.calendar_folder("jobs").iterdir()) == stored
    )


def test_the_password_comes_from_the_keyring_or_is_asked_for(
    tmp_path: Path, radicale: Radicale
) -> None:
    data = _demo(tmp_path, "keyring")
    _set_up(data, radicale.url)
    store = {
        "PYTHON_KEYRING_BACKEND": "tests.helpers.file_keyring.FileKeyring",
        "FOLLOWTHROUGH_TEST_KEYRING": str(tmp_path / "keyring.json"),
    }
    status = _command(data, "calendar-password", **store)
    assert status["ok"] and "FileKeyring" in str(status["store"]) and not status["saved"]
    assert _command(data, "calendar-password", "--store", secret=PASSWORD, **store)["saved"]
    assert PASSWORD in (tmp_path / "keyring.json").read_text()
    for path in data.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path
    tested = _command(data, "calendar-push", "--test", **store)
    assert tested == {"ok": True, "calendar": CALENDAR, "url": f"{radicale.url}{USER}/jobs/"}
    assert _command(data, "calendar-push", **store)["sent"] > 0  # type: ignore[operator]

    refused = _command(data, "calendar-push", "--test")  # no keyring at all
    assert refused["kind"] == "no-keyring"
    assert "No password store (keyring) is available" in str(refused["message"])


def test_problems_come_in_plain_words(tmp_path: Path, radicale: Radicale) -> None:
    data = _demo(tmp_path, "problems")
    _set_up(data, radicale.url, sending=False)
    wrong = _command(data, "calendar-push", "--test", secret="not it")
    assert wrong["kind"] == "wrong-password" and "app-specific" in str(wrong["message"])
    missing = _command(data, "calendar-push", "--test", "--calendar", "Work", secret=PASSWORD)
    assert missing["kind"] == "no-calendar" and f"“{CALENDAR}”" in str(missing["message"])
    offline = _command(
        data, "calendar-push", "--test", "--server", "http://127.0.0.1:9/", secret=PASSWORD
    )
    assert offline["kind"] == "unreachable" and offline["retried"] is True
    off = _command(data, "calendar-push", secret=PASSWORD)
    assert off["kind"] == "turned-off"
    assert not (data / "calendar-push.json").exists()

    result = run_app("--data-dir", str(data), "calendar-push", "--test", env=_env(**NO_KEYRING))
    assert result.returncode == 7 and "Traceback" not in result.stderr
    assert "No password store (keyring) is available" in result.stderr
