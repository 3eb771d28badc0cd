"""The application icon: SVG sources, rendered PNG sizes and the Windows .ico."""

import importlib.util
import struct

import pytest
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from evalir_desktop.resources import resource_path
from evalir_desktop.ui.icons import PNG_SIZES, application_icon
from tests.packaging.conftest import PACKAGING

ICONS = resource_path("icons")


@pytest.mark.parametrize("name", ["evalir.svg", "evalir-small.svg"])
def test_svg_sources_are_valid(name):
    assert QSvgRenderer(str(ICONS / name)).isValid()


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_has_its_size_and_a_transparent_corner(size):
    image = QImage(str(ICONS / f"evalir-{size}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.pixelColor(0, 0).alpha() < 32  # rounded, transparent corner
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_ico_holds_every_windows_size_as_png():
    data = (ICONS / "evalir.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _, _, _, _, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        image = QImage.fromData(data[offset : offset + length], "PNG")
        side = width or 256
        assert (image.width(), image.height()) == (side, height or 256)
        sizes.append(side)
    assert sorted(sizes) == [16, 24, 32, 48, 64, 128, 256]


def test_application_icon_offers_every_size(qapp):
    sizes = {(size.width(), size.height()) for size in application_icon().availableSizes()}
    assert sizes == {(size, size) for size in PNG_SIZES}


def load_renderer():
    spec = importlib.util.spec_from_file_location("render_icons", PACKAGING / "render_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("size", [16, 64, 256])
def test_committed_png_matches_its_svg(size, qapp):
    """Re-run packaging/render_icons.py after editing an SVG; this catches a stale PNG."""
    render_icons = load_renderer()
    svg = render_icons.SMALL_SVG if size in render_icons.SMALL_SIZES else render_icons.SVG
    fresh = render_icons.render(QSvgRenderer(str(svg)), size)
    committed = QImage(str(ICONS / f"evalir-{size}.png")).convertToFormat(fresh.format())
    difference = sum(
        abs(a - b)
        for a, b in zip(
            bytes(fresh.constBits())[: fresh.sizeInBytes()],
            bytes(committed.constBits())[: committed.sizeInBytes()],
            strict=True,
        )
    )
    assert difference / fresh.sizeInBytes() < 2  # mean per channel, out of 255
