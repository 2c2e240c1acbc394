"""Dialogs: new application, about, getting started."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from followthrough import APP_NAME, __version__
from followthrough.domain.validation import application_problems

SOURCES = ("LinkedIn", "Company site", "Referral", "Job board", "Recruiter", "Career fair")


@dataclass(frozen=True)
class ApplicationInput:
    company: str
    role_title: str
    posting_url: str
    location: str
    source: str
    applied_on: date | None
    notes: str


class NewApplicationDialog(QDialog):
    """Company, role and the basics of a new application, checked before it is accepted."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New application")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
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
        self.applied_on = QDateEdit(QDate(today.year, today.month, today.day))
        self.applied_on.setCalendarPopup(True)
        self.applied_on.setDisplayFormat("yyyy-MM-dd")
        self.applied.toggled.connect(self.applied_on.setEnabled)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.errors: dict[str, QLabel] = {}
        for name, label, field in (
            ("company", "&Company", self.company),
            ("role_title", "&Role", self.role_title),
            ("posting_url", "Posting &URL", self.posting_url),
        ):
            form.addRow(label, field)
            error = QLabel()
            error.setObjectName(f"{name}Error")
            error.setStyleSheet("color: #b00020;")
            error.hide()
            self.errors[name] = error
            form.addRow("", error)
        form.addRow("&Location", self.location)
        form.addRow("&Source", self.source)
        form.addRow(self.applied, self.applied_on)
        form.addRow("&Notes", self.notes)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.company.textEdited.connect(lambda _t: self._clear_error("company"))
        self.posting_url.textEdited.connect(lambda _t: self._clear_error("posting_url"))

    def _clear_error(self, name: str) -> None:
        self.errors[name].hide()

    def value(self) -> ApplicationInput:
        qdate = self.applied_on.date()
        return ApplicationInput(
            company=self.company.text().strip(),
            role_title=self.role_title.text().strip(),
            posting_url=self.posting_url.text().strip(),
            location=self.location.text().strip(),
            source=self.source.currentText().strip(),
            applied_on=date(qdate.year(), qdate.month(), qdate.day())
            if self.applied.isChecked()
            else None,
            notes=self.notes.toPlainText(),
        )

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

    def accept(self) -> None:
        value = self.value()
        problems = application_problems(value.company, value.posting_url)
        for name, label in self.errors.items():
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)
        if problems:
            first = {"company": self.company, "posting_url": self.posting_url}[next(iter(problems))]
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    def reject(self) -> None:
        if self.has_input() and not self.confirm_discard(self):
            return
        super().reject()

    @classmethod
    def confirm_discard(cls, parent: QWidget) -> bool:
        """Asks before typed input is thrown away (tests replace this)."""
        answer = QMessageBox.question(
            parent,
            "Discard this application?",
            "What you typed has not been saved. Discard it?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard


ABOUT_TEXT = f"""
<h2>{APP_NAME} {__version__}</h2>
<p>Everything after the job interview, kept on time: a personal thank-you note to each
interviewer, follow-ups timed to what they said, heads-ups and thanks to your references,
an honest debrief, and the nudge to keep other applications going.</p>
<p>Your data stays on this computer, in one folder; nothing is sent anywhere.</p>
"""

HELP_TEXT = """
<h3>Getting started</h3>
<ol>
<li><b>Add an application</b> (Ctrl+N): company and role are enough.</li>
<li><b>Record each interview</b> with everyone you met and what they said about the next
step and when a decision is expected.</li>
<li><b>Let the app keep the timing.</b> Today shows what is due; reminders arrive as desktop
notifications, also when the window is closed.</li>
</ol>
<h3>Keyboard</h3>
<table>
<tr><td>Ctrl+N</td><td>New application</td></tr>
<tr><td>Ctrl+F</td><td>Search the current list</td></tr>
<tr><td>Ctrl+1 … Ctrl+4</td><td>Today, Applications, Calendar, Contacts</td></tr>
<tr><td>F1</td><td>This help</td></tr>
<tr><td>Ctrl+Q</td><td>Quit</td></tr>
</table>
<h3>Your data</h3>
<p>Everything is kept in the folder <code>{data_dir}</code>. To back it up, quit the app
and copy that folder. Before each update of its format the app saves a copy in its
<code>backups</code> folder.</p>
<p>To try the app with sample data without touching yours, run
<code>followthrough --data-dir /tmp/ft-demo demo</code> and then
<code>followthrough --data-dir /tmp/ft-demo</code>.</p>
"""


class TextDialog(QDialog):
    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.text = QLabel(html)
        self.text.setObjectName("dialogText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
