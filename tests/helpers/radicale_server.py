"""A real CalDAV server for the tests: Radicale (PyPI ``radicale``, the test extra) on a
free localhost port, with its own storage folder and an htpasswd file (plain text: this
test user's password is no secret), logging every request to a file."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

USER = "anna"
PASSWORD = "s3cret pass"

CONFIG = """
[server]
hosts = 127.0.0.1:{port}
[auth]
type = htpasswd
htpasswd_filename = {users}
htpasswd_encryption = plain
delay = 0
[storage]
filesystem_folder = {storage}
[logging]
level = info
"""


@dataclass(frozen=True)
class Radicale:
    url: str
    storage: Path
    log: Path

    def requests(self) -> int:
        """How many requests the server has answered so far (its log's request lines)."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return sum(1 for line in text.splitlines() if " request for " in line)

    def calendar_folder(self, name: str) -> Path:
        return self.storage / "collection-root" / USER / name


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_radicale(folder: Path) -> Iterator[Radicale]:
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    users = folder / "users"
    users.write_text(f"{USER}:{PASSWORD}\n")
    config = folder / "config"
    storage = folder / "storage"
    config.write_text(CONFIG.format(port=port, users=users, storage=storage))
    log = folder / "radicale.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", str(config)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        "Radicale did not start: " + log.read_text(errors="replace")
                    ) from None
                time.sleep(0.1)
        yield Radicale(f"http://127.0.0.1:{port}/", storage, log)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
