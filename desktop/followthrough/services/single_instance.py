"""One running app per data folder: a second launch hands over to the first and exits.

A QLockFile in the data folder says who runs; its owner listens on a QLocalServer whose
name is derived from the folder. A lock left by a crashed process is detected by its dead
PID and taken over; so is one whose PID now belongs to another program, or to a process
that started after the lock was written (the number was used again).
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from followthrough.store.errors import NEARLY_FULL_BYTES, free_bytes

log = logging.getLogger(__name__)

_ACTIVATE = b"activate\n"
_ACK = b"ok\n"
_TIMEOUT_MS = 2000
LOCK_FILE_NAME = "followthrough.lock"


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
        self._lock_path = data_dir / LOCK_FILE_NAME
        self._lock = QLockFile(str(self._lock_path))
        # Only a dead owner makes the lock stale, however long the app has been running.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this process is the first; it then starts listening. False when
        another process holds the lock; OSError when the lock file cannot be written."""
        if not self._lock.tryLock(100):
            error = self._lock.error()
            if error == QLockFile.LockError.LockFailedError:
                return False
            if error == QLockFile.LockError.PermissionError:
                raise PermissionError(errno.EACCES, "cannot write the lock", str(self._lock_path))
            free = free_bytes(self._lock_path.parent)
            if free is not None and free < NEARLY_FULL_BYTES:
                raise OSError(errno.ENOSPC, "no space for the lock", str(self._lock_path))
            raise OSError(errno.EIO, "the lock file cannot be written", str(self._lock_path))
        if os.name == "posix":
            # QLockFile creates it with the umask's permissions: readable by the user only.
            self._lock_path.chmod(0o600)
        try:
            record_owner(self._lock_path)
        except OSError as exc:  # not needed to run; only to tell a stale lock later
            log.warning("cannot record the lock's owner: %s", exc.strerror)
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

    def take_over_if_not_ours(self) -> bool:
        """The lock is held, but nobody answered: when its PID is not a Follow-Through
        that was running when the lock was written, the lock is stale; remove it and take
        it. True when this process now holds the lock."""
        pid = self.lock_owner_pid()
        if pid is None or holder_is_this_app(pid, self._lock_path) is not False:
            return False
        log.warning("the lock of process %s is stale (that process did not take it)", pid)
        self._lock_path.unlink(missing_ok=True)
        return self.acquire()

    def lock_owner_pid(self) -> int | None:
        info = self._lock.getLockInfo()
        # PySide returns (ok, pid, hostname, appname) or, in some versions, (pid, host, app).
        pid = info[1] if len(info) == 4 else info[0]
        return int(pid) if pid else None

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            forget_owner(self._lock_path)
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


def _process_started_at(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch), on Linux; else None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        boot = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
    except (OSError, StopIteration, ValueError):
        return None
    # Field 22 (starttime, clock ticks after boot) follows the command name in brackets.
    fields = stat.rsplit(")", 1)[-1].split()
    try:
        ticks = int(fields[19])
    except (IndexError, ValueError):
        return None
    return boot + ticks / os.sysconf("SC_CLK_TCK")


def _owner_path(lock_path: Path) -> Path:
    return lock_path.with_name(lock_path.name + ".owner")


def record_owner(lock_path: Path) -> None:
    """Beside the lock: this process's id and when it started. A PID alone can be used
    again by another program after a crash; the two together cannot."""
    started = _process_started_at(os.getpid())
    _owner_path(lock_path).write_text(f"{os.getpid()} {started or ''}\n", encoding="ascii")


def forget_owner(lock_path: Path) -> None:
    _owner_path(lock_path).unlink(missing_ok=True)


def holder_is_this_app(pid: int, lock_path: Path) -> bool | None:
    """Whether ``pid`` is the Follow-Through that took the lock. None when this cannot be
    told (no /proc: not Linux).

    The owner record beside the lock names the process that took it and when it started:
    another process with that PID, or a lock naming another PID, is not the owner. Without
    a record (written by an older version), a process that started after the lock was
    written cannot have written it.
    """
    if not Path("/proc/self/stat").exists():
        return None
    if not Path(f"/proc/{pid}").exists():
        return False  # gone
    started = _process_started_at(pid)
    try:
        owner_pid, _sep, owner_started = (
            _owner_path(lock_path).read_text(encoding="ascii").strip().partition(" ")
        )
    except OSError:
        owner_pid = ""
    if owner_pid:
        if owner_pid != str(pid):
            return False
        return started is None or not owner_started or abs(started - float(owner_started)) < 1
    try:
        written = lock_path.stat().st_mtime
    except OSError:
        return None
    return started is None or started <= written + 1.0
