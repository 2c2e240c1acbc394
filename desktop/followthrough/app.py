"""QApplication bootstrap: one instance per data folder, the main window, the database.

The window comes first: before its first paint only Qt, the single-instance check, the
log file and a light window (navigation, an empty stack of pages, menus, status bar,
geometry) run. The database, the preferences, Today's page and the first load follow
just after the first paint (tests/e2e/test_start_modules.py pins what loads before it).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QSocketNotifier,
    QTimer,
    QtMsgType,
    SignalInstance,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from followthrough import APP_ID, APP_NAME, ORGANIZATION, __version__
from followthrough.domain.wording import use_translation
from followthrough.logfile import log_to_file, redact_private_urls
from followthrough.resources import icon_path
from followthrough.services import memory
from followthrough.services.single_instance import SingleInstance
from followthrough.store.errors import ExitCode, describe_startup_failure
from followthrough.store.paths import DATABASE_NAME, ensure_private_dir
from followthrough.ui.common.app_icon import app_icon
from followthrough.ui.common.translation import install_translations
from followthrough.ui.shell.context import AppContext, open_ui_state
from followthrough.ui.shell.crash import install_crash_handler
from followthrough.ui.shell.main_window import MainWindow

if TYPE_CHECKING:
    # Loaded after the window's first paint (the database, the store, the session's clock).
    from followthrough.domain.clock import Clock
    from followthrough.services.scheduler import ReminderScheduler
    from followthrough.store.database import Database

log = logging.getLogger(__name__)

# How long the database waits for the window's first paint at most.
_FIRST_PAINT_WAIT_MS = 1000

# The signal wake-up sockets and their notifier live as long as the process.
_SIGNAL_SOCKETS: list[object] = []

# A file to write the names of the modules loaded when the window is first painted
# (tests/e2e/test_start_modules.py pins that set: what the first window waits for).
PROBE_MODULES_VARIABLE = "FOLLOWTHROUGH_PROBE_MODULES"


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_qt_log = logging.getLogger("qt")


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own messages go to the log like ours, without private links: Qt warns with
    the whole ``mailto:`` URL (the note's text) when no mail program takes it."""
    category = context.category or "qt"
    _qt_log.log(
        _QT_LEVELS.get(kind, logging.WARNING), "%s: %s", category, redact_private_urls(message)
    )


def install_qt_messages() -> None:
    """Qt's warnings through Python logging (stderr and the log file), redacted."""
    qInstallMessageHandler(_qt_message)


def make_application(argv: Sequence[str], *, guard_wheel: bool = True) -> QApplication:
    """The QApplication, named, translated, with its icon; ``guard_wheel``: with the
    wheel guard (``run_gui`` installs it after the first paint: a Python event filter
    sees every event, and wrapping each object it sees took ~30 ms of the first window's
    wait; that window has no field it guards)."""
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    install_qt_messages()
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(list(argv))
    if guard_wheel:
        from followthrough.ui.common.wheel_guard import install_wheel_guard

        install_wheel_guard(app)
    log.info("translations loaded: %s", install_translations(app) or "none")
    QGuiApplication.setApplicationDisplayName(APP_NAME)
    # Lets the desktop match windows to followthrough.desktop (icon, grouping).
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    else:
        log.warning("application icon missing: %s", icon_path())
    return app


def report_startup_error(message: str) -> None:
    """Stderr for logs and terminals, a dialog for the person who double-clicked."""
    print(f"{APP_NAME}: {message}", file=sys.stderr)
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, APP_NAME, message)


def _quit_on_termination_signals(app: QApplication, quit_app: Callable[[], None]) -> None:
    """SIGTERM and SIGINT end the app like File > Quit: lock released, geometry saved,
    open drafts kept (``quit_app``; a bare QApplication.quit() would only close the
    window, which with a tray just hides it).

    Python runs a signal handler only when it gets control, and Qt's event loop does not
    give it any while it waits: the signal also writes a byte to a socket that Qt watches,
    which wakes the loop at once (no polling timer).
    """

    def on_signal(_signum: int, _frame: object) -> None:
        quit_app()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)  # the Python handler runs as this slot returns to Python

    notifier.activated.connect(drain)
    _SIGNAL_SOCKETS.extend((reader, writer, notifier))


