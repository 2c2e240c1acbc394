"""Days and times are written in one place: ``domain/wording.py`` (with the locale's
``ui/common/locale_words.py`` and ``ui/common/formatting.py``). Anywhere else, a
``strftime``, an f-string ``{day:%Y-%m-%d}``, a Qt pattern such as "yyyy-MM-dd" or
"dd MMM", or a raw ``isoformat()`` / ``str(day)`` in the window would write a date
another way (five formats once, and a 2024 reminder without its year).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "desktop" / "followthrough"

# The formatter modules: the only places that spell out a day or time pattern.
FORMATTERS = {"domain/wording.py", "ui/common/locale_words.py", "ui/common/formatting.py"}
# Stored and machine-read text, never shown as a date to a person: each with its reason.
MACHINE_TEXT = {
    "store/fields.py",  # the database's UTC timestamps
    "store/backup.py",  # backup file names that sort by time
}

# Qt's date/time pattern letters as they appear in a pattern ("yyyy", "MMM", "ddd",
# "HH:mm", "dd.MM").
QT_PATTERN = re.compile(r"(?<![A-Za-z])(yyyy|yy|MMMM?|dddd?|HH:mm|hh:mm|dd[./ -]MM|MM[./ -]dd)")
STRFTIME = re.compile(r"%[aAbBdHIjmMpSyYzZ]")
# In a plain string "%d" is more often a number for the log ("%d applications").
STRFTIME_IN_TEXT = re.compile(r"%[aAbBHIjmMpSyYzZ]")
# ``str(...)`` of something named like a day or an instant.
DAYLIKE = re.compile(r"(day|date|_on|_at|moment|instant)$")


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                found.add(id(value))
    return found


def _name_of(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    return getattr(node, "id", "")


def _call_problem(node: ast.Call, in_ui: bool) -> str | None:
    name = _name_of(node.func)
    if name == "strftime":
        return "strftime"
    if name == "setDisplayFormat" and any(isinstance(a, ast.Constant) for a in node.args):
        return "a literal display format"
    if in_ui and name == "isoformat":
        return "isoformat() in the window"
    if in_ui and name == "str" and len(node.args) == 1 and DAYLIKE.search(_name_of(node.args[0])):
        return "str() of a day"
    return None


def hard_coded_dates(source: str, in_ui: bool = True) -> list[str]:
    """Where ``source`` writes a day or time itself: "line N: what"."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        problem = None
        if isinstance(node, ast.Call):
            problem = _call_problem(node, in_ui)
        elif isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            spec = ast.unparse(node.format_spec)
            problem = "an f-string date format" if STRFTIME.search(spec) else None
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and (QT_PATTERN.search(node.value) or STRFTIME_IN_TEXT.search(node.value))
        ):
            problem = f"a date pattern {node.value!r}"
        if problem:
            found.append(f"line {node.lineno}: {problem}")
    return found


def test_no_day_or_time_is_written_outside_the_formatter() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name in FORMATTERS or name in MACHINE_TEXT:
            continue
        in_ui = name.startswith("ui/")
        found += [f"{name} {where}" for where in hard_coded_dates(path.read_text("utf-8"), in_ui)]
    assert not found, "\n".join(found)


def test_the_scan_catches_each_way_of_writing_a_date() -> None:
    sample = (
        "text = day.strftime('%d %b')\n"  # 1
        "editor.setDisplayFormat('yyyy-MM-dd')\n"  # 2
        "label.setText(f'{day:%Y-%m-%d}')\n"  # 3
        "label.setText(QDate.currentDate().toString('dd MMM'))\n"  # 4
        "label.setText(moment.isoformat())\n"  # 5
        "label.setText(str(row.applied_on))\n"  # 6
        "label.setText(short_day(day))\n"  # 7: the formatter, fine
        "label.setText(str(count))\n"  # 8: not a day, fine
        "log.info('planned %d reminders', count)\n"  # 9: a number, fine
        "stamp = time.strftime\n"  # 10: named, not called: fine
        "WHEN = '%Y%m%d'\n"  # 11
    )
    lines = {line.split(":")[0] for line in hard_coded_dates(sample)}
    assert lines == {*(f"line {n}" for n in range(1, 7)), "line 11"}


def test_each_machine_text_module_still_needs_its_place() -> None:
    """The list only shrinks: a module that no longer writes a date leaves it."""
    for name in MACHINE_TEXT:
        assert hard_coded_dates((PACKAGE / name).read_text("utf-8"), in_ui=False), name


def test_machine_text_outside_the_window_may_use_iso_days() -> None:
    """The domain stores a reminder's day as ISO text (a parameter, not a sentence)."""
    assert not hard_coded_dates("params = {'deadline': deadline.isoformat()}\n", in_ui=False)
    assert hard_coded_dates("params = {'deadline': deadline.isoformat()}\n", in_ui=True)
