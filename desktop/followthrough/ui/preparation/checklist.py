"""The checklist of a further round: each item ticked as it is done (saved at once)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.wording import application_title, short_day
from followthrough.store.preparation.records import Preparation
from followthrough.ui.common.text import plain_label
from followthrough.ui.common.theme import ColourRole, colour_text
from followthrough.ui.common.widgets import resize_on_screen


class PreparationDialog(QDialog):
    """Signals:
    tick(str, bool): an item was ticked (True) or its tick taken back.
    open_debrief(int): the round before's debrief, by its interview.
    """

    tick = Signal(str, bool)
    open_debrief = Signal(int)

    def __init__(self, preparation: Preparation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preparationDialog")
        facts = preparation.facts
        title = application_title(facts.company, preparation.role)
        self.setWindowTitle(
            QCoreApplication.translate("preparation", "Prepare round {round}: {title}").format(
                round=facts.round, title=title
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                QCoreApplication.translate(
                    "preparation",
                    "{title}: round {round} on {day}. Tick each item as you do it; the ticks "
                    "are kept.",
                ).format(title=title, round=facts.round, day=short_day(preparation.day)),
                wrap=True,
            )
        )
        self.boxes: dict[str, QCheckBox] = {}
        layout.addWidget(self._items(preparation), 1)
        self.debrief_button = QPushButton(
            QCoreApplication.translate("preparation", "Open the &debrief of round {n}…").format(
                n=facts.earlier.round if facts.earlier else ""
            )
        )
        self.debrief_button.setVisible(facts.earlier is not None)
        if facts.earlier is not None:
            earlier = facts.earlier.interview_id
            self.debrief_button.clicked.connect(lambda: self.open_debrief.emit(earlier))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.debrief_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)
        resize_on_screen(self, 620, 520)

    def _items(self, preparation: Preparation) -> QScrollArea:
        panel = QWidget()
        column = QVBoxLayout(panel)
        for item in preparation.items:
            # Plain text, but "&" would be read as a keyboard accelerator: doubled.
            box = QCheckBox(item.text.replace("&", "&&"))
            box.setObjectName(f"prep:{item.key}")
            box.setChecked(item.key in preparation.ticked)
            box.toggled.connect(lambda on, key=item.key: self.tick.emit(key, on))
            column.addWidget(box)
            self.boxes[item.key] = box
            if item.detail:
                detail = plain_label(item.detail, wrap=True)
                detail.setContentsMargins(24, 0, 0, 6)
                colour_text(detail, ColourRole.MUTED)
                column.addWidget(detail)
        column.addStretch(1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(panel)
        return area

    def set_ticked(self, key: str, ticked: bool) -> None:
        """Put a box back as saved (a tick that could not be saved)."""
        box = self.boxes.get(key)
        if box is not None:
            box.blockSignals(True)
            box.setChecked(ticked)
            box.blockSignals(False)
