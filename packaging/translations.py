"""Regenerate the translation files from the source.

    python packaging/translations.py            # English plurals: .ts and .qm, committed
    python packaging/translations.py --catalogue followthrough.ts   # every string, for a translator

English is the source language; only its plural forms need a catalogue: "%n interview(s)"
is filled in as "%n interview" / "%n interviews" ("(s)" and "(es)" endings, and the few
irregular words below), then compiled with lrelease to ``followthrough_en.qm``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "desktop" / "followthrough"
TRANSLATIONS = ROOT / "resources" / "translations"
ENGLISH_TS = TRANSLATIONS / "followthrough_en.ts"
ENGLISH_QM = TRANSLATIONS / "followthrough_en.qm"

# Plurals that are not the singular plus "s" or "es".
IRREGULAR = {"person(s)": ("person", "people"), "reply(ies)": ("reply", "replies")}
_MARKED = re.compile(r"(\w+)\((e?s|ies)\)")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python, else on PATH."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found (it comes with PySide6)")
    return found


def sources() -> list[str]:
    return [str(p) for p in sorted(SOURCE.rglob("*.py"))]


def run_lupdate(target: Path, *options: str) -> None:
    """lupdate over every module; no line numbers, so moving code does not touch the file."""
    subprocess.run(
        [tool("lupdate"), "-locations", "none", *options, *sources(), "-ts", str(target)],
        check=True,
        capture_output=True,
    )


def english_forms(source: str) -> tuple[str, str]:
    """(singular, plural) of a "%n interview(s)" message."""

    def pick(index: int) -> str:
        def one(match: re.Match[str]) -> str:
            whole = match.group(0)
            if whole in IRREGULAR:
                return IRREGULAR[whole][index]
            stem, ending = match.group(1), match.group(2)
            if ending == "ies":
                return stem + ("y" if index == 0 else "ies")
            return stem if index == 0 else stem + ending

        return _MARKED.sub(one, source)

    return pick(0), pick(1)


_COUNTED = re.compile(r"%L?n")


def _keep_counted(tree: ET.ElementTree) -> None:
    """Only messages with a count stay, each marked numerus. pyside6-lupdate marks only
    ``self.tr(text, "", n)`` as numerus: ``QCoreApplication.translate(context, text, "",
    n)`` comes out as a plain message (and ``-pluralonly`` would drop it), so "%n
    interview(s)" in a module-level function read "2 interview(s)"."""
    root = tree.getroot()
    for context in list(root.iter("context")):
        for message in list(context.iter("message")):
            source = message.findtext("source") or ""
            if message.get("numerus") == "yes" or _COUNTED.search(source):
                message.set("numerus", "yes")
            else:
                context.remove(message)
        if context.find("message") is None:
            root.remove(context)


def fill_english(path: Path) -> int:
    """Write the English singular and plural into every numerus message; returns how many."""
    tree = ET.parse(path)
    _keep_counted(tree)
    count = 0
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        for form in list(translation):
            translation.remove(form)
        for text in english_forms(source):
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type", None)
        count += 1
    ET.indent(tree, space="    ")
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return count


def english(ts: Path = ENGLISH_TS, qm: Path = ENGLISH_QM) -> int:
    ts.parent.mkdir(parents=True, exist_ok=True)
    if ts.exists():
        ts.unlink()  # start clean: obsolete messages go
    # Every message, not -pluralonly: the counted ones lupdate did not mark are kept too.
    run_lupdate(ts, "-target-language", "en", "-no-obsolete")
    count = fill_english(ts)
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalogue", type=Path, help="write every string to this .ts")
    args = parser.parse_args()
    if args.catalogue:
        run_lupdate(args.catalogue, "-no-obsolete")
        print(f"wrote {args.catalogue}")
        return 0
    print(f"{english()} plural messages in {ENGLISH_TS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
