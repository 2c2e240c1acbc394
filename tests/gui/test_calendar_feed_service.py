"""The calendar file kept current by a child process: one run after a burst of changes,
another when a change came while it ran, a failure said in plain words; and the window's
process never loads the iCalendar library."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from followthrough.services import calendar_feed
from followthrough.services.calendar_feed import CalendarFeed, feed_outdated, feed_path

# Stands in for ``followthrough export --format ics -o FILE``: notes each run, waits a
# little (so a change can come meanwhile), writes the file, or fails when told to.
FAKE_EXPORT = """
import sys, time, pathlib
args = sys.argv[1:]
out = pathlib.Path(args[args.index("-o") + 1])
runs = out.with_name("runs.txt")
runs.write_text(runs.read_text() + "run\\n" if runs.exists() else "run\\n")
time.sleep(0.3)
if (out.parent / "fail").exists():
    sys.exit(3)
out.write_text("BEGIN:VCALENDAR\\r\\nEND:VCALENDAR\\r\\n")
"""


@pytest.fixture
def feed(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CalendarFeed:
    monkeypatch.setattr(calendar_feed, "SETTLE_MS", 50)
    script = tmp_path / "fake_export.py"
    script.write_text(FAKE_EXPORT)
    data_dir = tmp_path / "feed"
    data_dir.mkdir()
    return CalendarFeed(data_dir, command=[sys.executable, str(script)])


def _runs(feed: CalendarFeed) -> int:
    runs = feed.path.with_name("runs.txt")
    return len(runs.read_text().splitlines()) if runs.exists() else 0


def test_a_burst_of_changes_writes_the_file_once(qtbot: QtBot, feed: CalendarFeed) -> None:
    with qtbot.waitSignal(feed.written, timeout=10000):
        for _ in range(5):
            feed.changed()
    assert feed.path.read_text().startswith("BEGIN:VCALENDAR")
    assert _runs(feed) == 1


def test_a_change_while_it_runs_brings_another_run(qtbot: QtBot, feed: CalendarFeed) -> None:
    feed.refresh_now()
    assert feed.busy
    feed.changed()  # the run under way may have read before this
    qtbot.waitUntil(lambda: _runs(feed) == 2 and not feed.busy, timeout=10000)


def test_a_planning_pass_that_changed_nothing_leaves_the_file(
    qtbot: QtBot, feed: CalendarFeed
) -> None:
    class Report:
        written = 0
        removed = 0

    feed.planned(Report())
    qtbot.wait(300)
    assert _runs(feed) == 0
    Report.removed = 2
    with qtbot.waitSignal(feed.written, timeout=10000):
        feed.planned(Report())


def test_a_failure_is_said_in_plain_words(qtbot: QtBot, feed: CalendarFeed) -> None:
    (feed.path.parent / "fail").touch()
    with qtbot.waitSignal(feed.failed, timeout=10000) as failed:
        feed.refresh_now()
    message = str(failed.args[0])
    assert "calendar file" in message and "Traceback" not in message and "exit" not in message
    assert not feed.path.exists()


def test_at_start_the_file_is_made_again_only_when_the_data_changed(tmp_path: Path) -> None:
    database = tmp_path / "followthrough.sqlite3"
    database.write_bytes(b"x")
    assert feed_outdated(tmp_path)  # never written
    feed_path(tmp_path).write_text("calendar")
    stamp = database.stat().st_mtime
    os.utime(feed_path(tmp_path), (stamp + 10, stamp + 10))
    assert not feed_outdated(tmp_path)
    os.utime(database, (stamp + 20, stamp + 20))
    assert feed_outdated(tmp_path)


def test_the_window_process_never_loads_the_calendar_library() -> None:
    code = (
        "import sys, followthrough.app, followthrough.services.calendar_feed;"
        "print('icalendar' in sys.modules)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert shown == "False"
