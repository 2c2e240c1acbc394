"""A log a person can send: a small rotating file in the data folder."""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from followthrough.store.errors import LOG_FILE_NAME

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
KEEP = 3


def log_to_stderr(verbose: bool) -> None:
    """Warnings (everything with ``verbose``) to stderr; the root takes INFO so that the
    log file, when there is one, gets it too."""
    handler = logging.StreamHandler()
    handler.setLevel(logging.INFO if verbose else logging.WARNING)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def log_to_file(data_dir: Path) -> Path | None:
    """Also log to ``followthrough.log`` in ``data_dir`` (readable by the user only);
    None when the folder cannot take it (the app still runs, logging to stderr)."""
    path = data_dir / LOG_FILE_NAME
    try:
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8")
    except OSError as exc:
        logging.getLogger(__name__).warning("no log file in %s: %s", data_dir, exc.strerror)
        return None
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    logging.getLogger().addHandler(handler)
    return path
