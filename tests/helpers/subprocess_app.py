"""Starting the real app as a subprocess, the way a user's launcher does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def app_command(*args: str) -> list[str]:
    """``followthrough ARGS`` through the installed entry point, else ``python -m``."""
    entry = shutil.which("followthrough", path=str(Path(sys.executable).parent))
    if entry:
        return [entry, *args]
    return [sys.executable, "-m", "followthrough", *args]


def app_env(extra: dict[str, str] | None = None, drop: Sequence[str] = ()) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("FOLLOWTHROUGH_DATA_DIR", None)
    for name in drop:
        env.pop(name, None)
    env.update(extra or {})
    return env


def run_app(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        app_command(*args),
        env=env or app_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