def run_gui(data_dir: Path, argv: Sequence[str], clock: Clock | None = None) -> int:
    app = make_application(argv, guard_wheel=False)
    # The domain's and the store's sentences in the user's language, from the first (a
    # database that cannot be opened is told in it too).
    use_translation(QCoreApplication.translate)
    try:
        ensure_private_dir(data_dir)
        instance = SingleInstance(data_dir)
        first = instance.acquire()
    except Exception as exc:
        return _cannot_start(exc, data_dir, None)
    if not first:
        if instance.notify_running_instance():
            print(f"{APP_NAME} is already running; its window was brought forward.")
            return int(ExitCode.OK)
        if not instance.take_over_if_not_ours():
            pid = instance.lock_owner_pid()
            report_startup_error(
                QCoreApplication.translate(
                    "app",
                    "{app} seems to be running already (process {pid}) but does not answer. "
                    "Close it, or end that process, and try again.",
                ).format(app=APP_NAME, pid=pid)
            )
            return int(ExitCode.ALREADY_RUNNING)
    log_file = log_to_file(data_dir)
    # From here an exception nothing caught (in a slot too) is logged and told in a dialog.
    install_crash_handler(log_file)
    restart: list[bool] = []
    try:
        code = _run(app, data_dir, clock, instance, log_file, restart)
    finally:
        instance.release()
    if restart:
        # Only now: the new process must find the data folder's lock free (started while
        # this one held it, it would ask this one, no longer listening, to come forward).
        start_again(data_dir)
    return code


def _open_session(data_dir: Path, clock: Clock) -> Database:
    """The database opened (migrated if need be) and the session's clock and words set
    from its preferences; raises what kept it from opening."""
    from followthrough.domain.reminder_kinds import Rendering, use_rendering
    from followthrough.store import settings as options
    from followthrough.store.database import open_database
    from followthrough.ui.common.formatting import set_user_zone, system_zone

    database = open_database(data_dir, clock)
    # One clock for the session: planning and every window use it (a changed
    # preference applies from the next start).
    set_user_zone(options.get(options.USER_ZONE))
    session_zone = system_zone().key
    # Fixed, even when the preference is empty and the computer's zone changes
    # while the app runs (a laptop on a trip): windows and plans stay on one clock.
    set_user_zone(session_zone)
    options.set_session_zone(session_zone)
    # Reminders' words are written when shown: on this clock, in the user's language.
    use_rendering(Rendering(system_zone(), QCoreApplication.translate, clock.now))
    return database


def _cannot_start(error: Exception, data_dir: Path, log_file: Path | None) -> int:
    """Say in one sentence why the app cannot start (a dialog when started from the menu),
    log the details, and end with the exit code of that cause."""
    database = data_dir / DATABASE_NAME
    # A schema update first copies the database: that much space is needed at least.
    needed = database.stat().st_size + 1_048_576 if database.is_file() else 1_048_576
    problem = describe_startup_failure(error, data_dir, needed, log_file)
    log.info("cannot start", exc_info=error)  # the log file; stderr only with --verbose
    report_startup_error(str(problem))
    return int(problem.exit_code)


def reminder_check_message(reason: str) -> str:
    """The status bar's words when reminders could not be checked (``reason``: plain
    words from the runner, never the database's own)."""
    return QCoreApplication.translate(
        "app", "Reminders could not be checked: {reason} Trying again in half a minute."
    ).format(reason=reason)


def notification_message(reason: str) -> str:
    """The status bar's words when desktop notifications failed (``reason``: plain words
    from ``services.notifier.plain_delivery_problem``, never the D-Bus error)."""
    return QCoreApplication.translate(
        "app",
        "Desktop notifications are not working ({reason}); due items are listed on Today.",
    ).format(reason=reason)


def _probe_modules() -> None:
    """Log how many modules the first window waited for; with $FOLLOWTHROUGH_PROBE_MODULES
    set, write their names (one a line, sorted) to that file."""
    names = sorted(sys.modules)
    log.info("window painted with %d modules loaded", len(names))
    target = os.environ.get(PROBE_MODULES_VARIABLE)
    if target:
        Path(target).write_text("\n".join(names) + "\n", encoding="utf-8")


def _attach_reminders(
    app: QApplication, window: MainWindow, context: AppContext, clock: Clock
) -> ReminderScheduler:
    """The scheduler, desktop notifications and the tray icon (loaded once the window
    shows its first data: neither the window nor its data wait for them)."""
    from followthrough.services.notifier import Notifier
    from followthrough.services.scheduler import ReminderScheduler
    from followthrough.ui.common.formatting import system_zone
    from followthrough.ui.shell.tray import TrayIcon

    scheduler = ReminderScheduler(context.runner, clock, app)
    notifier = Notifier(context.runner, app)
    scheduler.fired.connect(notifier.notify)
    window.attach_scheduler(scheduler)
    if TrayIcon.available():
        tray = TrayIcon(clock, system_zone(), app)
        tray.show()
        notifier.set_tray_message(tray.show_reminder)
        window.attach_tray(tray)
        # Closing the window leaves the app in the tray, still reminding.
        app.setQuitOnLastWindowClosed(False)
    scheduler.check_failed.connect(
        lambda reason: window.statusBar().showMessage(reminder_check_message(reason), 30000)
    )
    notifier.delivery_failed.connect(
        lambda reason: window.statusBar().showMessage(notification_message(reason), 15000)
    )
    _keep_calendar_file(window, scheduler, context, app)
    # The modules just imported left their source lines behind too.
    memory.forget_sources()
    QTimer.singleShot(5000, memory.give_back_freed)
    return scheduler


