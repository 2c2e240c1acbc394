"""Sends the interviews and reminders to the user's calendar server, as the app's own
``calendar-push`` command run as a child process (the CalDAV, XML, HTTP and keyring
libraries never load into the window: its idle memory is close to its limit).

It runs after the calendar file was brought up to date (``CalendarFeed.written``: a
change has settled), at start when the data changed since the last push, once more when
a change came while it ran, and every 15 minutes while the server could not be reached.
Nothing differs from what was sent: the child ends without reaching the server.

Where no keyring works, the child says so and the window asks for the password once per
session; it is kept here, in memory only, and handed to each child on its standard
input (never its command line or environment, which other users can read).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from followthrough.domain.calendar_push.problems import ProblemKind, problem_words
from followthrough.services.calendar_feed import feed_path
from followthrough.services.child_command import CommandRun
from followthrough.store.paths import CALENDAR_PUSH_RECORD_NAME

# The calendar file's own wait already gathered the burst of changes.
SETTLE_MS = 1000
# While the server cannot be reached, tried again this often.
RETRY_MS = 15 * 60 * 1000
# Longer than this, the child is stuck (a server that never answers): it is stopped.
CHILD_LIMIT_MS = 180_000


def push_outdated(data_dir: Path) -> bool:
    """Whether the calendar file changed after the last push ended (or none ever did): at
    start, a push is then due."""
    try:
        pushed = (data_dir / CALENDAR_PUSH_RECORD_NAME).stat().st_mtime
    except OSError:
        return True
    try:
        return feed_path(data_dir).stat().st_mtime > pushed
    except OSError:
        return True


def answer_words(answer: dict[str, Any]) -> str:
    """A failed answer in plain words, in the user's language (the child's own message is
    in English: it is built again here from its kind and facts)."""
    params = answer.get("params")
    facts = {str(k): str(v) for k, v in params.items()} if isinstance(params, dict) else {}
    try:
        kind = ProblemKind(str(answer.get("kind")))
    except ValueError:
        return QCoreApplication.translate(
            "CalendarPush",
            "Follow-Through's calendar command did not finish; the log file has details.",
        )
    return problem_words(kind, facts)


class CalendarPush(QObject):
    """Signals:
    pushed(dict): a push ended well (the command's answer: counts, whether it reached
        the server).
    failed(str): it did not, in plain words; said once until a push ends well again.
    password_needed(str): no keyring works and no password is known this session; the
        words say why (the window asks, then calls ``use_password``).
    """

    pushed = Signal(dict)
    failed = Signal(str)
    password_needed = Signal(str)

    def __init__(
        self, data_dir: Path, parent: QObject | None = None, command: list[str] | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._command = command
        self.sending = False
        self._password: str | None = None
        # The last problem in plain words ("" since a push ended well), for the settings.
        self.last_problem = ""
        self._asked = False
        self._told = False
        self._run: CommandRun | None = None
        self._again = False
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._start)
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.setInterval(RETRY_MS)
        self.retry.timeout.connect(self._start)

    # -- what the window tells it --------------------------------------------------------

    def set_sending(self, sending: bool) -> None:
        """Sending turned on (a push follows at once) or off (nothing more is sent)."""
        self.sending = sending
        if sending:
            self._told = False
            self.changed()
        else:
            self._settle.stop()
            self.retry.stop()

    def use_password(self, password: str | None) -> None:
        """The password for this session (no keyring); None forgets it."""
        self._password = password or None
        if self._password is not None and self.sending:
            self.changed()

    @property
    def session_password(self) -> str | None:
        return self._password

    def decline_password(self) -> None:
        """The person would rather not give it now: not asked again this session."""
        self._asked = True

    def changed(self, *_args: object) -> None:
        """Events may differ from what was sent: push once things settle (when on)."""
        if self.sending:
            self._settle.start()

    @property
    def busy(self) -> bool:
        return self._run is not None

    # -- the child -------------------------------------------------------------------------

    def _start(self) -> None:
        if not self.sending:
            return
        if self._run is not None:
            self._again = True  # the one running may have read before this change
            return
        self.retry.stop()
        self._again = False
        run = CommandRun(
            self.data_dir,
            ["calendar-push", "--json"],
            self._password,
            self,
            self._command,
            limit_ms=CHILD_LIMIT_MS,
        )
        run.answered.connect(self._answered)
        self._run = run
        run.start()

    def _answered(self, answer: dict[str, Any]) -> None:
        if self._run is not None:
            self._run.deleteLater()
        self._run = None
        if answer.get("ok"):
            self._told = False
            self.last_problem = ""
            self.pushed.emit(answer)
        else:
            self._problem(answer)
        if self._again:
            self._settle.start()

    def _problem(self, answer: dict[str, Any]) -> None:
        kind = answer.get("kind")
        if kind in {ProblemKind.NOT_SET_UP, ProblemKind.TURNED_OFF}:
            return  # the settings say so themselves
        if kind == ProblemKind.NO_KEYRING and self._password is None:
            if not self._asked:
                self._asked = True
                self.password_needed.emit(answer_words(answer))
            return
        if answer.get("retried"):
            self.retry.start()
        self.last_problem = answer_words(answer)
        if not self._told:
            self._told = True
            self.failed.emit(
                self.tr("Calendar server: {problem}").format(problem=answer_words(answer))
            )
