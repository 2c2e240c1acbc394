"""One running app per data folder: a second launch hands over to the first and exits.

A QLockFile in the data folder says who runs; its owner listens on a QLocalServer whose
name is derived from the folder. A lock left by a crashed process is detected by its dead
PID and taken over.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

_ACTIVATE = b"activate\n"
_ACK = b"ok\n"
_TIMEOUT_MS = 2000


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return f"followthrough-{user}-{digest}"


class SingleInstance(QObject):
    """Owns the instance lock for a data folder.

    Signals:
        activation_requested(): another launch asked this instance to come forward.
    """

    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(data_dir)
        self._lock = QLockFile(str(data_dir / "followthrough.lock"))
        # Only a dead owner makes the lock stale, however long the app has been running.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this process is the first; it then starts listening."""
        if not self._lock.tryLock(100):
            return False
        # A crashed owner may have left its socket file behind.
        QLocalServer.removeServer(self._name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._name):
            log.error("cannot listen on %s: %s", self._name, server.errorString())
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def notify_running_instance(self) -> bool:
        """Ask the instance holding the lock to show itself; True if it answered."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(_TIMEOUT_MS):
            return False
        socket.write(_ACTIVATE)
        # Only the instance's reply proves it is alive: bytes "written" may just sit in the
        # socket buffer of a frozen process (and waitForBytesWritten() after flush() is False).
        reply = b""
        while not reply.endswith(b"\n"):
            if not socket.bytesAvailable() and not socket.waitForReadyRead(_TIMEOUT_MS):
                break
            reply += bytes(socket.readAll().data())
        socket.abort()
        return reply == _ACK

    def lock_owner_pid(self) -> int | None:
        info = self._lock.getLockInfo()
        # PySide returns (ok, pid, hostname, appname) or, in some versions, (pid, host, app).
        pid = info[1] if len(info) == 4 else info[0]
        return int(pid) if pid else None

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _on_connection(self) -> None:
        assert self._server is not None
        socket = self._server.nextPendingConnection()
        if socket is None:
            return

        def read() -> None:
            if socket.canReadLine() and bytes(socket.readLine().data()) == _ACTIVATE:
                socket.write(_ACK)
                socket.flush()
                self.activation_requested.emit()
                socket.disconnectFromServer()

        socket.readyRead.connect(read)
        socket.disconnected.connect(socket.deleteLater)
        if socket.bytesAvailable():
            read()