def _keep_calendar_file(
    window: MainWindow, scheduler: ReminderScheduler, context: AppContext, app: QApplication
) -> None:
    """The calendar file in the data folder follows every change (``CalendarFeed``)."""
    from followthrough.services.calendar_feed import CalendarFeed, feed_outdated

    feed = CalendarFeed(context.data_dir, app)
    window.data_changed.connect(feed.changed)
    window.reminder_acted.connect(feed.changed)
    scheduler.planned.connect(feed.planned)
    feed.failed.connect(lambda message: window.statusBar().showMessage(message, 15000))
    if feed_outdated(context.data_dir):
        feed.changed()  # changed while the app was closed (or never written)
    _keep_calendar_server(window, feed.written, context, app)


def _keep_calendar_server(
    window: MainWindow, feed_written: SignalInstance, context: AppContext, app: QApplication
) -> None:
    """The user's calendar server follows the calendar file, when sending is on
    (``CalendarPush``: a child process, like the file's)."""
    from followthrough.services.calendar_push import CalendarPush, push_outdated
    from followthrough.store import settings as options

    push = CalendarPush(context.data_dir, app)
    feed_written.connect(push.changed)
    window.attach_calendar_push(push)
    outdated = push_outdated(context.data_dir)

    def start(sending: bool) -> None:
        push.sending = sending
        if sending and outdated:
            push.changed()  # changed since the last push, or it could not reach the server

    context.runner.submit(lambda: options.get(options.CALENDAR_SENDING), start)


def _run(
    app: QApplication,
    data_dir: Path,
    clock: Clock | None,
    instance: SingleInstance,
    log_file: Path | None,
    restart: list[bool],
) -> int:
    window = MainWindow(ui_state=open_ui_state(data_dir))
    instance.activation_requested.connect(window.bring_forward)
    window.first_painted.connect(_probe_modules)
    # The context and the scheduler (in its list once made), when the database opened.
    opened: list[tuple[AppContext, list[ReminderScheduler]]] = []
    started: list[bool] = []

    def cannot_start(error: Exception) -> None:
        """As when it was tried before the window: the window goes (hidden, not closed:
        nothing of it is saved), the reason is told; a second launch meanwhile does not
        bring the window back over the message."""
        instance.activation_requested.disconnect(window.bring_forward)
        app.setQuitOnLastWindowClosed(False)
        window.hide()
        app.exit(_cannot_start(error, data_dir, log_file))

    def start() -> None:
        """Once, just after the first paint (or after a second if it does not come: a
        window the desktop keeps minimised)."""
        if started:
            return
        started.append(True)
        from followthrough.ui.common.wheel_guard import install_wheel_guard

        try:
            install_wheel_guard(app)
            session_clock, database = _open_or_none(data_dir, clock)
            if isinstance(database, Exception):
                cannot_start(database)
                return
            context = AppContext.create(data_dir, database, session_clock, window.ui_state)
            # Kept before the session starts: should that fail, the quit still closes it.
            opened.append((context, []))
            opened[0] = (context, _start_session(app, window, context))
        except Exception as exc:
            cannot_start(exc)

    # Queued: the navigation's icons (after the first paint too) are set before.
    window.first_painted.connect(lambda: QTimer.singleShot(0, start))
    QTimer.singleShot(_FIRST_PAINT_WAIT_MS, start)
    window.show()
    _quit_on_termination_signals(app, window.quit)
    code = app.exec()
    if not opened:  # the database could not be opened (told), or quit before it was (the
        return int(code)  # window closed and saved its geometry then)
    context, reminders = opened[0]
    log.info("quitting")
    if reminders:
        reminders[0].stop()
    window.save_geometry()
    context.runner.shut_down()
    log.info("quit: background work ended")
    context.database.close()
    log.info("quit: database closed")
    if window.pending_restore is not None:
        put_restore_in_place(data_dir, window.pending_restore)
        restart.append(True)
    return int(code)


# Restoring a backup restarts the app rather than reopening the database in this process:
# the window's pages, flows and open dialogs, the scheduler, the background runner's
# threads and the session's settings all hold the old database or what was read from it,
# and each would have to be torn down and rebuilt in the right order. A new process
# starts them all from the restored file exactly as every start does (an older format
# updated with a backup first, the whole-file check, reminders planned), and the file is
# swapped in between, when nothing has it open and this process still holds the lock.


