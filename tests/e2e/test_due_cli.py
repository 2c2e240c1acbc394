"""``followthrough due``: what is due at an instant, for scripts and tests."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.subprocess_app import run_app


def test_due_lists_demo_follow_ups_by_instant(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_app("--data-dir", str(data), "demo", "--count", "40").returncode == 0
    far = run_app("--data-dir", str(data), "due", "--at", "2027-03-01T12:00+00:00", "--json")
    assert far.returncode == 0, far.stderr
    items = json.loads(far.stdout)
    assert items, "demo data should yield follow-ups"
    assert {"kind", "subject", "due"} <= set(items[0])
    assert {i["kind"] for i in items} <= {
        "follow_up",
        "decision_passed",
        "move_on",
        "position_filled",
        # A skill from a debrief, to practise (never lapses until done).
        "skill_practice",
        # An open offer whose answer deadline passed stays due until it is answered.
        "offer_answer",
    }
    dues = [i["due"] for i in items]
    assert dues == sorted(dues)
    assert all(due <= "2027-03-01T12:00:00+00:00" for due in dues)
    early = json.loads(
        run_app("--data-dir", str(data), "due", "--at", "2020-01-01T00:00+00:00", "--json").stdout
    )
    assert early == []
    text = run_app("--data-dir", str(data), "due", "--at", "2020-01-01T00:00+00:00")
    assert text.returncode == 0 and "Nothing is due" in text.stdout


def test_due_refuses_a_bad_instant_clearly(tmp_path: Path) -> None:
    result = run_app("--data-dir", str(tmp_path / "d"), "due", "--at", "next tuesday")
    assert result.returncode == 2
    assert "not an ISO date and time" in result.stderr
    assert "Traceback" not in result.stderr


def test_due_into_a_reader_that_stops_early_is_no_failure(tmp_path: Path) -> None:
    """``due | head -1``: the reader leaves after one line; that is not "something
    unexpected" (it was exit code 70 with that message on 3 of 5 runs)."""
    import subprocess

    from tests.helpers.subprocess_app import app_command, app_env

    data = tmp_path / "data"
    assert run_app("--data-dir", str(data), "demo", "--count", "300").returncode == 0
    command = app_command("--data-dir", str(data), "due", "--at", "2027-03-01T12:00+00:00")
    for _ in range(3):
        app = subprocess.Popen(
            command, env=app_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert app.stdout is not None and app.stderr is not None
        first = app.stdout.readline()
        app.stdout.close()  # as head does after its line
        errors = app.stderr.read().decode()
        assert app.wait(timeout=60) == 0, errors
        assert first and "unexpected" not in errors and "Traceback" not in errors
