"""Showing a reminder: a native notification first, then the tray, always the in-app list.

The native notification goes through plyer (on Linux: org.freedesktop.Notifications over
D-Bus). It runs on the background runner, because a D-Bus call to a hung daemon can take
seconds. When it fails, the tray's own message is used if there is a tray; the in-app
list of due items shows everything regardless. How each reminder was delivered, and why a
channel failed, is recorded with the reminder and logged; nothing fails silently.
"""

from __future__ import annotations

import html
import logging
import sys
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from followthrough import APP_NAME
from followthrough.domain.wording import translate
from followthrough.resources import icon_path
from followthrough.services.background import BackgroundRunner
from followthrough.store.reminders import DueReminder, record_deliveries

log = logging.getLogger(__name__)

DESKTOP, TRAY, IN_APP = "desktop", "tray", "in-app"
# More reminders than this firing at once are announced in one notification.
MAX_SEPARATE = 3


def plain_delivery_problem(error: str | None) -> str:
    """Why notifications did not show, for the status bar (never the raw D-Bus error)."""
    text = (error or "").lower()
    if not text or "serviceunknown" in text or "not provided" in text or "no such" in text:
        return translate("notifications", "no notification service is running")
    if "noreply" in text or "timeout" in text or "timed out" in text:
        return translate("notifications", "the notification service did not answer")
    return translate("notifications", "the notification service refused them")


def body_reads_markup() -> bool:
    """Whether the desktop reads a notification's body as markup. Freedesktop notification
    servers (Linux and the BSDs) may: those with the "body-markup" capability read "<b>"
    and "&amp;". Windows and macOS show the body as plain text. Asking the server's
    capabilities takes a D-Bus round trip that neither plyer nor QSystemTrayIcon offers,
    so the platform decides: escaped where markup may be read, as typed elsewhere (where
    escaping would show "Smith &amp; Co")."""
    return not sys.platform.startswith(("win", "cygwin", "darwin"))


def notification_body(body: str) -> str:
    """``body`` as the user wrote it, shown as text on this platform (see above)."""
    return html.escape(body, quote=False) if body_reads_markup() else body


class NotificationBackend(Protocol):
    def deliver(self, title: str, body: str) -> None:
        """Show one notification; raise when it could not be shown."""
        ...


class PlyerBackend:
    """plyer's native notifications. Where notification servers may read markup in the
    body, the user's text is escaped (``notification_body``)."""

    timeout_seconds = 15

    def deliver(self, title: str, body: str) -> None:
        from plyer import notification

        notification.notify(
            title=title,
            message=notification_body(body),
            app_name=APP_NAME,
            app_icon=str(icon_path()),
            timeout=self.timeout_seconds,
        )


# Shows a reminder as the tray's own message; True when the tray showed it.
TrayMessage = Callable[[DueReminder], bool]


class Notifier(QObject):
    """Signals:
    shown(object, str): a DueReminder and how it reached the user (desktop, tray, in-app).
    delivery_failed(str): why desktop notifications failed, in plain words (the next
        channel was used; the error itself is logged and kept with the reminder).
    """

    shown = Signal(object, str)
    delivery_failed = Signal(str)

    def __init__(
        self,
        runner: BackgroundRunner,
        parent: QObject | None = None,
        backend: NotificationBackend | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._backend: NotificationBackend = backend or PlyerBackend()
        self._tray_message: TrayMessage | None = None

    def set_tray_message(self, show: TrayMessage | None) -> None:
        self._tray_message = show

    def notify(self, reminders: list[DueReminder]) -> None:
        """One notification per reminder; when many fire at once (after the app was closed
        for a while), one notification that sums them up instead of a flood."""
        if len(reminders) <= MAX_SEPARATE:
            for reminder in reminders:
                self._send([reminder], reminder)
            return
        first = "; ".join(r.title for r in reminders[:MAX_SEPARATE])
        summary = replace(
            reminders[0],
            title=translate("notifications", "{count} reminders are due").format(
                count=len(reminders)
            ),
            body=translate(
                "notifications",
                "{first}; and {count} more. They are listed on Today in Follow-Through.",
            ).format(first=first, count=len(reminders) - MAX_SEPARATE),
            application_id=None,
        )
        self._send(reminders, summary)

    def _send(self, covered: list[DueReminder], shown: DueReminder) -> None:
        def done(result: tuple[str | None, str | None]) -> None:
            self._delivered(covered, shown, result)

        def failed(message: str) -> None:
            self._delivered(covered, shown, (None, message))

        self._runner.submit(lambda: self._deliver(covered, shown), done, failed)

    def _deliver(
        self, covered: list[DueReminder], shown: DueReminder
    ) -> tuple[str | None, str | None]:
        """Runs on the background runner."""
        try:
            self._backend.deliver(shown.title, shown.body)
        except Exception as exc:
            message = f"{type(exc).__name__}: {exc}"
            log.warning("desktop notification failed for %s: %s", shown.title, message)
            return None, message
        record_deliveries([r.reminder_id for r in covered], DESKTOP)
        return DESKTOP, None

    def _delivered(
        self,
        covered: list[DueReminder],
        shown: DueReminder,
        result: tuple[str | None, str | None],
    ) -> None:
        via, error = result
        if via is None:
            via = IN_APP
            if self._tray_message is not None and self._tray_message(shown):
                via = TRAY
            ids = [r.reminder_id for r in covered]

            def record() -> None:
                record_deliveries(ids, via, error)

            self._runner.submit(record, lambda _r: None)
            self.delivery_failed.emit(plain_delivery_problem(error))
        for reminder in covered:
            self.shown.emit(reminder, via)
