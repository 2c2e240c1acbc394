"""What every window needs: the data folder, database, clock, background runner, UI state;
and what each feature's flow (acting from anywhere in the window) is built on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    # Loaded when the context is made (after the window's first paint), not with it: the
    # window reads its UI state from here before the database is opened.
    from followthrough.domain.clock import Clock
    from followthrough.services.background import BackgroundRunner
    from followthrough.store.database import Database

UI_STATE_FILE = "ui-state.ini"


def open_ui_state(data_dir: Path) -> QSettings:
    """Window geometry and "seen" flags live beside the database, so one folder is
    everything to back up and tests never touch the user's own settings."""
    return QSettings(str(data_dir / UI_STATE_FILE), QSettings.Format.IniFormat)


@dataclass
class AppContext:
    data_dir: Path
    database: Database
    clock: Clock
    runner: BackgroundRunner
    ui_state: QSettings

    @classmethod
    def create(
        cls,
        data_dir: Path,
        database: Database,
        clock: Clock,
        ui_state: QSettings | None = None,
    ) -> AppContext:
        """``ui_state``: the window's (``open_ui_state``), when it was made first."""
        from followthrough.services.background import BackgroundRunner

        if ui_state is None:
            ui_state = open_ui_state(data_dir)
        return cls(data_dir, database, clock, BackgroundRunner(database), ui_state)


class Flow:
    """A feature's way of acting from anywhere in the window (a reminder, the tray, an
    application): it loads and saves on the context's runner and opens its dialogs over
    ``parent``. ``saved`` gets a short message after anything was stored; ``failed`` the
    reason something could not be loaded or saved."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        saved: Callable[[str], None],
        failed: Callable[[str], None],
    ) -> None:
        from followthrough.ui.common.formatting import system_zone

        self.context = context
        self.parent = parent
        self.saved = saved
        self.failed = failed
        self.zone = system_zone()

    def _today(self) -> date:
        """Today on the user's clock."""
        return self.context.clock.now().astimezone(self.zone).date()


# Runs a modal dialog; True when it was accepted (the window's ``exec_dialog``: tests
# replace it to fill the dialog in).
RunDialog = Callable[["QDialog"], bool]


class DialogFlow(Flow):
    """A flow whose dialogs are modal, run through ``run_dialog``."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget,
        run_dialog: RunDialog,
        saved: Callable[[str], None],
        failed: Callable[[str], None],
    ) -> None:
        super().__init__(context, parent, saved, failed)
        self.run_dialog = run_dialog
