"""A note's text never reaches stderr or the log: Qt warns with the whole mailto: link
when no mail program takes it (the offscreen platform always does), and the app's Qt
message handler hides the link (followthrough.app.install_qt_messages)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from followthrough.logfile import REDACTED_MAILTO, redact_private_urls

ROOT = Path(__file__).resolve().parents[2]
BODY = "Secret note text about the Kafka migration"

SCRIPT = """
import sys
from pathlib import Path
from urllib.parse import quote
from PySide6.QtCore import QUrl
from followthrough.app import make_application
from followthrough.logfile import log_to_file, log_to_stderr
from followthrough.ui.notes.composer import NoteComposerDialog

app = make_application(["followthrough"])
log_to_stderr(False)
log_to_file(Path(sys.argv[1]))
url = "mailto:dana.lee@acme.example?subject=" + quote("Thank you") + "&body=" + quote(sys.argv[2])
print("opened" if NoteComposerDialog.open_url(QUrl.fromEncoded(url.encode())) else "not opened")
"""


def test_the_mail_link_is_hidden_from_stderr_and_the_log(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT / "desktop"))
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path), BODY],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    assert result.stdout.strip() == "not opened"
    log = (tmp_path / "followthrough.log").read_text(encoding="utf-8")
    # Qt's warning is there, in both, without the link's address, subject or text.
    for text in (result.stderr, log):
        assert "openUrl" in text and REDACTED_MAILTO in text
        assert "Secret" not in text and "Kafka" not in text
        assert "subject=" not in text and "body=" not in text and "acme.example" not in text


def test_links_are_redacted_and_the_rest_kept() -> None:
    message = "Cannot open 'mailto:a@b.example?body=Hi there\nsecond line' here."
    assert redact_private_urls(message) == f"Cannot open '{REDACTED_MAILTO}' here."
    assert redact_private_urls("open mailto:a@b.example?body=Hi there") == (
        f"open {REDACTED_MAILTO}"
    )
    assert redact_private_urls("nothing private") == "nothing private"
