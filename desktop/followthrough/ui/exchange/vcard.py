"""File ▸ Import ▸ Contacts (vCard)… and File ▸ Export ▸ Contacts (vCard)…

The cards are read and compared with the people the app has off the GUI thread; the
dialog shows each card with what happens to it (a new person, what it adds to one the
app has, nothing new, a repeat) and each card that cannot be kept with why; the import
is one save. The export writes everyone, with what they are in the search in each card's
note.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.exchange.vcards import BadCard, CardFile, CardOutcome, PlannedCard
from followthrough.ui.common.files import suggested_path
from followthrough.ui.common.locale_words import number_text
from followthrough.ui.common.table_model import Column, RecordTableModel
from followthrough.ui.common.text import plain_label, tooltip
from followthrough.ui.common.theme import ColourRole
from followthrough.ui.common.widgets import record_table
from followthrough.ui.exchange.flow import ExchangeFlow

# Marked here, translated where shown; Qt types a marked text as object.
_FIELD_WORDS: dict[str, object] = {
    "title": QT_TRANSLATE_NOOP("VCardImportDialog", "title"),
    "company": QT_TRANSLATE_NOOP("VCardImportDialog", "company"),
    "email": QT_TRANSLATE_NOOP("VCardImportDialog", "e-mail"),
    "phone": QT_TRANSLATE_NOOP("VCardImportDialog", "phone"),
    "linkedin_url": QT_TRANSLATE_NOOP("VCardImportDialog", "LinkedIn"),
    "notes": QT_TRANSLATE_NOOP("VCardImportDialog", "notes"),
}


@dataclass(frozen=True)
class CardRow:
    """One line of the preview: a card the app can keep, or one it cannot."""

    number: int
    line: int
    name: str
    company: str
    email: str
    what: str
    colour: ColourRole | None


@dataclass(frozen=True)
class CardsPreview:
    path: Path
    cards: CardFile
    planned: list[PlannedCard]


def _preview(path: Path) -> CardsPreview:
    """Runs off the GUI thread: the cards read, and compared with the app's people."""
    from followthrough.domain.exchange.vcards import plan_cards
    from followthrough.store.exchange.vcard_files import people, read_vcards

    cards = read_vcards(path)
    return CardsPreview(path, cards, plan_cards(cards.cards, people()))


