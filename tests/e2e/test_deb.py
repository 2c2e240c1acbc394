"""The .deb built by packaging/linux/build-deb.sh from the bundle: its control data and
modes, then installed on this machine with apt-get, self-tested, its menu entry validated,
and removed without a trace.

Installing needs root and apt: without them the install test skips and says why (the
package's contents are still checked). A followthrough package already installed here is
never replaced.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from followthrough import APP_ID, __version__
from tests.helpers.bundle import self_test
from tests.helpers.subprocess_app import REPO, app_env

BUILD_DEB = REPO / "packaging" / "linux" / "build-deb.sh"
PACKAGE = "followthrough"
OPT = Path("/opt/followthrough")
LAUNCHER = Path("/usr/bin/followthrough")
DESKTOP_ENTRY = Path(f"/usr/share/applications/{APP_ID}.desktop")
METAINFO = Path("/usr/share/metainfo/io.github.followthrough.FollowThrough.metainfo.xml")
ICONS = (
    Path("/usr/share/icons/hicolor/scalable/apps/followthrough.svg"),
    Path("/usr/share/icons/hicolor/256x256/apps/followthrough.png"),
)
BUILD_TIMEOUT = 900  # gzip over 150 MB: under a minute on a busy 2-core machine
APT_TIMEOUT = 600

pytestmark = [pytest.mark.bundle, pytest.mark.slow]


def _missing_tools() -> str | None:
    if not sys.platform.startswith("linux"):
        return "Debian packages are built on Linux only"
    for tool in ("dpkg", "dpkg-deb", "objdump"):
        if shutil.which(tool) is None:
            return f"no {tool} here: not a Debian-like system (binutils brings objdump)"
    return None


def _installed(package: str) -> bool:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False
    )
    return result.returncode == 0 and "install ok installed" in result.stdout


def _known_to_dpkg(package: str) -> bool:
    """Installed in any state but gone (config files left count too)."""
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False
    )
    return result.returncode == 0 and not result.stdout.endswith("not-installed")


def _cannot_install() -> str | None:
    if os.geteuid() != 0:
        return "installing a .deb needs root; run the suite as root to include it"
    if shutil.which("apt-get") is None:
        return "no apt-get here to install the .deb with"
    if _installed(PACKAGE):
        return f"a {PACKAGE} package is already installed here; the test does not replace it"
    return None


def _apt(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return subprocess.run(
        ["apt-get", "-y", "-q", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=APT_TIMEOUT,
        check=False,
    )


@pytest.fixture(scope="module")
def deb(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    reason = _missing_tools()
    if reason:
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("deb")
    command = ["bash", str(BUILD_DEB), "--bundle", str(bundle), "--out", str(out)]
    result = subprocess.run(
        [*command, "--compression", "gzip"],
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, f"build-deb.sh failed:\n{result.stdout}\n{result.stderr}"
    built = sorted(out.glob("followthrough_*.deb"))
    assert len(built) == 1, (built, result.stdout)
    return built[0]


def _field(deb: Path, name: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_deb_names_its_version_architecture_and_dependencies(deb: Path) -> None:
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert deb.name == f"followthrough_{__version__}_{arch}.deb"
    assert _field(deb, "Package") == PACKAGE
    assert _field(deb, "Version") == __version__
    assert _field(deb, "Architecture") == arch
    assert _field(deb, "Maintainer")
    assert int(_field(deb, "Installed-Size")) > 50_000  # KiB: the bundle is inside
    depends = {item.strip() for item in _field(deb, "Depends").split(",")}
    # What the bundle loads from the system: C library, X connection, EGL/GL, fonts.
    assert {"libc6", "libxcb1", "libegl1", "libgl1", "libfontconfig1"} <= depends, depends


def test_the_deb_holds_the_bundle_launcher_and_desktop_files_with_their_modes(
    deb: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data.tar"
    with data.open("wb") as sink:
        subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], stdout=sink, check=True)
    with tarfile.open(data) as archive:
        members = {member.name.removeprefix("./"): member for member in archive.getmembers()}
    launcher = members["usr/bin/followthrough"]
    assert launcher.issym() and launcher.linkname == "/opt/followthrough/followthrough"
    for path in (DESKTOP_ENTRY, METAINFO, *ICONS):
        assert str(path).lstrip("/") in members, f"{path} is not in the package"
    executable = members["opt/followthrough/followthrough"]
    assert executable.mode & 0o7777 == 0o755
    for name, member in members.items():
        assert member.uid == 0 and member.gid == 0, f"{name} is not owned by root"
        if member.isdir():
            assert member.mode & 0o7777 == 0o755, f"{name}: {member.mode:o}"
        elif member.isfile() and member is not executable:
            assert member.mode & 0o7777 == 0o644, f"{name}: {member.mode:o}"


@pytest.fixture
def installed(deb: Path) -> Iterator[Path]:
    """Installs the .deb with apt-get; removes it afterwards whatever the test did."""
    reason = _cannot_install()
    if reason:
        pytest.skip(reason)
    try:
        result = _apt("install", str(deb))  # a path, so apt reads the file
        assert result.returncode == 0, f"apt-get install failed:\n{result.stdout}\n{result.stderr}"
        yield deb
    finally:
        if _known_to_dpkg(PACKAGE):  # also half-installed or unpacked: nothing left in /opt
            _apt("remove", "--purge", PACKAGE)


def test_installed_app_self_tests_and_is_removed_cleanly(installed: Path, tmp_path: Path) -> None:
    assert _installed(PACKAGE)
    assert (OPT / "followthrough").is_file()
    # On the system PATH (a checkout's venv may come first in this shell's PATH).
    assert shutil.which("followthrough", path="/usr/local/bin:/usr/bin:/bin") == str(LAUNCHER)

    # The installed launcher runs the frozen app, nothing from this source tree.
    home = tmp_path / "home"
    home.mkdir()
    env = app_env(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(home),
            "TMPDIR": str(tmp_path),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
        },
        drop=("FOLLOWTHROUGH_RESOURCES", "PYTHONPATH"),
    )
    self_test(LAUNCHER, env, tmp_path)

    # The menu entry, its icon and the software-centre metadata.
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(DESKTOP_ENTRY)], capture_output=True, text=True
        )
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout + check.stderr
    else:
        pytest.fail("desktop-file-validate is missing: tests/run.sh installs desktop-file-utils")
    assert "Exec=followthrough\n" in DESKTOP_ENTRY.read_text(encoding="utf-8")
    for icon in ICONS:
        assert icon.is_file(), f"{icon} is not installed"
    assert METAINFO.is_file()

    removed = _apt("remove", "--purge", PACKAGE)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not _installed(PACKAGE)
    for path in (OPT, LAUNCHER, DESKTOP_ENTRY, METAINFO, *ICONS):
        assert not path.exists() and not path.is_symlink(), f"{path} is still there"
