"""File ▸ Import ▸ Applications from CSV… and File ▸ Export ▸ Applications (CSV)… /
Contacts (CSV)…

The file is read off the GUI thread; the mapping step and the preview are the dialog's
(``csv_dialogs``); the import is one save (all or nothing) off the GUI thread, with the
progress dialog and its Stop (which rolls it back) that the JSON import has. Exports only
read. Failures are said in plain words with Retry where trying again may help.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from followthrough.ui.common.files import suggested_path
from followthrough.ui.common.locale_words import number_text
from followthrough.ui.exchange.flow import ExchangeFlow

if TYPE_CHECKING:
    from followthrough.domain.exchange.csv_plan import CsvPlan
    from followthrough.store.exchange.csv_import import CsvImportReport
    from followthrough.ui.exchange.csv_dialogs import CsvReading


def _reading(path: Path) -> CsvReading:
    """Runs off the GUI thread: the file read into a table, and the app's applications."""
    from followthrough.store.exchange.csv_import import known_applications, read_csv
    from followthrough.ui.exchange.csv_dialogs import CsvReading

    return CsvReading(path, read_csv(path), known_applications())


class CsvExchange(ExchangeFlow):
    """The spreadsheet's half of the exchange flow (its progress, failures and Retry are
    the JSON import's)."""

    # -- asking for a file (tests replace these) -------------------------------------------

    @staticmethod
    def choose_csv_to_import(parent: QWidget, folder: Path) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("CsvExchange", "Import applications from a CSV file"),
            str(folder),
            QCoreApplication.translate(
                "CsvExchange", "CSV files (*.csv *.tsv *.txt);;All files (*)"
            ),
        )
        return Path(path) if path else None

    @staticmethod
    def choose_csv_to_export(parent: QWidget, title: str, suggested: Path) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            parent,
            title,
            str(suggested),
            QCoreApplication.translate("CsvExchange", "CSV files (*.csv)"),
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".csv") else f"{path}.csv")

    # -- import --------------------------------------------------------------------------

    def import_csv(self) -> None:
        path = self.choose_csv_to_import(self.parent, self._folder())
        if path is not None:
            self.read_csv(path)

    def read_csv(self, path: Path) -> None:
        self._show_progress(
            QCoreApplication.translate("CsvExchange", "Reading {file}…").format(file=path.name), 0
        )
        self.context.runner.submit(
            lambda: _reading(path),
            self._map,
            lambda failure: self._import_failed(path, failure, lambda: self.read_csv(path)),
        )

    def _map(self, reading: CsvReading) -> None:
        from followthrough.ui.exchange.csv_dialogs import CsvImportDialog

        self._close_progress()
        dialog = CsvImportDialog(reading, self._today(), self.parent)
        if self.run_dialog(dialog):
            self.start_csv_import(
                reading.path, dialog.plan, skip_known=not dialog.mapping().with_duplicates
            )

    def start_csv_import(self, path: Path, plan: CsvPlan, *, skip_known: bool = True) -> None:
        from followthrough.store.database import DataLocation
        from followthrough.store.exchange.csv_import import import_applications

        drafts = plan.to_import()
        location = DataLocation(self.context.data_dir)
        signals, stop = self._signals, self._stop
        stop.clear()
        now, today = self.context.clock.now(), self._today()
        self._show_progress(
            QCoreApplication.translate("CsvExchange", "Importing {file}…").format(file=path.name),
            len(drafts),
        )
        self.context.runner.submit_write(
            lambda: import_applications(
                drafts,
                now,
                today,
                skip_known=skip_known,
                progress=signals.moved.emit,
                should_stop=stop.is_set,
                back_up=location,
            ),
            lambda report: self._csv_imported(path, report),
            lambda failure: self._import_failed(
                path, failure, lambda: self.start_csv_import(path, plan, skip_known=skip_known)
            ),
        )

    def _csv_imported(self, path: Path, report: CsvImportReport) -> None:
        self._close_progress()
        self.imported(
            QCoreApplication.translate(
                "CsvExchange",
                "Imported from {file}: applications {applications}, new people {people}.",
            ).format(
                file=path.name,
                applications=number_text(report.applications),
                people=number_text(report.people_added),
            ),
            report.backup,
        )

    # -- export --------------------------------------------------------------------------

    def export_applications_csv(self) -> None:
        self._export_csv(
            "applications",
            QCoreApplication.translate("CsvExchange", "Export the applications to a CSV file"),
            QCoreApplication.translate("CsvExchange", "follow-through applications"),
        )

    def export_contacts_csv(self) -> None:
        self._export_csv(
            "contacts",
            QCoreApplication.translate("CsvExchange", "Export the people to a CSV file"),
            QCoreApplication.translate("CsvExchange", "follow-through contacts"),
        )

    def _export_csv(self, what: str, title: str, name: str) -> None:
        suggested = suggested_path(
            QStandardPaths.StandardLocation.DocumentsLocation, name, self._today(), "csv"
        )
        path = self.choose_csv_to_export(self.parent, title, Path(suggested))
        if path is not None:
            self.export_csv_to(path, what)

    def export_csv_to(self, path: Path, what: str) -> None:
        from followthrough.store.exchange.csv_export import CsvContent, export_csv

        content = CsvContent(what)
        self.context.runner.submit(
            lambda: export_csv(path, content),
            lambda count: self._csv_exported(path, count),
            lambda failure: self._csv_export_failed(path, what, failure),
        )

    def _csv_exported(self, path: Path, count: int) -> None:
        self.tell(
            QCoreApplication.translate(
                "CsvExchange", "Exported to {path} (rows: {count}): it opens in any spreadsheet."
            ).format(path=path, count=number_text(count))
        )

    def _csv_export_failed(self, path: Path, what: str, failure: str) -> None:
        text = QCoreApplication.translate("CsvExchange", "Nothing was exported to {path}.")
        if self.retry_after(self.parent, text.format(path=path), failure):
            self.export_csv_to(path, what)
