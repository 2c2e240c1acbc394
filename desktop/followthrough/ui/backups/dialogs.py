"""What Back up now and Restore show: the restore's confirmation with what the backup
holds, and the questions and answers around them (in one class, so tests can answer)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followthrough import APP_NAME
from followthrough.store.backups.restore import ASIDE_LABEL, BackupSummary
from followthrough.ui.common.formatting import instant_text
from followthrough.ui.common.locale_words import number_text
from followthrough.ui.common.text import message_box, plain_label


class AfterFailure(Enum):
    """What to do after a backup or a restore could not be done."""

    RETRY = "retry"
    OTHER = "other"  # choose another folder, or another backup file
    CANCEL = "cancel"


class RestoreDialog(QDialog):
    """ "Restore this backup?": what it holds and what happens next; accepted by
    "Restore and restart"."""

    def __init__(
        self, summary: BackupSummary, zone: ZoneInfo, backups_dir: Path, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumWidth(520)
        heading = QLabel(self.tr("Restore this backup?"))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        self.file = plain_label(str(summary.source), wrap=True)
        self.file.setObjectName("backupFile")
        self.made = plain_label(instant_text(summary.made_at, zone))
        self.made.setObjectName("backupMade")
        self.count = plain_label(self._count_words(summary))
        self.count.setObjectName("backupApplications")
        facts = QFormLayout()
        facts.addRow(self.tr("File:"), self.file)
        facts.addRow(self.tr("Made:"), self.made)
        facts.addRow(self.tr("Applications in it:"), self.count)
        self.explanation = plain_label(self._explanation(summary, backups_dir), wrap=True)
        self.explanation.setObjectName("restoreExplanation")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(self.tr("&Restore and restart"))
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # Cancel is the default: Enter alone never replaces the data.
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel is not None
        cancel.setDefault(True)
        cancel.setFocus()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(facts)
        layout.addWidget(self.explanation)
        layout.addWidget(self.buttons)

    def _count_words(self, summary: BackupSummary) -> str:
        """ "0 (you have 38 now)": what restoring it would leave, beside what there is."""
        count = number_text(summary.applications)
        if summary.current_applications is None:
            return count
        return self.tr("{count} (you have {current} now)").format(
            count=count, current=number_text(summary.current_applications)
        )

    def _explanation(self, summary: BackupSummary, backups_dir: Path) -> str:
        parts = [
            self.tr(
                "Your data is replaced by what this backup holds: what you entered or "
                "changed since it was made is no longer shown."
            ),
            self.tr(
                "First, your current data is kept aside in {folder} (as a file ending in "
                "“-{label}.sqlite3”), so you can go back to it."
            ).format(folder=backups_dir, label=ASIDE_LABEL),
            self.tr("Then Follow-Through restarts on the restored data."),
        ]
        if summary.older:
            parts.append(
                self.tr(
                    "The backup was made by an earlier version of Follow-Through; it is "
                    "brought up to date when it opens."
                )
            )
        return "\n\n".join(parts)


class BackupAsk:
    """The file dialogs and message boxes of Back up now and Restore (tests replace these
    static methods, as they do ``ui.common.ask.Ask``'s)."""

    @staticmethod
    def choose_folder(parent: QWidget | None, start: str) -> str:
        """The folder to copy the data to ("" when cancelled)."""
        return QFileDialog.getExistingDirectory(
            parent, QCoreApplication.translate("BackupAsk", "Back up your data to…"), start
        )

    @staticmethod
    def choose_backup(parent: QWidget | None, start: str) -> str:
        """The backup file to restore ("" when cancelled)."""
        path, _filter = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("BackupAsk", "Which backup should be restored?"),
            start,
            QCoreApplication.translate(
                "BackupAsk", "Follow-Through backups (*.sqlite3);;All files (*)"
            ),
        )
        return path

    @staticmethod
    def backed_up(parent: QWidget | None, path: Path) -> None:
        """Where the copy went, with a button that opens its folder."""
        box = message_box(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("BackupAsk", "Backed up — {app}").format(app=APP_NAME),
            QCoreApplication.translate("BackupAsk", "Your data was copied to:\n{path}").format(
                path=path
            ),
            parent,
        )
        box.setObjectName("backedUp")
        box.setInformativeText(
            QCoreApplication.translate(
                "BackupAsk",
                "Keep a copy on another disk too. To bring it back, use File ▸ Restore… "
                "and choose this file.",
            )
        )
        folder = box.addButton(
            QCoreApplication.translate("BackupAsk", "Open the &folder"),
            QMessageBox.ButtonRole.ActionRole,
        )
        box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()
        if box.clickedButton() is folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    @staticmethod
    def failed(parent: QWidget | None, title: str, text: str, other: str | None) -> AfterFailure:
        """``text`` (plain words) with Retry, ``other`` (another folder or file; None:
        no such button) and Cancel."""
        box = message_box(QMessageBox.Icon.Warning, title, text, parent)
        box.setObjectName("backupFailed")
        retry = box.addButton(
            QCoreApplication.translate("BackupAsk", "&Retry"), QMessageBox.ButtonRole.AcceptRole
        )
        another = (
            box.addButton(other, QMessageBox.ButtonRole.ActionRole) if other is not None else None
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(retry)
        box.exec()
        clicked = box.clickedButton()
        if clicked is retry:
            return AfterFailure.RETRY
        if another is not None and clicked is another:
            return AfterFailure.OTHER
        return AfterFailure.CANCEL

    @staticmethod
    def refused(parent: QWidget | None, text: str) -> bool:
        """The backup cannot be restored (``text`` says why): True to choose another."""
        box = message_box(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("BackupAsk", "Not restored — {app}").format(app=APP_NAME),
            text,
            parent,
        )
        box.setObjectName("restoreRefused")
        another = box.addButton(
            QCoreApplication.translate("BackupAsk", "&Choose another backup…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is another

    @staticmethod
    def daily_failed(parent: QWidget | None, text: str) -> None:
        """The automatic backup could not be made (told once a session, without waiting)."""
        box = message_box(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("BackupAsk", "No backup today — {app}").format(app=APP_NAME),
            text,
            parent,
        )
        box.setObjectName("dailyBackupFailed")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def documents_folder() -> str:
    """Where Back up now starts: the user's Documents folder, else their home."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return documents
    return str(Path.home())
