"""The icon in the system tray: how much is due, and a menu to act on it.

The tray only shows and asks; what a click means (marking done, snoozing, pausing) is
decided by whoever listens to the signals and done through the background runner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QSystemTrayIcon

from followthrough import APP_NAME
from followthrough.domain.clock import Clock
from followthrough.domain.snooze import (
    DEFAULT_MORNING,
    PauseChoice,
    SnoozeChoice,
    pause_until,
    snooze_until,
)
from followthrough.domain.wording import QT_TRANSLATE_NOOP
from followthrough.resources import icon_path
from followthrough.services.notifier import notification_body
from followthrough.store.reminders import DueReminder
from followthrough.ui.common.app_icon import app_icon
from followthrough.ui.common.formatting import instant_text, time_text
from followthrough.ui.common.text import menu_label, tooltip

log = logging.getLogger(__name__)

# Due items listed in the menu; the rest are counted and open the window.
MAX_MENU_ITEMS = 15
TITLE_LIMIT = 50


def menu_text(title: str, limit: int = TITLE_LIMIT) -> str:
    """A reminder's title for the tray menu, cut to ``limit`` characters."""
    return menu_label(title, limit)


MESSAGE_MSECS = 15_000
# Pixmap sizes the badge is painted at (tray hosts ask for 16 to 64 pixels).
ICON_SIZES = (16, 22, 24, 32, 48, 64)
BADGE_COLOUR = QColor(200, 35, 35)

SNOOZE_TEXTS = (
    (SnoozeChoice.FIFTEEN_MINUTES, QT_TRANSLATE_NOOP("TrayIcon", "Snooze 15 minutes")),
    (SnoozeChoice.ONE_HOUR, QT_TRANSLATE_NOOP("TrayIcon", "Snooze 1 hour")),
    (SnoozeChoice.TOMORROW_MORNING, QT_TRANSLATE_NOOP("TrayIcon", "Snooze until tomorrow morning")),
)
CLOSE_TO_TRAY_TEXT = QT_TRANSLATE_NOOP(
    "TrayIcon", "{app} keeps running here and will remind you; quit from this menu."
)


def badge_text(count: int) -> str:
    return str(count) if count < 100 else "99+"


