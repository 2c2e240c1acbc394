"""File ▸ Export ▸ Calendar (.ics)… and File ▸ Calendar to subscribe to…

The export writes the interviews and open reminders to a file the user picks (off the GUI
thread). The subscription is the file the app keeps current in the data folder
(``services.calendar_feed``): the dialog says where it is and how a calendar app takes
it, with buttons to copy its address and open its folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followthrough.services.calendar_feed import feed_path
from followthrough.ui.common.files import suggested_path
from followthrough.ui.common.text import plain_label
from followthrough.ui.exchange.flow import ExchangeFlow


class CalendarExport(ExchangeFlow):
    """The calendar's half of the exchange flow (its failures and Retry are the same)."""

    @staticmethod
    def choose_calendar_path(parent: QWidget, suggested: Path) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("CalendarExport", "Export interviews and reminders"),
            str(suggested),
            QCoreApplication.translate("CalendarExport", "Calendar files (*.ics)"),
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".ics") else f"{path}.ics")

    def export_calendar(self) -> None:
        suggested = suggested_path(
            QStandardPaths.StandardLocation.DocumentsLocation,
            QCoreApplication.translate("CalendarExport", "follow-through calendar"),
            self._today(),
            "ics",
        )
        path = self.choose_calendar_path(self.parent, Path(suggested))
        if path is not None:
            self.export_calendar_to(path)

    def export_calendar_to(self, path: Path) -> None:
        from followthrough.domain.reminder_kinds import Rendering
        from followthrough.store.calendar_feed import calendar_file, write_feed
        from followthrough.ui.common.formatting import system_zone

        now = self.context.clock.now()
        # Its words on the user's clock and in their language, as Today writes them.
        rendering = Rendering(system_zone(), QCoreApplication.translate)

        def work() -> None:
            write_feed(path, calendar_file(now, rendering))

        self.context.runner.submit(
            work,
            lambda _none: self.tell(
                QCoreApplication.translate(
                    "CalendarExport",
                    "Interviews and reminders exported to {path}: open it with your "
                    "calendar app to add them.",
                ).format(path=path)
            ),
            lambda failure: self._calendar_failed(path, failure),
        )

    def _calendar_failed(self, path: Path, failure: str) -> None:
        text = QCoreApplication.translate(
            "CalendarExport", "The calendar was not exported to {path}."
        ).format(path=path)
        if self.retry_after(self.parent, text, failure):
            self.export_calendar_to(path)

    def show_subscription(self) -> None:
        self.run_dialog(SubscriptionDialog(feed_path(self.context.data_dir), self.parent))


class SubscriptionDialog(QDialog):
    """Where the always-current calendar file is, and how to subscribe to it."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarSubscription")
        self.setWindowTitle(self.tr("Calendar to subscribe to"))
        self.path = path
        self.address = QUrl.fromLocalFile(str(path)).toString()
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Follow-Through keeps a calendar file of your interviews and reminders "
                    "up to date in your data folder, rewritten after every change. Add it "
                    "to a calendar app on this computer as a calendar from a file or an "
                    "address (Thunderbird: New Calendar ▸ On the Network; GNOME Calendar "
                    "or Evolution: a calendar from a web address), and the app's events "
                    "appear there with an alarm each, and go when they are done. Importing "
                    "the file instead (khal's import, say) adds and updates events but "
                    "never removes one."
                ),
                wrap=True,
            )
        )
        self.location = QLineEdit(self.address)
        self.location.setReadOnly(True)
        self.location.setObjectName("calendarAddress")
        layout.addWidget(self.location)
        if not path.exists():
            layout.addWidget(
                plain_label(
                    self.tr(
                        "The file is being written for the first time; it appears a few "
                        "seconds after the app has started."
                    ),
                    wrap=True,
                )
            )
        layout.addWidget(
            plain_label(
                self.tr(
                    "It covers 30 days back to a year ahead. Calendar apps on the web or "
                    "a phone cannot read a file on this computer: export a file for them "
                    "with File ▸ Export ▸ Calendar (.ics)…"
                ),
                wrap=True,
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy the address"))
        self.copy_button.clicked.connect(self.copy_address)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = QPushButton(self.tr("&Open the folder"))
        self.folder_button.clicked.connect(self.open_folder)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def copy_address(self) -> None:
        QGuiApplication.clipboard().setText(self.address)
        self.copy_button.setText(self.tr("Copied"))

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
