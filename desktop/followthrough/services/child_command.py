"""The app's own command line run as a child process of the window, for work whose
libraries should never load into the window (the calendar file's iCalendar, the calendar
server's CalDAV, HTTP and keyring): at a lower priority, stopped when stuck, its answer
read from its last line of JSON."""

from __future__ import annotations

import json
import logging
import shutil
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QProcess, QTimer, Signal

log = logging.getLogger(__name__)

# What a child that ended without its line of JSON (it crashed, was stopped or did not
# start) is taken to have said.
NO_ANSWER: dict[str, Any] = {"ok": False, "kind": "no-answer", "params": {}, "retried": True}


def own_command() -> list[str]:
    """How to run this app's command line: the bundle's executable, or this Python with
    the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "followthrough"]


def politely(command: list[str]) -> list[str]:
    """``command`` at a lower priority where the system has ``nice``: the window and the
    user's other programs come first."""
    nice = shutil.which("nice")
    return [nice, "-n", "10", *command] if nice else command


def answer_from(output: bytes, code: int | None = None) -> dict[str, Any]:
    """The child's last line of JSON; without one, a plain success when it ended with
    ``code`` 0 (a command that says nothing, as the calendar file's export), else
    ``NO_ANSWER``."""
    for line in reversed(output.decode("utf-8", "replace").splitlines()):
        try:
            found = json.loads(line)
        except ValueError:
            continue
        if isinstance(found, dict) and isinstance(found.get("ok"), bool):
            return found
    return {"ok": True, "params": {}} if code == 0 else dict(NO_ANSWER)


class CommandRun(QObject):
    """One run of the app's own command (``arguments`` after the data folder) as a child:
    ``secret`` is written to its standard input, its line of JSON comes back in
    ``answered`` (``NO_ANSWER`` if it ended without one)."""

    answered = Signal(dict)

    def __init__(
        self,
        data_dir: Path,
        arguments: list[str],
        secret: str | None = None,
        parent: QObject | None = None,
        command: list[str] | None = None,
        limit_ms: int = 180_000,
    ) -> None:
        super().__init__(parent)
        self.arguments = [
            *politely(command or own_command()),
            "--data-dir",
            str(data_dir),
            *arguments,
            *(["--password-stdin"] if secret is not None else []),
        ]
        self._secret = secret
        self._process: QProcess | None = None
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        # Longer than this, the child is stuck (a locked disk, a server that never
        # answers): it is stopped.
        self._watchdog.setInterval(limit_ms)
        self._watchdog.timeout.connect(self._stuck)

    def start(self) -> None:
        process = QProcess(self)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        self._process = process
        self._watchdog.start()
        process.start(self.arguments[0], self.arguments[1:])
        if self._secret is not None:
            process.write(QByteArray((self._secret + "\n").encode("utf-8")))
        process.closeWriteChannel()

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process = self._process
        if process is None:
            return
        output = bytes(process.readAllStandardOutput().data())
        errors = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
        answer = answer_from(output, code if status == QProcess.ExitStatus.NormalExit else None)
        if not answer.get("ok"):
            log.warning(
                "command %s (exit %s): %s %s",
                self.arguments[-1],
                code,
                answer.get("kind"),
                errors.strip()[-2000:],
            )
        self._end(answer)

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._process is not None:
            log.warning("command did not start: %s", self.arguments[:2])
            self._end(dict(NO_ANSWER))

    def _stuck(self) -> None:
        if self._process is not None:
            log.warning("command %s took too long and was stopped", self.arguments[-1])
            self._process.kill()

    def _end(self, answer: dict[str, Any]) -> None:
        self._watchdog.stop()
        if self._process is not None:
            self._process.deleteLater()
        self._process = None
        self.answered.emit(answer)