def badged_icon(base: QIcon, count: int) -> QIcon:
    """``base`` with ``count`` in a red badge in the lower right corner (``base`` itself
    when nothing is due)."""
    if count <= 0:
        return base
    icon = QIcon()
    text = badge_text(count)
    for size in ICON_SIZES:
        pixmap = base.pixmap(QSize(size, size))
        if pixmap.isNull():
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(7, round(size * 0.42)))
        painter.setFont(font)
        height = size * 0.58
        width = max(height, painter.fontMetrics().horizontalAdvance(text) + size * 0.18)
        width = min(width, float(size))
        badge = QRectF(size - width, size - height, width, height)
        painter.setPen(QPen(QColor("white"), max(1.0, size / 24)))
        painter.setBrush(BADGE_COLOUR)
        radius = height / 2
        painter.drawRoundedRect(badge.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class TrayIcon(QObject):
    """The app's tray icon with its menu and messages.

    Signals:
        open_requested(): show the main window (icon clicked, "Open Follow-Through", or a
            message without a reminder clicked).
        open_reminder(object): show this DueReminder (its "Open", or its message clicked).
        done_requested(int): mark this reminder id done.
        snooze_requested(int, object): snooze this reminder id until this aware datetime.
        pause_requested(object): pause reminders until this aware datetime; None resumes.
        quit_requested(): quit the application.
    """

    open_requested = Signal()
    open_reminder = Signal(object)
    done_requested = Signal(int)
    snooze_requested = Signal(int, object)
    pause_requested = Signal(object)
    quit_requested = Signal()

    def __init__(
        self,
        clock: Clock,
        zone: ZoneInfo,
        parent: QObject | None = None,
        *,
        morning: time = DEFAULT_MORNING,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._zone = zone
        self._morning = morning
        self._due: list[DueReminder] = []
        self._count = 0
        self._paused_until: datetime | None = None
        self._message_reminder: DueReminder | None = None
        self._menu_dirty = False

        self.base_icon = app_icon()
        if self.base_icon.isNull():
            log.warning("the app icon %s could not be loaded; using a stock icon", icon_path())
            style = QApplication.style()
            self.base_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)

        self._tray = QSystemTrayIcon(self.base_icon, self)
        self._tray.activated.connect(self._activated)
        self._tray.messageClicked.connect(self._message_clicked)

        self._menu = QMenu()
        self._menu.setObjectName("trayMenu")
        self._menu.setToolTipsVisible(True)
        self._menu.aboutToShow.connect(self._about_to_show)
        self._build_actions()
        self._transient: list[QObject] = []
        self._item_menus: list[QMenu] = []
        self.more_action: QAction | None = None
        self.nothing_action: QAction | None = None

        self._tray.setContextMenu(self._menu)
        self._rebuild_menu()
        self._update_pause_state()
        self._update_tooltip()

    def _build_actions(self) -> None:
        """Actions that stay across rebuilds belong to this object, not to the menu, so
        QMenu.clear() leaves them alone; the per-item ones are in ``_transient``."""
        self.open_action = self._make_action(
            self.tr("Open {app}").format(app=APP_NAME), self.open_requested.emit
        )
        self.pause_menu = QMenu(self.tr("Pause reminders"), self._menu)
        self.pause_menu.setObjectName("pauseMenu")
        self.paused_info_action = QAction("", self)
        self.paused_info_action.setEnabled(False)
        self.pause_hour_action = self._make_action(
            self.tr("For 1 hour"), lambda: self._pause(PauseChoice.ONE_HOUR)
        )
        self.pause_tomorrow_action = self._make_action(
            self.tr("Until tomorrow morning"), lambda: self._pause(PauseChoice.UNTIL_TOMORROW)
        )
        self.resume_action = self._make_action(
            self.tr("Resume now"), lambda: self.pause_requested.emit(None)
        )
        for action in (
            self.paused_info_action,
            self.pause_hour_action,
            self.pause_tomorrow_action,
            self.resume_action,
        ):
            self.pause_menu.addAction(action)
        self.quit_action = self._make_action(self.tr("Quit"), self.quit_requested.emit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    def _make_action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # -- showing -------------------------------------------------------------------------

    @staticmethod
    def available() -> bool:
        """Whether the desktop has a system tray to put the icon in."""
        return bool(QSystemTrayIcon.isSystemTrayAvailable())

    def show(self) -> None:
        self._tray.show()

    def hide(self) -> None:
        self._tray.hide()

    def is_visible(self) -> bool:
        return bool(self._tray.isVisible())

    def menu(self) -> QMenu:
        return self._menu

    def item_menus(self) -> list[QMenu]:
        """The submenus of the due items, in menu order."""
        return list(self._item_menus)

    def icon(self) -> QIcon:
        return self._tray.icon()

    def tooltip(self) -> str:
        return str(self._tray.toolTip())

    def geometry(self) -> QRect:
        """Where the icon is on screen (empty until a tray host has taken it in)."""
        return self._tray.geometry()

    @property
    def qt_icon(self) -> QSystemTrayIcon:
        """The wrapped QSystemTrayIcon (for tests and platform tweaks)."""
        return self._tray

    def tool_tip(self) -> str:
        return str(self._tray.toolTip())

    def set_morning(self, morning: time) -> None:
        """The local time "tomorrow morning" means (the start of the reminder hours)."""
        self._morning = morning

    # -- state ---------------------------------------------------------------------------

    def set_due(self, reminders: list[DueReminder]) -> None:
        """Everything due now: the badge, the tooltip and the menu follow it."""
        self._due = list(reminders)
        if len(self._due) != self._count:
            self._count = len(self._due)
            self._tray.setIcon(badged_icon(self.base_icon, self._count))
        self._update_pause_state()
        self._update_tooltip()
        if self._menu.isVisible():
            # Never pull the entries from under the pointer: rebuilt when next opened.
            self._menu_dirty = True
        else:
            self._rebuild_menu()

    def set_paused(self, until: datetime | None) -> None:
        """Reminders are paused until ``until`` (None: not paused)."""
        self._paused_until = until
        self._update_pause_state()
        self._update_tooltip()

    def _paused(self) -> datetime | None:
        until = self._paused_until
        if until is not None and until <= self._clock.now():
            return None  # the pause ran out on its own
        return until

    def _update_pause_state(self) -> None:
        until = self._paused()
        self.resume_action.setEnabled(until is not None)
        self.paused_info_action.setVisible(until is not None)
        if until is not None:
            self.paused_info_action.setText(
                self.tr("Paused until {when}").format(when=self._when(until))
            )

    def _update_tooltip(self) -> None:
        count = len(self._due)
        lines = [
            self.tr("{app} — %Ln due", "", count).format(app=APP_NAME)
            if count
            else self.tr("{app} — nothing due").format(app=APP_NAME)
        ]
        until = self._paused()
        if until is not None:
            lines.append(self.tr("Reminders paused until {when}").format(when=self._when(until)))
        self._tray.setToolTip("\n".join(lines))  # the app's own words only

    def _when(self, instant: datetime) -> str:
        now = self._clock.now()
        if instant.astimezone(self._zone).date() == now.astimezone(self._zone).date():
            return time_text(instant, self._zone)
        return instant_text(instant, self._zone)

    # -- the menu ------------------------------------------------------------------------

    def _about_to_show(self) -> None:
        self._update_pause_state()
        if self._menu_dirty:
            self._rebuild_menu()

    def _rebuild_menu(self) -> None:
        self._menu_dirty = False
        self._menu.clear()
        for old in self._transient:
            old.deleteLater()  # not at once: one of them may be emitting right now
        self._transient = []
        self._item_menus = []
        self.more_action = self.nothing_action = None

        self._menu.addAction(self.open_action)
        self._menu.addSeparator()
        if not self._due:
            self.nothing_action = QAction(self.tr("Nothing due"), self)
            self.nothing_action.setEnabled(False)
            self._transient.append(self.nothing_action)
            self._menu.addAction(self.nothing_action)
        for reminder in self._due[:MAX_MENU_ITEMS]:
            submenu = self._item_menu(reminder)
            self._transient.append(submenu)
            self._item_menus.append(submenu)
            self._menu.addMenu(submenu)
        hidden = len(self._due) - MAX_MENU_ITEMS
        if hidden > 0:
            self.more_action = self._make_action(
                self.tr("%Ln more in the window…", "", hidden), self.open_requested.emit
            )
            self._transient.append(self.more_action)
            self._menu.addAction(self.more_action)
        self._menu.addSeparator()
        self._menu.addMenu(self.pause_menu)
        self._menu.addSeparator()
        self._menu.addAction(self.quit_action)

    def _item_menu(self, reminder: DueReminder) -> QMenu:
        submenu = QMenu(menu_text(reminder.title), self._menu)
        submenu.menuAction().setToolTip(
            tooltip(
                self.tr("{title}\nDue {when}").format(
                    title=" ".join(reminder.title.split()),
                    when=instant_text(reminder.due_at, self._zone),
                )
            )
        )
        rid = reminder.reminder_id
        submenu.addAction(self.tr("Open")).triggered.connect(
            lambda _checked=False, r=reminder: self.open_reminder.emit(r)
        )
        submenu.addAction(self.tr("Done")).triggered.connect(
            lambda _checked=False: self.done_requested.emit(rid)
        )
        submenu.addSeparator()
        for choice, text in SNOOZE_TEXTS:
            submenu.addAction(self.tr(text)).triggered.connect(
                lambda _checked=False, c=choice: self._snooze(rid, c)
            )
        return submenu

    def _snooze(self, reminder_id: int, choice: SnoozeChoice) -> None:
        until = snooze_until(choice, self._clock.now(), self._zone, self._morning)
        self.snooze_requested.emit(reminder_id, until)

    def _pause(self, choice: PauseChoice) -> None:
        self.pause_requested.emit(pause_until(choice, self._clock.now(), self._zone, self._morning))

    # -- clicks and messages ---------------------------------------------------------------

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()

    def _message_clicked(self) -> None:
        reminder, self._message_reminder = self._message_reminder, None
        if reminder is not None:
            self.open_reminder.emit(reminder)
        else:
            self.open_requested.emit()

    def show_message(self, title: str, body: str) -> bool:
        """Show a message at the icon; False when there is no tray to show it from (the
        caller then uses another way). Fits ``services.notifier.TrayMessage``."""
        return self._show(title, body, None)

    def show_reminder(self, reminder: DueReminder) -> bool:
        """Show ``reminder`` as a message; clicking it emits ``open_reminder``."""
        return self._show(reminder.title, reminder.body, reminder)

    def explain_close_to_tray(self) -> bool:
        """Say once that closing the window leaves the app running here."""
        return self.show_message(APP_NAME, self.tr(CLOSE_TO_TRAY_TEXT).format(app=APP_NAME))

    def _show(self, title: str, body: str, reminder: DueReminder | None) -> bool:
        if not (self.available() and self._tray.isVisible() and self._tray.supportsMessages()):
            return False
        self._message_reminder = reminder
        # Freedesktop notification servers may read the body as markup: there, a name typed
        # with "<" or "&" is escaped to show as typed; Windows and macOS balloons show plain
        # text, where escaping would show "&amp;" (services.notifier.notification_body).
        self._tray.showMessage(title, notification_body(body), self.base_icon, MESSAGE_MSECS)
        return True
