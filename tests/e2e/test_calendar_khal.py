"""The calendar file as a real calendar client reads it: Debian's ``khal`` imports what
``followthrough export --format ics`` writes, with special characters and zones intact;
and the running app keeps the file in its data folder current on its own."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.e2e.conftest import XSession
from tests.helpers.subprocess_app import app_env, run_app

HARD_NAME = 'Zoë & Søn; "R&D", <b>Ltd</b> \\ 東京'
KHAL_CONFIG = """
[calendars]
[[followthrough]]
path = {vdir}
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = {zone}
default_timezone = {zone}
[default]
default_calendar = followthrough
"""


def _khal(tmp_path: Path, zone: str, *args: str) -> str:
    khal = shutil.which("khal")
    if khal is None:
        pytest.fail("khal is missing: tests/run.sh installs it (Debian package khal)")
    vdir = tmp_path / "vdir"
    vdir.mkdir(exist_ok=True)
    config = tmp_path / "khal.conf"
    config.write_text(KHAL_CONFIG.format(vdir=vdir, zone=zone))
    env = app_env({"XDG_DATA_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path)})
    result = subprocess.run(
        [khal, "-c", str(config), *args], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _first_interview(database: Path) -> tuple[str, str, str]:
    """(its start as stored, its zone, its application's id), renaming its company."""
    with sqlite3.connect(database) as connection:
        starts, zone, app = connection.execute(
            "SELECT starts_at, time_zone, application_id FROM interview "
            "WHERE starts_at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ORDER BY starts_at LIMIT 1"
        ).fetchone()
        connection.execute("UPDATE application SET company = ? WHERE id = ?", (HARD_NAME, app))
    return starts, zone, app


def test_khal_reads_the_exported_calendar_with_words_and_zones_intact(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_app("--data-dir", str(data), "demo", "--count", "12").returncode == 0
    starts, _zone, _app = _first_interview(data / "followthrough.sqlite3")
    exported = tmp_path / "out.ics"
    result = run_app("--data-dir", str(data), "export", "--format", "ics", "-o", str(exported))
    assert result.returncode == 0, result.stderr
    _khal(tmp_path, "America/Chicago", "import", "--batch", str(exported))
    start = datetime.strptime(starts, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    local = start.astimezone(ZoneInfo("America/Chicago"))
    day = local.strftime("%Y-%m-%d")
    listed = _khal(tmp_path, "America/Chicago", "list", "--format", "{start} | {title}", day, day)
    line = next((ln for ln in listed.splitlines() if HARD_NAME in ln), None)
    assert line is not None, f"the interview is not listed as typed:\n{listed}"
    # The instant, on the reader's clock (the interview is held in its own zone).
    assert line.startswith(local.strftime("%Y-%m-%d %H:%M")), line
    # Read on another clock, the same interview moves with it.
    tokyo = start.astimezone(ZoneInfo("Asia/Tokyo"))
    other = _khal(
        tmp_path,
        "Asia/Tokyo",
        "list",
        "--format",
        "{start} | {title}",
        tokyo.strftime("%Y-%m-%d"),
        tokyo.strftime("%Y-%m-%d"),
    )
    assert any(
        ln.startswith(tokyo.strftime("%Y-%m-%d %H:%M")) and HARD_NAME in ln
        for ln in other.splitlines()
    ), other


def test_the_export_only_reads(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_app("--data-dir", str(data), "demo", "--count", "5").returncode == 0
    before = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    result = run_app("--data-dir", str(data), "export", "--format", "ics")
    assert result.returncode == 0 and result.stdout.startswith("BEGIN:VCALENDAR")
    assert {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()} == before


def test_the_running_app_keeps_the_calendar_file_in_its_data_folder(
    tmp_path: Path, x_session: XSession
) -> None:
    data = tmp_path / "data"
    assert run_app("--data-dir", str(data), "demo", "--count", "12").returncode == 0
    feed = data / "followthrough.ics"
    assert not feed.exists()
    app = x_session.launch("--data-dir", str(data))
    deadline = time.monotonic() + 60
    while not feed.exists() and time.monotonic() < deadline:
        app.assert_running()
        time.sleep(0.5)
    assert feed.exists(), "the app did not write its calendar file within a minute"
    _khal(tmp_path, "UTC", "import", "--batch", str(feed))
    assert any((tmp_path / "vdir").glob("interview-*.ics"))
