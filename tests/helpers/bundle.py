"""Building the one-folder PyInstaller bundle for the packaging tests (tests/e2e)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tests.helpers.subprocess_app import REPO

SPEC = REPO / "packaging" / "followthrough.spec"
BUILD_TIMEOUT = 1200  # about 30 s on a 2-core machine; generous for a cold CI disk


def build_bundle(work: Path) -> Path:
    """Builds the bundle from packaging/followthrough.spec under ``work``; returns its folder."""
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(SPEC),
        ],
        cwd=work,  # the spec must not depend on the working directory
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, f"PyInstaller failed:\n{result.stdout}\n{result.stderr}"
    print(f"bundle built in {time.monotonic() - started:.0f} s")
    folder = work / "dist" / "followthrough"
    assert folder.is_dir()
    return folder


def executable(bundle: Path) -> Path:
    return bundle / ("followthrough.exe" if sys.platform == "win32" else "followthrough")


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and files under ``folder`` as ``du -sb`` and ``find -type f`` count them:
    every entry's own size (symbolic links not followed, folders included)."""
    entries = [folder, *folder.rglob("*")]
    size = sum(entry.lstat().st_size for entry in entries)
    files = sum(1 for entry in entries if entry.is_file() and not entry.is_symlink())
    return size, files


def self_test(program: Path, env: dict[str, str], cwd: Path, *extra: str) -> str:
    """Runs a frozen ``program --self-test`` and checks it passed; returns its output
    (for further assertions' messages)."""
    result = subprocess.run(
        [str(program), "--self-test", *extra],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    output = f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 0, output
    assert "self-test passed" in result.stdout, output
    return output
