"""The application's fields and the dialog that moves it to another stage."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.stages import (
    ClosureReason,
    Stage,
    StageError,
    allowed_targets,
    is_closed,
    plan_stage_change,
    reasons_for,
)
from followthrough.domain.validation import (
    COMPANY_LIMIT,
    LINE_LIMIT,
    LOCATION_LIMIT,
    ROLE_LIMIT,
    URL_LIMIT,
    application_problems,
)
from followthrough.domain.wording import QT_TRANSLATE_NOOP
from followthrough.store.applications import ApplicationFields
from followthrough.ui.applications.labels import reason_label, stage_label
from followthrough.ui.common.forms import LineLimit, date_edit, error_label, set_combo_data
from followthrough.ui.common.locale_words import from_qdate, to_qdate
from followthrough.ui.common.text import fit_title

# Suggestions for where the posting was found (the field takes any text).
SOURCES = (
    QT_TRANSLATE_NOOP("applications", "LinkedIn"),
    QT_TRANSLATE_NOOP("applications", "Company site"),
    QT_TRANSLATE_NOOP("applications", "Referral"),
    QT_TRANSLATE_NOOP("applications", "Job board"),
    QT_TRANSLATE_NOOP("applications", "Recruiter"),
    QT_TRANSLATE_NOOP("applications", "Career fair"),
)


class ApplicationForm(QWidget):
    """Company, role, posting, source, dates and notes, with inline messages.

    Signals:
        changed(): any field was edited.
    """

    changed = Signal()

    def __init__(self, today: date, with_notes: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.company = QLineEdit()
        self.company.setObjectName("company")
        self.company.setPlaceholderText(self.tr("Required"))
        self.role_title = QLineEdit()
        self.role_title.setObjectName("roleTitle")
        self.posting_url = QLineEdit()
        self.posting_url.setObjectName("postingUrl")
        self.posting_url.setPlaceholderText(self.tr("https://…"))
        self.location = QLineEdit()
        self.source = QComboBox()
        self.source.setEditable(True)
        self.source.addItems(
            ["", *(QCoreApplication.translate("applications", source) for source in SOURCES)]
        )
        self.applied = QCheckBox(self.tr("Applied on"))
        self.applied.setChecked(True)
        self.applied_on = date_edit(today)
        self.applied.toggled.connect(self.applied_on.setEnabled)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setObjectName("applicationNotes")
        self.errors: dict[str, QLabel] = {}
        self._add_rows(form, with_notes)
        self._hold_to_limits()
        for line in (self.company, self.role_title, self.posting_url, self.location):
            line.textEdited.connect(self.changed)
        self.source.editTextChanged.connect(self.changed)
        self.applied.toggled.connect(self.changed)
        self.applied_on.dateChanged.connect(self.changed)
        self.applied_on.dateChanged.connect(lambda _d: self.errors["applied_on"].hide())
        self.notes.textChanged.connect(self.changed)
        self._saved = self.value()

    def _add_rows(self, form: QFormLayout, with_notes: bool) -> None:
        """Each field, with its message (hidden until there is one) below it."""
        rows: tuple[tuple[str, str | QCheckBox, QWidget], ...] = (
            ("company", self.tr("&Company"), self.company),
            ("role_title", self.tr("Rol&e"), self.role_title),
            ("posting_url", self.tr("Posting &URL"), self.posting_url),
            ("location", self.tr("&Location"), self.location),
            ("source", self.tr("&Source"), self.source),
            ("applied_on", self.applied, self.applied_on),
        )
        for name, label, field in rows:
            form.addRow(label, field)
            self.errors[name] = error_label(name)
            form.addRow("", self.errors[name])
        if with_notes:
            self.notes.setFixedHeight(80)
            form.addRow(self.tr("&Notes"), self.notes)

    def _hold_to_limits(self) -> None:
        source = self.source.lineEdit()
        assert source is not None  # the combo is editable
        self.limits = {
            name: LineLimit(edit, limit, what, self.errors[name])
            for name, edit, limit, what in (
                ("company", self.company, COMPANY_LIMIT, self.tr("The company name")),
                ("role_title", self.role_title, ROLE_LIMIT, self.tr("The role")),
                ("posting_url", self.posting_url, URL_LIMIT, self.tr("The posting URL")),
                ("location", self.location, LOCATION_LIMIT, self.tr("The location")),
                ("source", source, LINE_LIMIT, self.tr("The source")),
            )
        }

    def value(self) -> ApplicationFields:
        return ApplicationFields(
            company=self.company.text().strip(),
            role_title=self.role_title.text().strip(),
            posting_url=self.posting_url.text().strip(),
            location=self.location.text().strip(),
            source=self.source.currentText().strip(),
            applied_on=from_qdate(self.applied_on.date()) if self.applied.isChecked() else None,
            notes=self.notes.toPlainText(),
        )

    def set_value(self, fields: ApplicationFields) -> None:
        for label in self.errors.values():
            label.hide()
        self.limits["company"].set_text(fields.company)
        self.limits["role_title"].set_text(fields.role_title)
        self.limits["posting_url"].set_text(fields.posting_url)
        self.limits["location"].set_text(fields.location)
        self.limits["source"].set_text(fields.source)
        self.applied.setChecked(fields.applied_on is not None)
        if fields.applied_on is not None:
            self.applied_on.setDate(to_qdate(fields.applied_on))
        self.notes.setPlainText(fields.notes)
        self.mark_saved()

    def mark_saved(self) -> None:
        self._saved = self.value()

    def is_dirty(self) -> bool:
        return self.value() != self._saved

    def has_input(self) -> bool:
        value = self.value()
        return any(
            (
                value.company,
                value.role_title,
                value.posting_url,
                value.location,
                value.notes.strip(),
            )
        )

    def check(self) -> bool:
        """Shows a message under each field that cannot be saved; True when all is well."""
        value = self.value()
        problems = application_problems(
            value.company,
            value.posting_url,
            value.applied_on,
            role_title=value.role_title,
            location=value.location,
            source=value.source,
            today=self._today,
        )
        for name, label in self.errors.items():
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)
        if problems:
            fields: dict[str, QWidget] = {
                "company": self.company,
                "role_title": self.role_title,
                "posting_url": self.posting_url,
                "location": self.location,
                "source": self.source,
                "applied_on": self.applied_on,
            }
            fields[next(iter(problems))].setFocus(Qt.FocusReason.OtherFocusReason)
        return not problems


class StageChangeDialog(QDialog):
    """Move an application to another stage; closing it asks for the reason."""

    def __init__(
        self,
        company: str,
        current: Stage,
        today: date,
        target: Stage | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change stage — {company}").format(company=company))
        fit_title(self)  # a short form under a long title cut it to "Change stag…low-Through"
        self.current = current
        self.today = today
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Now: <b>{stage}</b>").format(stage=stage_label(current))))
        form = QFormLayout()
        self.target = QComboBox()
        self.target.setObjectName("targetStage")
        for stage in Stage:
            if stage in allowed_targets(current):
                self.target.addItem(stage_label(stage), stage)
        self.reason = QComboBox()
        self.reason.setObjectName("closureReason")
        self.reason_label = QLabel(self.tr("&Why it closed"))
        self.reason_label.setBuddy(self.reason)
        form.addRow(self.tr("&Move to"), self.target)
        form.addRow(self.reason_label, self.reason)
        layout.addLayout(form)
        # Said while OK waits for a reason, so a disabled OK is never a riddle.
        self.reason_hint = QLabel(self.tr("Choose why it closed; then OK records it."))
        self.reason_hint.setObjectName("reasonHint")
        self.reason_hint.setWordWrap(True)
        layout.addWidget(self.reason_hint)
        self.error = error_label("stage")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.target.currentIndexChanged.connect(self._update_reasons)
        self._needs_reason = False
        self.reason.currentIndexChanged.connect(self._update_ok)
        if target is not None:
            set_combo_data(self.target, target)
        self._update_reasons()

    def chosen_stage(self) -> Stage | None:
        value = self.target.currentData()
        return Stage(value) if value is not None else None

    def chosen_reason(self) -> ClosureReason | None:
        value = self.reason.currentData()
        return ClosureReason(value) if value else None

    def _update_reasons(self) -> None:
        stage = self.chosen_stage()
        self.reason.clear()
        fitting = reasons_for(stage) if stage is not None else ()
        needs = stage is not None and is_closed(stage) and bool(fitting)
        self._needs_reason = needs
        self.reason.setVisible(needs)
        self.reason_label.setVisible(needs)
        if needs:
            # A lone reason is the stage's own ("Rejected": they turned me down): it is
            # chosen with the stage. Between several, what is recorded is what was chosen.
            if len(fitting) > 1:
                self.reason.addItem(self.tr("Choose…"), None)
            for reason in fitting:
                self.reason.addItem(reason_label(reason), reason.value)
        self.error.hide()
        self._update_ok()

    def _update_ok(self) -> None:
        waiting = self._needs_reason and self.chosen_reason() is None
        self.ok_button.setEnabled(not waiting)
        self.reason_hint.setVisible(waiting)

    def accept(self) -> None:
        stage = self.chosen_stage()
        if stage is None:
            self.error.setText(self.tr("There is no stage to move to from here."))
            self.error.show()
            return
        try:
            plan_stage_change(self.current, stage, self.today, self.chosen_reason())
        except StageError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()
