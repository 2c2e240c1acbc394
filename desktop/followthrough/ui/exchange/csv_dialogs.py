"""File ▸ Import ▸ Applications from CSV…: which column is what, then what each row
becomes, before anything is written.

Step one shows each of the file's columns with its first values and what it becomes
(guessed from its name; "ignore" for the rest), how the file's statuses map to the
app's stages, and, when the file's dates could be read two ways (03/04/2026), which way:
set by the dates that tell (11/20/2026 is month first), asked when they disagree. Step
two is the preview: every row with what happens to it and its problems in plain words;
duplicates, jobs not applied to yet and rows whose values do not fit the columns are left
out unless ticked in; a file cut off in the middle of its last row is said above it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.exchange.csv_mapping import (
    CsvField,
    NotApplied,
    StageChoice,
    distinct_statuses,
    guess_columns,
    guess_stage,
)
from followthrough.domain.exchange.csv_plan import (
    CsvMapping,
    CsvPlan,
    Outcome,
    PlannedRow,
    outcome_words,
    plan_import,
    shown,
)
from followthrough.domain.exchange.csv_table import CsvTable
from followthrough.domain.exchange.file_dates import DateEvidence, DateOrder, date_evidence
from followthrough.domain.stages import Stage
from followthrough.domain.wording import long_day
from followthrough.store.exchange.csv_import import KnownApplications
from followthrough.ui.applications.labels import stage_label
from followthrough.ui.common.locale_words import number_text
from followthrough.ui.common.table_model import Column, RecordTableModel
from followthrough.ui.common.text import plain_label, tooltip
from followthrough.ui.common.theme import ColourRole, colour_text
from followthrough.ui.common.widgets import record_table

# Statuses listed in step one; more different ones than this are guessed, not shown.
_MOST_STATUSES = 40
_EXAMPLES = 3


@dataclass(frozen=True)
class CsvReading:
    """A CSV file read into a table, and the applications the app has (read off the GUI
    thread)."""

    path: Path
    table: CsvTable
    known: KnownApplications


def _month_first_here() -> bool:
    """Whether this computer's language writes the month first (the United States)."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return pattern.lstrip().upper().startswith("M")


def _says_something(row: PlannedRow) -> bool:
    return bool(row.problems) or row.outcome is not Outcome.IMPORT


