"""Thank-you notes and envelopes printed to PDF in the bundled handwriting fonts.

The PDFs are checked with poppler's own tools (installed by tests/run.sh): pdffonts for
the embedded font, pdftotext for the words, pdfinfo for the page, pdftoppm for what the
page looks like. Rendered cards and envelopes are kept in artifacts/ for a person to see.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase, QFontInfo, QImage, qGray
from PySide6.QtWidgets import QApplication

import followthrough.services.fonts as fonts_module
from followthrough.resources import resources_dir
from followthrough.services.fonts import (
    BUNDLED,
    FontError,
    HandwritingFont,
    exact_font,
    load_handwriting_fonts,
    missing_glyphs,
)
from followthrough.services.printing import (
    MIN_CARD_POINT_SIZE,
    EnvelopeFormat,
    NoteLayout,
    PageFormat,
    PrintError,
    envelope_to_pdf,
    fit_to_card,
    note_document,
    note_to_pdf,
)

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
FAMILIES = ["Dancing Script", "Kristi", "Comic Neue"]
POPPLER = ("pdffonts", "pdftotext", "pdfinfo", "pdftoppm")

NOTE = (
    "Dear Ms Dubois,\n"
    "\n"
    "Thank you for Tuesday’s interview – it was a pleasure to meet René and the team.\n"
    "I'm keen on the “first ninety days” plan you described.\n"
    "<b>bold</b> &amp; 5 < 6\n"
    "\n"
    "Kind regards,\n"
    "Alex Kim"
)
TO_ADDRESS = "Ms Jane Smith\nAcme Robotics Ltd\n12 High Street\nLondon SW1A 1AA"
FROM_ADDRESS = "Alex Kim\n3 Low Road\nLeeds LS1 4AP"


@pytest.fixture(scope="module", autouse=True)
def _poppler() -> None:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    assert not missing, f"poppler-utils is not installed (no {missing}); run tests/run.sh"


@pytest.fixture
def fonts(qapp: QApplication) -> list[HandwritingFont]:
    return load_handwriting_fonts()


def _tool(*args: str | Path) -> str:
    result = subprocess.run(
        [str(arg) for arg in args], check=True, capture_output=True, text=True, timeout=60
    )
    return result.stdout


def _embedded_fonts(pdf: Path) -> dict[str, bool]:
    """Font name -> embedded, from pdffonts (whose type column may contain spaces)."""
    fonts = {}
    for line in _tool("pdffonts", pdf).splitlines()[2:]:
        columns = line.split()
        fonts[columns[0]] = columns[-5] == "yes"
    return fonts


def _info(pdf: Path) -> dict[str, str]:
    info = {}
    for line in _tool("pdfinfo", pdf).splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def _page_size(pdf: Path) -> tuple[float, float]:
    match = re.match(r"([\d.]+) x ([\d.]+) pts", _info(pdf)["Page size"])
    assert match, _info(pdf)["Page size"]
    return float(match[1]), float(match[2])


def _render(pdf: Path, dpi: int, prefix: Path) -> list[QImage]:
    _tool("pdftoppm", "-r", str(dpi), "-png", pdf, prefix)
    pages = sorted(prefix.parent.glob(f"{prefix.name}-*.png"))
    images = [QImage(str(page)) for page in pages]
    assert images and all(not image.isNull() for image in images)
    return images


def _keep(pdf: Path, name: str, tmp_path: Path) -> QImage:
    """Page 1 at 100 dpi, saved in artifacts/ for a person to look at."""
    image = _render(pdf, 100, tmp_path / name)[0]
    ARTIFACTS.mkdir(exist_ok=True)
    assert image.save(str(ARTIFACTS / f"{name}.png"))
    return image


def _dark_rows(image: QImage, threshold: int = 225) -> list[int]:
    """Rows in which most pixels are dark-ish: ruled lines, not writing."""
    rows = []
    for y in range(image.height()):
        dark = sum(1 for x in range(image.width()) if qGray(image.pixel(x, y)) < threshold)
        if dark > image.width() / 2:
            rows.append(y)
    return rows


def _inked(image: QImage, rows: range, threshold: int = 200) -> bool:
    return any(qGray(image.pixel(x, y)) < threshold for y in rows for x in range(image.width()))


def _words(pdf: Path) -> list[str]:
    return _tool("pdftotext", pdf, "-").split()


def _word_boxes(pdf: Path) -> list[tuple[str, float, float, float, float]]:
    """(word, x_min, y_min, x_max, y_max) in points, from pdftotext -bbox."""
    html = _tool("pdftotext", "-bbox", pdf, "-")
    pattern = (
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    )
    return [
        (word, float(x0), float(y0), float(x1), float(y1))
        for x0, y0, x1, y1, word in re.findall(pattern, html)
    ]


def _copy_fonts(tmp_path: Path, skip: str = "") -> Path:
    """A resources folder with the bundled fonts and licences, less ``skip``."""
    target = tmp_path / "resources"
    (target / "fonts").mkdir(parents=True)
    for font_name, licence_name, _label in BUNDLED:
        for name in (font_name, licence_name):
            if name != skip:
                shutil.copyfile(resources_dir() / "fonts" / name, target / "fonts" / name)
    return target


# --- fonts -------------------------------------------------------------------------------


def test_every_bundled_font_loads_as_itself(fonts: list[HandwritingFont]) -> None:
    assert [font.family for font in fonts] == FAMILIES
    for font in fonts:
        assert font.family in QFontDatabase.families()
        assert font.file.is_file() and font.file.parent == font.licence.parent
        licence = font.licence.read_text(encoding="utf-8")
        assert "SIL OPEN FONT LICENSE Version 1.1" in licence
        assert licence.startswith("Copyright")
        qfont = exact_font(font.family, 16.0)
        assert QFontInfo(qfont).family() == font.family
        assert qfont.pointSizeF() == 16.0
    assert len({font.label for font in fonts}) == len(fonts)


def test_loading_again_registers_nothing_more(
    fonts: list[HandwritingFont], monkeypatch: pytest.MonkeyPatch
) -> None:
    added: list[str] = []

    class CountingDatabase(QFontDatabase):
        @staticmethod
        def addApplicationFont(file_name: str) -> int:
            added.append(file_name)
            return QFontDatabase.addApplicationFont(file_name)

    monkeypatch.setattr(fonts_module, "QFontDatabase", CountingDatabase)
    assert load_handwriting_fonts() == fonts
    assert load_handwriting_fonts(resources_dir()) == fonts
    assert added == []


@pytest.mark.parametrize("missing", ["Kristi.ttf", "DancingScript-Regular.otf"])
def test_a_missing_font_file_is_an_error_naming_it(
    qapp: QApplication, tmp_path: Path, missing: str
) -> None:
    resources = _copy_fonts(tmp_path, skip=missing)
    with pytest.raises(FontError) as error:
        load_handwriting_fonts(resources)
    message = str(error.value)
    assert f"The handwriting font {missing} is missing from" in message
    assert str((resources / "fonts").resolve()) in message
    assert "Reinstall Follow-Through" in message


def test_a_missing_licence_file_is_an_error(qapp: QApplication, tmp_path: Path) -> None:
    resources = _copy_fonts(tmp_path, skip="ComicNeue-OFL.txt")
    with pytest.raises(FontError, match=r"licence file ComicNeue-OFL\.txt .*ComicNeue-Regular"):
        load_handwriting_fonts(resources)


def test_a_damaged_font_file_is_an_error_and_nothing_stays_registered(
    qapp: QApplication, tmp_path: Path
) -> None:
    resources = _copy_fonts(tmp_path)
    (resources / "fonts" / "Kristi.ttf").write_bytes(b"OTTO" + bytes(range(256)) * 20)
    before = QFontDatabase.families()
    with pytest.raises(FontError, match=r"Kristi\.ttf cannot be read") as error:
        load_handwriting_fonts(resources)
    assert str((resources / "fonts").resolve()) in str(error.value)
    assert QFontDatabase.families() == before
    # Not cached: the broken folder fails again.
    with pytest.raises(FontError):
        load_handwriting_fonts(resources)


def test_a_family_qt_would_replace_is_an_error(qapp: QApplication) -> None:
    with pytest.raises(FontError, match="Nonexistent Hand"):
        exact_font("Nonexistent Hand", 12.0)


def test_missing_glyphs(fonts: list[HandwritingFont]) -> None:
    ascii_text = "".join(chr(code) for code in range(0x20, 0x7F))
    western = "é ü ä ö ß à ç ñ É ’ ‘ “ ” – — …"
    for font in fonts:
        assert missing_glyphs(font.family, ascii_text) == ""
        assert missing_glyphs(font.family, western) == ""
        assert missing_glyphs(font.family, "Tokyo 日本\t\n\u00a0") == "日本"
    # Distinct, in order of appearance.
    assert missing_glyphs("Kristi", "€5, 日 and €6 œ") == "€日œ"
    assert missing_glyphs("Comic Neue", "€5 œ") == ""
    with pytest.raises(FontError):
        missing_glyphs("Nonexistent Hand", "x")


# --- notes -------------------------------------------------------------------------------


def test_the_note_document_holds_the_text_as_typed(fonts: list[HandwritingFont]) -> None:
    doc = note_document(NOTE, NoteLayout("Kristi", point_size=18.0), 240.0)
    assert doc.toPlainText() == NOTE
    assert doc.textWidth() == 240.0
    block = doc.begin()
    while block.isValid():
        assert block.charFormat().font().family() == "Kristi"
        assert block.blockFormat().lineHeight() == pytest.approx(135.0)
        for index in range(block.layout().lineCount()):
            assert block.layout().lineAt(index).naturalTextWidth() <= 240.0 + 0.5
        block = block.next()


@pytest.mark.parametrize("family", FAMILIES)
def test_a_note_pdf_embeds_the_font_and_keeps_the_text(
    fonts: list[HandwritingFont], tmp_path: Path, family: str
) -> None:
    pdf = tmp_path / "note.pdf"
    pages = note_to_pdf(pdf, NOTE, NoteLayout(family, ruled=True), title="Thank you, Ms Dubois")

    assert pages == 1
    embedded = _embedded_fonts(pdf)
    postscript = family.replace(" ", "")
    assert embedded, "no font in the PDF"
    assert all(postscript in name for name in embedded), embedded  # no fallback font
    assert all(embedded.values()), embedded
    text = _tool("pdftotext", pdf, "-")
    for word in ("René", "Tuesday’s", "I'm", "“first", "days”", "–"):
        assert word in text
    assert "<b>bold</b> &amp; 5 < 6" in text
    assert text.split() == NOTE.split()
    info = _info(pdf)
    assert info["Creator"] == "Follow-Through"
    assert info["Title"] == "Thank you, Ms Dubois"

    image = _keep(pdf, f"print-card-a6-ruled-{postscript}", tmp_path)
    # Ink on the card, none in the 12 mm margins (100 dpi: 47 px; 40 px leaves room).
    assert _inked(image, range(60, image.height() - 60))
    assert not _inked(image, range(40))
    assert not _inked(image, range(image.height() - 40, image.height()))


EXPECTED_PAGES = {
    PageFormat.CARD_A6: ("Folded card, A6", 297.6, 419.5),
    PageFormat.CARD_4X6: ("Folded card, 4×6 in", 288.0, 432.0),
    PageFormat.CARD_A5: ("Folded card, A5", 419.5, 595.3),
    PageFormat.A4: ("A4", 595.3, 841.9),
    PageFormat.LETTER: ("US Letter", 612.0, 792.0),
}


@pytest.mark.parametrize("page", list(PageFormat))
def test_each_page_format_has_its_size(
    fonts: list[HandwritingFont], tmp_path: Path, page: PageFormat
) -> None:
    label, width, height = EXPECTED_PAGES[page]
    assert page.label == label
    pdf = tmp_path / f"{page.value}.pdf"
    assert note_to_pdf(pdf, NOTE, NoteLayout("Comic Neue", page=page)) == 1
    actual_width, actual_height = _page_size(pdf)
    assert actual_width == pytest.approx(width, abs=1.0)
    assert actual_height == pytest.approx(height, abs=1.0)
    if page is PageFormat.CARD_4X6:
        _keep(pdf, "print-card-4x6-ComicNeue", tmp_path)


def test_a_long_note_runs_over_pages_without_cutting_a_line(
    fonts: list[HandwritingFont], tmp_path: Path
) -> None:
    lines = [f"Line {number:02d}: thank you again" for number in range(1, 41)]
    paragraph = " ".join(f"w{number:03d}" for number in range(1, 121))
    text = "\n".join([*lines, "", paragraph, "", "Yours, Alex"])
    pdf = tmp_path / "long.pdf"

    pages = note_to_pdf(pdf, text, NoteLayout("Dancing Script"))

    assert pages > 1
    assert int(_info(pdf)["Pages"]) == pages
    assert _words(pdf) == text.split()  # everything, once, in order
    page_texts = [
        _tool("pdftotext", "-f", str(n), "-l", str(n), pdf, "-") for n in range(1, pages + 1)
    ]
    for line in lines:
        assert sum(line in page for page in page_texts) == 1, line
    # Each page is written from its top margin down, and nothing spills into the margins
    # (50 dpi: a 12 mm margin is 23 px).
    for image in _render(pdf, 50, tmp_path / "long"):
        assert _inked(image, range(24, 60))
        assert not _inked(image, range(20))
        assert not _inked(image, range(image.height() - 20, image.height()))


def test_ruled_lines_are_drawn(fonts: list[HandwritingFont], tmp_path: Path) -> None:
    rows = {}
    for ruled in (False, True):
        pdf = tmp_path / f"ruled-{ruled}.pdf"
        note_to_pdf(pdf, NOTE, NoteLayout("Dancing Script", ruled=ruled))
        (image,) = _render(pdf, 50, tmp_path / f"ruled-{ruled}")
        rows[ruled] = _dark_rows(image)
    # (A connected script's baseline can darken most of a row too: those are in both.)
    rule_rows = [row for row in rows[True] if row not in rows[False]]
    # A rule falling between two pixel rows may darken both: one rule.
    rules = [row for row in rule_rows if row - 1 not in rule_rows]
    assert len(rows[True]) >= len(rows[False]) + 10
    # A6 at 50 dpi is 292 px high with 23 px margins; 16 pt lines are 27 pt (18.75 px)
    # apart: a rule under each of the 8 lines of writing, then on to the bottom margin.
    assert len(rules) >= 12
    gaps = [below - above for above, below in itertools.pairwise(rules)]
    assert all(18 <= gap <= 20 for gap in gaps), rules
    assert 23 < rules[0] < 23 + 20
    assert image.height() - 23 - 20 < rules[-1] < image.height() - 23


def test_an_unloaded_font_fails_before_printing(qapp: QApplication, tmp_path: Path) -> None:
    pdf = tmp_path / "note.pdf"
    with pytest.raises(FontError):
        note_to_pdf(pdf, "Thank you", NoteLayout("Nonexistent Hand"))
    assert not pdf.exists()


def test_a_pdf_in_a_missing_folder_is_an_error(
    fonts: list[HandwritingFont], tmp_path: Path
) -> None:
    with pytest.raises(PrintError, match="does not exist"):
        note_to_pdf(tmp_path / "nowhere" / "note.pdf", "Thank you", NoteLayout("Kristi"))


# --- envelopes ---------------------------------------------------------------------------

EXPECTED_ENVELOPES = {
    EnvelopeFormat.DL: (623.6, 311.8),
    EnvelopeFormat.C6: (459.2, 323.1),
    EnvelopeFormat.US10: (684.0, 297.0),
    EnvelopeFormat.LABEL: (280.9, 108.0),
}


@pytest.mark.parametrize("fmt", list(EnvelopeFormat))
def test_envelopes_and_labels(
    fonts: list[HandwritingFont], tmp_path: Path, fmt: EnvelopeFormat
) -> None:
    pdf = tmp_path / f"{fmt.value}.pdf"
    envelope_to_pdf(pdf, TO_ADDRESS, FROM_ADDRESS, fmt, "Dancing Script", title="Envelope")

    assert fmt.label
    width, height = _page_size(pdf)
    expected_width, expected_height = EXPECTED_ENVELOPES[fmt]
    assert width == pytest.approx(expected_width, abs=1.0)
    assert height == pytest.approx(expected_height, abs=1.0)
    assert _embedded_fonts(pdf) == {"DancingScript": True}

    text = " ".join(_words(pdf))
    assert " ".join(TO_ADDRESS.split()) in text
    boxes = _word_boxes(pdf)
    to_words = [box for box in boxes if box[0] in TO_ADDRESS.split()]
    from_words = [box for box in boxes if box[0] in {"Low", "Road", "Leeds", "4AP"}]
    to_left = min(box[1] for box in to_words)
    to_right = max(box[3] for box in to_words)
    to_top = min(box[2] for box in to_words)
    to_bottom = max(box[4] for box in to_words)
    assert to_top > 0 and to_bottom < height
    if fmt is EnvelopeFormat.LABEL:
        assert "Leeds" not in text  # a label has no sender
        assert (to_left + to_right) / 2 == pytest.approx(width / 2, abs=width * 0.05)
        assert (to_top + to_bottom) / 2 == pytest.approx(height / 2, abs=height * 0.1)
    else:
        assert " ".join(FROM_ADDRESS.split()) in text
        # Sender small in the top-left corner, recipient in the middle-right.
        assert max(box[3] for box in from_words) < width * 0.3
        assert max(box[4] for box in from_words) < height * 0.35
        assert min(box[1] for box in from_words) > 20  # inside the 10 mm margin
        assert to_left > width * 0.4 and to_right < width - 20
        assert to_top > height * 0.3 and to_bottom < height - 20
        sender_height = max(b[4] - b[2] for b in from_words)
        recipient_height = max(b[4] - b[2] for b in to_words)
        assert sender_height < recipient_height
    _keep(pdf, f"print-envelope-{fmt.value}", tmp_path)


def test_envelope_text_is_plain(fonts: list[HandwritingFont], tmp_path: Path) -> None:
    pdf = tmp_path / "plain.pdf"
    envelope_to_pdf(pdf, "<i>R&amp;D</i> Dept.\nAcme", "", EnvelopeFormat.C6, "Kristi")
    assert "<i>R&amp;D</i> Dept." in _tool("pdftotext", pdf, "-")


def _card_note(words: int) -> str:
    """A note of ``words`` words: greeting, body, and a closing with signature."""
    phrase = [
        "thank",
        "you",
        "for",
        "the",
        "time",
        "you",
        "gave",
        "me",
        "on",
        "Tuesday",
        "I",
        "enjoyed",
        "hearing",
        "about",
        "the",
        "team",
    ]
    body = " ".join(phrase[n % len(phrase)] for n in range(words - 6))
    return f"Dear Dana,\n\n{body}.\n\nWarm regards,\nAlex Kim\nalex@example.com"


@pytest.mark.parametrize("family", FAMILIES)
def test_a_115_word_note_fits_a_folded_a6_card_with_its_closing(
    fonts: list[HandwritingFont], tmp_path: Path, family: str
) -> None:
    text = _card_note(115)
    assert len(text.split()) == 116
    chosen = NoteLayout(family, point_size=13.0, page=PageFormat.CARD_A6)
    fit = fit_to_card(text, chosen)
    assert fit.fits and MIN_CARD_POINT_SIZE <= fit.point_size <= 13.0
    pdf = tmp_path / "card.pdf"
    # Without fitting, the closing and signature would run onto a second panel.
    assert note_to_pdf(pdf, text, chosen) == 1
    assert int(_info(pdf)["Pages"]) == 1
    page = _tool("pdftotext", pdf, "-")
    assert "Warm regards," in page and "Alex Kim" in page and "Dear Dana," in page
    assert _words(pdf) == text.split()
    assert family.replace(" ", "") in _tool("pdffonts", pdf)  # embedded, as chosen
    _keep(pdf, f"print-card-a6-115-words-{family.replace(' ', '')}", tmp_path)


def test_a_longer_note_takes_both_inside_panels_with_its_closing_kept_with_it(
    fonts: list[HandwritingFont], tmp_path: Path
) -> None:
    text = _card_note(170)
    chosen = NoteLayout("Dancing Script", point_size=13.0, page=PageFormat.CARD_A6)
    fit = fit_to_card(text, chosen)
    assert fit.fits and fit.panels == 2
    pdf = tmp_path / "two-panels.pdf"
    assert note_to_pdf(pdf, text, chosen) == 2
    second = _tool("pdftotext", "-f", "2", "-l", "2", pdf, "-")
    first = _tool("pdftotext", "-f", "1", "-l", "1", pdf, "-")
    assert "Warm regards," in second and "Alex Kim" in second and "Warm" not in first
    # The closing is not alone there: the end of the note comes with it.
    body_lines = [line for line in second.splitlines() if line.strip()][:-3]
    assert len(body_lines) >= 2
    assert _words(pdf) == text.split()


def test_a_400_word_note_is_too_long_for_a_folded_a6_card(fonts: list[HandwritingFont]) -> None:
    text = _card_note(400)
    # The default font (the first) and the neat print. (Kristi, narrow and tall, takes
    # 400 words on both panels at 11 pt.)
    for family in ("Dancing Script", "Comic Neue"):
        fit = fit_to_card(text, NoteLayout(family, point_size=13.0, page=PageFormat.CARD_A6))
        assert not fit.fits and fit.panels == 0
        assert 30 <= fit.words_over <= 200 and fit.words_over % 5 == 0
        # Cutting about that many words makes it fit.
        shorter = _card_note(400 - fit.words_over)
        assert fit_to_card(shorter, NoteLayout(family, 13.0, page=PageFormat.CARD_A6)).fits
    # Pages that are not cards are not fitted.
    a4 = fit_to_card(text, NoteLayout("Kristi", point_size=13.0, page=PageFormat.A4))
    assert a4.fits and a4.point_size == 13.0
