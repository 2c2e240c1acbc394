"""The real app, started as a user starts it, that restores a backup as soon as its window
shows its data: File ▸ Restore… with the file dialog answered BACKUP and the confirmation
answered "Restore and restart". What follows is the app's own: the current data kept
aside, the window quits, the backup put in place, and a new process started.

    python -m tests.e2e.restoring_app BACKUP DATA_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog

from followthrough.app import run_gui
from followthrough.ui.backups.dialogs import BackupAsk, RestoreDialog
from followthrough.ui.shell.main_window import MainWindow


def main(argv: list[str]) -> int:
    backup, data_dir = Path(argv[0]), Path(argv[1])
    BackupAsk.choose_backup = staticmethod(lambda _parent, _start: str(backup))  # type: ignore[method-assign]
    real_exec = MainWindow.exec_dialog

    def confirm(dialog: QDialog) -> bool:
        return isinstance(dialog, RestoreDialog) or real_exec(dialog)

    MainWindow.exec_dialog = staticmethod(confirm)  # type: ignore[method-assign]
    attach = MainWindow.attach_context

    def attach_and_restore(window: MainWindow, context: object) -> None:
        attach(window, context)  # type: ignore[arg-type]
        window.first_data_shown.connect(
            lambda: QTimer.singleShot(500, window.restore_action.trigger)
        )

    MainWindow.attach_context = attach_and_restore  # type: ignore[method-assign]
    return run_gui(data_dir, [sys.argv[0]])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
