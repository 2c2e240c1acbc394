"""Form widgets shared by dialogs: application fields, a stage change, a contact."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
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
from followthrough.domain.validation import EARLIEST_DAY, LATEST_DAY, application_problems
from followthrough.store.applications import ApplicationFields
from followthrough.store.contacts import ROLE_KINDS, ROLE_LABELS, ContactFields, contact_problems

SOURCES = ("LinkedIn", "Company site", "Referral", "Job board", "Recruiter", "Career fair")
METHOD_CHOICES = (
    ("Not known yet", None),
    ("Phone", "phone"),
    ("Email", "email"),
    ("Either", "either"),
)
ERROR_STYLE = "color: #b00020;"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def date_edit(day: date | None = None) -> QDateEdit:
    """A date field that only takes days the app accepts (1970 to 2200)."""
    editor = QDateEdit(to_qdate(day)) if day is not None else QDateEdit()
    editor.setDateRange(to_qdate(EARLIEST_DAY), to_qdate(LATEST_DAY))
    return editor


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"{name}Error")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def keep_narrow(combo: QComboBox, characters: int = 28) -> QComboBox:
    """``combo`` sized for about ``characters`` characters whatever its items say: a long
    name in the list would otherwise widen the whole form (the list still shows it all)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    view = combo.view()
    if view is not None:
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
    return combo


def method_combo() -> QComboBox:
    combo = QComboBox()
    for text, value in METHOD_CHOICES:
        combo.addItem(text, value)
    return combo


def set_combo_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class ApplicationForm(QWidget):
    """Company, role, posting, source, dates and notes, with inline messages.

    Signals:
        changed(): any field was edited.
    """

    changed = Signal()

    def __init__(self, today: date, with_notes: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.company = QLineEdit()
        self.company.setObjectName("company")
        self.company.setPlaceholderText("Required")
        self.role_title = QLineEdit()
        self.role_title.setObjectName("roleTitle")
        self.posting_url = QLineEdit()
        self.posting_url.setObjectName("postingUrl")
        self.posting_url.setPlaceholderText("https://…")
        self.location = QLineEdit()
        self.source = QComboBox()
        self.source.setEditable(True)
        self.source.addItems(["", *SOURCES])
        self.applied = QCheckBox("Applied on")
        self.applied.setChecked(True)
        self.applied_on = date_edit(today)
        self.applied_on.setCalendarPopup(True)
        self.applied_on.setDisplayFormat("yyyy-MM-dd")
        self.applied.toggled.connect(self.applied_on.setEnabled)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setObjectName("applicationNotes")
        self.errors: dict[str, QLabel] = {}
        for name, label, field in (
            ("company", "&Company", self.company),
            ("role_title", "&Role", self.role_title),
            ("posting_url", "Posting &URL", self.posting_url),
        ):
            form.addRow(label, field)
            self.errors[name] = error_label(name)
            form.addRow("", self.errors[name])
        form.addRow("&Location", self.location)
        form.addRow("&Source", self.source)
        form.addRow(self.applied, self.applied_on)
        if with_notes:
            self.notes.setFixedHeight(80)
            form.addRow("&Notes", self.notes)
        for line in (self.company, self.role_title, self.posting_url, self.location):
            line.textEdited.connect(self.changed)
        self.source.editTextChanged.connect(self.changed)
        self.applied.toggled.connect(self.changed)
        self.applied_on.dateChanged.connect(self.changed)
        self.notes.textChanged.connect(self.changed)
        self.company.textEdited.connect(lambda _t: self.errors["company"].hide())
        self.posting_url.textEdited.connect(lambda _t: self.errors["posting_url"].hide())
        self._saved = self.value()

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
        self.company.setText(fields.company)
        self.role_title.setText(fields.role_title)
        self.posting_url.setText(fields.posting_url)
        self.location.setText(fields.location)
        self.source.setEditText(fields.source)
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
        problems = application_problems(value.company, value.posting_url, value.applied_on)
        for name, label in self.errors.items():
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)
        if problems:
            first = {"company": self.company, "posting_url": self.posting_url}[next(iter(problems))]
            first.setFocus(Qt.FocusReason.OtherFocusReason)
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
        self.setWindowTitle(f"Change stage — {company}")
        self.current = current
        self.today = today
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Now: <b>{current.label}</b>"))
        form = QFormLayout()
        self.target = QComboBox()
        self.target.setObjectName("targetStage")
        for stage in Stage:
            if stage in allowed_targets(current):
                self.target.addItem(stage.label, stage)
        self.reason = QComboBox()
        self.reason.setObjectName("closureReason")
        self.reason_label = QLabel("&Why it closed")
        self.reason_label.setBuddy(self.reason)
        form.addRow("&Move to", self.target)
        form.addRow(self.reason_label, self.reason)
        layout.addLayout(form)
        self.error = error_label("stage")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.target.currentIndexChanged.connect(self._update_reasons)
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
        self.reason.setVisible(needs)
        self.reason_label.setVisible(needs)
        if needs:
            # No preselection when there is a choice: the reason must be a decision.
            if len(fitting) > 1:
                self.reason.addItem("Choose…", None)
            for reason in fitting:
                self.reason.addItem(reason.label, reason.value)
        self.error.hide()

    def accept(self) -> None:
        stage = self.chosen_stage()
        if stage is None:
            self.error.setText("There is no stage to move to from here.")
            self.error.show()
            return
        try:
            plan_stage_change(self.current, stage, self.today, self.chosen_reason())
        except StageError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


