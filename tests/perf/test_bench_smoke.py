"""The view benchmark runs end to end on a small demo database.

Timings are not checked here (they depend on the machine); the benchmark itself prints
PASS/MISS against the performance targets.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("bench_views.py")

SUMMARY_ROWS = (
    "Demo data generation",
    "Start-up: refresh -> data_loaded",
    "Start-up: longest GUI stall / _show_data",
    "List shown after switching (median of 5)",
    "Search per keystroke, median / p90 / max",
    "Month switch to marks",
    "Month switch, GUI part (set_month_counts)",
    "Sort, slowest column",
)


@pytest.mark.slow
def test_benchmark_runs_on_a_small_database_and_prints_its_summary(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.pop("FOLLOWTHROUGH_DATA_DIR", None)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--count", "200", "--data-dir", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = result.stdout
    assert result.returncode == 0, output + result.stderr
    assert "200 applications" in output
    for section in ("3a. Start-up", "3b. List shown", "3c. Search", "3d. Month", "3e. Sorting"):
        assert section in output, section
    table = [line for line in output.splitlines() if line.startswith("| ")]
    assert table[0].startswith("| Measurement"), output
    for row in SUMMARY_ROWS:
        assert any(line.startswith(f"| {row}") for line in table), row
    assert "Targets missed:" in output or "All targets met." in output
    # The demo data went into the given folder, nowhere else.
    assert (tmp_path / "followthrough.sqlite3").exists()


def test_reminder_benchmark_runs_and_uses_its_index() -> None:
    script = Path(__file__).with_name("bench_reminders.py")
    result = subprocess.run(
        [sys.executable, str(script), "--count", "2000"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "USING INDEX reminder_next_due" in result.stdout
    assert "next_due_instant: median" in result.stdout


@pytest.mark.slow
def test_planning_benchmark_runs_small_and_prints_each_figure_with_its_baseline(
    tmp_path: Path,
) -> None:
    script = Path(__file__).with_name("bench_planning.py")
    env = dict(os.environ)
    env.pop("FOLLOWTHROUGH_DATA_DIR", None)
    result = subprocess.run(
        [sys.executable, str(script), "--count", "200", "--runs", "1", "--keep", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    table = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert table[0] == "| Measurement | Follow-Through | Baseline (same run) | Target |"
    for row in ("demo --count 200", "due --json", "first rows painted", "touchpoint save"):
        assert any(row in line for line in table), row
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["count"] == 200
    assert figures["first_paint_s"]["app"] and figures["first_paint_s"]["bare_qt"]


@pytest.mark.slow
def test_the_benchmark_prints_every_figure_beside_its_baseline(tmp_path: Path) -> None:
    """bench.py, small and fast: every figure of the issue's table is in its JSON with
    the app's number and the baseline's (no timing is checked)."""
    bundle = tmp_path / "bundle"
    (bundle / "lib").mkdir(parents=True)
    (bundle / "followthrough").write_bytes(b"x" * 1000)
    (bundle / "lib" / "libfake.so").write_bytes(b"y" * 500)
    (bundle / "lib" / "libfake.so.1").symlink_to("libfake.so")  # 10 bytes, not followed
    env = dict(os.environ)
    env.pop("FOLLOWTHROUGH_DATA_DIR", None)
    result = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("bench.py")),
            *("--count", "25", "--runs", "1", "--idle", "2"),
            *("--keep", str(tmp_path / "work"), "--bundle", str(bundle)),
            *("--json", str(tmp_path / "bench.json")),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    table = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in table[0].split("|")[1:-1]]
    assert header == ["what", "app", "baseline", "ratio / difference", "target", ""], header
    figures = json.loads(result.stdout.strip().splitlines()[-1])["figures"]
    assert figures == json.loads((tmp_path / "bench.json").read_text())["figures"]
    compared = {
        "launch_visible",
        "launch_data",
        "launch_empty",
        "month_median",
        "month_max",
        "memory",
        "memory_small",
        "cpu",
        "search",
    }
    assert set(figures) == compared | {"bundle"}
    for name in compared:
        figure = figures[name]
        assert isinstance(figure["app"], float | int) and figure["app"] >= 0, name
        assert isinstance(figure["baseline"], float | int) and figure["baseline"] >= 0, name
        assert figure["pass"] in (True, False) or name == "launch_data", name
        assert any(figure["what"] in line for line in table), name
    assert figures["bundle"]["samples"] == {
        "bytes": 1510,  # the link counts its own 10 bytes, not its target's 500
        "files": 2,
        "links": 1,
        "path": str(bundle),
    }
    # The list's rows in the app and in the minimal table: the same search, the same rows.
    rows = figures["search"]["samples"]["rows"]
    assert rows["app"] == rows["bare"]


def test_csv_import_benchmark_runs_and_prints_its_table() -> None:
    """Not timed here: the benchmark prints its own PASS/MISS against the 10 s target."""
    script = Path(__file__).with_name("bench_csv_import.py")
    result = subprocess.run(
        [sys.executable, str(script), "--count", "300", "--runs", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "| **Total, file to imported** |" in result.stdout
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["rows"] == 300 and summary["baseline_csv_reader_s"] > 0
