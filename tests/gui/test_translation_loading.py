"""The app loads a catalogue for the user's locale when one is there, on top of the
English plurals, and the window then speaks it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from followthrough.resources import RESOURCES_ENV, resources_dir
from followthrough.ui.common.translation import install_translations

GERMAN_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>TodayPage</name>
    <message>
        <source>Nothing to do yet</source>
        <translation>Noch nichts zu tun</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def with_german(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> Iterator[Path]:
    """A resources folder whose translations include a small German catalogue."""
    resources = tmp_path / "resources"
    shutil.copytree(resources_dir() / "translations", resources / "translations")
    ts = tmp_path / "followthrough_de.ts"
    ts.write_text(GERMAN_TS, encoding="utf-8")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run(
        [
            str(lrelease),
            "-silent",
            str(ts),
            "-qm",
            str(resources / "translations" / "followthrough_de.qm"),
        ],
        check=True,
    )
    monkeypatch.setenv(RESOURCES_ENV, str(resources))
    yield resources
    install_translations(qapp)  # back to English only


def test_a_catalogue_for_the_locale_is_loaded_over_the_english_plurals(
    with_german: Path, qapp: QApplication
) -> None:
    loaded = install_translations(qapp, QLocale("de_DE"))
    assert [Path(name).name for name in loaded][:2] == [
        "followthrough_en.qm",
        "followthrough_de.qm",
    ]
    assert QCoreApplication.translate("TodayPage", "Nothing to do yet") == "Noch nichts zu tun"
    # What German does not translate yet keeps its English plural forms.
    assert QCoreApplication.translate("MainWindow", "%Ln interview(s)", "", 2) == "2 interviews"


def test_without_a_catalogue_for_the_locale_english_stays(
    with_german: Path, qapp: QApplication
) -> None:
    loaded = install_translations(qapp, QLocale("fr_FR"))
    names = [Path(name).name for name in loaded]
    assert names[0] == "followthrough_en.qm"
    assert not any(name.startswith(("followthrough_de", "followthrough_fr")) for name in names)
    assert QCoreApplication.translate("TodayPage", "Nothing to do yet") == "Nothing to do yet"
