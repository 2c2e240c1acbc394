"""Render resources/icons/followthrough.svg into the per-platform icon files.

    .venv/bin/python packaging/render_icons.py

writes resources/icons/followthrough-N.png (the window's and the tray's icon: a bitmap
spares every session Qt's SVG library, about 1.2 MB of memory), packaging/linux/
followthrough.png (256 px, for menus that want a bitmap),
packaging/windows/followthrough.ico and packaging/macos/followthrough.icns (both hold PNG
images, which every supported Windows and macOS version reads). The spec picks the .ico and
.icns up when they exist. Only Qt is needed, no image tools.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

PACKAGING = Path(__file__).resolve().parent
SOURCE = PACKAGING.parent / "resources" / "icons" / "followthrough.svg"

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The running app's icon (desktop/followthrough/resources.py, app_icon_files).
APP_ICON_SIZES = ICO_SIZES
# ICNS element types holding PNG data, by pixel size.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise RuntimeError(f"could not encode a {size} px PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def ico_file(images: dict[int, bytes]) -> bytes:
    """An ICO container: ICONDIR, one ICONDIRENTRY per image, then the PNG data."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = [], []
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset))
        blobs.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(blobs)


def icns_file(images: dict[bytes, bytes]) -> bytes:
    """An ICNS container: 'icns', total length, then (type, length, PNG data) elements."""
    body = b"".join(kind + struct.pack(">I", 8 + len(png)) + png for kind, png in images.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    cache: dict[int, bytes] = {}

    def png(size: int) -> bytes:
        if size not in cache:
            cache[size] = render_png(renderer, size)
        return cache[size]

    outputs = {
        **{SOURCE.with_name(f"followthrough-{size}.png"): png(size) for size in APP_ICON_SIZES},
        PACKAGING / "linux" / "followthrough.png": png(256),
        PACKAGING / "windows" / "followthrough.ico": ico_file({s: png(s) for s in ICO_SIZES}),
        PACKAGING / "macos" / "followthrough.icns": icns_file(
            {kind: png(size) for kind, size in ICNS_TYPES}
        ),
    }
    for path, data in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{path.relative_to(PACKAGING.parent)}: {len(data):,} bytes")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