class ContactForm(QWidget):
    """A person's details, preferred contact method, roles and notes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit()
        self.name.setObjectName("contactName")
        self.name.setPlaceholderText("Required")
        self.title = QLineEdit()
        self.company = QLineEdit()
        self.email = QLineEdit()
        self.email.setObjectName("contactEmail")
        self.phone = QLineEdit()
        self.linkedin_url = QLineEdit()
        self.linkedin_url.setPlaceholderText("https://www.linkedin.com/in/…")
        self.method = method_combo()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.errors = {n: error_label(n) for n in ("name", "email", "linkedin_url")}
        form.addRow("&Name", self.name)
        form.addRow("", self.errors["name"])
        form.addRow("&Title", self.title)
        form.addRow("C&ompany", self.company)
        form.addRow("&Email", self.email)
        form.addRow("", self.errors["email"])
        form.addRow("&Phone", self.phone)
        form.addRow("&LinkedIn", self.linkedin_url)
        form.addRow("", self.errors["linkedin_url"])
        form.addRow("Prefers to be &contacted by", self.method)
        roles = QGridLayout()
        self.roles: dict[str, QCheckBox] = {}
        for index, role in enumerate(ROLE_KINDS):
            box = QCheckBox(ROLE_LABELS[role])
            box.toggled.connect(self.changed)
            self.roles[role] = box
            roles.addWidget(box, index // 3, index % 3)
        form.addRow("Roles", roles)
        # Shown for references only: what makes them a good one.
        self.reference_box = QGroupBox("As a reference")
        self.reference_box.setObjectName("referenceProfile")
        reference_form = QFormLayout(self.reference_box)
        self.relationship = QLineEdit()
        self.relationship.setObjectName("referenceRelationship")
        self.relationship.setPlaceholderText("e.g. my team lead at Globex, 2019–2023")
        self.speaks_to = QPlainTextEdit()
        self.speaks_to.setObjectName("referenceSpeaksTo")
        self.speaks_to.setTabChangesFocus(True)
        self.speaks_to.setFixedHeight(54)
        self.speaks_to.setPlaceholderText("One point per line: projects, skills, how you work")
        self.consent = QCheckBox("Agreed to be a reference on")
        self.consent.setObjectName("referenceConsent")
        self.consent_on = date_edit()
        self.consent_on.setCalendarPopup(True)
        self.consent_on.setDisplayFormat("ddd d MMM yyyy")
        self.consent_on.setDate(QDate.currentDate())
        self.consent_on.setEnabled(False)
        self.consent.toggled.connect(self.consent_on.setEnabled)
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent)
        consent_row.addWidget(self.consent_on)
        consent_row.addStretch(1)
        reference_form.addRow("How they &know you", self.relationship)
        reference_form.addRow("What they can &speak to", self.speaks_to)
        reference_form.addRow(consent_row)
        form.addRow(self.reference_box)
        self.roles["reference"].toggled.connect(lambda _on: self._fit_reference_box())
        self.relationship.textEdited.connect(self.changed)
        self.speaks_to.textChanged.connect(self.changed)
        self.consent.toggled.connect(self.changed)
        self.consent_on.dateChanged.connect(self.changed)
        form.addRow("N&otes", self.notes)
        for line in (
            self.name,
            self.title,
            self.company,
            self.email,
            self.phone,
            self.linkedin_url,
        ):
            line.textEdited.connect(self.changed)
        self.method.currentIndexChanged.connect(self.changed)
        self.notes.textChanged.connect(self.changed)
        self._fit_reference_box()
        self._saved = self.value()

    def value(self) -> ContactFields:
        return ContactFields(
            name=self.name.text().strip(),
            title=self.title.text().strip(),
            company=self.company.text().strip(),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            linkedin_url=self.linkedin_url.text().strip(),
            preferred_method=self.method.currentData(),
            notes=self.notes.toPlainText(),
            roles=frozenset(r for r, box in self.roles.items() if box.isChecked()),
            relationship=self.relationship.text().strip(),
            speaks_to=self.speaks_to.toPlainText().strip(),
            consent_on=from_qdate(self.consent_on.date()) if self.consent.isChecked() else None,
        )

    def _fit_reference_box(self) -> None:
        self.reference_box.setVisible(self.roles["reference"].isChecked())

    def set_value(self, fields: ContactFields) -> None:
        self.name.setText(fields.name)
        self.title.setText(fields.title)
        self.company.setText(fields.company)
        self.email.setText(fields.email)
        self.phone.setText(fields.phone)
        self.linkedin_url.setText(fields.linkedin_url)
        set_combo_data(self.method, fields.preferred_method)
        self.notes.setPlainText(fields.notes)
        for role, box in self.roles.items():
            box.setChecked(role in fields.roles)
        self.relationship.setText(fields.relationship)
        self.speaks_to.setPlainText(fields.speaks_to)
        self.consent.setChecked(fields.consent_on is not None)
        if fields.consent_on is not None:
            self.consent_on.setDate(to_qdate(fields.consent_on))
        self._fit_reference_box()
        self._saved = self.value()

    def is_dirty(self) -> bool:
        return self.value() != self._saved

    def check(self) -> bool:
        problems = contact_problems(self.value())
        for name, label in self.errors.items():
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)
        return not problems
