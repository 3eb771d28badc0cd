"""What the application needs before its first widget, wherever it is created (the
program, the screenshot scripts, the fit test's driver)."""

from PySide6.QtWidgets import QApplication

from evalir_desktop.ui.translations import install_translators
from evalir_desktop.ui.widgets.accent_room import make_room_for_accents


def prepare_application(app: QApplication) -> list[str]:
    """French everywhere (Qt's catalogues and ours) and tabs with room for accents; return
    the catalogues loaded."""
    loaded = install_translators(app)
    make_room_for_accents(app)
    return loaded
