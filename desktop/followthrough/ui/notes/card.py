"""The composer's card tab: the handwriting font, page, size and ruled lines, the note as
it wraps on the card, and the envelope or label to print. It only shows and remembers
the choices; printing is the composer's (it saves the draft and runs the checks first)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from followthrough.services.fonts import FontError, HandwritingFont, exact_font, missing_glyphs
from followthrough.services.printing import (
    CardFit,
    EnvelopeFormat,
    NoteLayout,
    PageFormat,
    fit_to_card,
)
from followthrough.ui.common.theme import ColourRole, colour, colour_text, style_colour
from followthrough.ui.notes.labels import printing_label

DEFAULT_POINT_SIZE = 13.0


def fit_text(layout: NoteLayout, fit: CardFit) -> str:
    """What the card tab and the print preview say about the fit: the smaller size the
    note is written at, or that it is too long and by about how many words."""
    if fit.fits:
        if fit.point_size >= layout.point_size:
            return ""
        return QCoreApplication.translate(
            "CardTab", "Written at {size} pt (not {chosen}) so the whole note fits the card."
        ).format(size=f"{fit.point_size:g}", chosen=f"{layout.point_size:g}")
    count = fit.words_over
    if layout.page is PageFormat.CARD_A6:
        return QCoreApplication.translate(
            "CardTab",
            "This note is too long for a folded A6 card: shorten it by about %n word(s) or "
            "choose A5.",
            "",
            count,
        )
    if layout.page is PageFormat.CARD_4X6:
        return QCoreApplication.translate(
            "CardTab",
            "This note is too long for a folded 4×6 in card: shorten it by about %n word(s) "
            "or choose A5.",
            "",
            count,
        )
    return QCoreApplication.translate(
        "CardTab",
        "This note is too long for a folded A5 card: shorten it by about %n word(s).",
        "",
        count,
    )


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class CardTab(QWidget):
    """``body`` gives the note's text as it stands; ``saved`` the choices kept from the
    last note (``print_settings()``). ``font_problem`` says why no handwriting font could
    be loaded, if so."""

    def __init__(
        self,
        fonts: list[HandwritingFont],
        font_problem: str | None,
        body: Callable[[], str],
        saved: dict[str, Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.font_problem = font_problem
        self._body = body
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_choices(fonts))
        self.font_error = QLabel(font_problem or "")
        self.font_error.setObjectName("noteFontError")
        self.font_error.setWordWrap(True)
        colour_text(self.font_error, ColourRole.ERROR)
        self.font_error.setVisible(bool(font_problem))
        layout.addWidget(self.font_error)
        self.preview = QTextEdit()
        self.preview.setObjectName("noteCardPreview")
        self.preview.setReadOnly(True)
        self.preview.setAcceptRichText(False)
        # Paper and ink: the card looks like the card whatever the window's theme.
        paper = colour(ColourRole.PAPER).name()
        self.preview.setStyleSheet(
            f"QTextEdit {{ background: {paper}; {style_colour(ColourRole.INK)} }}"
        )
        self.preview.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        # How the note fits the card: the size it is written at, or how much to cut.
        self.fit_label = QLabel()
        self.fit_label.setObjectName("noteCardFit")
        self.fit_label.setWordWrap(True)
        self.fit_label.hide()
        layout.addWidget(self.fit_label)
        layout.addWidget(self.preview, 1)
        layout.addLayout(self._build_envelope_row())
        self._restore(saved)
        for signal in (
            self.font_choice.currentIndexChanged,
            self.page_choice.currentIndexChanged,
            self.size_choice.valueChanged,
            self.ruled.toggled,
        ):
            signal.connect(self.refresh)

    def _build_choices(self, fonts: list[HandwritingFont]) -> QHBoxLayout:
        row = QHBoxLayout()
        self.font_choice = QComboBox()
        self.font_choice.setObjectName("noteFont")
        for font in fonts:
            self.font_choice.addItem(printing_label(font), font.family)
        self.page_choice = QComboBox()
        self.page_choice.setObjectName("notePage")
        for page in PageFormat:
            self.page_choice.addItem(printing_label(page), page.value)
        self.size_choice = QDoubleSpinBox()
        self.size_choice.setObjectName("noteFontSize")
        self.size_choice.setRange(9.0, 36.0)
        self.size_choice.setSingleStep(1.0)
        self.size_choice.setSuffix(self.tr(" pt"))
        self.ruled = QCheckBox(self.tr("Ruled &lines"))
        self.ruled.setObjectName("noteRuled")
        row.addWidget(QLabel(self.tr("Font:")))
        row.addWidget(self.font_choice)
        row.addWidget(QLabel(self.tr("Page:")))
        row.addWidget(self.page_choice)
        row.addWidget(QLabel(self.tr("Size:")))
        row.addWidget(self.size_choice)
        row.addWidget(self.ruled)
        row.addStretch(1)
        return row

    def _build_envelope_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.envelope_choice = QComboBox()
        self.envelope_choice.setObjectName("noteEnvelope")
        for envelope in EnvelopeFormat:
            self.envelope_choice.addItem(printing_label(envelope), envelope.value)
        self.envelope_button = QPushButton(self.tr("En&velope or label…"))
        self.envelope_button.setObjectName("noteEnvelopeButton")
        row.addWidget(QLabel(self.tr("Envelope:")))
        row.addWidget(self.envelope_choice)
        row.addWidget(self.envelope_button)
        row.addStretch(1)
        return row

    def _restore(self, saved: dict[str, Any]) -> None:
        _select(self.font_choice, saved.get("font"))
        _select(self.page_choice, saved.get("page", PageFormat.CARD_A6.value))
        _select(self.envelope_choice, saved.get("envelope", EnvelopeFormat.DL.value))
        try:
            self.size_choice.setValue(float(saved.get("size", DEFAULT_POINT_SIZE)))
        except (TypeError, ValueError):
            self.size_choice.setValue(DEFAULT_POINT_SIZE)
        self.ruled.setChecked(str(saved.get("ruled", "false")).lower() == "true")

    # -- what is chosen ------------------------------------------------------------------

    def layout_choice(self) -> NoteLayout:
        family = self.font_choice.currentData()
        return NoteLayout(
            font_family=str(family) if family else "",
            point_size=self.size_choice.value(),
            page=PageFormat(self.page_choice.currentData()),
            ruled=self.ruled.isChecked(),
        )

    def envelope(self) -> EnvelopeFormat:
        return EnvelopeFormat(self.envelope_choice.currentData())

    def print_settings(self) -> dict[str, Any]:
        """The card choices, to remember for the next note."""
        return {
            "font": self.font_choice.currentData(),
            "page": self.page_choice.currentData(),
            "size": self.size_choice.value(),
            "ruled": "true" if self.ruled.isChecked() else "false",
            "envelope": self.envelope_choice.currentData(),
        }

    # -- the preview ---------------------------------------------------------------------

    def fit(self) -> CardFit | None:
        """How the note fits the chosen card (None: no font to measure with)."""
        layout = self.layout_choice()
        if not layout.font_family:
            return None
        try:
            return fit_to_card(self._body(), layout)
        except FontError:
            return None

    def _show_fit(self, layout: NoteLayout, fit: CardFit | None) -> NoteLayout:
        """Says how the note fits; returns the layout it prints with."""
        text = "" if fit is None else fit_text(layout, fit)
        self.fit_label.setText(text)
        self.fit_label.setVisible(bool(text))
        colour_text(self.fit_label, ColourRole.WARNING if fit and not fit.fits else None)
        if fit is not None and fit.fits:
            return replace(layout, point_size=fit.point_size)
        return layout

    def refresh(self) -> None:
        """Show the note as the card will: in its font, at the size that fits the card,
        wrapped where the card wraps."""
        layout = self.layout_choice()
        body = self._body()
        self.preview.setPlainText(body)
        if not layout.font_family:
            return
        try:
            layout = self._show_fit(layout, fit_to_card(body, layout))
            font = exact_font(layout.font_family, layout.point_size)
        except FontError as exc:
            self.font_error.setText(str(exc))
            self.font_error.show()
            return
        self.preview.setFont(font)
        self.preview.document().setDefaultFont(font)
        # Wrap where the card wraps: the page's width less its margins, at screen size.
        width_mm = layout.page.page_size().size(QPageSize.Unit.Millimeter).width()
        text_mm = max(20.0, width_mm - 2 * layout.margin_mm)
        self.preview.setLineWrapColumnOrWidth(int(text_mm / 25.4 * self.logicalDpiX()))
        missing = missing_glyphs(layout.font_family, body)
        if missing:
            self.font_error.setText(
                self.tr(
                    "{font} cannot draw {characters}: change those characters or pick another "
                    "font, so the card looks the same throughout."
                ).format(font=self.font_choice.currentText(), characters=" ".join(missing))
            )
            self.font_error.show()
        elif not self.font_problem:
            self.font_error.hide()
