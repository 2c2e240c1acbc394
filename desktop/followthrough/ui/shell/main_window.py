"""The main window: navigation between the four views, menus, status bar."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QLocale,
    QSettings,
    QSize,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QIcon,
    QKeySequence,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from followthrough import APP_NAME
from followthrough.domain.wording import QT_TRANSLATE_NOOP
from followthrough.logfile import active_log_file
from followthrough.services.autostart import autostart_enabled, default_command, set_autostart

if TYPE_CHECKING:
    # Loaded when first used (a dialog opened, a reminder acted on), not at start: the
    # window shows before them, and before the store, Today's page and the data it shows
    # (tests/e2e/test_start_modules.py pins what loads first).
    from pathlib import Path
    from zoneinfo import ZoneInfo

    from PySide6.QtWidgets import QDialog

    from followthrough.domain.agenda import AgendaItem
    from followthrough.domain.clock import Clock
    from followthrough.domain.insights import Insights
    from followthrough.domain.snooze import SnoozeChoice
    from followthrough.domain.stages import ClosureReason, Stage
    from followthrough.services.calendar_push import CalendarPush
    from followthrough.services.scheduler import ReminderScheduler
    from followthrough.store.applications import ApplicationSummary
    from followthrough.store.contacts import ContactFields
    from followthrough.store.queries import DataCounts
    from followthrough.store.reminders import DueReminder
    from followthrough.ui.applications.detail_dialog import ApplicationDetailDialog
    from followthrough.ui.applications.new_dialog import NewApplicationDialog
    from followthrough.ui.applications.page import ApplicationsPage
    from followthrough.ui.backups.flow import BackupFlow
    from followthrough.ui.calendar.page import CalendarPage
    from followthrough.ui.calendar_push.flow import CalendarServerFlow
    from followthrough.ui.common.appearance import Appearance
    from followthrough.ui.common.reminder_kinds import ReminderHandlers
    from followthrough.ui.common.undo import UndoSlot
    from followthrough.ui.contacts.dialog import ContactDialog
    from followthrough.ui.contacts.page import ContactsPage
    from followthrough.ui.debriefs.flow import DebriefFlow
    from followthrough.ui.exchange.calendar import CalendarExport
    from followthrough.ui.exchange.csv_flow import CsvExchange
    from followthrough.ui.exchange.flow import ExchangeFlow
    from followthrough.ui.exchange.vcard import VCardExchange
    from followthrough.ui.followups.flow import FollowUpFlow
    from followthrough.ui.insights.page import InsightsPage
    from followthrough.ui.notes.flow import NoteFlow
    from followthrough.ui.offers.flow import OfferFlow
    from followthrough.ui.preparation.flow import PreparationFlow
    from followthrough.ui.references.flow import ReferenceFlow
    from followthrough.ui.shell.context import AppContext
    from followthrough.ui.shell.loading import ApplicationsData, ContactsData, WindowData
    from followthrough.ui.shell.tray import TrayIcon
    from followthrough.ui.today.page import TodayPage

log = logging.getLogger(__name__)

# The pages by name (code and tests find them by these English names; shown translated).
PAGES = (
    QT_TRANSLATE_NOOP("MainWindow", "Today"),
    QT_TRANSLATE_NOOP("MainWindow", "Applications"),
    QT_TRANSLATE_NOOP("MainWindow", "Calendar"),
    QT_TRANSLATE_NOOP("MainWindow", "Contacts"),
    QT_TRANSLATE_NOOP("MainWindow", "Insights"),
)
# Their entries in the View menu, with the keyboard accelerator.
PAGE_MENU_TEXTS = (
    QT_TRANSLATE_NOOP("MainWindow", "&Today"),
    QT_TRANSLATE_NOOP("MainWindow", "&Applications"),
    QT_TRANSLATE_NOOP("MainWindow", "Ca&lendar"),
    QT_TRANSLATE_NOOP("MainWindow", "&Contacts"),
    QT_TRANSLATE_NOOP("MainWindow", "&Insights"),
)
# The window's attributes for the pages after Today, in PAGES order (built on demand).
_LATER_PAGES = ("applications_page", "calendar_page", "contacts_page", "insights_page")
# The pages that load their rows only once they have been shown (all but Today), in
# loading order.
_ROW_PAGES = PAGES[1:]
_NAV_ICON_PX = 20
# How long data that arrived before the first paint waits for it at most.
_FIRST_PAINT_WAIT_MS = 1000
_WELCOME_KEY = "welcome/dismissed"
# A flow of File ▸ Export/Import (``_exchange_flow``).
_Flow = TypeVar("_Flow", bound="ExchangeFlow")
# View ▸ Appearance (a value of ui.common.theme.Appearance).
_APPEARANCE_KEY = "window/appearance"
_GEOMETRY_KEY = "window/geometry"
_STATE_KEY = "window/state"
_PAGE_KEY = "window/page"
_TRAY_EXPLAINED_KEY = "tray/explained"


class MainWindow(QMainWindow):
    """Signals:
    data_loaded(): the views show the database's current contents (Today, and each page
        that has been shown: a page loads its rows when first shown, then at each refresh).
    first_data_shown(): the first time they do (the reminders' full planning pass waits
        for it).
    data_changed(): something was saved; reminders are planned again.
    load_failed(str): the views' data could not be loaded (the reason, told already).
    first_painted(): the window is on screen (queued after its first paint; the app
        records then what the first window waited for, and then opens the database).

    ``MainWindow(context)`` is the whole window. The app makes it lighter and sooner:
    ``MainWindow(ui_state=...)`` is the navigation, an empty stack of pages, the status
    bar, the menus and the restored geometry, enough for the first paint; the database
    opened, ``attach_context`` builds Today's page (and a restored page) in it.
    """

    # Set by ``attach_context`` (the window shows nothing of them before).
    context: AppContext
    zone: ZoneInfo
    today_page: TodayPage
    reminder_handlers: ReminderHandlers
    # The menus' keys, set with the data (``_set_shortcuts``).
    _shortcuts: list[tuple[QAction, QKeySequence | QKeySequence.StandardKey | str]]

    data_loaded = Signal()
    first_data_shown = Signal()
    first_painted = Signal()
    load_failed = Signal(str)
    data_changed = Signal()
    # A reminder was marked done, taken back or snoozed (the calendar file follows).
    reminder_acted = Signal()
    reminders_changed = Signal(list)

    def __init__(
        self,
        context: AppContext | None = None,
        parent: QWidget | None = None,
        *,
        ui_state: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        if context is not None:
            ui_state = context.ui_state
        assert ui_state is not None, "a context, or the UI state until it comes"
        self.ui_state = ui_state
        # The look chosen in View ▸ Appearance, before anything is painted.
        if self.appearance().value != "system":
            from followthrough.ui.common.appearance import apply_appearance

            apply_appearance(self.appearance())
        self.attached = False
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(QSize(760, 520))
        self._loaded_once = False
        self._painted_once = False
        self._data_after_paint: WindowData | None = None
        self._first_paint_done = False
        # Set by the app: holds back the "could not be loaded" message of the first load
        # until the whole-file check has spoken (it runs the message only if the file is sound).
        self.first_load_error_waits: Callable[[Callable[[], None]], None] | None = None
        self._refreshing = False
        self._refresh_again = False
        self._counts: DataCounts | None = None
        # The pages whose rows are loaded (shown once), and those loaded in this refresh.
        self._pages_with_rows: set[str] = set()
        self._failed_pages: set[str] = set()
        self._loaded_this_round: set[str] = set()
        self._calendar_placed = False

        self.nav = self._build_navigation()
        self.detail_dialogs: dict[int, ApplicationDetailDialog] = {}
        self.scheduler: ReminderScheduler | None = None
        self.calendar_push: CalendarPush | None = None
        self.tray: TrayIcon | None = None
        self._quitting = False
        # The checked copy of a backup to restart on (File > Restore…), once asked for:
        # the app puts it in place after the window quits and the database is closed.
        self.pending_restore: Path | None = None
        self.due_reminders: list[DueReminder] = []
        # The scheduler's last list as Today was given it (None: none given yet).
        self._reminders_shown: list[DueReminder] | None = None
        self._build_central()
        self._build_status_bar()
        self._build_menus()
        self._restore_geometry()
        if context is not None:
            self.attach_context(context)

    def attach_context(self, context: AppContext) -> None:
        """The database is open: Today's page (in the first placeholder's stead, as the
        later pages are placed), the page the window was left on, what acts on data."""
        from followthrough.ui.common.formatting import system_zone
        from followthrough.ui.common.theme import ColourRole, colour_text
        from followthrough.ui.today.page import TodayPage

        self.context = context
        # The session's clock, set once the preferences were read (app.run_gui).
        self.zone = system_zone()
        self.today_page = TodayPage(self.zone, self.stack)
        self.today_page.todo.now = self.clock.now
        self.reminder_handlers = self._reminder_handlers()
        self._place_page(0, self.today_page)
        self._connect_pages()
        self.today_page.set_welcome_visible(not self._welcome_dismissed())
        colour_text(self.damage_label, ColourRole.ERROR)
        self.attached = True
        self._set_shortcuts()
        for action in self._data_actions:
            action.setEnabled(True)
        self._show_page_at(self.stack.currentIndex())

    @cached_property
    def done_undo(self) -> UndoSlot:
        """The Undo offer of Done in the status bar (one at a time)."""
        from followthrough.ui.common.undo import UndoSlot

        return UndoSlot()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted_once:
            self._painted_once = True
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        if self._first_paint_done:
            return
        self._first_paint_done = True
        self.first_painted.emit()
        self._set_nav_icons()
        data, self._data_after_paint = self._data_after_paint, None
        if data is not None:
            self._show_data(data)

    # -- the pages after Today: built when first shown (or asked for) ---------------------

    def _place_page(self, index: int, page: QWidget) -> None:
        """Put the built page where its placeholder stood in the stack (pages are made
        with the stack as parent: a page made as a window of its own, then adopted,
        would take the activation from the main window on some platforms)."""
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex() == index
        self.stack.insertWidget(index, page)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        if current:
            self.stack.setCurrentIndex(index)

    @cached_property
    def applications_page(self) -> ApplicationsPage:
        from followthrough.ui.applications.page import ApplicationsPage

        page = ApplicationsPage(self.zone, self.today, self.stack)
        self._place_page(PAGES.index("Applications"), page)
        page.add_application.connect(self.new_application)
        page.open_application.connect(self.open_application)
        page.move_requested.connect(self.move_application)
        return page

    @cached_property
    def calendar_page(self) -> CalendarPage:
        from followthrough.ui.calendar.page import CalendarPage

        page = CalendarPage(self.zone, self.today, self.stack)
        self._place_page(PAGES.index("Calendar"), page)
        if self._counts is not None:
            page.set_has_data(self._counts.interviews > 0)
        page.day_selected.connect(self.load_day)
        page.month_shown.connect(self.load_month)
        page.week_shown.connect(self.load_week)
        page.today_button.clicked.connect(lambda: page.go_to(self.today()))
        page.item_activated.connect(self.open_agenda_item)
        return page

    @cached_property
    def contacts_page(self) -> ContactsPage:
        from followthrough.ui.contacts.page import ContactsPage

        page = ContactsPage(self.stack)
        self._place_page(PAGES.index("Contacts"), page)
        page.open_contact.connect(self.open_contact)
        page.new_contact.connect(lambda: self.open_contact(None))
        return page

    @cached_property
    def insights_page(self) -> InsightsPage:
        from followthrough.ui.insights.page import InsightsPage

        page = InsightsPage(self.today, self.stack)
        self._place_page(PAGES.index("Insights"), page)
        return page

    # -- the features' flows, built (and their dialogs loaded) when first used ------------

    @cached_property
    def followups(self) -> FollowUpFlow:
        from followthrough.ui.followups.flow import FollowUpFlow

        return FollowUpFlow(
            self.context, self, self.exec_dialog, self._after_change, self._show_failure
        )

    @cached_property
    def notes(self) -> NoteFlow:
        from followthrough.ui.notes.flow import NoteFlow

        return NoteFlow(self.context, self, self._after_change, self._show_failure)

    @cached_property
    def references(self) -> ReferenceFlow:
        from followthrough.ui.references.flow import ReferenceFlow

        return ReferenceFlow(
            self.context,
            self,
            self._after_change,
            self._show_failure,
            lambda d: self.exec_dialog(d),
        )

    @cached_property
    def preparations(self) -> PreparationFlow:
        from followthrough.ui.preparation.flow import PreparationFlow

        return PreparationFlow(
            self.context,
            self,
            lambda interview_id: self.debriefs.open(interview_id),
            self._after_change,
            self._show_failure,
        )

    @cached_property
    def debriefs(self) -> DebriefFlow:
        from followthrough.ui.debriefs.flow import DebriefFlow

        return DebriefFlow(
            self.context, self, self.exec_dialog, self._after_change, self._show_failure
        )

    @cached_property
    def offers(self) -> OfferFlow:
        from followthrough.ui.offers.flow import OfferFlow

        return OfferFlow(
            self.context, self, self.exec_dialog, self._after_change, self._show_failure
        )

    @cached_property
    def backups(self) -> BackupFlow:
        from followthrough.ui.backups.flow import BackupFlow

        return BackupFlow(
            self.context,
            self,
            self.exec_dialog,
            lambda message: self.statusBar().showMessage(message, 10000),
            self._show_failure,
            self.restart_for_restore,
        )

    def restart_for_restore(self, staged: Path) -> None:
        """Quit, leaving ``staged`` (a checked copy of a backup) for the app to put in
        place and start again on."""
        log.info("restarting to restore %s", staged)
        self.pending_restore = staged
        self.quit()

    def _exchange_flow(self, kind: type[_Flow], saved: Callable[[str], None]) -> _Flow:
        """A flow of File ▸ Export/Import, its progress and results said in the status bar."""
        return kind(
            self.context,
            self,
            self.exec_dialog,
            saved,
            self._show_failure,
            lambda text: self.statusBar().showMessage(text, 15000),
        )

    @cached_property
    def exchange(self) -> ExchangeFlow:
        from followthrough.ui.exchange.flow import ExchangeFlow

        return self._exchange_flow(ExchangeFlow, self._after_import)

    @cached_property
    def csv_exchange(self) -> CsvExchange:
        from followthrough.ui.exchange.csv_flow import CsvExchange

        return self._exchange_flow(CsvExchange, self._after_change)

    @cached_property
    def vcard_exchange(self) -> VCardExchange:
        from followthrough.ui.exchange.vcard import VCardExchange

        return self._exchange_flow(VCardExchange, self._after_change)

    @cached_property
    def calendar_export(self) -> CalendarExport:
        from followthrough.ui.exchange.calendar import CalendarExport

        return self._exchange_flow(CalendarExport, self._after_change)

    @cached_property
    def calendar_server(self) -> CalendarServerFlow:
        from followthrough.ui.calendar_push.flow import CalendarServerFlow

        flow = CalendarServerFlow(
            self.context,
            self,
            self.exec_dialog,
            self._after_change,
            self._show_failure,
            lambda text: self.statusBar().showMessage(text, 15000),
        )
        flow.push = self.calendar_push
        return flow

    def attach_calendar_push(self, push: CalendarPush) -> None:
        """The session's push to the calendar server: its failures in the status bar (told
        once by the push), its password asked for here. The settings' flow and dialogs
        load only when used (the window's idle memory is near its limit)."""
        self.calendar_push = push
        push.failed.connect(lambda message: self.statusBar().showMessage(message, 15000))
        push.password_needed.connect(
            lambda reason: self.calendar_server.ask_session_password(reason)
        )

    def _after_import(self, message: str) -> None:
        self._after_change(message)
        if self.scheduler is not None:
            # The data came with its plan: made on rules or a zone maybe not this session's.
            self.scheduler.plan_afresh()

    # -- building ------------------------------------------------------------------------

    def _build_navigation(self) -> QListWidget:
        """The list of pages on the left."""
        nav = QListWidget()
        nav.setObjectName("navigation")
        nav.setFixedWidth(170)
        nav.setIconSize(QSize(_NAV_ICON_PX, _NAV_ICON_PX))
        # A blank icon of the same size holds each icon's place until the style's own come
        # (``_set_nav_icons``, after the first paint): reading them from the icon theme
        # took 50 ms of the first window's wait, and the texts do not move when they come.
        blank = QPixmap(_NAV_ICON_PX, _NAV_ICON_PX)
        blank.fill(QColor(0, 0, 0, 0))  # transparent (Qt's namespace loads slowly)
        for name in PAGES:
            QListWidgetItem(QIcon(blank), QCoreApplication.translate("MainWindow", name), nav)
        return nav

    def _set_nav_icons(self) -> None:
        from PySide6.QtWidgets import QStyle  # its enums load slowly: after the first paint

        icons = (
            QStyle.StandardPixmap.SP_FileDialogDetailedView,
            QStyle.StandardPixmap.SP_DirIcon,
            QStyle.StandardPixmap.SP_FileDialogContentsView,
            QStyle.StandardPixmap.SP_DirHomeIcon,
            QStyle.StandardPixmap.SP_FileDialogInfoView,
        )
        for row, icon in enumerate(icons):
            item = self.nav.item(row)
            if item is not None:
                item.setIcon(self.style().standardIcon(icon))

    def _build_central(self) -> None:
        """The navigation beside the stack of pages it switches between."""
        self.stack = QStackedWidget()
        for _name in PAGES:
            self.stack.addWidget(QWidget())  # until the page is built (_place_page)
        self.nav.currentRowChanged.connect(self._show_page_at)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        """The counts, and the warning shown once the data file is found damaged."""
        self.status_counts = QLabel(self.tr("Loading…"))
        self.status_counts.setObjectName("statusCounts")
        self.statusBar().addPermanentWidget(self.status_counts)
        self.damage_label = QLabel()
        self.damage_label.setObjectName("damageWarning")
        bold = self.damage_label.font()
        bold.setBold(True)
        self.damage_label.setFont(bold)
        self.damage_label.hide()
        self.statusBar().addPermanentWidget(self.damage_label)

    def _connect_pages(self) -> None:
        """What the pages ask for, to the window that does it."""
        self.today_page.add_application.connect(self.new_application)
        self.today_page.welcome.dismissed.connect(self.dismiss_welcome)
        self.today_page.item_activated.connect(self.open_agenda_item)

    # -- menus ---------------------------------------------------------------------------

    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None, slot: Any
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            self._shortcuts.append((action, shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _set_shortcuts(self) -> None:
        """The menus' keys, with the data (the first key sequence loads Qt's whole
        namespace of enums, ~20 ms the first window would wait for; the actions are
        disabled until then anyway, and the menus are closed)."""
        for action, shortcut in self._shortcuts:
            action.setShortcut(QKeySequence(shortcut))
        self._shortcuts.clear()

    def _build_menus(self) -> None:
        self._shortcuts = []
        # Explicit keys: the standard-key table differs between platform themes and is
        # empty for Quit on some Linux desktops.
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_action = self._action(self.tr("&New application…"), "Ctrl+N", self.new_application)
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        self._build_exchange_menus(file_menu)
        file_menu.addSeparator()
        self.back_up_action = self._action(
            self.tr("&Back up now…"), None, lambda: self.backups.back_up_now()
        )
        file_menu.addAction(self.back_up_action)
        self.restore_action = self._action(
            self.tr("&Restore…"), None, lambda: self.backups.restore()
        )
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        self.quit_action = self._action(self.tr("&Quit"), "Ctrl+Q", self.quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.find_action = self._action(self.tr("&Find…"), "Ctrl+F", self.focus_search)
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        self.preferences_action = self._action(
            self.tr("&Preferences…"), "Ctrl+,", self.open_preferences
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit_menu.addAction(self.preferences_action)

        view_menu = bar.addMenu(self.tr("&View"))
        self.page_actions: list[QAction] = []
        for index, text in enumerate(PAGE_MENU_TEXTS):
            action = self._action(
                QCoreApplication.translate("MainWindow", text),
                f"Ctrl+{index + 1}",
                lambda _c=False, i=index: self.show_page(i),
            )
            view_menu.addAction(action)
            self.page_actions.append(action)
        view_menu.addSeparator()
        self.question_bank_action = self._action(
            self.tr("&Question bank…"), "Ctrl+Shift+B", lambda: self.debriefs.open_bank()
        )
        view_menu.addAction(self.question_bank_action)
        self.compare_offers_action = self._action(
            self.tr("Compare &offers…"), "Ctrl+Shift+O", lambda: self.offers.compare()
        )
        view_menu.addAction(self.compare_offers_action)
        view_menu.addSeparator()
        self._build_appearance_menu(view_menu)
        view_menu.addSeparator()
        self.refresh_action = self._action(self.tr("&Refresh"), "F5", self.refresh)
        view_menu.addAction(self.refresh_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.help_action = self._action(self.tr("&Getting started"), "F1", self.show_help)
        help_menu.addAction(self.help_action)
        self.log_folder_action = self._action(
            self.tr("Open the &log folder"), None, self.open_log_folder
        )
        help_menu.addAction(self.log_folder_action)
        help_menu.addSeparator()
        self.about_action = self._action(
            self.tr("&About {app}").format(app=APP_NAME), None, self.show_about
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)
        # What acts on the data waits for it (the database opens after the first paint).
        self._data_actions = [a for a in self.actions() if a is not self.quit_action]
        for action in self._data_actions:
            action.setEnabled(self.attached)

    def _build_appearance_menu(self, view_menu: QMenu) -> None:
        """View ▸ Appearance: the desktop's look, light or dark; kept in the UI state and
        given before the first paint at the next start."""
        from PySide6.QtGui import QActionGroup

        from followthrough.ui.common.appearance import Appearance

        menu = view_menu.addMenu(self.tr("A&ppearance"))
        group = QActionGroup(self)
        group.setExclusive(True)
        chosen = self.appearance()
        self.appearance_actions: dict[Appearance, QAction] = {}
        for appearance, text in (
            (Appearance.SYSTEM, self.tr("As the &desktop")),
            (Appearance.LIGHT, self.tr("&Light")),
            (Appearance.DARK, self.tr("Dar&k")),
        ):
            action = QAction(text, self, checkable=True)
            action.setChecked(appearance is chosen)
            action.triggered.connect(lambda _c=False, a=appearance: self.set_appearance(a))
            group.addAction(action)
            menu.addAction(action)
            self.appearance_actions[appearance] = action

    def appearance(self) -> Appearance:
        from followthrough.ui.common.appearance import Appearance

        try:
            return Appearance(str(self.ui_state.value(_APPEARANCE_KEY, Appearance.SYSTEM.value)))
        except ValueError:
            return Appearance.SYSTEM

    def set_appearance(self, appearance: Appearance) -> None:
        from followthrough.ui.common.appearance import apply_appearance

        apply_appearance(appearance)
        self.appearance_actions[appearance].setChecked(True)
        self.ui_state.setValue(_APPEARANCE_KEY, appearance.value)
        self.ui_state.sync()

    def _build_exchange_menus(self, file_menu: QMenu) -> None:
        """File ▸ Export and File ▸ Import: everything out to a file, and back."""
        export_menu = file_menu.addMenu(self.tr("&Export"))
        self.export_json_action = self._action(
            self.tr("&JSON…"), None, lambda: self.exchange.export_json()
        )
        export_menu.addAction(self.export_json_action)
        self.export_calendar_action = self._action(
            self.tr("&Calendar (.ics)…"), None, lambda: self.calendar_export.export_calendar()
        )
        export_menu.addAction(self.export_calendar_action)
        self.export_applications_csv_action = self._action(
            self.tr("&Applications (CSV)…"),
            None,
            lambda: self.csv_exchange.export_applications_csv(),
        )
        export_menu.addAction(self.export_applications_csv_action)
        self.export_contacts_csv_action = self._action(
            self.tr("C&ontacts (CSV)…"), None, lambda: self.csv_exchange.export_contacts_csv()
        )
        export_menu.addAction(self.export_contacts_csv_action)
        self.export_vcard_action = self._action(
            self.tr("Contacts (&vCard)…"), None, lambda: self.vcard_exchange.export_vcards()
        )
        export_menu.addAction(self.export_vcard_action)
        import_menu = file_menu.addMenu(self.tr("&Import"))
        self.import_json_action = self._action(
            self.tr("&JSON…"), None, lambda: self.exchange.import_json()
        )
        import_menu.addAction(self.import_json_action)
        self.import_csv_action = self._action(
            self.tr("&Applications from CSV…"), None, lambda: self.csv_exchange.import_csv()
        )
        import_menu.addAction(self.import_csv_action)
        self.import_vcard_action = self._action(
            self.tr("Contacts (&vCard)…"), None, lambda: self.vcard_exchange.import_vcards()
        )
        import_menu.addAction(self.import_vcard_action)
        self.subscribe_action = self._action(
            self.tr("Calendar to &subscribe to…"),
            None,
            lambda: self.calendar_export.show_subscription(),
        )
        file_menu.addAction(self.subscribe_action)
        self.calendar_server_action = self._action(
            self.tr("&Calendar server…"), None, lambda: self.calendar_server.open()
        )
        file_menu.addAction(self.calendar_server_action)

    # -- navigation ----------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def _show_page_at(self, index: int) -> None:
        if 0 < index < len(PAGES) and self.attached:
            getattr(self, _LATER_PAGES[index - 1])  # built now if it was not yet
        self.stack.setCurrentIndex(index)
        name = PAGES[index] if 0 <= index < len(PAGES) else ""
        # A page whose rows could not be loaded tries again when shown again (or at F5).
        if name in _ROW_PAGES and (name not in self._pages_with_rows or name in self._failed_pages):
            self._pages_with_rows.add(name)
            if self._loaded_once and not self._refreshing:
                # Its rows alone; a refresh under way loads them as it goes on.
                self._refreshing = True
                self._loaded_this_round = self._pages_with_rows - {name}
                self._load_next_page()

    def rows_current(self, name: str) -> bool:
        """Whether the page ``name`` shows its rows as last loaded (a page loads them when
        first shown; Today's come with every refresh)."""
        if name not in _ROW_PAGES:
            return self._loaded_once
        return (
            name in self._pages_with_rows
            and name not in self._failed_pages
            and not self._refreshing
        )

    def current_page_name(self) -> str:
        return PAGES[self.stack.currentIndex()]

    def focus_search(self) -> None:
        if self.current_page_name() == "Contacts":
            self.contacts_page.focus_search()
            return
        self.show_page(PAGES.index("Applications"))
        self.applications_page.focus_search()

    def bring_forward(self) -> None:
        """Show, un-minimise and raise the window (another launch asked for it)."""
        from followthrough.ui.common.widgets import show_in_front

        show_in_front(self)

    # -- data ----------------------------------------------------------------------------

    @property
    def clock(self) -> Clock:
        return self.context.clock

    def today(self) -> date:
        return self.clock.now().astimezone(self.zone).date()

    def refresh(self) -> None:
        """Load what the views show; a refresh asked for while one runs follows it (one
        load at a time, never two racing for the same rows)."""
        if self._refreshing:
            self._refresh_again = True
            return
        from followthrough.ui.shell.loading import load_window_data

        self._refreshing = True
        clock, zone = self.clock, self.zone
        # The week the weekly goal counts starts on the locale's first day (Monday = 0).
        first_weekday = QLocale().firstDayOfWeek().value - 1
        self.context.runner.submit(
            lambda: load_window_data(clock, zone, first_weekday),
            self._show_data,
            self._show_load_error,
        )

    def _refreshed(self) -> None:
        self._refreshing = False
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()

    def _show_data(self, data: WindowData) -> None:
        if self.isVisible() and not self._first_paint_done:
            # Data that comes before the first paint waits for it: the window shows first
            # (an empty folder loads faster than the window paints). A window that is not
            # painted soon (minimised by the desktop, say) takes its data all the same.
            self._data_after_paint = data
            QTimer.singleShot(_FIRST_PAINT_WAIT_MS, self._after_first_paint)
            return
        counts = data.counts
        self.today_page.todo.hours = data.hours
        self.today_page.set_data(
            counts, data.agenda, data.today, data.subjects, (data.today_list, data.fired)
        )
        self.today_page.momentum.show_momentum(data.warning, data.goal)
        self._show_counts(counts)
        if not self._loaded_once:
            self._loaded_once = True
            # Queued after the repaint the new rows asked for (benchmarks read this line).
            QTimer.singleShot(0, lambda: log.info("first data painted"))
            self.first_data_shown.emit()
        self._loaded_this_round = set()
        self._load_next_page()

    def _show_counts(self, counts: DataCounts) -> None:
        """The status bar's counts (each load brings them, the newest win)."""
        self._counts = counts
        if "calendar_page" in self.__dict__:  # else it is told when built
            self.calendar_page.set_has_data(counts.interviews > 0)
        self.status_counts.setText(
            " · ".join(
                (
                    self.tr("%Ln application(s)", "", counts.applications)
                    + " "
                    + self.tr("(%Ln active)", "", counts.active_applications),
                    self.tr("%Ln interview(s)", "", counts.interviews),
                    self.tr("%Ln person(s)", "", counts.contacts),
                )
            )
        )

    def _load_next_page(self) -> None:
        """Load the rows of the next page shown once and not loaded in this refresh, one
        page at a time; when none is left, the views are current."""
        waiting = [n for n in _ROW_PAGES if n in self._pages_with_rows - self._loaded_this_round]
        if not waiting:
            # Current only when no refresh was asked for meanwhile (it follows at once).
            current = not self._refresh_again
            self._refreshed()
            if current:
                self.data_loaded.emit()
            return
        from followthrough.ui.shell.loading import load_applications_data, load_contacts_data

        name = waiting[0]
        self._loaded_this_round.add(name)
        self._failed_pages.discard(name)
        clock, zone = self.clock, self.zone
        if name == "Applications":
            self.applications_page.loading()
            self.context.runner.submit(
                lambda: load_applications_data(clock, zone),
                self._show_applications,
                lambda message: self._page_failed("Applications", message),
            )
        elif name == "Contacts":
            self.contacts_page.loading()
            self.context.runner.submit(
                lambda: load_contacts_data(clock),
                self._show_contacts,
                lambda message: self._page_failed("Contacts", message),
            )
        elif name == "Insights":
            self._load_insights()
        else:
            self._load_calendar()
            self._load_next_page()

    def _page_failed(self, name: str, message: str) -> None:
        """A page's rows could not be loaded: the page says so (not "Loading…" for good),
        and loads them when shown again or at the next refresh."""
        self._failed_pages.add(name)
        pages = {
            "Applications": self.applications_page,
            "Contacts": self.contacts_page,
            "Insights": self.insights_page,
        }
        page = pages[name]
        page.load_failed(
            self.tr("This page could not be loaded. Open it again, or press F5, to try again.")
        )
        self._show_load_error(message)

    def _load_calendar(self) -> None:
        """The calendar's week, month marks and selected day (each arrives on its own)."""
        if not self._calendar_placed:
            self._calendar_placed = True
            self.calendar_page.go_to(self.today())
        else:
            self.load_week(self.calendar_page.week.monday)
        self.load_month(*self.calendar_page.shown_month())
        self.load_day(self.calendar_page.selected_day())

    def _load_insights(self) -> None:
        """The charts' data: its modules load here, when the page is first shown."""
        from followthrough.store.insights import load_insights
        from followthrough.store.queries import data_counts

        self.insights_page.loading()
        clock, zone = self.clock, self.zone
        first_weekday = QLocale().firstDayOfWeek().value - 1

        def load() -> tuple[DataCounts, Insights]:
            return data_counts(clock), load_insights(clock, zone, first_weekday)

        self.context.runner.submit(
            load, self._show_insights, lambda message: self._page_failed("Insights", message)
        )

    def _show_insights(self, data: tuple[DataCounts, Insights]) -> None:
        counts, insights = data
        self._show_counts(counts)
        self.insights_page.set_data(counts.applications, insights)
        self._load_next_page()

    def _show_applications(self, data: ApplicationsData) -> None:
        self._show_counts(data.counts)
        self.applications_page.set_data(
            data.counts, data.applications, data.application_haystacks, data.board
        )
        self._load_next_page()

    def _show_contacts(self, data: ContactsData) -> None:
        self._show_counts(data.counts)
        self.contacts_page.set_data(data.counts, data.contacts, data.contact_haystacks)
        self._load_next_page()

    def database_damaged(self, message: str) -> None:
        """The background check found damage: nothing more is saved; say so, for good."""
        from PySide6.QtWidgets import QMessageBox

        from followthrough.ui.common.text import message_box

        self.damage_label.setText(
            self.tr("Not saving: your data file is damaged (see the message).")
        )
        self.damage_label.show()
        message_box(QMessageBox.Icon.Critical, APP_NAME, message, self).exec()

    def _show_load_error(self, message: str) -> None:
        self._refreshed()
        first = not self._loaded_once
        self.load_failed.emit(message)
        self.status_counts.setText(self.tr("Could not load data"))

        def tell() -> None:
            from PySide6.QtWidgets import QMessageBox

            from followthrough.ui.common.text import message_box

            message_box(
                QMessageBox.Icon.Warning,
                APP_NAME,
                self.tr("Your data could not be loaded: {message}").format(message=message),
                self,
            ).exec()

        if first and self.first_load_error_waits is not None:
            # A first load that fails may be damage the whole-file check is about to name:
            # the person hears of it once, in the check's words, or else in these.
            self.first_load_error_waits(tell)
        else:
            tell()

    def load_month(self, year: int, month: int) -> None:
        from followthrough.ui.shell.loading import load_month

        zone, today = self.zone, self.today()
        self.context.runner.submit(
            lambda: load_month(year, month, zone),
            lambda counts: self.calendar_page.set_month_counts(year, month, counts, today),
        )

    def load_day(self, day: date) -> None:
        from followthrough.ui.shell.loading import load_day

        zone = self.zone
        self.context.runner.submit(
            lambda: load_day(day, zone),
            lambda items: self.calendar_page.set_day_items(day, items),
        )

    def load_week(self, monday: date) -> None:
        from followthrough.ui.shell.loading import load_week

        zone = self.zone
        self.context.runner.submit(
            lambda: load_week(monday, zone),
            lambda items: self.calendar_page.week.set_items(monday, items),
        )

    # -- reminders -----------------------------------------------------------------------

    def attach_scheduler(self, scheduler: ReminderScheduler) -> None:
        """Show the scheduler's due items and let the user act on them."""
        self.scheduler = scheduler
        panel = self.today_page.todo
        scheduler.open_changed.connect(self.show_due_reminders)
        # Planned reminders join the agenda: Today and the calendar show them.
        scheduler.planned.connect(self._after_planning)
        self.data_changed.connect(scheduler.replan)
        panel.done.connect(self.reminder_done)
        panel.snooze.connect(self.snooze_reminder)
        panel.snooze_until.connect(self.snooze_reminder_until)
        panel.open_reminder.connect(self._open_reminder)
        panel.use_handlers(self.reminder_handlers)
        panel.log_follow_up.connect(self._log_for_reminder)
        panel.call_sheet.connect(self._call_for_reminder)
        panel.write_note.connect(lambda reminder: self.notes.open_for_reminder(reminder))
        panel.reach_reference.connect(lambda reminder: self.references.open_for_reminder(reminder))

    def _after_planning(self, report: object) -> None:
        from followthrough.store.planning import PlanReport

        if isinstance(report, PlanReport) and (report.written or report.removed):
            self.refresh()
            # An application's What's next comes from the plan: shown again once it moved
            # (a debrief saved, say, reloaded its window before the plan had changed).
            for dialog in self.detail_dialogs.values():
                dialog.reload()

    def _log_for_reminder(self, reminder: DueReminder) -> None:
        if reminder.application_id is not None:
            self.followups.log(reminder.application_id)

    def _call_for_reminder(self, reminder: DueReminder) -> None:
        if reminder.application_id is not None:
            self.followups.call_sheet(reminder.application_id)

    def attach_tray(self, tray: TrayIcon) -> None:
        """Live on in the tray: its menu acts on the due items, closing only hides."""
        self.tray = tray
        self.reminders_changed.connect(tray.set_due)
        tray.open_requested.connect(self.bring_forward)
        tray.open_reminder.connect(self._open_from_tray)
        tray.done_requested.connect(self.reminder_done)
        tray.snooze_requested.connect(self.snooze_reminder_until)
        tray.quit_requested.connect(self.quit)
        if self.scheduler is not None:
            tray.pause_requested.connect(self.scheduler.pause)
            self.scheduler.paused_changed.connect(tray.set_paused)
        tray.set_due(self.due_reminders)

    def _reminder_handlers(self) -> ReminderHandlers:
        """What each feature's reminders open and offer (a new kind registers its own)."""
        from followthrough.domain.debriefs.reminders import FEATURE as DEBRIEF_FEATURE
        from followthrough.domain.offers.reminders import FEATURE as OFFER_FEATURE
        from followthrough.domain.preparation.reminders import FEATURE as PREP_FEATURE
        from followthrough.domain.reminder_kinds import Feature
        from followthrough.ui.common.reminder_kinds import (
            CALL_SHEET,
            LOG_FOLLOW_UP,
            OPEN_ITEM,
            REACH_REFERENCE,
            WRITE_NOTE,
            ReminderHandler,
            ReminderHandlers,
        )
        from followthrough.ui.followups.actions import follow_up_actions

        handlers = ReminderHandlers()
        handlers.register(
            ReminderHandler(
                Feature.NOTE, lambda reminder: self.notes.open_for_reminder(reminder), (WRITE_NOTE,)
            )
        )
        # A reference's reminder opens the application's References tab (the message to
        # them is its action).
        handlers.register(
            ReminderHandler(Feature.REFERENCE, self._open_references, (REACH_REFERENCE,))
        )
        # A debrief's reminder opens the interview's debrief form.
        handlers.register(
            ReminderHandler(
                DEBRIEF_FEATURE, lambda r: self.debriefs.open_for_reminder(r), (OPEN_ITEM,)
            )
        )
        # Preparing a further round opens its checklist.
        handlers.register(
            ReminderHandler(
                PREP_FEATURE, lambda r: self.preparations.open_for_reminder(r), (OPEN_ITEM,)
            )
        )
        # Looking at a company again (after a no) opens that application's playbook.
        handlers.register(
            ReminderHandler(
                Feature.REJECTION,
                lambda r: r.application_id is not None and self.offer_playbook(r.application_id),
                (OPEN_ITEM,),
            )
        )
        # An offer's reminder opens its form; the first day's, the others to close.
        handlers.register(
            ReminderHandler(OFFER_FEATURE, lambda r: self.offers.open_for_reminder(r), (OPEN_ITEM,))
        )
        # A follow-up opens its application (the fallback), with the log; the call sheet
        # only for one to make by phone.
        handlers.register(
            ReminderHandler(
                Feature.FOLLOW_UP,
                lambda _reminder: False,
                (LOG_FOLLOW_UP, CALL_SHEET),
                follow_up_actions,
            )
        )
        return handlers

    def _open_references(self, reminder: DueReminder) -> bool:
        from followthrough.store.references import parse_subject_key as parse_reference_key
        from followthrough.ui.applications.detail_dialog import DetailPart

        if reminder.application_id is None:
            return False
        # The person the reminder is about chosen there (its subject names the link).
        self.open_application(reminder.application_id).show_part(
            DetailPart.REFERENCES, parse_reference_key(reminder.subject_key)
        )
        return True

    def _open_from_tray(self, reminder: DueReminder) -> None:
        self.bring_forward()
        self._open_reminder(reminder)

    def _open_reminder(self, reminder: DueReminder) -> None:
        """What the reminder is about, by its feature's handler; else its application."""
        if self.reminder_handlers.open(reminder):
            return
        if reminder.application_id is not None:
            self.open_application(reminder.application_id)

    def show_due_reminders(self, reminders: list[DueReminder]) -> None:
        if self._reminders_shown is not None and reminders == self._reminders_shown:
            # The same list, in the same words (each check after a plan reports it):
            # Today's list is not built again for it (0.1-0.2 s at 10,000).
            return
        self._reminders_shown = reminders
        log.info("Today shows %d reminders waiting", len(reminders))
        self.today_page.todo.set_reminders(reminders)
        self.due_reminders = reminders
        self.reminders_changed.emit(reminders)

    def reminder_done(self, reminder_id: int) -> None:
        """Done at once (Today's button, its row, Ctrl+D, the tray), with "Done: … Undo"
        in the status bar for a few seconds."""
        from followthrough.store.reminders import mark_done

        now = self.clock.now()
        title = self._reminder_title(reminder_id)
        self._reminder_step(
            lambda: mark_done(reminder_id, now),
            "",  # said by the Undo offer instead
            self.tr("the reminder marked as done"),
            after=lambda: self._offer_done_undo(reminder_id, title, now),
        )

    def _reminder_title(self, reminder_id: int) -> str:
        """The reminder's title as Today (or the tray) shows it."""
        listed = self.today_page.todo.listed_reminder(reminder_id)
        if listed is not None:
            return listed.title
        return next((r.title for r in self.due_reminders if r.reminder_id == reminder_id), "")

    def _offer_done_undo(self, reminder_id: int, title: str, done_at: datetime) -> None:
        from followthrough.store.reminders import undo_done

        text = self.tr("Done: {title}.").format(title=title) if title else self.tr("Marked done.")

        def undo() -> None:
            self._reminder_step(
                lambda: undo_done(reminder_id, done_at),
                self.tr("Back on Today: {title}.").format(title=title)
                if title
                else self.tr("Back on Today."),
                self.tr("taking back Done"),
            )

        self.done_undo.offer_new(self.statusBar(), text, undo)

    def snooze_reminder(self, reminder_id: int, choice: SnoozeChoice) -> None:
        from followthrough.domain.snooze import snooze_until

        self.snooze_reminder_until(reminder_id, snooze_until(choice, self.clock.now(), self.zone))

    def snooze_reminder_until(self, reminder_id: int, until: datetime) -> None:
        from followthrough.domain.two_clocks import day_and_time
        from followthrough.store.reminders import snooze

        local = until.astimezone(self.zone)
        when = day_and_time(local)
        self._reminder_step(
            lambda: snooze(reminder_id, until),
            self.tr("Snoozed until {when}.").format(when=when),
            self.tr("the snooze until {when}").format(when=when),
        )

    def _reminder_step(
        self, work: Any, message: str, what: str, after: Callable[[], None] | None = None
    ) -> None:
        """``work`` written; then ``message`` in the status bar (or ``after``)."""
        from followthrough.ui.common import saving

        def done(_result: object) -> None:
            if after is not None:
                after()
            else:
                self.statusBar().showMessage(message, 5000)
            if self.scheduler is not None:
                self.scheduler.check_now()
            self.refresh()
            self.reminder_acted.emit()

        saving.save(self.context.runner, self, what, work, done)

    def open_preferences(self) -> None:
        from followthrough.store import settings as options

        def load() -> dict[str, object]:
            values: dict[str, object] = {o.key: options.get_any(o) for o in options.ALL_OPTIONS}
            with contextlib.suppress(NotImplementedError):
                values[options.START_AT_LOGIN.key] = autostart_enabled()
            return values

        self.context.runner.submit(load, self._edit_preferences, self._show_failure)

    def _edit_preferences(self, values: dict[str, object]) -> None:
        from followthrough.store import settings as options
        from followthrough.ui.common import saving
        from followthrough.ui.shell.preferences import PreferencesDialog

        dialog = PreferencesDialog(values, self)
        if not self.exec_dialog(dialog):
            return
        chosen = dialog.value()

        def save() -> str:
            """Runs off the GUI thread: why starting at login was not set, if it was not."""
            options.put_all({option: chosen[option.key] for option in options.ALL_OPTIONS})
            try:
                set_autostart(bool(chosen[options.START_AT_LOGIN.key]), default_command())
            except NotImplementedError as exc:
                return str(exc)
            return ""

        def saved(not_at_login: str) -> None:
            message = (
                self.tr("Preferences saved. {reason}").format(reason=not_at_login)
                if not_at_login
                else self.tr("Preferences saved.")
            )
            wanted = str(chosen[options.USER_ZONE.key]) or options.the_computers_zone().key
            if wanted != self.zone.key:
                # One clock per session: what is planned and what is shown agree.
                message += " " + self.tr(
                    "Your time zone ({zone}) applies from the next start of Follow-Through."
                ).format(zone=wanted)
            self._after_change(message)

        saving.save(
            self.context.runner,
            self,
            self.tr("your preferences"),
            save,
            saved,
            edit=lambda: self._edit_preferences(chosen),
        )

    def open_agenda_item(self, item: AgendaItem) -> None:
        """An interview opens on its application's Interviews tab, chosen; else the
        application."""
        from followthrough.ui.applications.detail_dialog import DetailPart

        if item.application_id is None:
            return
        dialog = self.open_application(item.application_id)
        if item.interview_id is not None:
            dialog.show_part(DetailPart.INTERVIEWS, item.interview_id)

    def open_application(self, application_id: int) -> ApplicationDetailDialog:
        from followthrough.ui.applications.detail_dialog import ApplicationDetailDialog
        from followthrough.ui.common.widgets import show_in_front

        dialog = self.detail_dialogs.get(application_id)
        if dialog is None:
            dialog = ApplicationDetailDialog(self.context, application_id, self)
            dialog.changed.connect(self.refresh)
            dialog.changed.connect(self.data_changed)
            dialog.open_contact.connect(self.open_contact)
            dialog.destroyed.connect(lambda _o=None: self.detail_dialogs.pop(application_id, None))
            self.detail_dialogs[application_id] = dialog
        show_in_front(dialog)
        return dialog

    def move_application(self, card: ApplicationSummary, target: Stage) -> None:
        """A board card moved: closing stages ask for the reason first."""
        from followthrough.domain.stages import is_closed
        from followthrough.store.queries import change_stage
        from followthrough.ui.applications.forms import StageChangeDialog
        from followthrough.ui.applications.labels import stage_label
        from followthrough.ui.common import saving

        reason = None
        if is_closed(target):
            dialog = StageChangeDialog(card.company, card.stage, self.today(), target, self)
            if not self.exec_dialog(dialog):
                self.applications_page.board.forget_move(card.application_id)
                return
            chosen = dialog.chosen_stage()
            assert chosen is not None
            target, reason = chosen, dialog.chosen_reason()
        clock, today, application_id = self.clock, self.today(), card.application_id
        saving.save(
            self.context.runner,
            self,
            self.tr("{company} moved to “{stage}”").format(
                company=card.company, stage=stage_label(target)
            ),
            lambda: change_stage(application_id, target, clock, today, reason),
            lambda _r: self._after_move(card, target, reason),
            on_discarded=lambda: self.applications_page.board.forget_move(application_id),
        )

    def _after_move(
        self, card: ApplicationSummary, target: Stage, reason: ClosureReason | None
    ) -> None:
        """A moved card landed: say so, and after a rejection offer the playbook."""
        from followthrough.domain.rejection import offers_playbook
        from followthrough.ui.applications.labels import stage_label

        self._after_change(
            self.tr("{company}: now “{stage}”.").format(
                company=card.company, stage=stage_label(target)
            )
        )
        if offers_playbook(target, reason):
            self.offer_playbook(card.application_id)

    def offer_playbook(self, application_id: int) -> bool:
        """The steps after a rejection for one application (a card moved to Rejected, the
        revisit reminder opened)."""
        from followthrough.ui.rejection.playbook import PlaybookDialog

        dialog = PlaybookDialog.offer(self.context, application_id, self)
        if not dialog.property("windowFollows"):
            dialog.setProperty("windowFollows", True)
            dialog.changed.connect(
                lambda: self._after_change(self.tr("Step saved (after the no)."))
            )
        return True

    def open_contact(self, contact_id: int | None) -> None:
        from followthrough.store.contacts import contact_history, load_contact
        from followthrough.store.references import reference_uses

        if contact_id is None:
            self._edit_contact(None, None, [])
            return
        self.context.runner.submit(
            lambda: (
                load_contact(contact_id),
                contact_history(contact_id),
                reference_uses(contact_id),
            ),
            lambda loaded: self._edit_contact(contact_id, loaded[0], loaded[1], loaded[2]),
            self._show_failure,
        )

    def _edit_contact(
        self,
        contact_id: int | None,
        fields: ContactFields | None,
        history: list[Any],
        uses: list[Any] | None = None,
    ) -> None:
        from followthrough.ui.contacts.dialog import ContactDialog

        dialog = ContactDialog(fields, history, self.zone, self, reference_uses=uses or [])
        dialog.open_application.connect(self.open_application)
        self._run_contact_dialog(dialog, contact_id, fields.name if fields else "")

    def _run_contact_dialog(self, dialog: ContactDialog, contact_id: int | None, name: str) -> None:
        from followthrough.store.contacts import delete_contact, save_contact
        from followthrough.ui.common import saving

        if not self.exec_dialog(dialog):
            return
        clock = self.clock
        if dialog.delete_requested and contact_id is not None:
            dialog.delete_requested = False
            saving.save(
                self.context.runner,
                self,
                name,
                lambda: delete_contact(contact_id),
                lambda _r: self._after_change(self.tr("Deleted {name}.").format(name=name)),
                verb="deleted",
            )
            return
        value = dialog.form.value()
        saving.save(
            self.context.runner,
            self,
            value.name,
            lambda: save_contact(value, clock, contact_id),
            lambda _r: self._after_change(self.tr("Saved {name}.").format(name=value.name)),
            edit=lambda: self._run_contact_dialog(dialog, contact_id, name),
        )

    def _after_change(self, message: str) -> None:
        self.data_changed.emit()
        self.statusBar().showMessage(message, 5000)
        self.refresh()
        for dialog in self.detail_dialogs.values():
            dialog.reload()

    def _show_failure(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        from followthrough.ui.common.text import message_box

        message_box(
            QMessageBox.Icon.Warning,
            APP_NAME,
            self.tr("That could not be loaded: {message}").format(message=message),
            self,
        ).exec()

    def new_application(self) -> None:
        from followthrough.ui.applications.new_dialog import NewApplicationDialog

        self._run_new_application(NewApplicationDialog(self.today(), self))

    def _run_new_application(self, dialog: NewApplicationDialog) -> None:
        from followthrough.store.queries import create_application
        from followthrough.ui.common import saving

        if not self.exec_dialog(dialog):
            return
        value = dialog.value()
        clock = self.clock

        def save() -> int:
            application = create_application(
                clock,
                value.company,
                value.role_title,
                posting_url=value.posting_url,
                location=value.location,
                source=value.source,
                applied_on=value.applied_on,
                notes=value.notes,
            )
            return int(application.id)

        def saved(application_id: int) -> None:
            self.data_changed.emit()
            self.statusBar().showMessage(
                self.tr("Added {company}.").format(company=value.company), 5000
            )
            self.show_page(PAGES.index("Applications"))
            self.refresh()
            self.open_application(application_id)

        saving.save(
            self.context.runner,
            self,
            self.tr("the application to {company}").format(company=value.company),
            save,
            saved,
            edit=lambda: self._run_new_application(dialog),
        )

    @staticmethod
    def exec_dialog(dialog: QDialog) -> bool:
        """Runs a modal dialog (tests replace this to fill it in)."""
        from PySide6.QtWidgets import QDialog

        return dialog.exec() == QDialog.DialogCode.Accepted

    # -- first run, help, about ----------------------------------------------------------

    def _welcome_dismissed(self) -> bool:
        return bool(self.ui_state.value(_WELCOME_KEY, False, type=bool))

    def dismiss_welcome(self) -> None:
        self.ui_state.setValue(_WELCOME_KEY, True)
        self.ui_state.sync()
        self.today_page.set_welcome_visible(False)

    def show_help(self) -> None:
        from followthrough.ui.shell.help import TextDialog, help_html

        TextDialog(self.tr("Getting started"), help_html(self.context.data_dir), self).open()

    def show_about(self) -> None:
        from followthrough.ui.shell.help import ABOUT_TEXT, TextDialog

        TextDialog(self.tr("About {app}").format(app=APP_NAME), ABOUT_TEXT, self).open()

    def open_log_folder(self) -> None:
        """Help > Open the log folder: the data folder, in the file manager."""
        from PySide6.QtGui import QDesktopServices

        data_dir = self.context.data_dir
        log_file = active_log_file(data_dir)
        if log_file is None:
            self._tell(
                self.tr(
                    "No log file could be created in your data folder ({folder}), so there "
                    "is none to open. Start {app} from a terminal (with --verbose for "
                    "more detail) to see its log there."
                ).format(folder=data_dir, app=APP_NAME)
            )
        elif not QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file.parent))):
            self._tell(
                self.tr("The file manager could not be opened. The log file is {path}").format(
                    path=log_file
                )
            )
        else:
            # The file manager starts on its own and may still fail (none installed) without
            # Qt knowing: the path is said here either way.
            self.statusBar().showMessage(
                self.tr("Opening the folder of the log file {path}").format(path=log_file), 15000
            )

    def _tell(self, text: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        from followthrough.ui.common.text import message_box

        box = message_box(QMessageBox.Icon.Information, APP_NAME, text, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- geometry and closing ------------------------------------------------------------

    def _restore_geometry(self) -> None:
        state = self.ui_state
        geometry = state.value(_GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 720)
        window_state = state.value(_STATE_KEY)
        if isinstance(window_state, QByteArray) and not window_state.isEmpty():
            self.restoreState(window_state)
        page = state.value(_PAGE_KEY, 0, type=int)
        page = page if isinstance(page, int) else 0
        self.show_page(page if 0 <= page < len(PAGES) else 0)

    def save_geometry(self) -> None:
        state = self.ui_state
        state.setValue(_GEOMETRY_KEY, self.saveGeometry())
        state.setValue(_STATE_KEY, self.saveState())
        state.setValue(_PAGE_KEY, self.stack.currentIndex())
        state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        if self.tray is not None and not self._quitting:
            # The app keeps reminding from the tray; say so the first time.
            event.ignore()
            self.hide()
            if not self.ui_state.value(_TRAY_EXPLAINED_KEY, False, type=bool):
                self.tray.explain_close_to_tray()
                self.ui_state.setValue(_TRAY_EXPLAINED_KEY, True)
                self.ui_state.sync()
            return
        super().closeEvent(event)

    def quit(self) -> None:
        self._quitting = True
        self.close()
        QApplication.quit()
