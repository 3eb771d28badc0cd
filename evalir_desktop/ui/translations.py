"""Load Qt's own French translations (standard buttons) and ours if compiled."""

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from evalir_desktop.resources import resource_path


def install_translators(app: QApplication) -> None:
    QLocale.setDefault(QLocale(QLocale.French, QLocale.France))
    qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    for name, folder in (("qtbase_fr", qt_dir), ("evalir_fr", str(resource_path("i18n")))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
