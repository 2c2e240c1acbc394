"""File ▸ Calendar server…: the settings loaded and saved through the background runner,
the password handed to the app's own command on its standard input (kept in the keyring
by ``calendar-password --store``, or in memory for the session where no keyring works),
the connection test run as ``calendar-push --test``; and the password asked for once per
session when a push finds no keyring.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from followthrough.domain.calendar_push.plan import counts_words
from followthrough.domain.wording import clock_time, short_day
from followthrough.services.calendar_push import CalendarPush, answer_words
from followthrough.services.child_command import CommandRun
from followthrough.store.calendar_push.record import PushRecord, read_record
from followthrough.store.settings import (
    CALENDAR_NAME,
    CALENDAR_SENDING,
    CALENDAR_SERVER,
    CALENDAR_SERVER_OPTIONS,
    CALENDAR_USER,
)
from followthrough.ui.calendar_push.dialogs import (
    CalendarServerDialog,
    SessionPasswordDialog,
    account_words,
)
from followthrough.ui.shell.context import AppContext, DialogFlow, RunDialog


def _load_settings() -> dict[str, object]:
    from followthrough.store import settings as options

    return {option.key: options.get_any(option) for option in CALENDAR_SERVER_OPTIONS}


def _account_arguments(values: dict[str, object]) -> list[str]:
    return [
        "--server",
        str(values[CALENDAR_SERVER.key]),
        "--user",
        str(values[CALENDAR_USER.key]),
    ]


class CalendarServerFlow(DialogFlow):
    """``tell`` puts a short message in the status bar."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        run_dialog: RunDialog,
        saved: Callable[[str], None],
        failed: Callable[[str], None],
        tell: Callable[[str], None],
    ) -> None:
        super().__init__(context, parent, run_dialog, saved, failed)
        self.tell = tell
        # The session's push (the window sets it; None before reminders start).
        self.push: CalendarPush | None = None
        self.dialog: CalendarServerDialog | None = None

    def _run(
        self, arguments: list[str], secret: str | None, answered: Callable[[dict[str, Any]], None]
    ) -> None:
        run = CommandRun(self.context.data_dir, arguments, secret, self.parent)
        run.answered.connect(answered)
        run.answered.connect(lambda _answer: run.deleteLater())
        run.start()

    # -- the dialog ----------------------------------------------------------------------

    def open(self) -> None:
        data_dir = self.context.data_dir

        def load() -> tuple[dict[str, object], PushRecord]:
            return _load_settings(), read_record(data_dir)

        self.context.runner.submit(load, self._edit, self.failed)

    def _edit(self, loaded: tuple[dict[str, object], PushRecord]) -> None:
        values, record = loaded
        dialog = CalendarServerDialog(values, self.test, self.parent)
        self.dialog = dialog
        dialog.show_last_push(self.last_push_words(record))
        if values[CALENDAR_SERVER.key] and values[CALENDAR_USER.key]:
            self._run(
                ["calendar-password", "--json", *_account_arguments(values)],
                None,
                self._keyring_answered,
            )
        else:
            dialog.show_keyring(self._keyring_words(""), saved=False)
        try:
            if not self.run_dialog(dialog):
                return
        finally:
            self.dialog = None
        self._save(dialog.value(), dialog.password())

    def _keyring_words(self, store: str) -> str:
        if store:
            return QCoreApplication.translate(
                "CalendarServerFlow",
                "Your password is kept in the system's password store ({store}).",
            ).format(store=store)
        return QCoreApplication.translate(
            "CalendarServerFlow", "Your password is kept in the system's password store (keyring)."
        )

    def _keyring_answered(self, answer: dict[str, Any]) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        if answer.get("ok"):
            dialog.show_keyring(
                self._keyring_words(str(answer.get("store", ""))), bool(answer.get("saved"))
            )
            return
        words = answer_words(answer)
        session = self.push is not None and self.push.session_password is not None
        if session:
            words += " " + QCoreApplication.translate(
                "CalendarServerFlow", "It has your password for this session."
            )
        dialog.show_keyring(words, saved=session)

    def last_push_words(self, record: PushRecord) -> str:
        """What was sent last and when, and the last problem if the latest push had one."""
        parts = []
        if record.last_change is not None:
            last = record.last_change
            parts.append(
                QCoreApplication.translate(
                    "CalendarServerFlow", "Last sent {when}: {what}."
                ).format(when=self._when(last.at), what=counts_words(last.counts))
            )
        if record.checked_at is not None:
            parts.append(
                QCoreApplication.translate("CalendarServerFlow", "Up to date as of {when}.").format(
                    when=self._when(record.checked_at)
                )
            )
        if not parts:
            parts.append(
                QCoreApplication.translate("CalendarServerFlow", "Nothing has been sent yet.")
            )
        problem = self.push.last_problem if self.push is not None else ""
        if problem:
            parts.append(
                QCoreApplication.translate(
                    "CalendarServerFlow", "The last try did not work: {problem}"
                ).format(problem=problem)
            )
        return " ".join(parts)

    def _when(self, moment: datetime) -> str:
        from followthrough.ui.common.formatting import system_zone

        local = moment.astimezone(system_zone())
        return f"{short_day(local.date())} {clock_time(local)}"

    # -- testing -------------------------------------------------------------------------

    def test(
        self, values: dict[str, object], typed: str | None, show: Callable[[str, bool], None]
    ) -> None:
        """``calendar-push --test`` with the values shown and the password typed (else
        the session's, else the keyring's)."""
        secret = typed
        if secret is None and self.push is not None:
            secret = self.push.session_password
        arguments = [
            "calendar-push",
            "--test",
            "--json",
            *_account_arguments(values),
            "--calendar",
            str(values[CALENDAR_NAME.key]),
        ]

        def answered(answer: dict[str, Any]) -> None:
            if answer.get("ok"):
                show(
                    QCoreApplication.translate(
                        "CalendarServerFlow",
                        "Connected: the calendar “{calendar}” is there, ready for your "
                        "interviews and reminders.",
                    ).format(calendar=str(answer.get("calendar", ""))),
                    True,
                )
            else:
                show(answer_words(answer), False)

        self._run(arguments, secret, answered)

    # -- saving --------------------------------------------------------------------------

    def _save(self, chosen: dict[str, object], typed: str) -> None:
        from followthrough.store import settings as options

        def save() -> None:
            options.put_all({option: chosen[option.key] for option in CALENDAR_SERVER_OPTIONS})

        def saved(_none: object) -> None:
            if typed:
                self._keep_password(chosen, typed)
            else:
                self._apply(
                    chosen,
                    QCoreApplication.translate(
                        "CalendarServerFlow", "Calendar server settings saved."
                    ),
                )

        self.context.runner.submit_write(save, saved, self.failed)

    def _keep_password(self, chosen: dict[str, object], typed: str) -> None:
        def answered(answer: dict[str, Any]) -> None:
            if answer.get("ok"):
                message = QCoreApplication.translate(
                    "CalendarServerFlow",
                    "Calendar server settings saved; the password is in {store}.",
                ).format(store=str(answer.get("store", "")))
            elif answer.get("kind") == "no-keyring":
                if self.push is not None:
                    self.push.use_password(typed)
                message = QCoreApplication.translate(
                    "CalendarServerFlow",
                    "Calendar server settings saved. No password store (keyring) is available "
                    "on this computer: the password is kept in memory until you quit, and "
                    "asked for again after the next start.",
                )
            else:
                message = QCoreApplication.translate(
                    "CalendarServerFlow",
                    "Calendar server settings saved, but not the password: {problem}",
                ).format(problem=answer_words(answer))
            self._apply(chosen, message)

        self._run(
            ["calendar-password", "--store", "--json", *_account_arguments(chosen)],
            typed,
            answered,
        )

    def _apply(self, chosen: dict[str, object], message: str) -> None:
        if self.push is not None:
            self.push.set_sending(bool(chosen[CALENDAR_SENDING.key]))
        self.tell(message)

    # -- the password, once per session --------------------------------------------------

    def ask_session_password(self, reason: str) -> None:
        """A push found no keyring: ask for the password (once this session)."""
        self.context.runner.submit(_load_settings, lambda values: self._ask(reason, values))

    def _ask(self, reason: str, values: dict[str, object]) -> None:
        push = self.push
        if push is None:
            return
        account = account_words(str(values[CALENDAR_SERVER.key]), str(values[CALENDAR_USER.key]))
        dialog = SessionPasswordDialog(reason, account, self.parent)
        if self.run_dialog(dialog) and dialog.password():
            push.use_password(dialog.password())
            return
        push.decline_password()
        self.tell(
            QCoreApplication.translate(
                "CalendarServerFlow",
                "Your interviews and reminders are not sent to the calendar server until you "
                "give its password (File ▸ Calendar server…).",
            )
        )
