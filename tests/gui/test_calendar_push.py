"""The push to the calendar server from the window: a child process after the calendar
file (one run after a burst, none while sending is off), its password only on standard
input, a failure told once and tried again later, the password asked for once where no
keyring works; the settings dialog and its connection test; and the window's process
never loads the CalDAV, HTTP, XML or keyring libraries."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from followthrough.services import calendar_push
from followthrough.services.calendar_push import CalendarPush, push_outdated
from followthrough.services.child_command import answer_from
from followthrough.store.settings import (
    CALENDAR_NAME,
    CALENDAR_SENDING,
    CALENDAR_SERVER,
    CALENDAR_USER,
)
from followthrough.ui.calendar_push.dialogs import CalendarServerDialog, SessionPasswordDialog
from tests.gui.test_mnemonics import clashes

# Stands in for ``followthrough --data-dir D calendar-push --json [--password-stdin]``:
# notes its arguments and what came on standard input, answers with answer.json.
FAKE_PUSH = """
import json, sys, time, pathlib
args = sys.argv[1:]
data = pathlib.Path(args[args.index("--data-dir") + 1])
given = sys.stdin.read()
with (data / "runs.jsonl").open("a") as runs:
    runs.write(json.dumps({"args": args, "stdin": given}) + "\\n")
time.sleep(0.2)
answer = data / "answer.json"
print("some log line")
print(answer.read_text() if answer.exists() else '{"ok": true, "sent": 1, "updated": 0, '
      '"removed": 0, "reached": true}')
