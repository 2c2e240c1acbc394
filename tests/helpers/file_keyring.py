"""A keyring backend for the tests' child processes (``PYTHON_KEYRING_BACKEND``): one
JSON file named by ``FOLLOWTHROUGH_TEST_KEYRING``, standing in for the system's store."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @staticmethod
    def _path() -> Path:
        return Path(os.environ["FOLLOWTHROUGH_TEST_KEYRING"])

    def _read(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text()) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        saved = self._read()
        saved[f"{service}\n{username}"] = password
        self._path().write_text(json.dumps(saved))

    def delete_password(self, service: str, username: str) -> None:
        saved = self._read()
        if saved.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError("none saved")
        self._path().write_text(json.dumps(saved))
