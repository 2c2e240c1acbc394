"""Starting Follow-Through when the user logs in.

On Linux (and other desktops following freedesktop.org) this is a Desktop Entry in
``$XDG_CONFIG_HOME/autostart`` (``~/.config/autostart`` by default), which every
XDG-compliant session starts at login. Other systems have no file this module could write
reliably, so there the user sets it up once by hand:

- Windows: press Win+R, enter ``shell:startup``, and put a shortcut to Follow-Through
  into the folder that opens.
- macOS: System Settings > General > Login Items, then add Follow-Through under
  "Open at Login".

``manual_steps()`` returns those instructions for the current system so the window can
show them; the functions that read or write the entry raise ``NotImplementedError`` there.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from followthrough import APP_ID, APP_NAME

ENTRY_NAME = f"{APP_ID}.desktop"

_WINDOWS_STEPS = (
    f"To start {APP_NAME} when you log in to Windows, press Win+R, type shell:startup and "
    f"press Enter, then put a shortcut to {APP_NAME} into the folder that opens."
)
_MACOS_STEPS = (
    f"To start {APP_NAME} when you log in to your Mac, open System Settings › General › "
    f"Login Items and add {APP_NAME} under “Open at Login”."
)
_OTHER_STEPS = (
    f"{APP_NAME} cannot set up starting at login on this system; add it to your "
    "system's startup programs by hand."
)

# Characters that force an Exec argument into double quotes (Desktop Entry Specification,
# "The Exec key").
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
# Inside double quotes these four are escaped with a backslash.
_QUOTED_ESCAPES = frozenset('"`$\\')


def _platform() -> str:
    return sys.platform


def autostart_supported() -> bool:
    """Whether this module can turn starting at login on and off on this system."""
    return _platform().startswith(("linux", "freebsd", "openbsd", "netbsd"))


def manual_steps() -> str | None:
    """What the user does by hand to start at login here; None where this module does it."""
    if autostart_supported():
        return None
    platform = _platform()
    if platform.startswith(("win32", "cygwin")):
        return _WINDOWS_STEPS
    if platform == "darwin":
        return _MACOS_STEPS
    return _OTHER_STEPS


def _require_support() -> None:
    if not autostart_supported():
        raise NotImplementedError(manual_steps())


def autostart_file(config_home: Path | None = None) -> Path:
    """Where the autostart entry lives: ``config_home``, else ``$XDG_CONFIG_HOME`` (when it
    is an absolute path, as the XDG spec requires), else ``~/.config``."""
    _require_support()
    if config_home is None:
        configured = os.environ.get("XDG_CONFIG_HOME", "")
        config_home = (
            Path(configured) if Path(configured).is_absolute() else Path.home() / ".config"
        )
    return config_home / "autostart" / ENTRY_NAME


def quote_exec_argument(argument: str) -> str:
    """One Exec argument, quoted per the Desktop Entry Specification (before the escaping
    every string value gets, see ``exec_value``)."""
    if argument and not (_RESERVED & set(argument)):
        return argument
    escaped = "".join("\\" + c if c in _QUOTED_ESCAPES else c for c in argument)
    return f'"{escaped}"'


def _escape_string_value(text: str) -> str:
    """The escapes of a ``string`` value: backslash, newline, tab, carriage return."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def exec_value(command: Sequence[str]) -> str:
    """The Exec value for ``command``: each argument quoted where needed, literal ``%``
    doubled (field codes), then escaped as a string value."""
    if not command:
        raise ValueError("the command to start at login is empty")
    quoted = " ".join(quote_exec_argument(argument) for argument in command)
    return _escape_string_value(quoted.replace("%", "%%"))


def desktop_entry(command: Sequence[str]) -> str:
    """The text of the autostart entry."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        f"Name={APP_NAME}",
        "Comment=Reminds you when to follow up after job interviews",
        f"Exec={exec_value(command)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
    ]
    return "\n".join(lines) + "\n"


def default_command() -> list[str]:
    """How this installation is started: the bundle's executable when frozen, else this
    Python running the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", APP_ID]


def set_autostart(enabled: bool, command: Sequence[str], config_home: Path | None = None) -> None:
    """Write the autostart entry for ``command`` (replacing any earlier one) or remove it.

    Writing goes through a temporary file renamed into place, so a session starting at
    that moment never reads half an entry. Removing an entry that is not there is fine.
    """
    path = autostart_file(config_home)
    if not enabled:
        path.unlink(missing_ok=True)
        return
    text = desktop_entry(command)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def autostart_enabled(config_home: Path | None = None) -> bool:
    """Whether the entry exists and the session will start it (not ``Hidden=true`` and not
    switched off with ``X-GNOME-Autostart-enabled=false``, as GNOME's tools do)."""
    path = autostart_file(config_home)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return False
    in_main_group = False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            in_main_group = line == "[Desktop Entry]"
            continue
        if not in_main_group or "=" not in line:
            continue
        key, value = (part.strip() for part in line.split("=", 1))
        if key == "Hidden" and value == "true":
            return False
        if key == "X-GNOME-Autostart-enabled" and value == "false":
            return False
    return True
