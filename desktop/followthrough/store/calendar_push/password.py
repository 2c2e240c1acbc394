"""The calendar server's password, in the system's password store through the
``keyring`` library (GNOME Keyring or KWallet through the Secret Service, the macOS
Keychain, Windows' Credential Locker) and never in a file the app writes.

Where no store works (keyring's "fail" or "null" backend, no D-Bus session, a locked or
broken store), ``NoKeyringError`` says why: the app then asks for the password once per
session, keeps it in memory and hands it to its command through standard input.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

SERVICE_PREFIX = "Follow-Through calendar server"


class NoKeyringError(Exception):
    """No password store can be used here; ``str()`` says why, briefly."""


def service_name(server: str) -> str:
    """The entry's service: one per server address (a trailing slash aside)."""
    return f"{SERVICE_PREFIX} {server.strip().rstrip('/')}"


def _backend() -> object:
    import keyring
    from keyring.backends import chainer, fail, null

    try:
        backend = keyring.get_keyring()
    except Exception as exc:
        raise NoKeyringError(str(exc) or type(exc).__name__) from exc
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        raise NoKeyringError(backend.name if hasattr(backend, "name") else type(backend).__name__)
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        raise NoKeyringError("no keyring backend")
    return backend


def store_name() -> str:
    """The password store in use ("SecretService Keyring", …); NoKeyringError if none works."""
    backend = _backend()
    return str(getattr(backend, "name", type(backend).__name__))


def saved_password(server: str, user: str) -> str | None:
    """The password saved for ``user`` on ``server`` (None: none saved)."""
    import keyring
    from keyring.errors import KeyringError

    _backend()
    try:
        return keyring.get_password(service_name(server), user)
    except (KeyringError, OSError, RuntimeError) as exc:
        log.info("the password store could not be read", exc_info=True)
        raise NoKeyringError(str(exc) or type(exc).__name__) from exc


def save_password(server: str, user: str, password: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    _backend()
    try:
        keyring.set_password(service_name(server), user, password)
    except (KeyringError, OSError, RuntimeError) as exc:
        log.info("the password store could not be written", exc_info=True)
        raise NoKeyringError(str(exc) or type(exc).__name__) from exc


def forget_password(server: str, user: str) -> bool:
    """Remove the saved password; False when there was none."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    _backend()
    try:
        keyring.delete_password(service_name(server), user)
    except PasswordDeleteError:
        return False
    except (KeyringError, OSError, RuntimeError) as exc:
        raise NoKeyringError(str(exc) or type(exc).__name__) from exc
    return True
