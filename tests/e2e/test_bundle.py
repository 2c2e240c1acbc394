"""The PyInstaller bundle, built from packaging/followthrough.spec, passes its own self-test;
the Linux desktop files are well formed."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from followthrough import __version__
from tests.helpers.bundle import executable, folder_size, self_test
from tests.helpers.subprocess_app import REPO, app_env

PACKAGING = REPO / "packaging"
DESKTOP_FILE = PACKAGING / "linux" / "followthrough.desktop"
METAINFO = PACKAGING / "linux" / "io.github.followthrough.FollowThrough.metainfo.xml"
# Issue 16's target for the one-folder bundle, 150 MB in the unit its "185 MB before" was
# measured in (`du -sh`, MiB: 192,773,615 bytes is 184 MiB), as bench.py reports it.
# Measured 149,478,454 bytes (142.6 MiB) in 198 files with PySide6 6.11.3 on Debian 12.
SIZE_LIMIT = 150 * 1024 * 1024

# `bundle` (tests/e2e/conftest.py) builds it once for this file and test_deb.py.


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.bundle
@pytest.mark.slow
def test_frozen_app_passes_its_self_test(bundle: Path, tmp_path: Path) -> None:
    keep = tmp_path / "artifacts"
    # No source tree to fall back on: resources must come from the bundle itself.
    env = app_env({"QT_QPA_PLATFORM": "offscreen"}, drop=("FOLLOWTHROUGH_RESOURCES", "PYTHONPATH"))
    output = self_test(executable(bundle), env, tmp_path, "--keep", str(keep))
    screenshot = keep / "main-window.png"
    assert screenshot.is_file(), output
    width, height = _png_size(screenshot)
    assert width >= 400 and height >= 300, (width, height)
    assert screenshot.stat().st_size > 5_000
    # The sample thank-you notes: one PDF per bundled handwriting font, each embedding it.
    notes = sorted(keep.glob("sample-note-*.pdf"))
    assert len(notes) >= 2, output
    if shutil.which("pdffonts"):
        embedded = set()
        for note in notes:
            listing = subprocess.run(
                ["pdffonts", str(note)], capture_output=True, text=True, check=True
            ).stdout
            rows = listing.splitlines()[2:]
            assert rows and all(" yes " in row for row in rows), listing
            embedded.update(row.split()[0].split("+")[-1] for row in rows)
        assert {"DancingScript", "Kristi"} <= embedded, embedded
    assert "ok    a thank-you note composed, spell-checked and printed to PDF" in output


@pytest.mark.bundle
@pytest.mark.slow
def test_bundle_carries_resources_and_dynamic_imports(bundle: Path) -> None:
    icons = list(bundle.rglob("resources/icons/followthrough.svg"))
    assert icons, "resources/ is not in the bundle"
    source = REPO / "resources" / "icons" / "followthrough.svg"
    assert icons[0].read_bytes() == source.read_bytes()

    # plyer loads its backend by name at run time, so only the spec's hiddenimports bring it.
    from PyInstaller.archive.readers import CArchiveReader  # type: ignore[import-untyped]

    archive = CArchiveReader(str(executable(bundle)))
    pyz_name = next(name for name in archive.toc if name.endswith(".pyz"))
    modules = set(archive.open_embedded_archive(pyz_name).toc)
    assert "followthrough.selftest" in modules
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    backend = {"linux": "linux", "win32": "win", "darwin": "macosx"}.get(platform)
    if backend is not None:
        assert f"plyer.platforms.{backend}.notification" in modules
    if sys.platform.startswith("linux"):
        assert "dbus" in modules


@pytest.mark.bundle
@pytest.mark.slow
def test_the_frozen_app_writes_the_calendar_file(bundle: Path, tmp_path: Path) -> None:
    """The app's own calendar file comes from its ``export --format ics`` (run as a child
    of the window): the bundle carries the iCalendar library for it."""
    env = app_env({"QT_QPA_PLATFORM": "offscreen"}, drop=("FOLLOWTHROUGH_RESOURCES", "PYTHONPATH"))
    data = tmp_path / "data"
    app = str(executable(bundle))
    demo = subprocess.run(
        [app, "--data-dir", str(data), "demo", "--count", "5"], env=env, capture_output=True
    )
    assert demo.returncode == 0, demo.stderr
    out = tmp_path / "calendar.ics"
    result = subprocess.run(
        [app, "--data-dir", str(data), "export", "--format", "ics", "-o", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    data_text = out.read_text(encoding="utf-8")
    assert data_text.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in data_text
    assert "BEGIN:VTIMEZONE" in data_text


@pytest.mark.bundle
@pytest.mark.slow
def test_bundle_stays_small(bundle: Path) -> None:
    size, files = folder_size(bundle)
    assert size <= SIZE_LIMIT, (
        f"the bundle is {size:,} bytes in {files} files, over the {SIZE_LIMIT:,} limit: "
        "see what packaging/followthrough.spec leaves out"
    )
    # What the spec leaves out stays out: Qt catalogues the app never loads, HTTP/3, the
    # XML library's parts caldav does not use. (TLS is in: the calendar push needs it.)
    translations = bundle / "_internal" / "PySide6" / "Qt" / "translations"
    if translations.is_dir():
        assert all(path.name.startswith("qtbase_") for path in translations.iterdir())
    assert not list(bundle.rglob("libqjpeg.*")), "unused image-format plugins are back"
    assert not list(bundle.rglob("qh3")), "HTTP/3 (qh3) is back"
    assert not list(bundle.rglob("objectify*.so")), "lxml.objectify is back"


@pytest.mark.bundle
@pytest.mark.slow
def test_the_frozen_app_pushes_to_a_calendar_server(bundle: Path, tmp_path: Path) -> None:
    """``calendar-push`` from the bundle reaches a real CalDAV server (Radicale), its
    second run sends nothing, and HTTPS is there (a TLS failure, not a missing module)."""
    from caldav.davclient import DAVClient

    from tests.helpers.radicale_server import PASSWORD, USER, running_radicale

    env = app_env(
        {"QT_QPA_PLATFORM": "offscreen", "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
        drop=("FOLLOWTHROUGH_RESOURCES", "PYTHONPATH"),
    )
    data = tmp_path / "data"
    app = str(executable(bundle))
    demo = subprocess.run([app, "--data-dir", str(data), "demo", "--count", "5"], env=env)
    assert demo.returncode == 0
    with running_radicale(tmp_path / "radicale") as server:
        DAVClient(url=server.url, username=USER, password=PASSWORD).principal().make_calendar(
            name="Jobs", cal_id="jobs"
        )
        settings = (
            "import sys; from pathlib import Path;"
            "from followthrough.domain.clock import SystemClock;"
            "from followthrough.store.database import open_database;"
            "from followthrough.store import settings as o;"
            "d = open_database(Path(sys.argv[1]), SystemClock());"
            "o.put_all({o.CALENDAR_SERVER: sys.argv[2], o.CALENDAR_USER: sys.argv[3],"
            " o.CALENDAR_NAME: 'Jobs', o.CALENDAR_SENDING: True}); d.close()"
        )
        subprocess.run(
            [sys.executable, "-c", settings, str(data), server.url, USER],
            env=app_env({"PYTHONPATH": str(REPO / "desktop")}),
            check=True,
        )

        def push(*extra: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [app, "--data-dir", str(data), "calendar-push", "--password-stdin", *extra],
                input=f"{PASSWORD}\n",
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )

        first = push()
        assert first.returncode == 0 and "sent." in first.stdout, first.stderr
        assert "Nothing new to send" in push().stdout
        https = push("--test", "--server", server.url.replace("http:", "https:"))
        assert https.returncode == 7 and "secure connection" in https.stderr, https.stderr


def test_desktop_file_has_the_required_keys() -> None:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Follow-Through"
    assert entry["Comment"]
    assert entry["Exec"] == "followthrough"
    assert entry["Icon"] == "followthrough"
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "followthrough"
    categories = entry["Categories"]
    assert categories.endswith(";")
    assert {"Office", "ProjectManagement"} <= set(categories.split(";"))
    # The icon it names is the one the app and the installer ship.
    assert (REPO / "resources" / "icons" / f"{entry['Icon']}.svg").is_file()


def test_metainfo_names_the_desktop_file() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == "io.github.followthrough.FollowThrough"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert root.findtext("metadata_license")
    assert root.findtext("name") == "Follow-Through"
    assert (root.findtext("summary") or "").strip()
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_FILE.name
    assert root.findtext("provides/binary") == "followthrough"
    releases = root.findall("releases/release")
    assert releases, "no release listed"
    assert releases[0].get("version") == __version__, "metainfo's newest release is not this one"


def test_installer_and_build_scripts_are_valid_bash() -> None:
    for script in (
        PACKAGING / "linux" / "install-from-source.sh",
        PACKAGING / "linux" / "build-deb.sh",
        PACKAGING / "build-bundle.sh",
    ):
        result = subprocess.run(
            ["bash", "-n", str(script)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
