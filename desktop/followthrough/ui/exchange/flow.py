"""File ▸ Export ▸ JSON… and File ▸ Import ▸ JSON…: everything out to one file, and back.

Both run off the GUI thread: the export as a read, the file's reading and checking as a
read, the import as one save (all or nothing) with a progress dialog that can stop it
(stopping rolls it back). Failures are said in plain words, with Retry where trying again
may help; nothing is changed by a failed import.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from followthrough import APP_NAME
from followthrough.domain.exchange.schema import APPLICATION, INTERVIEW, PERSON, REMINDER
from followthrough.services.background import JobFailure
from followthrough.ui.common.files import suggested_path, user_folder
from followthrough.ui.common.locale_words import number_text
from followthrough.ui.common.text import message_box
from followthrough.ui.shell.context import AppContext, DialogFlow, RunDialog

if TYPE_CHECKING:
    from followthrough.store.exchange.exporting import ExportSummary
    from followthrough.store.exchange.importing import ImportReport
    from followthrough.ui.exchange.dialogs import Preview

# A progress dialog shows only for work that takes longer than this.
_SHOW_AFTER_MS = 400


def _preview(path: Path) -> Preview:
    """Runs off the GUI thread: the file read and checked, and what the folder holds."""
    from followthrough.store.exchange.importing import folder_holds, read_export
    from followthrough.ui.exchange.dialogs import Preview

    return Preview(path, read_export(path), folder_holds())


class _ProgressSignals(QObject):
    """Told from the importing thread (``moved``); handed on on the GUI thread, where
    this object lives."""

    moved = Signal(int, int)

    def __init__(self, on_moved: Callable[[int, int], None], parent: QObject) -> None:
        super().__init__(parent)
        self._on_moved = on_moved
        self.moved.connect(self._deliver)

    @Slot(int, int)
    def _deliver(self, done: int, total: int) -> None:
        self._on_moved(done, total)


class ExchangeFlow(DialogFlow):
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
        self.progress: QProgressDialog | None = None
        self._stop = threading.Event()
        self._signals = _ProgressSignals(self._moved, parent)

    # -- asking for a file (tests replace these) -------------------------------------------

    @staticmethod
    def choose_export_path(parent: QWidget, suggested: Path) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("ExchangeFlow", "Export everything to a JSON file"),
            str(suggested),
            QCoreApplication.translate("ExchangeFlow", "JSON files (*.json)"),
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".json") else f"{path}.json")

    @staticmethod
    def choose_import_path(parent: QWidget, folder: Path) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("ExchangeFlow", "Import from a JSON file"),
            str(folder),
            QCoreApplication.translate("ExchangeFlow", "JSON files (*.json);;All files (*)"),
        )
        return Path(path) if path else None

    @staticmethod
    def retry_after(parent: QWidget | None, text: str, failure: str) -> bool:
        """Says what failed and why; True when the person chose Retry (offered only
        when trying again may help)."""
        retryable = not isinstance(failure, JobFailure) or failure.retryable
        refusal = isinstance(failure, JobFailure) and failure.refusal
        icon = QMessageBox.Icon.Information if refusal else QMessageBox.Icon.Warning
        box = message_box(icon, APP_NAME, f"{text}\n\n{failure}", parent)
        box.setObjectName("exchangeFailed")
        retry = None
        if retryable:
            retry = box.addButton(
                QCoreApplication.translate("ExchangeFlow", "&Retry"),
                QMessageBox.ButtonRole.AcceptRole,
            )
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        return retry is not None and box.clickedButton() is retry

    @staticmethod
    def _folder() -> Path:
        return user_folder(QStandardPaths.StandardLocation.DocumentsLocation)

    # -- export --------------------------------------------------------------------------

    def export_json(self) -> None:
        suggested = suggested_path(
            QStandardPaths.StandardLocation.DocumentsLocation,
            "follow-through",
            self._today(),
            "json",
        )
        path = self.choose_export_path(self.parent, Path(suggested))
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        from followthrough.store.exchange.exporting import export_to_file

        now = self.context.clock.now()
        self.tell(
            QCoreApplication.translate("ExchangeFlow", "Exporting to {path}…").format(path=path)
        )
        self.context.runner.submit(
            lambda: export_to_file(path, now),
            lambda summary: self._exported(path, summary),
            lambda failure: self._export_failed(path, failure),
        )

    def _exported(self, path: Path, summary: ExportSummary) -> None:
        self.tell(
            QCoreApplication.translate(
                "ExchangeFlow",
                "Exported to {path} (applications: {applications}, interviews: "
                "{interviews}, people: {people}, reminders: {reminders}).",
            ).format(
                path=path,
                applications=number_text(summary.applications),
                interviews=number_text(summary.interviews),
                people=number_text(summary.people),
                reminders=number_text(summary.reminders),
            )
        )

    def _export_failed(self, path: Path, failure: str) -> None:
        self.tell("")
        text = QCoreApplication.translate("ExchangeFlow", "Your data was not exported to {path}.")
        if self.retry_after(self.parent, text.format(path=path), failure):
            self.export_to(path)

    # -- import --------------------------------------------------------------------------

    def import_json(self) -> None:
        path = self.choose_import_path(self.parent, self._folder())
        if path is not None:
            self.read(path)

    def read(self, path: Path) -> None:
        """Read and check the file, then ask what to do with it."""
        self._show_progress(
            QCoreApplication.translate("ExchangeFlow", "Reading {file}…").format(file=path.name), 0
        )
        self.context.runner.submit(
            lambda: _preview(path),
            self._confirm,
            lambda failure: self._import_failed(path, failure, lambda: self.read(path)),
        )

    def _confirm(self, preview: Preview) -> None:
        from followthrough.ui.exchange.dialogs import ImportDialog

        self._close_progress()
        dialog = ImportDialog(preview, self.zone, self.parent)
        if self.run_dialog(dialog):
            self.start_import(preview, dialog.merge())

    def start_import(self, preview: Preview, merge: bool) -> None:
        from followthrough.store.database import DataLocation
        from followthrough.store.exchange.importing import import_document

        document, signals, stop = preview.document, self._signals, self._stop
        location, now = DataLocation(self.context.data_dir), self.context.clock.now()
        stop.clear()
        total = sum(len(rows) for rows in document.tables.rows.values())
        self._show_progress(
            QCoreApplication.translate("ExchangeFlow", "Importing {file}…").format(
                file=preview.path.name
            ),
            total,
        )
        self.context.runner.submit_write(
            lambda: import_document(
                document,
                merge=merge,
                progress=signals.moved.emit,
                should_stop=stop.is_set,
                back_up=location,
                now=now,
            ),
            lambda report: self._imported(preview, report),
            lambda failure: self._import_failed(
                preview.path, failure, lambda: self.start_import(preview, merge)
            ),
        )

    def _imported(self, preview: Preview, report: ImportReport) -> None:
        self._close_progress()
        added = QCoreApplication.translate(
            "ExchangeFlow",
            "applications: {applications}, interviews: {interviews}, people: {people}, "
            "reminders: {reminders}",
        ).format(
            applications=number_text(report.count(APPLICATION)),
            interviews=number_text(report.count(INTERVIEW)),
            people=number_text(report.count(PERSON)),
            reminders=number_text(report.count(REMINDER)),
        )
        if report.merged:
            text = QCoreApplication.translate(
                "ExchangeFlow", "Merged {file} with your data: added {added}."
            )
        else:
            text = QCoreApplication.translate("ExchangeFlow", "Imported {file}: {added}.")
        self.imported(text.format(file=preview.path.name, added=added), report.backup)

    def imported(self, done: str, backup: Path | None) -> None:
        """``done`` in the status bar; with a copy made before, where it is too, in a box
        that does not wait (the status bar is too narrow for a path, and short-lived)."""
        if backup is None:
            self.saved(done)
            return
        self.saved(
            f"{done} "
            + QCoreApplication.translate("ExchangeFlow", "Your data was backed up first.")
        )
        self.show_backup(done, backup)

    def show_backup(self, done: str, backup: Path) -> None:
        """Where the copy of the data made before an import is, with its folder a click
        away (tests read the box: object name "importBackedUp")."""
        box = message_box(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("ExchangeFlow", "Imported — {app}").format(app=APP_NAME),
            QCoreApplication.translate(
                "ExchangeFlow",
                "{done}\n\nYour data as it was before the import is kept in:\n{path}\n\n"
                "File ▸ Restore… brings it back.",
            ).format(done=done, path=backup),
            self.parent,
        )
        box.setObjectName("importBackedUp")
        folder = box.addButton(
            QCoreApplication.translate("ExchangeFlow", "Open the &folder"),
            QMessageBox.ButtonRole.ActionRole,
        )
        box.addButton(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def clicked(button: QAbstractButton) -> None:
            if button is folder:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(backup.parent)))

        box.buttonClicked.connect(clicked)
        box.open()

    def _import_failed(self, path: Path, failure: str, retry: Callable[[], None]) -> None:
        self._close_progress()
        text = QCoreApplication.translate(
            "ExchangeFlow", "Nothing was imported from {file}: your data is as it was."
        ).format(file=path.name)
        if self.retry_after(self.parent, text, failure):
            retry()

    # -- progress ------------------------------------------------------------------------

    def _show_progress(self, label: str, total: int) -> None:
        self._close_progress()
        dialog = QProgressDialog(label, "", 0, total, self.parent)
        dialog.setObjectName("exchangeProgress")
        dialog.setWindowTitle(APP_NAME)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(_SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if total:
            dialog.setCancelButtonText(QCoreApplication.translate("ExchangeFlow", "&Stop"))
            dialog.canceled.connect(self._stop.set)
        else:
            dialog.setCancelButton(None)
        dialog.setValue(0)
        self.progress = dialog

    def _moved(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
