"""docs/advice.md is the project's own account of the rules it follows: every test it
names exists, and the code and the tests cite it (not a file outside the repository)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ADVICE = ROOT / "docs" / "advice.md"


def test_every_test_the_advice_names_exists() -> None:
    named = set(re.findall(r"`(tests/[\w/]+\.py)`", ADVICE.read_text(encoding="utf-8")))
    assert len(named) > 10
    assert sorted(p for p in named if not (ROOT / p).is_file()) == []


def test_the_code_cites_the_advice_not_a_file_outside_the_repository() -> None:
    this = Path(__file__).resolve()
    citing = [
        str(path.relative_to(ROOT))
        for folder in ("desktop", "tests")
        for path in (ROOT / folder).rglob("*.py")
        if path != this and "design.md" in path.read_text(encoding="utf-8")
    ]
    assert citing == []
    assert "docs/advice.md" in (ROOT / "desktop/followthrough/domain/cadence.py").read_text()
