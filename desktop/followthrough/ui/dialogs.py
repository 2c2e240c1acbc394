"""Dialogs: new application, a person, about, getting started."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from followthrough import APP_NAME, __version__
from followthrough.store.applications import ApplicationFields
from followthrough.store.contacts import ContactFields, HistoryLine
from followthrough.ui.ask import Ask
from followthrough.ui.formatting import instant_text
from followthrough.ui.forms import ApplicationForm, ContactForm
from followthrough.ui.text import escape


class NewApplicationDialog(QDialog):
    """Company, role and the basics of a new application, checked before it is accepted."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New application")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.form = ApplicationForm(today)
        self.company = self.form.company
        self.role_title = self.form.role_title
        self.posting_url = self.form.posting_url
        self.errors = self.form.errors
        layout.addWidget(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def value(self) -> ApplicationFields:
        return self.form.value()

    def accept(self) -> None:
        if self.form.check():
            super().accept()

    def reject(self) -> None:
        if self.form.has_input() and not self.confirm_discard(self):
            return
        super().reject()

    @classmethod
    def confirm_discard(cls, parent: QWidget) -> bool:
        """Asks before typed input is thrown away (tests replace this)."""
        return Ask.discard_changes(parent)


class ContactDialog(QDialog):
    """A person's details and roles, and every interview they were part of.

    Signals:
        open_application(int): the user wants to see an application from the history.
    """

    open_application = Signal(int)

    def __init__(
        self,
        fields: ContactFields | None,
        history: list[HistoryLine],
        zone: ZoneInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(fields.name if fields else "New person")
        self.setMinimumWidth(560)
        self.delete_requested = False
        layout = QVBoxLayout(self)
        self.form = ContactForm()
        if fields is not None:
            self.form.set_value(fields)
        layout.addWidget(self.form)
        if fields is not None:
            layout.addWidget(QLabel("<b>History</b>"))
            self.history = QListWidget()
            self.history.setObjectName("contactHistory")
            for line in history:
                item = QListWidgetItem(
                    f"{instant_text(line.starts_at, zone)}  {line.company}"
                    + (f" · {line.role_title}" if line.role_title else "")
                    + f" — round {line.interview_round}"
                )
                item.setData(Qt.ItemDataRole.UserRole, line.application_id)
                self.history.addItem(item)
            if not history:
                self.history.addItem("Not part of any interview yet.")
            self.history.itemActivated.connect(self._open)
            layout.addWidget(self.history)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        if fields is not None:
            delete = self.buttons.addButton("Delete…", QDialogButtonBox.ButtonRole.DestructiveRole)
            delete.clicked.connect(self._delete)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _open(self, item: QListWidgetItem) -> None:
        application_id = item.data(Qt.ItemDataRole.UserRole)
        if application_id is not None:
            self.open_application.emit(int(application_id))

    def _delete(self) -> None:
        name = self.form.value().name
        if Ask.confirm(
            self,
            "Delete this person?",
            f"Delete {name}? They are removed from every interview they were part of; "
            "the interviews stay.",
            "Delete",
        ):
            self.delete_requested = True
            super().accept()

    def accept(self) -> None:
        if self.form.check():
            super().accept()

    def reject(self) -> None:
        if self.form.is_dirty() and not Ask.discard_changes(self):
            return
        super().reject()


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
<tr><td>PgUp, PgDown</td><td>Calendar: the month or week before, after</td></tr>
<tr><td>F5</td><td>Refresh</td></tr>
<tr><td>Ctrl+,</td><td>Preferences</td></tr>
<tr><td>F1</td><td>This help</td></tr>
<tr><td>Ctrl+Q</td><td>Quit</td></tr>
<tr><td colspan="2"><i>In an application's window</i></td></tr>
<tr><td>Ctrl+S</td><td>Save the application</td></tr>
<tr><td>Ctrl+I</td><td>Record an interview</td></tr>
<tr><td colspan="2"><i>Writing a note or a message</i></td></tr>
<tr><td>Ctrl+S</td><td>Save the draft</td></tr>
<tr><td>Ctrl+E</td><td>Send by e-mail</td></tr>
<tr><td>Ctrl+P</td><td>Print the card (a preview first)</td></tr>
<tr><td>F7</td><td>Check the note</td></tr>
</table>
<h3>Your data</h3>
<p>Everything is kept in the folder <code>{data_dir}</code>. To back it up, quit the app
and copy that folder. Before each update of its format the app saves a copy in its
<code>backups</code> folder.</p>
<p>To try the app with sample data without touching yours, run
<code>followthrough --data-dir /tmp/ft-demo demo</code> and then
<code>followthrough --data-dir /tmp/ft-demo</code>.</p>
"""


def help_html(data_dir: Path) -> str:
    """The Getting started text; the data folder's path is shown as it is (a folder name
    may hold ``<`` or ``&``)."""
    return HELP_TEXT.format(data_dir=escape(str(data_dir)))


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
