"""What every window needs: the data folder, database, clock, background runner, UI state."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from followthrough.domain.clock import Clock
from followthrough.services.background import BackgroundRunner
from followthrough.store.database import Database

UI_STATE_FILE = "ui-state.ini"


@dataclass
class AppContext:
    data_dir: Path
    database: Database
    clock: Clock
    runner: BackgroundRunner
    ui_state: QSettings

    @classmethod
    def create(cls, data_dir: Path, database: Database, clock: Clock) -> AppContext:
        # Window geometry and "seen" flags live beside the database, so one folder is
        # everything to back up and tests never touch the user's own settings.
        ui_state = QSettings(str(data_dir / UI_STATE_FILE), QSettings.Format.IniFormat)
        return cls(data_dir, database, clock, BackgroundRunner(database), ui_state)
