"""Render the application icon SVG to PNG sizes and a Windows .ico (build-time tool).

Run from the repository root after editing `resources/icons/evalir.svg`:

    QT_QPA_PLATFORM=offscreen python packaging/render_icons.py

The PNGs and the .ico are committed; the bundle and the installers use them as they are.
"""

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "evalir.svg"
SMALL_SVG = ICONS / "evalir-small.svg"  # hand-tuned shapes for tiny sizes
SMALL_SIZES = (16, 24)
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICONS / f"evalir-{size}.png"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setRenderHint(QPainter.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG-compressed images (Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, payload = b"", b""
    offset = len(header) + 16 * len(images)
    for size, data in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack(
            "<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(payload)
        )
        payload += data
    return header + entries + payload


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderers = {svg: QSvgRenderer(str(svg)) for svg in (SVG, SMALL_SVG)}
    for svg, renderer in renderers.items():
        if not renderer.isValid():
            print(f"invalid SVG: {svg}", file=sys.stderr)
            return 1
    rendered = {
        size: png_bytes(render(renderers[SMALL_SVG if size in SMALL_SIZES else SVG], size))
        for size in PNG_SIZES
    }
    for size, data in rendered.items():
        png_path(size).write_bytes(data)
    (ICONS / "evalir.ico").write_bytes(ico_bytes({s: rendered[s] for s in ICO_SIZES}))
    del app
    print(f"wrote {len(PNG_SIZES)} PNG files and evalir.ico in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
