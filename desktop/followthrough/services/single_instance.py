"""One running app per data folder: a second launch hands over to the first and exits.

A QLockFile in the data folder says who runs; its owner listens on a local socket whose
name is derived from the folder (``ActivationServer``). A lock left by a crashed process is
detected by its dead PID and taken over; so is one whose PID now belongs to another program,
or to a process that started after the lock was written (the number was used again).

The socket is a Unix-domain socket made with Python's ``socket`` and watched by a
QSocketNotifier, where QLocalServer used to be: at the same path (``$TMPDIR`` or /tmp, and
the same name), so versions answer each other, without loading QtNetwork (2 MB of memory
for one line each way). Elsewhere (no ``AF_UNIX``) QLocalServer still serves.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, QSocketNotifier, QTimer, Signal

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


def socket_path(name: str) -> Path:
    """Where QLocalServer puts a server of this name on Unix (QDir::tempPath())."""
    return Path(os.environ.get("TMPDIR") or "/tmp") / name


class ActivationServer(QObject):
    """Answers "activate" on a Unix-domain socket readable by this user only, without
    blocking the GUI thread (each connection is read as its bytes arrive)."""

    def __init__(self, path: Path, on_activate: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._path = path
        self._on_activate = on_activate
        self._clients: dict[int, tuple[socket.socket, QSocketNotifier, bytearray]] = {}
        # A crashed owner may have left its socket file behind.
        path.unlink(missing_ok=True)
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        mask = os.umask(0o177)
        try:
            self._socket.bind(str(path))
        finally:
            os.umask(mask)
        self._socket.listen(4)
        self._socket.setblocking(False)
        self._notifier = QSocketNotifier(self._socket.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)

    def _accept(self) -> None:
        try:
            connection, _address = self._socket.accept()
        except BlockingIOError:
            return
        except OSError as exc:
            # Out of file descriptors, say: listening again at once would spin.
            log.warning("cannot accept a connection: %s", exc.strerror)
            self._notifier.setEnabled(False)
            QTimer.singleShot(1000, lambda: self._notifier.setEnabled(True))
            return
        connection.setblocking(False)
        fileno = connection.fileno()
        notifier = QSocketNotifier(fileno, QSocketNotifier.Type.Read, self)
        self._clients[fileno] = (connection, notifier, bytearray())
        notifier.activated.connect(lambda *_: self._read(fileno))
        # A client that says nothing is not kept waiting for.
        QTimer.singleShot(_TIMEOUT_MS, lambda: self._drop(fileno, connection))

    def _drop(self, fileno: int, connection: socket.socket) -> None:
        client = self._clients.get(fileno)
        if client is None or client[0] is not connection:
            return
        del self._clients[fileno]
        client[1].setEnabled(False)
        client[1].deleteLater()
        connection.close()

    def _read(self, fileno: int) -> None:
        if fileno not in self._clients:
            return
        connection, notifier, received = self._clients[fileno]
        try:
            chunk = connection.recv(64)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        received.extend(chunk)
        if chunk and not received.endswith(b"\n") and len(received) < 64:
            return
        notifier.setEnabled(False)
        notifier.deleteLater()
        del self._clients[fileno]
        if bytes(received) == _ACTIVATE:
            with contextlib.suppress(OSError):
                connection.sendall(_ACK)
            self._on_activate()
        connection.close()

    def close(self) -> None:
        self._notifier.setEnabled(False)
        for connection, notifier, _received in self._clients.values():
            notifier.setEnabled(False)
            connection.close()
        self._clients.clear()
        self._socket.close()
        self._path.unlink(missing_ok=True)


def ask_to_activate(path: Path) -> bool:
    """Ask the server at ``path`` to show its window; True only when it answered (bytes
    merely sent may sit in the buffer of a frozen process)."""
    reply = b""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(_TIMEOUT_MS / 1000)
        try:
            connection.connect(str(path))
            connection.sendall(_ACTIVATE)
            while not reply.endswith(b"\n") and len(reply) < 64:
                chunk = connection.recv(64)
                if not chunk:
                    break
                reply += chunk
        except OSError:
            return False
    return reply == _ACK


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
        self._server: Any = None

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
        self._server = self._listen()
        return True

    def _listen(self) -> Any:
        if hasattr(socket, "AF_UNIX"):
            try:
                return ActivationServer(
                    socket_path(self._name), self.activation_requested.emit, self
                )
            except OSError as exc:
                log.error("cannot listen on %s: %s", socket_path(self._name), exc.strerror)
                return None
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self._name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._name):
            log.error("cannot listen on %s: %s", self._name, server.errorString())
        server.newConnection.connect(lambda: _answer_next(server, self.activation_requested.emit))
        return server

    def notify_running_instance(self) -> bool:
        """Ask the instance holding the lock to show itself; True if it answered."""
        if hasattr(socket, "AF_UNIX"):
            return ask_to_activate(socket_path(self._name))
        from PySide6.QtNetwork import QLocalSocket

        client = QLocalSocket()
        client.connectToServer(self._name)
        if not client.waitForConnected(_TIMEOUT_MS):
            return False
        client.write(_ACTIVATE)
        reply = b""
        while not reply.endswith(b"\n"):
            if not client.bytesAvailable() and not client.waitForReadyRead(_TIMEOUT_MS):
                break
            reply += bytes(client.readAll().data())
        client.abort()
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


def _answer_next(server: Any, on_activate: Callable[[], None]) -> None:
    """QLocalServer's side (platforms without Unix-domain sockets)."""
    client = server.nextPendingConnection()
    if client is None:
        return

    def read() -> None:
        if client.canReadLine() and bytes(client.readLine().data()) == _ACTIVATE:
            client.write(_ACK)
            client.flush()
            on_activate()
            client.disconnectFromServer()

    client.readyRead.connect(read)
    client.disconnected.connect(client.deleteLater)
    if client.bytesAvailable():
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
