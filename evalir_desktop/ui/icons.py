"""The application icon, built from the SVG and the rendered PNG sizes."""

from PySide6.QtGui import QIcon

from evalir_desktop.resources import resource_path

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def application_icon() -> QIcon:
    icon = QIcon()
    for size in PNG_SIZES:
        path = resource_path("icons", f"evalir-{size}.png")
        if path.exists():
            icon.addFile(str(path))
    return icon
