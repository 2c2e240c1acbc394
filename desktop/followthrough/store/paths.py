"""Where the user's data lives."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from followthrough import APP_ID

DATA_DIR_ENV = "FOLLOWTHROUGH_DATA_DIR"
DATABASE_NAME = "followthrough.sqlite3"
BACKUP_DIR_NAME = "backups"
# The calendar file a calendar app can subscribe to (``store.calendar_feed``).
CALENDAR_FEED_NAME = "followthrough.ics"
# What was last sent to the user's calendar server (``store.calendar_push.record``).
CALENDAR_PUSH_RECORD_NAME = "calendar-push.json"


def default_data_dir() -> Path:
    """The platform's per-user data folder (``~/.local/share/followthrough`` on Linux)."""
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=True))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None) -> Path:
    """``--data-dir`` wins, then ``FOLLOWTHROUGH_DATA_DIR``, then the platform default."""
    if cli_value:
        return Path(cli_value).expanduser().absolute()
    env_value = os.environ.get(DATA_DIR_ENV)
    if env_value:
        return Path(env_value).expanduser().absolute()
    return default_data_dir()


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` readable by its owner only (0700), tightening an existing one."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)
