"""Colours are named in one place: no hex colour in the code outside ui/common/theme.py, so a
dark palette cannot miss one."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "desktop" / "followthrough"
THEME = PACKAGE / "ui" / "common" / "theme.py"
# #rgb, #rgba, #rrggbb, #aarrggbb, not an HTML character reference (&#123;).
HEX_COLOUR = re.compile(r"(?<![&\w])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})\b")


def test_the_pattern_finds_colours_and_nothing_else() -> None:
    for colour in ('"#b00020"', "color:#2e7d32'", "'#fff'", "QColor('#80ff0000')"):
        assert HEX_COLOUR.search(colour), colour
    for other in ("&#123;", "# a comment", "issue #14", "#define", "a#bcd"):
        assert not HEX_COLOUR.search(other), other


def test_no_hex_colour_outside_the_theme() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != THEME
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HEX_COLOUR.search(line)
    ]
    assert not found, "colours belong in ui/common/theme.py as roles:\n" + "\n".join(found)
