"""The single-instance socket: "activate" is answered; a client that says nothing is let go."""

from __future__ import annotations

import socket
from pathlib import Path

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from followthrough.services.single_instance import ActivationServer, ask_to_activate


def test_activate_is_answered_and_a_silent_client_is_let_go(qtbot: QtBot, tmp_path: Path) -> None:
    owner = QObject()
    asked: list[bool] = []
    path = tmp_path / "instance"
    server = ActivationServer(path, lambda: asked.append(True), owner)
    assert path.stat().st_mode & 0o777 == 0o600
    silent = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    silent.connect(str(path))
    qtbot.wait(100)
    assert len(server._clients) == 1
    # The silent client does not stop another from being answered (read on the GUI
    # thread's loop: the question is asked from a thread of its own here).
    import threading

    answers: list[bool] = []
    asker = threading.Thread(target=lambda: answers.append(ask_to_activate(path)))
    asker.start()
    qtbot.waitUntil(lambda: bool(answers), timeout=3000)
    asker.join()
    assert answers == [True] and asked == [True]
    # Let go after the timeout: its end of the socket is closed.
    qtbot.waitUntil(lambda: not server._clients, timeout=4000)
    silent.settimeout(1)
    assert silent.recv(16) == b""
    silent.close()
    server.close()
    assert not path.exists()
