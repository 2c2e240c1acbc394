"""Thank-you notes and envelopes printed (or saved as PDF) in a bundled handwriting font.

Text is always plain: it goes into a QTextDocument through QTextCursor.insertText, so
"<b>" or "&amp;" in a note prints as typed. Documents are laid out in points (1/72 in)
and painted page by page with QPainter, a page ending between two lines of text, never
through one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextOption,
)
from PySide6.QtPrintSupport import QPrinter

from followthrough.domain.wording import QT_TRANSLATE_NOOP, translate
from followthrough.services.fonts import exact_font

POINTS_PER_INCH = 72.0
MM_PER_INCH = 25.4
CREATOR = "Follow-Through"
# Below this a PDF is resampled for no gain; QPrinter's HighResolution PDF is 1200 dpi.
PDF_RESOLUTION = 1200

INK = QColor(18, 22, 40)
RULE = QColor(110, 130, 165)
RULE_WIDTH_PT = 0.75


class PrintError(OSError):
    """The printer or PDF file cannot be used; ``str(error)`` is meant for the user."""


class PageFormat(StrEnum):
    CARD_A6 = "card_a6"
    CARD_4X6 = "card_4x6"
    CARD_A5 = "card_a5"
    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        return _PAGE_LABELS[self]

    @property
    def is_card(self) -> bool:
        """A folded card: the note is written on its inside panels (one page each)."""
        return self in (PageFormat.CARD_A6, PageFormat.CARD_4X6, PageFormat.CARD_A5)

    def page_size(self) -> QPageSize:
        if self is PageFormat.CARD_A6:
            return QPageSize(QPageSize.PageSizeId.A6)
        if self is PageFormat.CARD_A5:
            return QPageSize(QPageSize.PageSizeId.A5)
        if self is PageFormat.CARD_4X6:
            return QPageSize(QSizeF(4.0, 6.0), QPageSize.Unit.Inch, "Card 4×6 in")
        if self is PageFormat.A4:
            return QPageSize(QPageSize.PageSizeId.A4)
        return QPageSize(QPageSize.PageSizeId.Letter)


# Marked for translation; the window translates them in the "printing" context.
_PAGE_LABELS = {
    PageFormat.CARD_A6: QT_TRANSLATE_NOOP("printing", "Folded card, A6"),
    PageFormat.CARD_4X6: QT_TRANSLATE_NOOP("printing", "Folded card, 4×6 in"),
    PageFormat.CARD_A5: QT_TRANSLATE_NOOP("printing", "Folded card, A5"),
    PageFormat.A4: QT_TRANSLATE_NOOP("printing", "A4"),
    PageFormat.LETTER: QT_TRANSLATE_NOOP("printing", "US Letter"),
}


class EnvelopeFormat(StrEnum):
    DL = "dl"
    C6 = "c6"
    US10 = "us10"
    LABEL = "label"

    @property
    def label(self) -> str:
        return _ENVELOPE_LABELS[self]

    @property
    def orientation(self) -> QPageLayout.Orientation:
        """Envelopes go through the printer long edge first and are printed landscape."""
        if self is EnvelopeFormat.LABEL:
            return QPageLayout.Orientation.Portrait  # already wider than tall
        return QPageLayout.Orientation.Landscape

    def page_size(self) -> QPageSize:
        """The size as defined (portrait for envelopes; see ``orientation``)."""
        if self is EnvelopeFormat.DL:
            return QPageSize(QPageSize.PageSizeId.EnvelopeDL)
        if self is EnvelopeFormat.C6:
            return QPageSize(QPageSize.PageSizeId.EnvelopeC6)
        if self is EnvelopeFormat.US10:
            return QPageSize(QPageSize.PageSizeId.Envelope10)
        return QPageSize(QSizeF(99.1, 38.1), QPageSize.Unit.Millimeter, "Address label")

    @property
    def margin_mm(self) -> float:
        return 4.0 if self is EnvelopeFormat.LABEL else 10.0


_ENVELOPE_LABELS = {
    EnvelopeFormat.DL: QT_TRANSLATE_NOOP("printing", "Envelope DL (110×220 mm)"),
    EnvelopeFormat.C6: QT_TRANSLATE_NOOP("printing", "Envelope C6 (114×162 mm)"),
    EnvelopeFormat.US10: QT_TRANSLATE_NOOP("printing", "Envelope US #10 (4⅛×9½ in)"),
    EnvelopeFormat.LABEL: QT_TRANSLATE_NOOP("printing", "Address label (99.1×38.1 mm)"),
}


@dataclass(frozen=True)
class NoteLayout:
    font_family: str
    point_size: float = 16.0
    page: PageFormat = PageFormat.CARD_A6
    ruled: bool = False
    margin_mm: float = 12.0
    # Distance between lines as a multiple of the font's own line height.
    line_spacing: float = 1.35


class _PointDocument(QTextDocument):
    """A text document laid out in points: its layout measures on a 72 dpi device."""

    def __init__(self) -> None:
        super().__init__()
        # The layout keeps a bare pointer to its device: the document owns the image.
        self._device = QImage(1, 1, QImage.Format.Format_Mono)
        dots_per_metre = round(POINTS_PER_INCH / MM_PER_INCH * 1000)
        self._device.setDotsPerMeterX(dots_per_metre)
        self._device.setDotsPerMeterY(dots_per_metre)
        self.documentLayout().setPaintDevice(self._device)
        self.setDocumentMargin(0)
        self.setUndoRedoEnabled(False)


def _plain_document(text: str, font: QFont, line_spacing: float) -> QTextDocument:
    doc = _PointDocument()
    doc.setDefaultFont(font)
    option = QTextOption()
    option.setUseDesignMetrics(True)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)

    char_format = QTextCharFormat()
    char_format.setFont(font)
    char_format.setForeground(INK)
    block_format = QTextBlockFormat()
    block_format.setTopMargin(0)
    block_format.setBottomMargin(0)
    block_format.setLineHeight(
        line_spacing * 100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )
    cursor = QTextCursor(doc)
    cursor.setBlockFormat(block_format)
    # Empty lines take their height from the block's character format: same font.
    cursor.setBlockCharFormat(char_format)
    plain = text.replace("\r\n", "\n").replace("\r", "\n")
    cursor.insertText(plain, char_format)
    return doc


def note_document(text: str, layout: NoteLayout, width_pt: float) -> QTextDocument:
    """``text`` as typed, in the layout's handwriting font, laid out ``width_pt`` wide.

    The document's units are points. Raises FontError if the font is not loaded.
    """
    font = exact_font(layout.font_family, layout.point_size)
    doc = _plain_document(text, font, layout.line_spacing)
    doc.setTextWidth(width_pt)
    return doc


@dataclass(frozen=True)
class _Line:
    """One laid-out line of a document, in document coordinates (points)."""

    layout: QTextLayout
    index: int
    top: float
    bottom: float
    baseline: float
    pitch: float  # distance to where the next line would start


def _lines(doc: QTextDocument, line_spacing: float) -> list[_Line]:
    doc_layout = doc.documentLayout()
    lines: list[_Line] = []
    block = doc.begin()
    while block.isValid():
        origin = doc_layout.blockBoundingRect(block).topLeft()
        text_layout = block.layout()
        for index in range(text_layout.lineCount()):
            line = text_layout.lineAt(index)
            top = origin.y() + line.y()
            lines.append(
                _Line(
                    text_layout,
                    index,
                    top,
                    top + line.height(),
                    top + line.ascent(),
                    line.height() * line_spacing,
                )
            )
        block = block.next()
    return lines


def _paginate(lines: list[_Line], page_height: float) -> list[list[_Line]]:
    """Lines grouped into pages; a page ends before a line that would not fit whole."""
    pages: list[list[_Line]] = [[]]
    start = lines[0].top if lines else 0.0
    for line in lines:
        if pages[-1] and line.bottom - start > page_height + 1e-6:
            pages.append([])
            start = line.top
        pages[-1].append(line)
    return pages


def _draw_lines(painter: QPainter, lines: list[_Line], offset: QPointF) -> None:
    """Each line at its document position moved by ``offset``."""
    painter.setPen(INK)
    for line in lines:
        line.layout.lineAt(line.index).draw(painter, line.layout.position() + offset)


def _rule_positions(
    page: list[_Line], page_offset: float, page_height: float, point_size: float
) -> Iterator[float]:
    """Heights (page coordinates) of ruled lines: under every text line, then on down."""
    gap = point_size * 0.12  # just under the baseline, clear of the letters
    y = 0.0
    for line in page:
        y = line.baseline - page_offset + gap
        yield y
    pitch = page[-1].pitch if page else point_size * 1.5
    y += pitch
    while y <= page_height:
        yield y
        y += pitch


def _points_per_pixel(printer: QPrinter) -> float:
    return POINTS_PER_INCH / printer.resolution()


def _configure(
    printer: QPrinter,
    size: QPageSize,
    orientation: QPageLayout.Orientation,
    margin_mm: float,
    what: str,
) -> tuple[float, float]:
    """Page size, orientation and margins; returns the printable (width, height) in pt."""
    if (
        printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
        and printer.resolution() < PDF_RESOLUTION
    ):
        printer.setResolution(PDF_RESOLUTION)
    margins = QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm)
    page_layout = QPageLayout(size, orientation, margins, QPageLayout.Unit.Millimeter)
    if not printer.setPageLayout(page_layout):
        raise PrintError(
            translate(
                "printing",
                "The printer cannot print {what} with {margin} mm margins. Choose another "
                "paper size or printer.",
            ).format(what=translate("printing", what), margin=f"{margin_mm:g}")
        )
    printer.setFullPage(False)
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    scale = _points_per_pixel(printer)
    return area.width() * scale, area.height() * scale


def _begin(printer: QPrinter) -> QPainter:
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        _check_writable(Path(printer.outputFileName()))
    painter = QPainter()
    if not painter.begin(printer):
        name = printer.printerName()
        raise PrintError(
            translate("printing", "Cannot start printing on {printer}.").format(printer=name)
            if name
            else translate("printing", "Cannot start printing on the printer.")
        )
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(1 / _points_per_pixel(printer), 1 / _points_per_pixel(printer))
    return painter


def _check_writable(path: Path) -> None:
    folder = path.parent
    if not folder.is_dir():
        raise PrintError(
            translate(
                "printing", "Cannot save the PDF: the folder {folder} does not exist."
            ).format(folder=folder)
        )
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise PrintError(
            translate("printing", "Cannot save the PDF: {path} is not writable.").format(path=path)
        )


# -- fitting a note to a folded card -------------------------------------------------------

# The handwriting is made smaller, down to this, to keep a note on its card; smaller than
# this a handwriting font is hard to read.
MIN_CARD_POINT_SIZE = 11.0
FIT_STEP = 0.5
# A folded card's inside: the note is written on the right panel, and a longer one starts
# on the left panel and ends on the right (each panel is a page here).
CARD_PANELS = 2
# Carried over to the second panel, the closing and signature bring at least this many
# lines of the note with them: they are never alone on a panel.
LINES_WITH_THE_CLOSING = 1


@dataclass(frozen=True)
class CardFit:
    """How a note fits its card: the point size it is written at (the chosen size, or
    smaller), on how many panels, and whether it fits; when it does not even at the
    smallest size, about how many words to cut (else 0)."""

    point_size: float
    panels: int
    fits: bool
    words_over: int = 0


def printable_area(page: PageFormat, margin_mm: float) -> tuple[float, float]:
    """The width and height (pt) inside the margins of a portrait ``page``."""
    size = page.page_size().size(QPageSize.Unit.Point)
    margin = margin_mm / MM_PER_INCH * POINTS_PER_INCH
    return size.width() - 2 * margin, size.height() - 2 * margin


def _closing_start(text: str) -> int:
    """Where the closing ("Warm regards," / the name / contact details) starts: the last
    paragraph of the note (0 when the note has a single paragraph)."""
    plain = text.replace("\r\n", "\n").replace("\r", "\n").rstrip()
    cut = plain.rfind("\n\n")
    return cut + 2 if cut >= 0 else 0


def _panels_used(doc: QTextDocument, layout: NoteLayout, height: float, closing: int) -> int:
    """How many panels the laid-out note takes with its closing kept whole and not alone
    (CARD_PANELS + 1 when it cannot be placed so)."""
    lines = _lines(doc, layout.line_spacing)
    pages = _paginate(lines, height)
    if len(pages) == 1 or closing == 0:
        return len(pages)
    if len(pages) > CARD_PANELS:
        return CARD_PANELS + 1
    block = doc.findBlock(closing)
    closing_top = doc.documentLayout().blockBoundingRect(block).top() - 1e-6
    closing_on_first = any(line.top >= closing_top for line in pages[0])
    carried = sum(
        1
        for line in pages[-1]
        if line.top < closing_top and line.layout.lineAt(line.index).textLength() > 0
    )
    if closing_on_first or carried < LINES_WITH_THE_CLOSING:
        return CARD_PANELS + 1
    return len(pages)


def _sizes(chosen: float) -> list[float]:
    """The chosen size, then smaller by half points to the smallest readable one."""
    sizes = [chosen]
    while sizes[-1] - FIT_STEP >= MIN_CARD_POINT_SIZE - 1e-9:
        sizes.append(round(sizes[-1] - FIT_STEP, 2))
    return sizes


def fit_to_card(text: str, layout: NoteLayout) -> CardFit:
    """The largest size, from the chosen one down to ``MIN_CARD_POINT_SIZE``, at which the
    whole note fits a folded card: on its right inside panel if it can, else across both
    inside panels with the closing and signature kept together and with the end of the
    note. Pages that are not cards are not fitted. Raises FontError if the font is not
    loaded."""
    if not layout.page.is_card:
        return CardFit(layout.point_size, 0, True)
    width, height = printable_area(layout.page, layout.margin_mm)
    closing = _closing_start(text)
    sizes = _sizes(layout.point_size)
    for panels in range(1, CARD_PANELS + 1):
        for size in sizes:
            doc = note_document(text, replace(layout, point_size=size), width)
            used = _panels_used(doc, layout, height, closing)
            if used <= panels:
                return CardFit(size, used, True)
    return CardFit(layout.point_size, 0, False, _words_over(text, layout, closing, sizes[-1]))


def _words_over(text: str, layout: NoteLayout, closing: int, smallest: float) -> int:
    """About how many words to cut (from the end of the note, before the closing) for it
    to fit both panels at the smallest size; rounded up to 5."""
    width, height = printable_area(layout.page, layout.margin_mm)
    body, end = text[:closing] if closing else text, text[closing:] if closing else ""
    words = list(re.finditer(r"\S+", body))

    def fits_without(count: int) -> bool:
        # Whether the panels hold it (grows steadily with the cut; where it first does,
        # the last panel is full, so the closing has company there).
        kept = body[: words[len(words) - count].start()].rstrip() if count else body
        shorter = f"{kept}\n\n{end}" if end else kept
        doc = note_document(shorter, replace(layout, point_size=smallest), width)
        return len(_paginate(_lines(doc, layout.line_spacing), height)) <= CARD_PANELS

    low, high = 1, len(words)  # the smallest cut that fits lies in [low, high]
    while low < high:
        middle = (low + high) // 2
        if fits_without(middle):
            high = middle
        else:
            low = middle + 1
    return max(5, -(-low // 5) * 5)


def paint_note(printer: QPrinter, text: str, layout: NoteLayout, fit: CardFit | None = None) -> int:
    """Print ``text`` on ``printer`` as laid out (on a folded card, fitted to it: see
    ``fit_to_card``; ``fit``, when the caller already measured it for this text and
    layout, is used as it is: measuring takes tens of milliseconds); returns the number
    of pages.

    Raises FontError (before anything is printed) if the font is not loaded, PrintError
    if the printer refuses the page format or cannot start.
    """
    exact_font(layout.font_family, layout.point_size)
    if fit is None:
        fit = fit_to_card(text, layout)
    if fit.fits:
        layout = replace(layout, point_size=fit.point_size)
    width, height = _configure(
        printer,
        layout.page.page_size(),
        QPageLayout.Orientation.Portrait,
        layout.margin_mm,
        layout.page.label,
    )
    doc = note_document(text, layout, width)
    pages = _paginate(_lines(doc, layout.line_spacing), height)

    painter = _begin(printer)
    try:
        for number, page in enumerate(pages):
            if number and not printer.newPage():
                raise PrintError(translate("printing", "The printer refused to start a new page."))
            offset = page[0].top if page else 0.0
            if layout.ruled:
                painter.setPen(QPen(RULE, RULE_WIDTH_PT))
                for y in _rule_positions(page, offset, height, layout.point_size):
                    painter.drawLine(QPointF(0, y), QPointF(width, y))
            _draw_lines(painter, page, QPointF(0, -offset))
    finally:
        painter.end()
    return len(pages)


def _pdf_printer(path: Path, title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setCreator(CREATOR)
    printer.setDocName(title)
    printer.setFontEmbeddingEnabled(True)
    return printer


def note_to_pdf(path: Path, text: str, layout: NoteLayout, title: str = "") -> int:
    """Save the note as a PDF at ``path``; returns the number of pages."""
    return paint_note(_pdf_printer(path, title), text, layout)


def _fitted(
    text: str, family: str, point_size: float, width: float, height: float, spacing: float
) -> QTextDocument:
    """``text`` ``width`` wide, the font shrunk (to 6 pt at least) until it fits ``height``."""
    size = point_size
    while True:
        doc = _plain_document(text, exact_font(family, size), spacing)
        doc.setTextWidth(width)
        doc.setTextWidth(min(width, doc.idealWidth()))
        if (doc.size().height() <= height and doc.idealWidth() <= width) or size <= 6.0:
            return doc
        size = max(6.0, size - 0.5)


def _draw_document(painter: QPainter, doc: QTextDocument, at: QPointF) -> None:
    _draw_lines(painter, _lines(doc, 1.0), at)


def paint_envelope(
    printer: QPrinter,
    to_address: str,
    from_address: str,
    fmt: EnvelopeFormat,
    font_family: str,
    point_size: float = 14.0,
) -> None:
    """The recipient's address (and, on envelopes, the sender's) in the handwriting font.

    The sender goes small in the top-left corner, the recipient in the middle-right; an
    address label has only the recipient, centred. Raises FontError before printing if
    the font is not loaded, PrintError if the printer refuses the format.
    """
    exact_font(font_family, point_size)
    width, height = _configure(printer, fmt.page_size(), fmt.orientation, fmt.margin_mm, fmt.label)
    spacing = 1.15
    to_text = to_address.strip("\n")
    from_text = from_address.strip("\n")

    if fmt is EnvelopeFormat.LABEL:
        sender = None
        recipient = _fitted(to_text, font_family, point_size, width, height, spacing)
        size = recipient.size()
        to_at = QPointF(
            max(0.0, (width - size.width()) / 2), max(0.0, (height - size.height()) / 2)
        )
    else:
        sender_size = max(7.0, point_size * 0.65)
        sender = _fitted(from_text, font_family, sender_size, width * 0.45, height * 0.4, spacing)
        left = width * 0.42
        top_limit = sender.size().height() + point_size if from_text else 0.0
        recipient = _fitted(
            to_text, font_family, point_size, width - left, height - top_limit, spacing
        )
        block_height = recipient.size().height()
        # Centred a little below the middle, clear of the sender and of the bottom edge.
        top = min(max(height * 0.55 - block_height / 2, top_limit), height - block_height)
        to_at = QPointF(left, max(0.0, top))

    painter = _begin(printer)
    try:
        if sender is not None and from_text:
            _draw_document(painter, sender, QPointF(0, 0))
        _draw_document(painter, recipient, to_at)
    finally:
        painter.end()


def envelope_to_pdf(
    path: Path,
    to_address: str,
    from_address: str,
    fmt: EnvelopeFormat,
    font_family: str,
    point_size: float = 14.0,
    title: str = "",
) -> None:
    """Save the envelope (or address label) as a one-page PDF at ``path``."""
    paint_envelope(
        _pdf_printer(path, title), to_address, from_address, fmt, font_family, point_size
    )
