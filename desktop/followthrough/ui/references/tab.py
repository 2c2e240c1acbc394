"""An application's references and network contacts: who they are, where each stands, and
the next step for the selected one."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from followthrough.domain.references import MessagePurpose, ReferenceKind
from followthrough.domain.stages import Stage, is_closed
from followthrough.domain.wording import short_day
from followthrough.store.references import ReferenceLine
from followthrough.ui.common.table_model import Column, RecordTableModel
from followthrough.ui.common.theme import ColourRole
from followthrough.ui.common.widgets import record_table
from followthrough.ui.references.flow import ReferenceFlow
from followthrough.ui.references.labels import kind_label, standing_text


def _day(line_day: date | None) -> str:
    return short_day(line_day) if line_day is not None else ""


def _next_colour(line: ReferenceLine) -> ColourRole | None:
    """Amber while something is owed to them."""
    if line.kind is ReferenceKind.NETWORK:
        return None if line.checked_in_at else ColourRole.OWED
    owed = line.heads_up_at is None or (line.contacted_on is not None and line.thanked_on is None)
    return ColourRole.OWED if owed else None


class ReferencesTab(QWidget):
    def __init__(self, flow: ReferenceFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.application_id: int | None = None
        self.company = ""
        self.stage = Stage.APPLIED
        layout = QVBoxLayout(self)
        self.help = QLabel(
            self.tr(
                "References hear from you before any call (a heads-up), are thanked once they "
                "were contacted, and learn how it ended. Network contacts who helped you in get "
                "a check-in after each interview."
            )
        )
        self.help.setWordWrap(True)
        layout.addWidget(self.help)
        self.model: RecordTableModel[ReferenceLine] = RecordTableModel(self._columns())
        self.table = record_table(self.model, "detailReferences", fit_contents=True)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._fit_buttons())
        self.table.doubleClicked.connect(lambda _i: self.next_step())
        layout.addWidget(self.table, 1)
        layout.addLayout(self._build_add_row())
        layout.addLayout(self._build_step_row())
        self._fit_buttons()

    def _columns(self) -> list[Column[ReferenceLine]]:
        return [
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("As"), lambda r: kind_label(r.kind)),
            Column(self.tr("Where it stands"), standing_text, colour=_next_colour),
            Column(self.tr("Given"), lambda r: _day(r.given_on)),
            Column(
                self.tr("Heads-up"),
                lambda r: _day(r.heads_up_at.date() if r.heads_up_at else None),
            ),
            Column(self.tr("Contacted"), lambda r: _day(r.contacted_on)),
            Column(self.tr("Thanked"), lambda r: _day(r.thanked_on)),
        ]

    def _build_add_row(self) -> QHBoxLayout:
        add_row = QHBoxLayout()
        self.add_reference_button = QPushButton(self.tr("A&dd a reference…"))
        self.add_reference_button.setObjectName("addReference")
        self.add_reference_button.clicked.connect(lambda: self._add(ReferenceKind.REFERENCE))
        self.add_network_button = QPushButton(self.tr("Add a network &contact…"))
        self.add_network_button.setObjectName("addNetworkContact")
        self.add_network_button.clicked.connect(lambda: self._add(ReferenceKind.NETWORK))
        self.remove_button = QPushButton(self.tr("Remo&ve…"))
        self.remove_button.clicked.connect(self._remove)
        add_row.addWidget(self.add_reference_button)
        add_row.addWidget(self.add_network_button)
        add_row.addStretch(1)
        add_row.addWidget(self.remove_button)
        return add_row

    def _build_step_row(self) -> QHBoxLayout:
        """The next steps with the selected person, and taking the last one back."""
        step_row = QHBoxLayout()
        self.heads_up_button = QPushButton(self.tr("Heads-&up…"))
        self.heads_up_button.setObjectName("referenceHeadsUp")
        self.heads_up_button.clicked.connect(lambda: self._message(MessagePurpose.HEADS_UP))
        self.contacted_button = QPushButton(self.tr("They &were called…"))
        self.contacted_button.setObjectName("referenceContacted")
        self.contacted_button.clicked.connect(self._contacted)
        self.thank_button = QPushButton(self.tr("Than&k them…"))
        self.thank_button.setObjectName("referenceThank")
        self.thank_button.clicked.connect(lambda: self._message(MessagePurpose.THANKS))
        self.outcome_button = QPushButton(self.tr("Tell how it &ended…"))
        self.outcome_button.setObjectName("referenceOutcome")
        self.outcome_button.clicked.connect(lambda: self._message(MessagePurpose.OUTCOME))
        self.check_in_button = QPushButton(self.tr("Chec&k in…"))
        self.check_in_button.setObjectName("networkCheckIn")
        self.check_in_button.clicked.connect(lambda: self._message(MessagePurpose.CHECK_IN))
        self.undo_button = QPushButton(self.tr("Take &back last step…"))
        self.undo_button.setObjectName("referenceUndo")
        self.undo_button.clicked.connect(self._undo)
        for button in (
            self.heads_up_button,
            self.contacted_button,
            self.thank_button,
            self.outcome_button,
            self.check_in_button,
        ):
            step_row.addWidget(button)
        step_row.addStretch(1)
        step_row.addWidget(self.undo_button)
        return step_row

    def set_lines(
        self, application_id: int, company: str, stage: Stage, lines: list[ReferenceLine]
    ) -> None:
        selected = self.selected()
        self.application_id, self.company, self.stage = application_id, company, stage
        self.model.set_rows(lines)
        keep = next(
            (i for i, line in enumerate(lines) if selected and line.link_id == selected.link_id),
            0 if lines else None,
        )
        if keep is not None:
            self.table.selectRow(keep)
        self._fit_buttons()

    def select_link(self, link_id: int) -> bool:
        """Choose the person on this reference link (False: not listed)."""
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).link_id == link_id:
                self.table.selectRow(row)
                self._fit_buttons()
                return True
        return False

    def selected(self) -> ReferenceLine | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(rows[0].row())

    def _fit_buttons(self) -> None:
        line = self.selected()
        reference = line is not None and line.kind is ReferenceKind.REFERENCE
        network = line is not None and line.kind is ReferenceKind.NETWORK
        self.remove_button.setEnabled(line is not None)
        self.heads_up_button.setVisible(not network)
        self.contacted_button.setVisible(not network)
        self.thank_button.setVisible(not network)
        self.outcome_button.setVisible(not network)
        self.check_in_button.setVisible(network)
        self.heads_up_button.setEnabled(reference)
        self.contacted_button.setEnabled(reference)
        contacted = line is not None and line.contacted_on is not None
        self.thank_button.setEnabled(reference and contacted)
        self.outcome_button.setEnabled(reference and is_closed(self.stage))
        self.check_in_button.setEnabled(network)
        self.undo_button.setEnabled(line is not None and self._last_step(line) is not None)

    @staticmethod
    def _last_step(line: ReferenceLine) -> tuple[str, str] | None:
        """(step, label) of the latest recorded step, to take back."""
        if line.kind is ReferenceKind.NETWORK:
            if line.checked_in_at is None:
                return None
            return "checked_in", QCoreApplication.translate("ReferencesTab", "checked in")
        for step, label, value in (
            (
                "outcome",
                QCoreApplication.translate("ReferencesTab", "told how it ended"),
                line.outcome_told_on,
            ),
            ("thanked", QCoreApplication.translate("ReferencesTab", "thanked"), line.thanked_on),
            (
                "contacted",
                QCoreApplication.translate("ReferencesTab", "contacted"),
                line.contacted_on,
            ),
            (
                "heads_up",
                QCoreApplication.translate("ReferencesTab", "heads-up sent"),
                line.heads_up_at,
            ),
        ):
            if value is not None:
                return step, label
        return None

    # -- actions -------------------------------------------------------------------------

    def next_step(self) -> None:
        """Double-click: whatever is owed to the selected person next."""
        line = self.selected()
        if line is None:
            return
        if line.kind is ReferenceKind.NETWORK:
            self._message(MessagePurpose.CHECK_IN)
        elif line.heads_up_at is None:
            self._message(MessagePurpose.HEADS_UP)
        elif line.contacted_on is not None and line.thanked_on is None:
            self._message(MessagePurpose.THANKS)
        elif is_closed(self.stage) and line.outcome_told_on is None:
            self._message(MessagePurpose.OUTCOME)
        else:
            self._message(MessagePurpose.HEADS_UP)

    def _add(self, kind: ReferenceKind) -> None:
        if self.application_id is not None:
            self.flow.add(self.application_id, kind)

    def _remove(self) -> None:
        line = self.selected()
        if line is not None:
            self.flow.remove(line)

    def _message(self, purpose: MessagePurpose) -> None:
        line = self.selected()
        if line is not None:
            self.flow.open(line.link_id, purpose)

    def _contacted(self) -> None:
        line = self.selected()
        if line is not None:
            self.flow.log_contacted(line, self.company)

    def _undo(self) -> None:
        line = self.selected()
        last = self._last_step(line) if line is not None else None
        if line is not None and last is not None:
            self.flow.undo(line, *last)
