"""The handwriting fonts bundled in ``resources/fonts/``, registered with Qt for printing.

Thank-you notes are printed in one of these fonts and nothing else: a missing, unreadable
or refused font file is an error the user sees (reinstall), never a silent fallback to a
system face. Each font ships with its SIL OFL 1.1 licence file, which must be present too.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QRawFont

from followthrough.domain.wording import QT_TRANSLATE_NOOP, translate
from followthrough.resources import resources_dir as default_resources_dir

FONTS_FOLDER = "fonts"

# (font file, licence file, label shown to the user), all in resources/fonts/. The labels
# are marked for translation; the window translates them in the "printing" context.
BUNDLED: tuple[tuple[str, str, str], ...] = (
    (
        "DancingScript-Regular.otf",
        "DancingScript-OFL.txt",
        QT_TRANSLATE_NOOP("printing", "Dancing Script (flowing script)"),
    ),
    ("Kristi.ttf", "Kristi-OFL.txt", QT_TRANSLATE_NOOP("printing", "Kristi (quick pen)")),
    (
        "ComicNeue-Regular.otf",
        "ComicNeue-OFL.txt",
        QT_TRANSLATE_NOOP("printing", "Comic Neue (neat print)"),
    ),
)


class FontError(RuntimeError):
    """A handwriting font cannot be used; ``str(error)`` is meant for the user."""


@dataclass(frozen=True)
class HandwritingFont:
    family: str
    label: str
    file: Path
    licence: Path


# OpenType features switched off in exact_font (see there).
_UNMAPPED_FEATURES = ("liga", "clig", "calt")

# Fonts already registered with Qt, per resolved fonts folder: registering a file twice
# would add a second copy to the application font database.
_loaded: dict[Path, list[HandwritingFont]] = {}
# Qt's id of each registered file, to take back a partial registration.
_font_ids: dict[Path, int] = {}


def load_handwriting_fonts(resources_dir: Path | None = None) -> list[HandwritingFont]:
    """Register the bundled handwriting fonts with Qt and describe them.

    ``resources_dir`` is the ``resources/`` folder (``followthrough.resources`` by
    default). Needs a QGuiApplication. Raises FontError when a font or its licence file
    is missing, or when Qt refuses a font file. Loading the same folder again returns the
    fonts registered the first time.
    """
    base = resources_dir if resources_dir is not None else default_resources_dir()
    folder = (base / FONTS_FOLDER).resolve()
    cached = _loaded.get(folder)
    if cached is not None:
        return list(cached)

    # Check every file before registering any, so a broken install registers nothing.
    for font_name, licence_name, _label in BUNDLED:
        if not (folder / font_name).is_file():
            raise FontError(
                translate(
                    "printing",
                    "The handwriting font {font} is missing from {folder}. Reinstall "
                    "Follow-Through.",
                ).format(font=font_name, folder=folder)
            )
        if not (folder / licence_name).is_file():
            raise FontError(
                translate(
                    "printing",
                    "The licence file {licence} of the handwriting font {font} is missing from "
                    "{folder}. Reinstall Follow-Through.",
                ).format(licence=licence_name, font=font_name, folder=folder)
            )

    fonts: list[HandwritingFont] = []
    for font_name, licence_name, label in BUNDLED:
        file = folder / font_name
        font_id = QFontDatabase.addApplicationFont(str(file))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id != -1 else []
        if not families:
            if font_id != -1:
                QFontDatabase.removeApplicationFont(font_id)
            for font in fonts:
                _unregister(font.file)
            raise FontError(
                translate(
                    "printing",
                    "The handwriting font {font} cannot be read (the file is damaged) in "
                    "{folder}. Reinstall Follow-Through.",
                ).format(font=font_name, folder=folder)
            )
        fonts.append(HandwritingFont(families[0], label, file, folder / licence_name))
        _font_ids[file] = font_id
    _loaded[folder] = fonts
    return list(fonts)


def _unregister(file: Path) -> None:
    font_id = _font_ids.pop(file, None)
    if font_id is not None:
        QFontDatabase.removeApplicationFont(font_id)


def exact_font(family: str, point_size: float) -> QFont:
    """``family`` at ``point_size``; FontError when Qt would substitute another family."""
    font = QFont(family)
    font.setPointSizeF(point_size)
    # Printed glyphs keep their designed shapes and advances at every resolution.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    # Ligatures and contextual alternates are glyphs without a character of their own: a
    # PDF could not give their text back (Dancing Script's "th", Kristi's initial "T").
    for feature in _UNMAPPED_FEATURES:
        font.setFeature(QFont.Tag(feature), 0)
    actual = QFontInfo(font).family()
    if actual.casefold() != family.casefold():
        raise FontError(
            translate(
                "printing",
                "The handwriting font “{family}” is not available (Qt would use “{actual}” "
                "instead). Reinstall Follow-Through.",
            ).format(family=family, actual=actual)
        )
    return font


def _drawn(char: str) -> bool:
    """Characters that need a glyph: not whitespace, control or format characters."""
    return not char.isspace() and not unicodedata.category(char).startswith(("C", "Z"))


def missing_glyphs(family: str, text: str) -> str:
    """The distinct characters of ``text`` (in order) that ``family`` has no glyph for.

    Whitespace and control characters are ignored. Raises FontError if the family is not
    available at all.
    """
    raw = QRawFont.fromFont(exact_font(family, 12.0))
    if not raw.isValid() or raw.familyName().casefold() != family.casefold():
        raise FontError(
            translate(
                "printing",
                "The handwriting font “{family}” cannot be read. Reinstall Follow-Through.",
            ).format(family=family)
        )
    missing: dict[str, None] = {}
    for char in text:
        if char not in missing and _drawn(char) and not raw.supportsCharacter(ord(char)):
            missing[char] = None
    return "".join(missing)