def put_restore_in_place(data_dir: Path, staged: Path) -> bool:
    """Put the checked copy of a backup in place of the closed database; a failure is
    told in plain words (the app then starts again on the data as it was)."""
    from followthrough.store.backups.restore import finish_restore
    from followthrough.store.database import DataLocation
    from followthrough.store.errors import describe_failure

    try:
        finish_restore(DataLocation(data_dir), staged)
    except Exception as exc:
        log.error("the backup could not be put in place", exc_info=exc)
        report_startup_error(
            QCoreApplication.translate(
                "app",
                "The backup could not be put in place: {reason} Follow-Through starts "
                "again on your data as it was (a copy of it is also in the backups folder).",
            ).format(reason=describe_failure(exc).reason)
        )
        return False
    log.info("backup put in place: %s", staged)
    return True


def restart_command(data_dir: Path) -> list[str]:
    """How this installation is started again on ``data_dir``."""
    from followthrough.services.autostart import default_command

    return [*default_command(), "--data-dir", str(data_dir)]


def start_again(data_dir: Path) -> bool:
    """A new, independent process of this app on ``data_dir``; said when it cannot start."""
    from PySide6.QtCore import QProcess

    program, *arguments = restart_command(data_dir)
    started, pid = QProcess.startDetached(program, arguments)
    if started:
        log.info("started again as process %s", pid)
        return True
    log.error("could not start again: %s", [program, *arguments])
    report_startup_error(
        QCoreApplication.translate(
            "app", "Follow-Through could not start again by itself. Please start it again."
        )
    )
    return False


def _open_or_none(data_dir: Path, clock: Clock | None) -> tuple[Clock, Database | Exception]:
    """The session's clock, and the database opened (or what kept it from opening)."""
    from followthrough.domain.clock import SystemClock
    from followthrough.store import settings as options
    from followthrough.ui.common.formatting import computer_zone
    from followthrough.ui.common.locale_words import use_locale_day_words

    clock = clock or SystemClock()
    use_locale_day_words(clock)
    # Planning and showing times use one clock for the user: Qt knows the computer's zone
    # on every platform; the preference may choose another.
    options.set_computer_zone(computer_zone().key)
    try:
        return clock, _open_session(data_dir, clock)
    except Exception as exc:
        return clock, exc


def _start_daily_backups(app: QApplication, window: MainWindow, context: AppContext) -> None:
    from followthrough.services.backups import DailyBackups
    from followthrough.ui.common.formatting import system_zone

    daily = DailyBackups(context.runner, context.clock, context.data_dir, system_zone(), app)
    # The backups' dialogs load only if a copy fails (not with every start).
    daily.failed.connect(lambda reason: window.backups.daily_failed(reason))
    daily.start()


def _start_session(
    app: QApplication, window: MainWindow, context: AppContext
) -> list[ReminderScheduler]:
    """The window given its data: Today's page, the first load, the whole-file check, then
    reminders (the list returned holds the scheduler once it is made)."""
    from followthrough.services.health import DatabaseWatch

    window.attach_context(context)
    memory.tune_for_session(window.first_data_shown)
    reminders: list[ReminderScheduler] = []

    def attach_reminders() -> ReminderScheduler:
        """Once, at the first of: the first data painted (or not loaded), the database
        found sound."""
        if not reminders:
            reminders.append(_attach_reminders(app, window, context, context.clock))
        return reminders[0]

    # Queued like the "first data painted" line: after the repaint the first data asked for.
    # (Or once the first load failed: the tray is there all the same.)
    window.first_data_shown.connect(lambda: QTimer.singleShot(0, attach_reminders))
    window.load_failed.connect(lambda _reason: QTimer.singleShot(0, attach_reminders))
    # Once the window shows its first data, the whole file is checked (damage the cheap
    # check at open cannot see stops every write and is reported); then reminders start.
    # Neither competes with the first paint, and nothing is written before the verdict
    # (the watch holds saves until then). Data that could not be loaded (damaged pages,
    # say) has the file checked at once.
    watch = DatabaseWatch(context.runner, context.data_dir, app)
    window.first_data_shown.connect(watch.check)
    window.load_failed.connect(lambda _reason: watch.check())
    window.first_load_error_waits = watch.when_sound
    watch.checked.connect(lambda: attach_reminders().start())
    watch.damaged.connect(window.database_damaged)
    # The daily backup, once the file is found sound (a damaged one is not copied).
    watch.checked.connect(lambda: _start_daily_backups(app, window, context))
    window.refresh()
    return reminders
