"""A person's fields: name, title, how they like to be reached."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from followthrough.domain.contacts import ContactRoleKind
from followthrough.domain.validation import (
    COMPANY_LIMIT,
    EMAIL_LIMIT,
    LINE_LIMIT,
    NAME_LIMIT,
    PHONE_LIMIT,
    URL_LIMIT,
)
from followthrough.store.contacts import ContactFields, contact_problems
from followthrough.ui.common.forms import LineLimit, date_edit, error_label, set_combo_data
from followthrough.ui.common.locale_words import from_qdate, to_qdate
from followthrough.ui.contacts.labels import method_choices, role_label


def method_combo() -> QComboBox:
    combo = QComboBox()
    for text, value in method_choices():
        combo.addItem(text, value)
    return combo


class ContactForm(QWidget):
    """A person's details, preferred contact method, roles and notes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self._build_fields()
        self._add_detail_rows(form)
        form.addRow(self.tr("Roles"), self._build_roles())
        form.addRow(self._build_reference_box())
        form.addRow(self.tr("N&otes"), self.notes)
        self._hold_to_limits()
        self._connect_changes()
        self._fit_reference_box()
        self._saved = self.value()
        self._stored_phone: str | None = None

    def _build_fields(self) -> None:
        """The person's own fields and their error labels (laid out by _add_detail_rows)."""
        self.name = QLineEdit()
        self.name.setObjectName("contactName")
        self.name.setPlaceholderText(self.tr("Required"))
        self.title = QLineEdit()
        self.company = QLineEdit()
        self.email = QLineEdit()
        self.email.setObjectName("contactEmail")
        self.phone = QLineEdit()
        self.linkedin_url = QLineEdit()
        self.linkedin_url.setPlaceholderText(self.tr("https://www.linkedin.com/in/…"))
        self.method = method_combo()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.errors = {
            n: error_label(n)
            for n in ("name", "title", "company", "email", "phone", "linkedin_url", "relationship")
        }

    def _add_detail_rows(self, form: QFormLayout) -> None:
        """Name to preferred method, each checked field with its message below it."""
        rows: tuple[tuple[str, QWidget, str | None], ...] = (
            (self.tr("&Name"), self.name, "name"),
            (self.tr("&Title"), self.title, "title"),
            (self.tr("Co&mpany"), self.company, "company"),
            (self.tr("&Email"), self.email, "email"),
            (self.tr("&Phone"), self.phone, "phone"),
            (self.tr("&LinkedIn"), self.linkedin_url, "linkedin_url"),
            (self.tr("Prefers to be &contacted by"), self.method, None),
        )
        for label, field, error in rows:
            form.addRow(label, field)
            if error is not None:
                form.addRow("", self.errors[error])

    def _build_roles(self) -> QGridLayout:
        """One check box per role, three to a row."""
        roles = QGridLayout()
        self.roles: dict[str, QCheckBox] = {}
        for index, role in enumerate(ContactRoleKind):
            box = QCheckBox(role_label(role))
            box.toggled.connect(self.changed)
            self.roles[role] = box
            roles.addWidget(box, index // 3, index % 3)
        return roles

    def _build_reference_box(self) -> QGroupBox:
        """Shown for references only: what makes them a good one."""
        self.reference_box = QGroupBox(self.tr("As a reference"))
        self.reference_box.setObjectName("referenceProfile")
        reference_form = QFormLayout(self.reference_box)
        self.relationship = QLineEdit()
        self.relationship.setObjectName("referenceRelationship")
        self.relationship.setPlaceholderText(self.tr("e.g. my team lead at my last job, 2019–2023"))
        self.speaks_to = QPlainTextEdit()
        self.speaks_to.setObjectName("referenceSpeaksTo")
        self.speaks_to.setTabChangesFocus(True)
        self.speaks_to.setFixedHeight(54)
        self.speaks_to.setPlaceholderText(
            self.tr("One point per line: projects, skills, how you work")
        )
        self.consent = QCheckBox(self.tr("Agreed to be a reference on"))
        self.consent.setObjectName("referenceConsent")
        self.consent_on = date_edit()
        self.consent_on.setDate(QDate.currentDate())
        self.consent_on.setEnabled(False)
        self.consent.toggled.connect(self.consent_on.setEnabled)
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent)
        consent_row.addWidget(self.consent_on)
        consent_row.addStretch(1)
        reference_form.addRow(self.tr("How they &know you"), self.relationship)
        under_relationship = self.errors["relationship"]
        reference_form.addRow("", under_relationship)
        reference_form.addRow(self.tr("What they can &speak to"), self.speaks_to)
        reference_form.addRow(consent_row)
        return self.reference_box

    def _hold_to_limits(self) -> None:
        self.limits = {
            name: LineLimit(edit, limit, what, self.errors[name])
            for name, edit, limit, what in (
                ("name", self.name, NAME_LIMIT, self.tr("The name")),
                ("title", self.title, LINE_LIMIT, self.tr("The title")),
                ("company", self.company, COMPANY_LIMIT, self.tr("The company name")),
                ("email", self.email, EMAIL_LIMIT, self.tr("The e-mail address")),
                ("phone", self.phone, PHONE_LIMIT, self.tr("The phone number")),
                ("linkedin_url", self.linkedin_url, URL_LIMIT, self.tr("The LinkedIn address")),
                ("relationship", self.relationship, LINE_LIMIT, self.tr("How they know you")),
            )
        }

    def _connect_changes(self) -> None:
        """Every edit says ``changed``; ticking "reference" shows its box."""
        self.roles[ContactRoleKind.REFERENCE].toggled.connect(lambda _on: self._fit_reference_box())
        self.relationship.textEdited.connect(self.changed)
        self.speaks_to.textChanged.connect(self.changed)
        self.consent.toggled.connect(self.changed)
        self.consent_on.dateChanged.connect(self.changed)
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
        self.reference_box.setVisible(self.roles[ContactRoleKind.REFERENCE].isChecked())

    def set_value(self, fields: ContactFields) -> None:
        for label in self.errors.values():
            label.hide()
        self.limits["name"].set_text(fields.name)
        self.limits["title"].set_text(fields.title)
        self.limits["company"].set_text(fields.company)
        self.limits["email"].set_text(fields.email)
        self.limits["phone"].set_text(fields.phone)
        self.limits["linkedin_url"].set_text(fields.linkedin_url)
        set_combo_data(self.method, fields.preferred_method)
        self.notes.setPlainText(fields.notes)
        for role, box in self.roles.items():
            box.setChecked(role in fields.roles)
        self.limits["relationship"].set_text(fields.relationship)
        self.speaks_to.setPlainText(fields.speaks_to)
        self.consent.setChecked(fields.consent_on is not None)
        if fields.consent_on is not None:
            self.consent_on.setDate(to_qdate(fields.consent_on))
        self._fit_reference_box()
        self._saved = self.value()
        self._stored_phone = fields.phone

    def is_dirty(self) -> bool:
        return self.value() != self._saved

    def check(self) -> bool:
        # A phone number shown as stored is not refused again (saved before today's rules).
        problems = contact_problems(self.value(), self._stored_phone)
        for name, label in self.errors.items():
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)
        return not problems
