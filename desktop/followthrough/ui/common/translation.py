"""Qt translations: the app's own ``.qm`` files and Qt's, for the user's locale.

English is the source language, but its plurals still come from a translation: strings
such as "%n interview(s)" are written once and the English ``.qm`` gives "1 interview",
"2 interviews". Another language's ``.qm`` (``followthrough_de.qm``…) is loaded on top
of it when one exists for the locale.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from followthrough.resources import resources_dir

log = logging.getLogger(__name__)

CATALOGUE = "followthrough"
SOURCE_LANGUAGE = "en"

# Installed translators must outlive this call (Qt does not own them).
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_translations(app: QCoreApplication, locale: QLocale | None = None) -> list[str]:
    """Load the English plurals, then the locale's own catalogue and Qt's, when present;
    returns the names of the files loaded (for the log and tests)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = locale or QLocale()
    loaded: list[str] = []
    folder = str(translations_dir())
    english = QTranslator(app)
    if english.load(f"{CATALOGUE}_{SOURCE_LANGUAGE}", folder):
        app.installTranslator(english)
        _installed.append(english)
        loaded.append(english.filePath())
    else:
        log.warning("English plurals missing from %s: counts will read '(s)'", folder)
    if locale.language() not in (QLocale.Language.English, QLocale.Language.C):
        own = QTranslator(app)
        if own.load(locale, CATALOGUE, "_", folder):
            app.installTranslator(own)
            _installed.append(own)
            loaded.append(own.filePath())
        qt_own = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(locale, "qtbase", "_", qt_folder):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
            loaded.append(qt_own.filePath())
    return loaded