class VCardImportDialog(QDialog):
    def __init__(self, preview: CardsPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vcardImportDialog")
        self.setWindowTitle(self.tr("Import people from business cards (vCard)"))
        self.preview = preview
        layout = QVBoxLayout(self)
        heading = plain_label(preview.path.name, self, wrap=True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setToolTip(tooltip(str(preview.path)))
        layout.addWidget(heading)
        self.summary = plain_label(self._summary(), self, wrap=True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.model: RecordTableModel[CardRow] = RecordTableModel(self._columns(), self)
        self.model.set_rows(self.rows())
        self.table = record_table(
            self.model, "vcardPreview", widths=(44, 140, 110, 170), sortable=True
        )
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.table, 1)
        # The selected card's words whole (a cell too long for its column ends in "…").
        self.detail = plain_label("", self, wrap=True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        if self.model.rowCount():
            self.table.selectRow(0)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(self.changes() > 0)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 520)

    def _show_detail(self) -> None:
        current = self.table.currentIndex()
        if not current.isValid():
            self.detail.setText("")
            return
        row = self.model.row_at(current.row())
        self.detail.setText(
            self.tr("Card {number}: {words}").format(number=row.number, words=row.what)
        )

    def changes(self) -> int:
        return sum(
            1 for p in self.preview.planned if p.outcome in (CardOutcome.NEW, CardOutcome.ADDS)
        )

    def _summary(self) -> str:
        planned = self.preview.planned

        def count(outcome: CardOutcome) -> str:
            return number_text(sum(1 for p in planned if p.outcome is outcome))

        return self.tr(
            "Cards: {cards}. New people: {new}; people already here who gain something: "
            "{adds}; already here as the card says: {known}; repeated in the file: "
            "{repeated}; cards that cannot be kept: {bad}. People already here are found "
            "by e-mail, else by name, and keep what they have: only what the app does not "
            "know of them is added."
        ).format(
            cards=number_text(len(planned) + len(self.preview.cards.bad)),
            new=count(CardOutcome.NEW),
            adds=count(CardOutcome.ADDS),
            known=count(CardOutcome.KNOWN),
            repeated=count(CardOutcome.REPEATED),
            bad=number_text(len(self.preview.cards.bad)),
        )

    def _columns(self) -> list[Column[CardRow]]:
        def colour(row: CardRow) -> ColourRole | None:
            return row.colour

        return [
            Column(
                self.tr("Card"),
                lambda row: str(row.number),
                sort_key=lambda row: row.number,
                colour=colour,
            ),
            Column(self.tr("Name"), lambda row: row.name, colour=colour),
            Column(self.tr("Company"), lambda row: row.company, colour=colour),
            Column(self.tr("E-mail"), lambda row: row.email, colour=colour),
            Column(self.tr("What happens"), lambda row: row.what, colour=colour),
        ]

    def rows(self) -> list[CardRow]:
        rows = [self._planned_row(plan) for plan in self.preview.planned]
        rows += [self._bad_row(bad) for bad in self.preview.cards.bad]
        return sorted(rows, key=lambda row: row.number)

    def _planned_row(self, plan: PlannedCard) -> CardRow:
        card = plan.card
        if plan.outcome is CardOutcome.NEW:
            what, colour = self.tr("A new person."), None
        elif plan.outcome is CardOutcome.ADDS and plan.person is not None:
            what = self.tr("Already here ({name}): adds {fields}.").format(
                name=plan.person.name,
                fields=", ".join(
                    QCoreApplication.translate("VCardImportDialog", str(_FIELD_WORDS[f]))
                    for f in plan.adds
                ),
            )
            colour = None
        elif plan.outcome is CardOutcome.KNOWN:
            what, colour = self.tr("Already here, as the card says: nothing new."), ColourRole.MUTED
        else:
            what = self.tr("The same person as card {number}: left out.").format(
                number=plan.same_as
            )
            colour = ColourRole.MUTED
        if card.problems:
            what = " ".join((what, *card.problems))
            colour = ColourRole.WARNING
        return CardRow(card.number, card.line, card.name, card.company, card.email, what, colour)

    def _bad_row(self, bad: BadCard) -> CardRow:
        what = self.tr("Left out (line {line}): {problem}").format(
            line=bad.line, problem=bad.problem
        )
        return CardRow(bad.number, bad.line, bad.name, "", "", what, ColourRole.ERROR)


class VCardExchange(ExchangeFlow):
    """Business cards in and out (failures and Retry as the JSON import's)."""

    @staticmethod
    def choose_vcard_to_import(parent: QWidget, folder: Path) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("VCardExchange", "Import people from business cards"),
            str(folder),
            QCoreApplication.translate(
                "VCardExchange", "Business cards (*.vcf *.vcard);;All files (*)"
            ),
        )
        return Path(path) if path else None

    @staticmethod
    def choose_vcard_to_export(parent: QWidget, suggested: Path) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("VCardExchange", "Export the people as business cards"),
            str(suggested),
            QCoreApplication.translate("VCardExchange", "Business cards (*.vcf)"),
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".vcf") else f"{path}.vcf")

    def import_vcards(self) -> None:
        path = self.choose_vcard_to_import(self.parent, self._folder())
        if path is not None:
            self.read_vcards(path)

    def read_vcards(self, path: Path) -> None:
        self.context.runner.submit(
            lambda: _preview(path),
            self._confirm_cards,
            lambda failure: self._import_failed(path, failure, lambda: self.read_vcards(path)),
        )

    def _confirm_cards(self, preview: CardsPreview) -> None:
        dialog = VCardImportDialog(preview, self.parent)
        if self.run_dialog(dialog):
            self.write_cards(preview)

    def write_cards(self, preview: CardsPreview) -> None:
        from followthrough.store.exchange.vcard_files import import_cards

        now = self.context.clock.now()
        self.context.runner.submit_write(
            lambda: import_cards(preview.planned, now),
            lambda report: self.saved(
                QCoreApplication.translate(
                    "VCardExchange",
                    "Imported from {file}: new people {added}, people given more {updated}.",
                ).format(
                    file=preview.path.name,
                    added=number_text(report.added),
                    updated=number_text(report.updated),
                )
            ),
            lambda failure: self._import_failed(
                preview.path, failure, lambda: self.write_cards(preview)
            ),
        )

    def export_vcards(self) -> None:
        suggested = suggested_path(
            QStandardPaths.StandardLocation.DocumentsLocation,
            QCoreApplication.translate("VCardExchange", "follow-through contacts"),
            self._today(),
            "vcf",
        )
        path = self.choose_vcard_to_export(self.parent, Path(suggested))
        if path is not None:
            self.export_vcards_to(path)

    def export_vcards_to(self, path: Path) -> None:
        from followthrough.store.exchange.vcard_files import export_vcards

        self.context.runner.submit(
            lambda: export_vcards(path),
            lambda count: self.tell(
                QCoreApplication.translate(
                    "VCardExchange",
                    "People exported to {path}: {count}. An address book or a phone takes them.",
                ).format(count=number_text(count), path=path)
            ),
            lambda failure: self._vcards_failed(path, failure),
        )

    def _vcards_failed(self, path: Path, failure: str) -> None:
        text = QCoreApplication.translate("VCardExchange", "Nothing was exported to {path}.")
        if self.retry_after(self.parent, text.format(path=path), failure):
            self.export_vcards_to(path)