"""

LIBRARIES = ("caldav", "keyring", "lxml", "niquests", "requests", "urllib3", "icalendar")


@pytest.fixture
def push(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CalendarPush:
    monkeypatch.setattr(calendar_push, "SETTLE_MS", 50)
    script = tmp_path / "fake_push.py"
    script.write_text(FAKE_PUSH)
    data_dir = tmp_path / "pushed"
    data_dir.mkdir()
    return CalendarPush(data_dir, command=[sys.executable, str(script)])


def _runs(push: CalendarPush) -> list[dict[str, object]]:
    path = push.data_dir / "runs.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines()]


def _answer(push: CalendarPush, **answer: object) -> None:
    (push.data_dir / "answer.json").write_text(json.dumps(answer))


def test_a_burst_of_changes_pushes_once_and_nothing_while_off(
    qtbot: QtBot, push: CalendarPush
) -> None:
    push.changed()
    qtbot.wait(300)
    assert _runs(push) == []  # sending is off
    with qtbot.waitSignal(push.pushed, timeout=10000) as pushed:
        push.set_sending(True)
        for _ in range(5):
            push.changed()
    assert pushed.args[0]["sent"] == 1
    runs = _runs(push)
    assert len(runs) == 1 and "calendar-push" in runs[0]["args"]  # type: ignore[operator]
    assert "--password-stdin" not in runs[0]["args"]  # type: ignore[operator]


def test_a_change_while_it_runs_brings_another_push(qtbot: QtBot, push: CalendarPush) -> None:
    push.set_sending(True)
    qtbot.waitUntil(lambda: push.busy, timeout=5000)
    push.changed()
    qtbot.waitUntil(lambda: len(_runs(push)) == 2 and not push.busy, timeout=10000)


def test_the_session_password_goes_on_standard_input_only(qtbot: QtBot, push: CalendarPush) -> None:
    push.use_password("p4ss word")
    with qtbot.waitSignal(push.pushed, timeout=10000):
        push.set_sending(True)
    run = _runs(push)[0]
    assert run["stdin"] == "p4ss word\n"
    assert "--password-stdin" in run["args"]  # type: ignore[operator]
    assert not any("p4ss" in str(arg) for arg in run["args"])  # type: ignore[attr-defined]


def test_an_unreachable_server_is_told_once_and_tried_again_later(
    qtbot: QtBot, push: CalendarPush
) -> None:
    _answer(
        push,
        ok=False,
        kind="unreachable",
        params={"host": "dav.example.com"},
        retried=True,
    )
    told: list[str] = []
    push.failed.connect(told.append)
    push.set_sending(True)
    qtbot.waitUntil(lambda: len(told) == 1 and not push.busy, timeout=10000)
    assert "dav.example.com" in told[0] and "could not be reached" in told[0]
    assert push.retry.isActive() and push.retry.interval() == 15 * 60 * 1000
    push.changed()
    qtbot.waitUntil(lambda: len(_runs(push)) == 2 and not push.busy, timeout=10000)
    assert len(told) == 1  # once, until a push ends well
    assert "could not be reached" in push.last_problem
    (push.data_dir / "answer.json").unlink()
    with qtbot.waitSignal(push.pushed, timeout=10000):
        push.retry.timeout.emit()
    assert push.last_problem == "" and not push.retry.isActive()


def test_without_a_keyring_the_password_is_asked_for_once(qtbot: QtBot, push: CalendarPush) -> None:
    _answer(push, ok=False, kind="no-keyring", params={"reason": "fail Keyring"}, retried=False)
    asked: list[str] = []
    told: list[str] = []
    push.password_needed.connect(asked.append)
    push.failed.connect(told.append)
    push.set_sending(True)
    qtbot.waitUntil(lambda: len(asked) == 1 and not push.busy, timeout=10000)
    assert "No password store (keyring) is available" in asked[0]
    push.decline_password()
    push.changed()
    qtbot.waitUntil(lambda: len(_runs(push)) == 2 and not push.busy, timeout=10000)
    assert len(asked) == 1 and told == [] and not push.retry.isActive()


def test_a_child_that_says_nothing_is_a_failure_in_plain_words() -> None:
    assert answer_from(b"Traceback (most recent call last):\n boom\n")["ok"] is False
    assert answer_from(b'log\n{"ok": true, "sent": 2}\n')["sent"] == 2


def test_at_start_a_push_is_due_when_the_calendar_changed_since_the_last(
    tmp_path: Path,
) -> None:
    import os

    assert push_outdated(tmp_path)
    (tmp_path / "followthrough.ics").write_text("calendar")
    (tmp_path / "calendar-push.json").write_text("{}")
    stamp = (tmp_path / "followthrough.ics").stat().st_mtime
    os.utime(tmp_path / "calendar-push.json", (stamp + 10, stamp + 10))
    assert not push_outdated(tmp_path)
    os.utime(tmp_path / "followthrough.ics", (stamp + 20, stamp + 20))
    assert push_outdated(tmp_path)


# -- the dialogs ---------------------------------------------------------------------------

VALUES = {
    CALENDAR_SERVER.key: "https://cloud.example.com/remote.php/dav",
    CALENDAR_USER.key: "anna",
    CALENDAR_NAME.key: "Job search",
    CALENDAR_SENDING.key: True,
}


def _dialog(
    qtbot: QtBot,
    values: dict[str, object],
    tester: Callable[..., None] = lambda *_a: None,
) -> CalendarServerDialog:
    dialog = CalendarServerDialog(values, tester)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_sending_needs_an_address_a_user_and_a_calendar(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, {})
    assert dialog.validate()  # nothing set, nothing sent: fine
    dialog.sending.setChecked(True)
    assert not dialog.validate() and dialog.error.isVisible()
    dialog.server.setText("cloud.example.com")
    assert "https://" in dialog.error.text()
    dialog.server.setText(str(VALUES[CALENDAR_SERVER.key]))
    dialog.user.setText("anna")
    dialog.calendar.setText("Job search")
    assert dialog.validate()
    assert dialog.value() == VALUES
    assert dialog.password_field.echoMode() == QLineEdit.EchoMode.Password


def test_the_connection_test_runs_with_the_values_shown_and_says_what_happened(
    qtbot: QtBot,
) -> None:
    asked: list[tuple[dict[str, object], str | None]] = []
    answers: list[Callable[[str, bool], None]] = []

    def tester(values: dict[str, object], typed: str | None, show: Callable[[str, bool], None]):  # type: ignore[no-untyped-def]
        asked.append((values, typed))
        answers.append(show)

    dialog = _dialog(qtbot, VALUES, tester)
    dialog.password_field.setText("s3cret")
    dialog.test_button.click()
    assert asked == [(VALUES, "s3cret")] and not dialog.test_button.isEnabled()
    answers[0]("The calendar server cloud.example.com did not accept the password.", False)
    assert "did not accept" in dialog.test_result.text() and dialog.test_button.isEnabled()
    assert dialog.test_result.textFormat().name == "PlainText"


def test_the_dialogs_keys_reach_one_thing_each(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, VALUES)
    assert clashes(dialog) == {}
    asking = SessionPasswordDialog("No password store (keyring) is available.", "anna on x")
    qtbot.addWidget(asking)
    asking.show()
    assert clashes(asking) == {}
    assert not asking.ok.isEnabled()
    asking.field.setText("s3cret")
    assert asking.ok.isEnabled() and asking.password() == "s3cret"


def test_the_window_process_never_loads_the_server_libraries() -> None:
    code = (
        "import sys, followthrough.app, followthrough.services.calendar_push, "
        "followthrough.ui.calendar_push.flow, followthrough.ui.calendar_push.dialogs;"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {LIBRARIES!r}))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert shown == "[]"
