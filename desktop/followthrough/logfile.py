"""A log a person can send: a file in the data folder that starts afresh each day."""

from __future__ import annotations

import io
import logging
import os
import re
from logging.handlers import TimedRotatingFileHandler
from pathlib import Path

from followthrough.store.errors import LOG_FILE_NAME

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# A new file each day (as Vorta does), the old ones named by their date; a week is kept.
ROTATE_WHEN = "d"
ROTATE_INTERVAL = 1
KEEP = 7


# A mailto: link carries the note's address, subject and text: never into a log. Quoted
# (as Qt quotes a URL it cannot open) up to the closing quote; else to the end.
_MAILTO = re.compile(r"""(['"`])mailto:.*?\1|mailto:.*""", re.IGNORECASE | re.DOTALL)
REDACTED_MAILTO = "mailto:[hidden]"


def redact_private_urls(text: str) -> str:
    """``text`` with every ``mailto:`` link replaced by a mark (the rest kept as it is)."""

    def hide(match: re.Match[str]) -> str:
        quote = match.group(1) or ""
        return f"{quote}{REDACTED_MAILTO}{quote}"

    return _MAILTO.sub(hide, text)


class PrivateLogHandler(TimedRotatingFileHandler):
    """Every log file it opens, also the new one after a rotation, is readable by the
    user only (0600): a plain ``open`` would follow the umask (often 0644)."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


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
        handler = PrivateLogHandler(
            path, when=ROTATE_WHEN, interval=ROTATE_INTERVAL, backupCount=KEEP, encoding="utf-8"
        )
    except OSError as exc:
        logging.getLogger(__name__).warning("no log file in %s: %s", data_dir, exc.strerror)
        return None
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    logging.getLogger().addHandler(handler)
    return path


def active_log_file(data_dir: Path) -> Path | None:
    """The log file in ``data_dir`` this process writes to; None when it has none there
    (it could not be created, or logging to a file was never set up)."""
    wanted = (data_dir / LOG_FILE_NAME).resolve()
    for handler in logging.getLogger().handlers:
        if (
            isinstance(handler, logging.FileHandler)
            and Path(handler.baseFilename).resolve() == wanted
        ):
            return wanted
    return None
