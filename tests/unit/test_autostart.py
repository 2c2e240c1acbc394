"""The Linux autostart entry: where it goes, what it says, and how Exec is quoted."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from followthrough.services import autostart
from followthrough.services.autostart import (
    autostart_enabled,
    autostart_file,
    autostart_supported,
    default_command,
    desktop_entry,
    exec_value,
    manual_steps,
    set_autostart,
)


@pytest.fixture(autouse=True)
def _on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    """The entry is plain file work: test it on any system as if it were Linux."""
    monkeypatch.setattr(autostart, "_platform", lambda: "linux")


def parse_exec(value: str) -> list[str]:
    """Read an Exec value back the way the Desktop Entry Specification says a launcher
    does: string escapes first, then the quoting of arguments, then ``%%``."""
    unescaped, index = [], 0
    escapes = {"\\": "\\", "n": "\n", "t": "\t", "r": "\r", "s": " "}
    while index < len(value):
        char = value[index]
        if char == "\\":
            unescaped.append(escapes[value[index + 1]])
            index += 2
            continue
        unescaped.append(char)
        index += 1
    text = "".join(unescaped)
    arguments: list[str] = []
    current: list[str] | None = None
    index = 0
    while index < len(text):
        char = text[index]
        if char == '"':
            index += 1
            current = current or []
            while text[index] != '"':
                if text[index] == "\\":
                    assert text[index + 1] in '"`$\\', "only four characters are escaped"
                    index += 1
                current.append(text[index])
                index += 1
        elif char == " ":
            if current is not None:
                arguments.append("".join(current))
            current = None
        else:
            assert char not in "\t\n'\\><~|&;$*?#()`", f"unquoted reserved {char!r}"
            current = (current or []) + [char]
        index += 1
    if current is not None:
        arguments.append("".join(current))
    return [argument.replace("%%", "%") for argument in arguments]


def entry_fields(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


def test_the_entry_goes_under_the_config_home(tmp_path: Path) -> None:
    assert autostart_file(tmp_path) == tmp_path / "autostart" / "followthrough.desktop"


def test_xdg_config_home_is_used_when_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert autostart_file() == tmp_path / "config" / "autostart" / "followthrough.desktop"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for ignored in ("", "relative/config"):
        monkeypatch.setenv("XDG_CONFIG_HOME", ignored)
        assert autostart_file() == tmp_path / "home" / ".config" / "autostart" / (
            "followthrough.desktop"
        )
    monkeypatch.delenv("XDG_CONFIG_HOME")
    assert autostart_file() == tmp_path / "home" / ".config" / "autostart" / (
        "followthrough.desktop"
    )


def test_enabling_writes_a_complete_entry(tmp_path: Path) -> None:
    assert not autostart_enabled(tmp_path)
    set_autostart(True, ["/usr/bin/followthrough"], tmp_path)
    path = autostart_file(tmp_path)
    assert entry_fields(path) == {
        "Type": "Application",
        "Name": "Follow-Through",
        "Comment": "Reminds you when to follow up after job interviews",
        "Exec": "/usr/bin/followthrough",
        "Icon": "followthrough",
        "Terminal": "false",
        "X-GNOME-Autostart-enabled": "true",
    }
    assert autostart_enabled(tmp_path)
    assert [p.name for p in path.parent.iterdir()] == ["followthrough.desktop"]


def test_paths_with_spaces_are_quoted(tmp_path: Path) -> None:
    command = ["/home/ann/My Apps/venv/bin/python", "-m", "followthrough"]
    set_autostart(True, command, tmp_path)
    value = entry_fields(autostart_file(tmp_path))["Exec"]
    assert value == '"/home/ann/My Apps/venv/bin/python" -m followthrough'
    assert parse_exec(value) == command


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["/opt/ft/followthrough"], "/opt/ft/followthrough"),
        (["app", ""], 'app ""'),
        (["app", "it's"], 'app "it\'s"'),
        (["app", 'say "hi"'], 'app "say \\\\"hi\\\\""'),
        (["app", "$HOME"], 'app "\\\\$HOME"'),
        (["app", "a`b"], 'app "a\\\\`b"'),
        # A literal backslash needs four in the file: quoting, then string escaping.
        (["app", "C:\\dir"], 'app "C:\\\\\\\\dir"'),
        (["app", "100%"], "app 100%%"),
        (["app", "50% off"], 'app "50%% off"'),
        (["app", "two\nlines"], 'app "two\\nlines"'),
        (["app", "tab\there"], 'app "tab\\there"'),
        (["app", "~/data", "a;b", "x|y", "(z)", "#1", "*?", "<>", "&"], None),
        (["app", "--data-dir=/tmp/x y"], 'app "--data-dir=/tmp/x y"'),
    ],
)
def test_exec_arguments_are_quoted_per_the_specification(
    command: list[str], expected: str | None
) -> None:
    value = exec_value(command)
    if expected is not None:
        assert value == expected
    assert parse_exec(value) == command


def test_an_empty_command_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="empty"):
        set_autostart(True, [], tmp_path)
    assert not autostart_file(tmp_path).exists()


def test_disabling_removes_the_entry_and_both_are_idempotent(tmp_path: Path) -> None:
    command = ["/usr/bin/followthrough"]
    set_autostart(False, command, tmp_path)  # nothing there yet: no error
    assert not autostart_enabled(tmp_path)
    set_autostart(True, command, tmp_path)
    first = autostart_file(tmp_path).read_bytes()
    set_autostart(True, command, tmp_path)
    assert autostart_file(tmp_path).read_bytes() == first
    set_autostart(False, command, tmp_path)
    assert not autostart_file(tmp_path).exists()
    assert not autostart_enabled(tmp_path)
    set_autostart(False, command, tmp_path)
    assert not autostart_enabled(tmp_path)


def test_enabling_again_replaces_an_older_command(tmp_path: Path) -> None:
    set_autostart(True, ["/old/followthrough"], tmp_path)
    set_autostart(True, ["/new place/followthrough"], tmp_path)
    assert entry_fields(autostart_file(tmp_path))["Exec"] == '"/new place/followthrough"'


@pytest.mark.parametrize(
    "switch_off",
    [
        "Hidden=true",
        "X-GNOME-Autostart-enabled=false",
    ],
)
def test_an_entry_switched_off_by_the_desktop_counts_as_off(
    tmp_path: Path, switch_off: str
) -> None:
    set_autostart(True, ["followthrough"], tmp_path)
    path = autostart_file(tmp_path)
    text = path.read_text(encoding="utf-8").replace("X-GNOME-Autostart-enabled=true\n", "")
    path.write_text(text + switch_off + "\n", encoding="utf-8")
    assert not autostart_enabled(tmp_path)
    set_autostart(True, ["followthrough"], tmp_path)
    assert autostart_enabled(tmp_path)


def test_the_entry_passes_desktop_file_validate(tmp_path: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate (desktop-file-utils) is not installed")
    set_autostart(True, ["/home/ann/My Apps/followthrough", "--data-dir", "$x"], tmp_path)
    result = subprocess.run(
        [validator, str(autostart_file(tmp_path))], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_the_default_command_starts_this_installation() -> None:
    command = default_command()
    assert Path(command[0]).name.startswith("python")
    assert command[1:] == ["-m", "followthrough"]
    assert "Exec=" in desktop_entry(command)


def test_linux_needs_no_manual_steps() -> None:
    assert manual_steps() is None


@pytest.mark.parametrize(
    ("platform", "hint"),
    [("win32", "shell:startup"), ("darwin", "Login Items")],
)
def test_other_systems_say_what_to_do_instead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str, hint: str
) -> None:
    monkeypatch.setattr(autostart, "_platform", lambda: platform)
    assert not autostart_supported()
    steps = manual_steps()
    assert steps is not None and hint in steps
    for call in (
        lambda: set_autostart(True, ["followthrough"], tmp_path),
        lambda: set_autostart(False, ["followthrough"], tmp_path),
        lambda: autostart_enabled(tmp_path),
        lambda: autostart_file(tmp_path),
    ):
        with pytest.raises(NotImplementedError, match=hint):
            call()
    assert not (tmp_path / "autostart").exists()
