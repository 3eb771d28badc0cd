"""Load Qt's own French translations (dialogs, standard buttons) and ours if compiled."""

import logging
from pathlib import Path

import PySide6
from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from evalir_desktop.resources import resource_path

log = logging.getLogger("evalir")
# qtbase holds the strings of every Qt module we use (Core, Gui, Widgets, PrintSupport);
# QtPdf's widgets have no text of their own.
QT_CATALOGS = ("qtbase_fr",)


def qt_translation_folders() -> list[str]:
    """Where Qt's .qm files may be: Qt's own path, then PySide6's folders (bundles)."""
    package = Path(PySide6.__file__).parent
    return [
        QLibraryInfo.path(QLibraryInfo.TranslationsPath),
        str(package / "Qt" / "translations"),
        str(package / "translations"),
    ]


def install_translators(app: QApplication) -> list[str]:
    """Install the French catalogues found; return their names (the self-check reads it)."""
    QLocale.setDefault(QLocale(QLocale.French, QLocale.France))
    wanted = [(name, qt_translation_folders()) for name in QT_CATALOGS]
    wanted.append(("evalir_fr", [str(resource_path("i18n"))]))
    loaded = []
    for name, folders in wanted:
        translator = QTranslator(app)
        if any(translator.load(name, folder) for folder in folders):
            app.installTranslator(translator)
            loaded.append(name)
        elif name in QT_CATALOGS:
            log.warning("Qt's French translations %s not found in %s", name, folders)
    return loaded
