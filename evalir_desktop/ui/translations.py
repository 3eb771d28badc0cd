"""Load Qt's own French translations (dialogs, standard buttons), ours if compiled, and the
translator that gives every string of the window its French plural and spacing."""

import logging
from pathlib import Path

import PySide6
from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from evalir_desktop.french import spaced
from evalir_desktop.plurals import plural_form
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


class FrenchTranslator(QTranslator):
    """Asked first for every `tr()`: the right form for `n` (`tr(text, "", n)`, forms in
    `resources/i18n/evalir_fr.ts`) and French spacing (narrow no-break space before : ; !
    ? and inside « »). Strings it leaves as they are go on to Qt's own catalogues."""

    def translate(self, context, source, disambiguation=None, n=-1):
        text = plural_form(source, n) if n >= 0 else source
        text = spaced(text)
        return text if text != source else None  # None: not ours, ask the next one

    def isEmpty(self) -> bool:
        return False


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
    app.installTranslator(FrenchTranslator(app))  # installed last: asked first
    loaded.append("evalir_fr.ts")
    return loaded
