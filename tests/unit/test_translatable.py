"""Every string a person reads can be translated: found by Qt's lupdate, plurals by %n.

The first test reads the ui/ source: a string literal handed straight to a widget (a
label's text, a button, a tooltip, a column title, a message box) must come through
``tr()`` / ``QCoreApplication.translate`` / ``QT_TRANSLATE_NOOP``, or lupdate cannot find
it. The others run the real lupdate over the source.
"""

from __future__ import annotations

import ast
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "desktop" / "followthrough"
sys.path.insert(0, str(ROOT / "packaging"))
import translations  # noqa: E402  (packaging/ is not a package)

# Calls whose string arguments a person reads.
TEXT_METHODS = {
    "setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "setStatusTip",
    "setTitle", "addAction", "addMenu", "addTab", "insertTab", "setTabText", "addRow",
    "setHeaderLabels", "showMessage", "setInformativeText", "setDetailedText", "setSuffix",
    "setPrefix", "setSpecialValueText", "addItem", "insertItem", "setItemText",
    "setLabelText", "setWhatsThis", "setHtml", "setPlainText", "addButton", "setButtonText",
    "setAccessibleName", "setAccessibleDescription", "question", "warning", "information",
    "critical",
}  # fmt: skip
TEXT_CONSTRUCTORS = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
    "QToolButton", "QMenu", "QMessageBox", "QCommandLinkButton", "QStandardItem",
    "plain_label", "message_box", "Column", "EmptyState", "Card",
}  # fmt: skip
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP"}
WORDS = re.compile(r"[A-Za-z]{2}")

# Modules whose strings are not wrapped yet; each leaves this list when it is done (the
# test below fails for a listed module that has become clean, so the list only shrinks).
NOT_YET: set[str] = set()


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _untranslated_words(node: ast.AST) -> bool:
    """A literal with words in ``node`` that no translating call wraps."""
    wrapped: set[int] = set()
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call) and _name(inner) in TRANSLATING:
            wrapped.update(id(n) for n in ast.walk(inner))
    return any(
        isinstance(inner, ast.Constant)
        and isinstance(inner.value, str)
        and WORDS.search(inner.value)
        and id(inner) not in wrapped
        for inner in ast.walk(node)
    )


def unwrapped_literals(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        if name not in TEXT_METHODS and name not in TEXT_CONSTRUCTORS:
            continue
        receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
        if isinstance(receiver, ast.Name) and receiver.id in {"log", "logging"}:
            continue  # the log is for developers, in English
        arguments = [*node.args, *(k.value for k in node.keywords if k.arg != "objectName")]
        for argument in arguments:
            if isinstance(argument, ast.Call) and _name(argument) == "fromTheme":
                continue  # an icon name
            if _untranslated_words(argument):
                found.append(f"line {node.lineno}: {name}({ast.unparse(argument)[:60]})")
                break
    return found


# The window's modules, and the start-up that talks to the person too.
UI_MODULES = [*sorted((PACKAGE / "ui").rglob("*.py")), PACKAGE / "app.py"]


@pytest.mark.parametrize("path", UI_MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_literal_reaches_a_widget_untranslated(path: Path) -> None:
    found = unwrapped_literals(path)
    if str(path.relative_to(PACKAGE)) in NOT_YET:
        assert found, "all wrapped now: take this module off NOT_YET"
    else:
        assert not found, "\n".join(found)


def test_the_check_sees_an_unwrapped_literal(tmp_path: Path) -> None:
    """The scan itself: a bare literal is caught, a wrapped one and an icon name are not."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "label.setText('Save the note')\n"
        "label.setText(self.tr('Save the note'))\n"
        "QPushButton(f'Call {name}')\n"
        "QPushButton(QIcon.fromTheme('mail-send'), self.tr('Send'))\n"
        "Column(QCoreApplication.translate('Notes', 'Company'), key)\n"
    )
    found = unwrapped_literals(sample)
    assert [line.split(":")[0] for line in found] == ["line 1", "line 3"]


def _wrapped_sources() -> set[tuple[str, str]]:
    """(context or "", text) of every literal the source hands to a translating call."""
    found: set[tuple[str, str]] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and _name(node) in TRANSLATING and node.args):
                continue
            literals = [a.value for a in node.args[:2] if isinstance(a, ast.Constant)]
            if _name(node) == "tr" and literals and isinstance(literals[0], str):
                found.add(("", literals[0]))
            elif len(literals) == 2 and all(isinstance(v, str) for v in literals):
                found.add((str(literals[0]), str(literals[1])))
    return found


def test_lupdate_finds_every_wrapped_string(tmp_path: Path) -> None:
    catalogue = tmp_path / "all.ts"
    translations.run_lupdate(catalogue)
    messages: set[tuple[str, str]] = set()
    for context in ET.parse(catalogue).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            messages.add((name, message.findtext("source") or ""))
    texts = {text for _context, text in messages}
    wrapped = _wrapped_sources()
    assert len(wrapped) >= 5
    missing = sorted(
        (context, text)
        for context, text in wrapped
        if (context, text) not in messages and not (context == "" and text in texts)
    )
    assert not missing, f"lupdate does not see: {missing[:10]}"


def test_english_plurals_are_current(tmp_path: Path) -> None:
    """The committed English catalogue matches the source (regenerate with
    `python packaging/translations.py` after changing a %n string)."""
    fresh_ts, fresh_qm = tmp_path / "en.ts", tmp_path / "en.qm"
    count = translations.english(fresh_ts, fresh_qm)
    assert count >= 1
    assert fresh_ts.read_text(encoding="utf-8") == translations.ENGLISH_TS.read_text(
        encoding="utf-8"
    ), "resources/translations is out of date: run python packaging/translations.py"
    assert translations.ENGLISH_QM.read_bytes() == fresh_qm.read_bytes()


@pytest.mark.parametrize(
    ("source", "one", "many"),
    [
        ("%Ln interview(s)", "%Ln interview", "%Ln interviews"),
        ("%Ln person(s)", "%Ln person", "%Ln people"),
        ("%n match(es)", "%n match", "%n matches"),
        ("%n repl(ies)", "%n reply", "%n replies"),
    ],
)
def test_english_forms(source: str, one: str, many: str) -> None:
    assert translations.english_forms(source) == (one, many)


def test_a_literal_text_is_marked_with_a_literal_context() -> None:
    """lupdate reads contexts as written: ``QT_TRANSLATE_NOOP(CONTEXT, "Close")`` is never
    found (found by the review: 37 reminder words were missing from the catalogue). A
    variable is fine only for the text, when translating text marked elsewhere."""
    hidden = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call) and _name(node) in {"translate", "QT_TRANSLATE_NOOP"}
            ):
                continue
            if len(node.args) < 2:
                continue
            context, text = node.args[0], node.args[1]
            literal_text = isinstance(text, ast.Constant) and isinstance(text.value, str)
            if literal_text and not isinstance(context, ast.Constant):
                hidden.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {ast.unparse(node)[:70]}")
    assert not hidden, "\n".join(hidden)


def test_the_reminder_words_are_in_the_catalogue(tmp_path: Path) -> None:
    catalogue = tmp_path / "all.ts"
    translations.run_lupdate(catalogue)
    sources = {m.findtext("source") for m in ET.parse(catalogue).iter("message")}
    for text in (
        "Call {what} to follow up",
        "Thank-you note to {who} due {due}",
        "Give {person} a heads-up: {company} may call",
        "Note overdue",
        "Something went wrong in {app}.",
    ):
        assert text in sources, text