class CsvImportDialog(QDialog):
    """The mapping step, then the preview; accepted with the plan to import."""

    def __init__(self, reading: CsvReading, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csvImportDialog")
        self.setWindowTitle(self.tr("Import applications from a CSV file"))
        self.reading = reading
        self.today = today
        self.columns = guess_columns(reading.table.headers)
        self.stage_choices: dict[str, StageChoice] = {}
        # The person chose how to read the dates (kept over the dates' own say).
        self.date_chosen = False
        self.dates = DateEvidence()
        self.plan = CsvPlan([])
        self.field_boxes: list[QComboBox] = []
        self.status_boxes: dict[str, QComboBox] = {}
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._preview_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self._buttons())
        self._refresh_mapping()
        self._show_page(0)
        self.resize(860, 620)

    # -- the person's choices ------------------------------------------------------------

    def mapping(self) -> CsvMapping:
        return CsvMapping(
            tuple(self.columns),
            dict(self.stage_choices),
            DateOrder(self.date_box.currentData()),
            with_duplicates=self.duplicates_box.isChecked(),
            with_not_applied=self.not_applied_box.isChecked(),
            with_uneven=self.uneven_box.isChecked(),
        )

    def set_field(self, column: int, target: CsvField) -> None:
        """Column ``column`` becomes ``target`` (as chosen in its box)."""
        box = self.field_boxes[column]
        box.setCurrentIndex(box.findData(target.value))

    def set_stage(self, status: str, choice: StageChoice) -> None:
        """A status of the file (as written) means ``choice``."""
        from followthrough.domain.exchange.csv_mapping import status_key

        box = self.status_boxes[status_key(status)]
        box.setCurrentIndex(box.findData(choice.value))

    # -- step one: which column is what --------------------------------------------------

    def _mapping_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        table = self.reading.table
        heading = plain_label(self.reading.path.name, page, wrap=True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setToolTip(tooltip(str(self.reading.path)))
        layout.addWidget(heading)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Read as {encoding}, columns separated by {separator}: {rows} rows. Choose "
                    "what each column is; the guesses come from the column names."
                ).format(
                    encoding=table.encoding_words,
                    separator=table.delimiter_words,
                    rows=number_text(len(table.rows)),
                ),
                page,
                wrap=True,
            )
        )
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setObjectName("csvColumns")
        inner = QWidget(scroll)
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(self._column_grid(inner))
        inner_layout.addWidget(self._date_row(inner))
        self.status_group = QGroupBox(self.tr("What the file's statuses mean"), inner)
        self.status_grid = QGridLayout(self.status_group)
        inner_layout.addWidget(self.status_group)
        inner_layout.addStretch(1)
        scroll.setWidget(inner)
        layout.addWidget(scroll, 1)
        self.mapping_hint = plain_label("", page, wrap=True)
        colour_text(self.mapping_hint, ColourRole.WARNING)
        layout.addWidget(self.mapping_hint)
        return page

    def _column_grid(self, parent: QWidget) -> QGridLayout:
        grid = QGridLayout()
        for position, title in enumerate(
            (self.tr("Column in the file"), self.tr("First values"), self.tr("Becomes"))
        ):
            label = plain_label(title, parent)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            grid.addWidget(label, 0, position)
        table = self.reading.table
        for column, name in enumerate(table.headers):
            shown_name = name or self.tr("(column {number}, no name)").format(number=column + 1)
            grid.addWidget(plain_label(shown(shown_name), parent), column + 1, 0)
            examples = plain_label(self._examples(column), parent)
            colour_text(examples, ColourRole.MUTED)
            # Long values (links) are cut at the column's edge, whole in the tooltip: they
            # must not push the choices out of sight.
            examples.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            examples.setToolTip(tooltip(examples.text()))
            grid.addWidget(examples, column + 1, 1)
            box = QComboBox(parent)
            box.setObjectName(f"csvField{column}")
            for target in CsvField:
                box.addItem(target.label, target.value)
            box.setCurrentIndex(box.findData(self.columns[column].value))
            box.currentIndexChanged.connect(lambda _i, c=column: self._field_chosen(c))
            grid.addWidget(box, column + 1, 2)
            self.field_boxes.append(box)
        grid.setColumnStretch(1, 1)
        return grid

    def _examples(self, column: int) -> str:
        table, found = self.reading.table, []
        for row in range(min(len(table.rows), 200)):
            value = table.cell(row, column).strip()
            if value and value not in found:
                found.append(value)
            if len(found) == _EXAMPLES:
                break
        return " · ".join(shown(value) for value in found)

    def _date_row(self, parent: QWidget) -> QWidget:
        row = QWidget(parent)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 6, 0, 6)
        self.date_label = plain_label("", row, wrap=True)
        layout.addWidget(self.date_label, 1)
        self.date_box = QComboBox(row)
        self.date_box.setObjectName("csvDateOrder")
        self.date_box.addItem(self.tr("day first (3 April 2026)"), DateOrder.DAY_FIRST.value)
        self.date_box.addItem(self.tr("month first (March 4, 2026)"), DateOrder.MONTH_FIRST.value)
        self.date_box.setCurrentIndex(1 if _month_first_here() else 0)
        self.date_box.setPlaceholderText(self.tr("choose…"))
        self.date_box.activated.connect(self._date_order_chosen)
        layout.addWidget(self.date_box)
        self.date_row = row
        return row

    def _date_order_chosen(self) -> None:
        self.date_chosen = True
        self._refresh_mapping()

    def choose_date_order(self, order: DateOrder) -> None:
        """The person reads the dates in ``order`` (as chosen in its box)."""
        self.date_box.setCurrentIndex(self.date_box.findData(order.value))
        self._date_order_chosen()

    def _field_chosen(self, column: int) -> None:
        target = CsvField(self.field_boxes[column].currentData())
        if target not in (CsvField.IGNORE, CsvField.TO_NOTES):
            # Each field comes from one column: the one it was in gives it up.
            for other, box in enumerate(self.field_boxes):
                if other != column and self.columns[other] is target:
                    self.columns[other] = CsvField.IGNORE
                    box.blockSignals(True)
                    box.setCurrentIndex(box.findData(CsvField.IGNORE.value))
                    box.blockSignals(False)
        self.columns[column] = target
        self._refresh_mapping()

    def _values(self, target: CsvField) -> list[str]:
        column = next((i for i, f in enumerate(self.columns) if f is target), None)
        table = self.reading.table
        return [] if column is None else [table.cell(i, column) for i in range(len(table.rows))]

    def _refresh_mapping(self) -> None:
        self._refresh_dates()
        self._refresh_statuses()
        has_company = CsvField.COMPANY in self.columns
        dates_known = self.date_box.currentIndex() >= 0
        self.next_button.setEnabled(has_company and dates_known)
        if not has_company:
            hint = self.tr("Choose the column that holds the company: every application needs one.")
        elif not dates_known:
            hint = self.tr("Choose how the file's dates are written: its dates disagree.")
        else:
            hint = ""
        self.mapping_hint.setText(hint)

    def _refresh_dates(self) -> None:
        self.dates = dates = date_evidence(self._values(CsvField.APPLIED_ON))
        self.date_row.setVisible(dates.ambiguous or bool(dates.day_first or dates.month_first))
        if dates.conflict:
            self.date_label.setText(
                self.tr(
                    "The file's dates disagree: {day_first} can only be day first, "
                    "{month_first} only month first. Choose how to read them (a date that "
                    "does not fit is left empty, and said):"
                ).format(
                    day_first=", ".join(shown(value) for value in dates.day_first),
                    month_first=", ".join(shown(value) for value in dates.month_first),
                )
            )
            if not self.date_chosen:
                self.date_box.setCurrentIndex(-1)
        elif dates.order is not None:
            if not self.date_chosen:
                self.date_box.setCurrentIndex(self.date_box.findData(dates.order.value))
            self.date_label.setText(self.tr("The file's dates are written (its dates say so):"))
        else:
            if self.date_box.currentIndex() < 0:
                self.date_box.setCurrentIndex(1 if _month_first_here() else 0)
            self.date_label.setText(
                self.tr("A date such as 03/04/2026 could be read two ways; in this file it is:")
            )

    def _refresh_statuses(self) -> None:
        while self.status_grid.count():
            item = self.status_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.status_boxes.clear()
        statuses = list(distinct_statuses(self._values(CsvField.STAGE)).items())
        self.status_group.setVisible(bool(statuses))
        for row, (key, (written, count)) in enumerate(statuses[:_MOST_STATUSES]):
            text = self.tr("{status} (rows: {count})").format(
                status=shown(written), count=number_text(count)
            )
            self.status_grid.addWidget(plain_label(text, self.status_group), row, 0)
            self.status_grid.addWidget(self._stage_box(key, written), row, 1)
            if guess_stage(written) is None and key not in self.stage_choices:
                unknown = plain_label(self.tr("not a status the app knows"), self.status_group)
                colour_text(unknown, ColourRole.WARNING)
                self.status_grid.addWidget(unknown, row, 2)

    def _stage_box(self, key: str, written: str) -> QComboBox:
        box = QComboBox(self.status_group)
        box.setObjectName(f"csvStatus:{key}")
        box.addItem(self.tr("Not applied to yet: leave out"), NotApplied.SKIP.value)
        for stage in Stage:
            box.addItem(stage_label(stage), stage.value)
        guessed = guess_stage(written)
        choice = self.stage_choices.get(key, guessed or Stage.APPLIED)
        box.setCurrentIndex(box.findData(choice.value))
        if guessed is None and key not in self.stage_choices:
            box.setToolTip(self.tr("Not a status the app knows: choose its stage."))
        box.currentIndexChanged.connect(lambda _i, k=key, b=box: self._stage_chosen(k, b))
        self.status_boxes[key] = box
        return box

    def _stage_chosen(self, key: str, box: QComboBox) -> None:
        value = str(box.currentData())
        self.stage_choices[key] = NotApplied(value) if value == NotApplied.SKIP else Stage(value)

    # -- step two: the preview -----------------------------------------------------------

    def _preview_columns(self) -> list[Column[PlannedRow]]:
        def stage(row: PlannedRow) -> str:
            if row.outcome is Outcome.NOT_APPLIED:
                return row.status
            return stage_label(row.draft.stage)

        def colour(row: PlannedRow) -> ColourRole | None:
            if row.outcome in (Outcome.REFUSED, Outcome.UNEVEN):
                return ColourRole.ERROR
            if row.outcome is not Outcome.IMPORT:
                return ColourRole.MUTED
            return ColourRole.WARNING if row.problems else None

        def applied(row: PlannedRow) -> str:
            return long_day(row.draft.applied_on) if row.draft.applied_on else ""

        return [
            Column(
                self.tr("Line"),
                lambda row: str(row.line),
                sort_key=lambda row: row.line,
                colour=colour,
            ),
            Column(self.tr("Company"), lambda row: row.draft.company, colour=colour),
            Column(self.tr("Role"), lambda row: row.draft.role_title, colour=colour),
            Column(self.tr("Stage"), stage, colour=colour),
            Column(
                self.tr("Applied"),
                applied,
                sort_key=lambda row: row.draft.applied_on or date.min,
                colour=colour,
            ),
            Column(self.tr("What happens"), outcome_words, colour=colour),
        ]

    def _preview_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.cut_warning = plain_label("", page, wrap=True)
        self.cut_warning.setObjectName("csvCutShort")
        colour_text(self.cut_warning, ColourRole.WARNING)
        layout.addWidget(self.cut_warning)
        self.summary = plain_label("", page, wrap=True)
        self.summary.setObjectName("csvSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.model: RecordTableModel[PlannedRow] = RecordTableModel(self._preview_columns(), page)
        self.table = record_table(
            self.model, "csvPreview", widths=self._preview_widths(), sortable=True
        )
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        layout.addWidget(self.table, 1)
        # The selected row's words whole (a cell too long for its column ends in "…").
        self.detail = plain_label("", page, wrap=True)
        self.detail.setObjectName("csvDetail")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        self.only_said_box = QCheckBox(self.tr("&Only rows with something to say"), page)
        self.only_said_box.toggled.connect(self._filter)
        layout.addWidget(self.only_said_box)
        self.duplicates_box = QCheckBox(
            self.tr("Import &duplicates too (the same company and role as one already here)"),
            page,
        )
        self.not_applied_box = QCheckBox(
            self.tr("Also import jobs not applied to &yet (wishlist, saved), as Applied"), page
        )
        self.uneven_box = QCheckBox(
            self.tr(
                "Also import rows with &missing or extra columns (their values may be under "
                "the wrong names)"
            ),
            page,
        )
        for box in (self.duplicates_box, self.not_applied_box, self.uneven_box):
            box.toggled.connect(self.show_preview)
            layout.addWidget(box)
        return page

    def _preview_widths(self) -> tuple[int, ...]:
        """Line, company, role, stage and applied: the stage and the day as wide as the
        widest they can be (a day is never cut: "Wed 14 Oct 20…")."""
        metrics = self.fontMetrics()
        # Room for the cell's margins and the header's sort arrow.
        room = 30

        def widest(texts: list[str]) -> int:
            return max(metrics.horizontalAdvance(text) for text in texts) + room

        days = [long_day(date(2026, month, day)) for month in range(1, 13) for day in (22, 28)]
        stages = [stage_label(stage) for stage in Stage]
        return (
            widest([self.tr("Line"), "00000"]),
            130,
            140,
            widest([self.tr("Stage"), *stages]),
            widest([self.tr("Applied"), *days]),
        )

    def show_preview(self) -> None:
        reading = self.reading
        self.plan = plan_import(
            reading.table,
            self.mapping(),
            reading.known.titles,
            self.today,
            reading.known.spelling,
        )
        self.model.set_rows(self.plan.rows)
        self._filter()
        count = self.plan.count(Outcome.IMPORT)
        self.cut_warning.setText(self._cut_words())
        self.cut_warning.setVisible(bool(self.cut_warning.text()))
        self.summary.setText(self._summary_words())
        self.import_button.setEnabled(count > 0)

    def _cut_words(self) -> str:
        table = self.reading.table
        if not table.cut_short:
            return ""
        return self.tr(
            "The file looks cut short: it ends in the middle of its last row (line {line}), "
            "which has only {found} of the {columns} columns. Check that the whole file was "
            "saved, copied or downloaded; that row is left out unless you tick it in below."
        ).format(
            line=table.lines[-1],
            found=number_text(len(table.rows[-1])),
            columns=number_text(len(table.headers)),
        )

    def _summary_words(self) -> str:
        plan = self.plan
        said = sum(1 for row in plan.rows if _says_something(row))
        return self.tr(
            "Rows to import: {count} of {total}. Left out: duplicates {duplicates}, not "
            "applied to yet {not_applied}, with missing or extra columns {uneven}, with a "
            "problem {refused}. Rows with something to say: {said} (see “What happens”). "
            "Nothing is written until you press Import, and then all at once."
        ).format(
            count=number_text(plan.count(Outcome.IMPORT)),
            total=number_text(len(plan.rows)),
            duplicates=number_text(plan.count(Outcome.DUPLICATE)),
            not_applied=number_text(plan.count(Outcome.NOT_APPLIED)),
            uneven=number_text(plan.count(Outcome.UNEVEN)),
            refused=number_text(plan.count(Outcome.REFUSED)),
            said=number_text(said),
        )

    def _filter(self) -> None:
        self.model.set_keep(_says_something if self.only_said_box.isChecked() else None)
        said = next(
            (i for i in range(self.model.rowCount()) if _says_something(self.model.row_at(i))),
            0,
        )
        if self.model.rowCount():
            self.table.selectRow(said)
        self._show_detail()

    def _show_detail(self) -> None:
        current = self.table.currentIndex()
        if not current.isValid():
            self.detail.setText("")
            return
        row = self.model.row_at(current.row())
        self.detail.setText(
            self.tr("Line {line}: {words}").format(line=row.line, words=outcome_words(row))
        )

    # -- the buttons ---------------------------------------------------------------------

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.back_button = QPushButton(self.tr("&Back"), self)
        self.next_button = QPushButton(self.tr("&Next"), self)
        self.import_button = QPushButton(self.tr("&Import"), self)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.next_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.back_button.clicked.connect(lambda: self._show_page(0))
        self.next_button.clicked.connect(self.next_step)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def next_step(self) -> None:
        self.show_preview()
        self._show_page(1)

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.back_button.setVisible(page == 1)
        self.next_button.setVisible(page == 0)
        self.import_button.setVisible(page == 1)
        (self.next_button if page == 0 else self.import_button).setDefault(True)

    def label_texts(self) -> list[str]:
        """Every label's text (for tests)."""
        return [label.text() for label in self.findChildren(QLabel)]
