"""What an import will do, asked before it starts: what the file holds, and, for a folder
that has data already, the choice to merge with it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.exchange.reading import Document
from followthrough.domain.exchange.schema import APPLICATION, INTERVIEW, PERSON, REMINDER
from followthrough.domain.wording import clock_time, long_day
from followthrough.store.exchange.importing import FolderHolds
from followthrough.ui.common.locale_words import number_text
from followthrough.ui.common.text import plain_label, tooltip
from followthrough.ui.common.theme import ColourRole, colour_text


@dataclass(frozen=True)
class Preview:
    """A file read and checked, and what the folder holds (read off the GUI thread)."""

    path: Path
    document: Document
    holds: FolderHolds


class ImportDialog(QDialog):
    """Import ▸ JSON…: the file's contents, then Import (with Merge ticked first when the
    folder has data)."""

    def __init__(self, preview: Preview, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import from a JSON file"))
        self.preview = preview
        layout = QVBoxLayout(self)
        layout.addWidget(self._heading())
        layout.addLayout(self._contents(zone))
        layout.addSpacing(6)
        self.merge_box: QCheckBox | None = None
        if preview.holds.empty:
            layout.addWidget(self._explained(self._as_it_was()))
        else:
            layout.addWidget(self._explained(self._not_empty(), warn=True))
            self.merge_box = QCheckBox(self.tr("&Merge with what is here"), self)
            layout.addWidget(self.merge_box)
        if preview.document.unknown:
            layout.addWidget(self._explained(self._newer()))
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if self.merge_box is not None:
            self.import_button.setEnabled(False)
            self.merge_box.toggled.connect(self.import_button.setEnabled)
        self.setMinimumWidth(460)

    def merge(self) -> bool:
        return self.merge_box is not None and self.merge_box.isChecked()

    def _heading(self) -> QLabel:
        label = plain_label(self.preview.path.name, self, wrap=True)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setToolTip(tooltip(str(self.preview.path)))
        return label

    def _contents(self, zone: ZoneInfo) -> QFormLayout:
        document = self.preview.document
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        exported = self._exported_words(zone)
        if exported:
            form.addRow(self.tr("Exported:"), plain_label(exported, self, wrap=True))
        for label, spec in (
            (self.tr("Applications:"), APPLICATION),
            (self.tr("Interviews:"), INTERVIEW),
            (self.tr("People:"), PERSON),
            (self.tr("Reminders:"), REMINDER),
        ):
            form.addRow(label, plain_label(number_text(document.count(spec)), self))
        return form

    def _exported_words(self, zone: ZoneInfo) -> str:
        document = self.preview.document
        when = ""
        if document.exported_at:
            try:
                moment = datetime.fromisoformat(document.exported_at).astimezone(zone)
            except (ValueError, OverflowError):
                moment = None
            if moment is not None:
                when = f"{long_day(moment.date())} {clock_time(moment)}"
        if when and document.exported_by:
            return self.tr("{when}, by {app}").format(when=when, app=document.exported_by)
        return when or document.exported_by

    def _explained(self, text: str, *, warn: bool = False) -> QLabel:
        label = plain_label(text, self, wrap=True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if warn:
            colour_text(label, ColourRole.WARNING)
        return label

    def _as_it_was(self) -> str:
        return self.tr(
            "Everything comes back as it was exported: the same applications, people and "
            "notes, and the same reminders, each as it was left (none is shown again)."
        )

    def _not_empty(self) -> str:
        holds = self.preview.holds
        return self.tr(
            "This data folder is not empty (applications: {applications}, people: "
            "{people}). The file's records can be added to what is here: people (by e-mail, "
            "else by name) and applications (by company and role) already here are matched, "
            "not doubled, and what is here stays as it is."
        ).format(applications=number_text(holds.applications), people=number_text(holds.people))

    def _newer(self) -> str:
        return self.tr(
            "The file was written by a newer version of Follow-Through: what this version "
            "does not know of it is left out."
        )
