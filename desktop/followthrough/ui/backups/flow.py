"""Back up now and Restore from the File menu, and the daily backup's failure told once.

Every copy and check runs on the background runner; the GUI thread only asks and tells.
A restore ends by handing the checked copy to ``restart`` (the window quits with it; the
app puts it in place once the database is closed, then starts again: see app.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from followthrough import APP_NAME
from followthrough.services.background import JobFailure
from followthrough.store.backups.copies import back_up_to
from followthrough.store.backups.restore import (
    StagedRestore,
    discard_staged,
    keep_current_aside,
    stage_restore,
)
from followthrough.store.database import DataLocation
from followthrough.ui.backups.dialogs import (
    AfterFailure,
    BackupAsk,
    RestoreDialog,
    documents_folder,
)
from followthrough.ui.shell.context import AppContext, DialogFlow, RunDialog

LAST_FOLDER_KEY = "backups/last_folder"


class BackupFlow(DialogFlow):
    """``saved`` gets the status bar's short messages; ``restart`` the checked copy of a
    backup to restart on."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        run_dialog: RunDialog,
        saved: Callable[[str], None],
        failed: Callable[[str], None],
        restart: Callable[[Path], None],
    ) -> None:
        super().__init__(context, parent, run_dialog, saved, failed)
        self.restart = restart
        self.location = DataLocation(context.data_dir)
        self._daily_told = False
        self.restoring = False

    # -- Back up now ---------------------------------------------------------------------

    def back_up_now(self) -> None:
        """Ask for a folder (the last one used, else Documents), then copy the data there."""
        last = self.context.ui_state.value(LAST_FOLDER_KEY, "")
        used = isinstance(last, str) and last and Path(last).is_dir()
        start = last if used and isinstance(last, str) else documents_folder()
        chosen = BackupAsk.choose_folder(self.parent, start)
        if chosen:
            self._copy_to(Path(chosen))

    def _copy_to(self, folder: Path) -> None:
        location, day = self.location, self._today()
        self.saved(
            QCoreApplication.translate("BackupFlow", "Copying your data to {folder}…").format(
                folder=folder
            )
        )
        self.context.runner.submit(
            lambda: back_up_to(location, folder, day),
            lambda path: self._backed_up(folder, path),
            lambda reason: self._copy_failed(folder, reason),
        )

    def _backed_up(self, folder: Path, path: Path) -> None:
        self.context.ui_state.setValue(LAST_FOLDER_KEY, str(folder))
        self.saved(
            QCoreApplication.translate("BackupFlow", "Your data was copied to {path}.").format(
                path=path
            )
        )
        BackupAsk.backed_up(self.parent, path)

    def _copy_failed(self, folder: Path, reason: str) -> None:
        choice = BackupAsk.failed(
            self.parent,
            QCoreApplication.translate("BackupFlow", "Not backed up — {app}").format(app=APP_NAME),
            QCoreApplication.translate(
                "BackupFlow", "Your data could not be copied to {folder}.\n\n{reason}"
            ).format(folder=folder, reason=reason),
            QCoreApplication.translate("BackupFlow", "Choose another &folder…"),
        )
        if choice is AfterFailure.RETRY:
            self._copy_to(folder)
        elif choice is AfterFailure.OTHER:
            self.back_up_now()

    # -- Restore -------------------------------------------------------------------------

    def restore(self) -> None:
        """Ask for a backup (in the backups folder first), check it, show what it holds."""
        if self.restoring:
            return
        chosen = BackupAsk.choose_backup(self.parent, str(self.location.backups_dir))
        if chosen:
            self._stage(Path(chosen))

    def _stage(self, source: Path) -> None:
        self.restoring = True
        location = self.location
        self.saved(
            QCoreApplication.translate("BackupFlow", "Checking the backup {file}…").format(
                file=source.name
            )
        )
        self.context.runner.submit(
            lambda: stage_restore(source, location),
            self._confirm,
            lambda reason: self._stage_failed(source, reason),
        )

    def _stage_failed(self, source: Path, reason: str) -> None:
        self.restoring = False
        if isinstance(reason, JobFailure) and reason.refusal:
            if BackupAsk.refused(self.parent, reason):
                self.restore()
            return
        choice = BackupAsk.failed(
            self.parent,
            QCoreApplication.translate("BackupFlow", "Not restored — {app}").format(app=APP_NAME),
            QCoreApplication.translate(
                "BackupFlow",
                "The backup {file} could not be checked, so nothing was changed.\n\n{reason}",
            ).format(file=source, reason=reason),
            QCoreApplication.translate("BackupFlow", "Choose another &backup…"),
        )
        if choice is AfterFailure.RETRY:
            self._stage(source)
        elif choice is AfterFailure.OTHER:
            self.restore()

    def _confirm(self, staged: StagedRestore) -> None:
        dialog = RestoreDialog(staged.summary, self.zone, self.location.backups_dir, self.parent)
        if not self.run_dialog(dialog):
            self._cancel()
            return
        self._keep_aside(staged)

    def _cancel(self) -> None:
        location = self.location
        self.restoring = False
        self.context.runner.submit(lambda: discard_staged(location), lambda _done: None)

    def _keep_aside(self, staged: StagedRestore) -> None:
        """The current data copied to the backups folder, after the saves asked for
        before (it runs in their queue), then the restart."""
        location, clock = self.location, self.context.clock
        self.saved(QCoreApplication.translate("BackupFlow", "Keeping your current data aside…"))
        self.context.runner.submit_write(
            lambda: keep_current_aside(location, clock.now()),
            lambda _aside: self.restart(staged.staged),
            lambda reason: self._aside_failed(staged, reason),
        )

    def _aside_failed(self, staged: StagedRestore, reason: str) -> None:
        choice = BackupAsk.failed(
            self.parent,
            QCoreApplication.translate("BackupFlow", "Not restored — {app}").format(app=APP_NAME),
            QCoreApplication.translate(
                "BackupFlow",
                "Your current data could not be kept aside, so the backup was not restored "
                "and nothing was changed.\n\n{reason}",
            ).format(reason=reason),
            None,
        )
        if choice is AfterFailure.RETRY:
            self._keep_aside(staged)
        else:
            self._cancel()

    # -- the daily backup ----------------------------------------------------------------

    def daily_failed(self, reason: str) -> None:
        """Told once a session (each failure is logged; it is tried again every hour)."""
        if self._daily_told:
            return
        self._daily_told = True
        BackupAsk.daily_failed(
            self.parent,
            QCoreApplication.translate(
                "BackupFlow",
                "Today's automatic backup of your data could not be made. {reason}\n\n"
                "Your data itself is as it was. Follow-Through tries again every hour while "
                "it runs; File ▸ Back up now… makes a copy where you choose.",
            ).format(reason=reason),
        )
