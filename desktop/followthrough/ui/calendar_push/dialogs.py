"""The calendar server's settings, and the small dialog that asks for its password once
per session where no keyring works.

The dialogs only edit and show: the flow (``ui.calendar_push.flow``) loads and saves the
settings, keeps the password and runs the connection test as a child process; the test
comes back here through ``show_test``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.calendar_push.plan import address_problem
from followthrough.store.settings import (
    CALENDAR_NAME,
    CALENDAR_SENDING,
    CALENDAR_SERVER,
    CALENDAR_USER,
)
from followthrough.ui.common.forms import error_label
from followthrough.ui.common.text import plain_label

# Tests the connection with the values shown and the password typed (None: the saved
# one); calls back with the words to show and whether it worked.
Tester = Callable[[dict[str, object], str | None, Callable[[str, bool], None]], None]


def _small(label: QLabel) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


class CalendarServerDialog(QDialog):
    """Edits the calendar server's settings; ``value()`` returns them keyed by
    ``Option.key``, ``password()`` what was typed in the password field ("" if nothing).

    ``tester`` runs the connection test (off the GUI thread: a child process)."""

    def __init__(
        self, values: Mapping[str, object], tester: Tester, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendarServer")
        self.setWindowTitle(self.tr("Calendar server"))
        self.setMinimumWidth(560)
        self._tester = tester
        self._build_fields(values)
        self.test_button = QPushButton(self.tr("&Test the connection"))
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test)
        self.test_result = plain_label(wrap=True)
        self.test_result.setObjectName("testResult")
        self.keyring_note = _small(plain_label(wrap=True))
        self.keyring_note.setObjectName("keyringNote")
        self.last_push = _small(plain_label(wrap=True))
        self.last_push.setObjectName("lastPush")
        self.error = error_label("calendarServer")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.validate()

    def _build_fields(self, values: Mapping[str, object]) -> None:
        self.server = QLineEdit(str(values.get(CALENDAR_SERVER.key, "")))
        self.server.setObjectName("server")
        self.server.setPlaceholderText(self.tr("https://cloud.example.com/remote.php/dav"))
        self.user = QLineEdit(str(values.get(CALENDAR_USER.key, "")))
        self.user.setObjectName("user")
        self.password_field = QLineEdit()
        self.password_field.setObjectName("password")
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.calendar = QLineEdit(str(values.get(CALENDAR_NAME.key, "")))
        self.calendar.setObjectName("calendar")
        self.calendar.setPlaceholderText(
            self.tr("Its name as your calendar app shows it, or its address")
        )
        self.sending = QCheckBox(self.tr("Se&nd my interviews and reminders to this calendar"))
        self.sending.setObjectName("sending")
        self.sending.setChecked(bool(values.get(CALENDAR_SENDING.key, False)))
        for field in (self.server, self.user, self.password_field, self.calendar):
            field.textChanged.connect(self.validate)
        self.sending.toggled.connect(self.validate)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        intro = plain_label(
            self.tr(
                "Follow-Through can send your interviews and open reminders, each with its "
                "alarm, to a calendar on your own calendar server (Nextcloud, Radicale, "
                "Fastmail, iCloud…), so that your phone reminds you too. It only sends: it "
                "adds, updates and removes its own events and leaves the rest of that "
                "calendar alone. A calendar of its own is best."
            ),
            wrap=True,
        )
        layout.addWidget(intro)
        form = QFormLayout()
        form.addRow(self.tr("&Server address:"), self.server)
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("&Password:"), self.password_field)
        form.addRow(self.tr("&Calendar:"), self.calendar)
        form.addRow(self.keyring_note)
        form.addRow(self.sending)
        layout.addLayout(form)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        layout.addLayout(test_row)
        layout.addWidget(self.last_push)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # -- what the flow tells it ----------------------------------------------------------

    def show_keyring(self, words: str, saved: bool) -> None:
        """Where the password is kept (``words``); ``saved``: one is there already."""
        self.keyring_note.setText(words)
        self.password_field.setPlaceholderText(
            self.tr("Saved: type a new one to change it") if saved else ""
        )

    def show_last_push(self, words: str) -> None:
        self.last_push.setText(words)

    def show_test(self, words: str, worked: bool) -> None:
        self.test_result.setText(("✓ " if worked else "") + words)
        self.test_button.setEnabled(True)

    # -- values --------------------------------------------------------------------------

    def value(self) -> dict[str, object]:
        return {
            CALENDAR_SERVER.key: self.server.text().strip(),
            CALENDAR_USER.key: self.user.text().strip(),
            CALENDAR_NAME.key: self.calendar.text().strip(),
            CALENDAR_SENDING.key: self.sending.isChecked(),
        }

    def password(self) -> str:
        return self.password_field.text()

    def problems(self, for_test: bool = False) -> list[str]:
        """Why the values cannot be saved (or tested) as they are."""
        found = []
        server = self.server.text().strip()
        needed = for_test or self.sending.isChecked()
        if server or needed:
            problem = address_problem(server)
            if problem is not None:
                found.append(problem)
        if needed and not self.user.text().strip():
            found.append(self.tr("Type your user name on the server."))
        if needed and not self.calendar.text().strip():
            found.append(self.tr("Name the calendar to send to (or paste its address)."))
        return found

    def validate(self) -> bool:
        problems = self.problems()
        self.error.setText("\n".join(problems))
        self.error.setVisible(bool(problems))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert isinstance(ok, QPushButton)
        ok.setEnabled(not problems)
        return not problems

    def accept(self) -> None:
        if self.validate():
            super().accept()

    def test(self) -> None:
        problems = self.problems(for_test=True)
        if problems:
            self.show_test(" ".join(problems), worked=False)
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Connecting…"))
        self._tester(self.value(), self.password() or None, self.show_test)


class SessionPasswordDialog(QDialog):
    """Asks for the calendar server's password where no keyring works: why (``reason``),
    for which account, a password field; it is kept in memory until the app quits."""

    def __init__(self, reason: str, account: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionPassword")
        self.setWindowTitle(self.tr("Calendar server password"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(reason, wrap=True))
        layout.addWidget(
            plain_label(
                self.tr("The password of {account}, to send your interviews and reminders:").format(
                    account=account
                ),
                wrap=True,
            )
        )
        self.field = QLineEdit()
        self.field.setObjectName("sessionPasswordField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.field.textChanged.connect(lambda text: self.ok.setEnabled(bool(text)))
        self.ok.setEnabled(False)
        layout.addWidget(buttons)

    def password(self) -> str:
        return self.field.text()


def account_words(server: str, user: str) -> str:
    """“anna on cloud.example.com”."""
    from urllib.parse import urlsplit

    host = urlsplit(server).hostname or server
    return QCoreApplication.translate("CalendarServer", "{user} on {host}").format(
        user=user, host=host
    )
