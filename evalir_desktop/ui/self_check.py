"""Installation self-check (`evalir-desktop --verifier-installation`): the Qt parts in use.

For the smoke test of the bundle and for a town hall's IT support: French translations,
image formats, icon, printing to PDF, PDF preview, assessment content and licences.
"""

import contextlib
import logging
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtSvg import QSvgRenderer

from evalir_desktop.about import components, content_version
from evalir_desktop.french import counted
from evalir_desktop.resources import resource_path
from evalir_desktop.ui.icons import application_icon

log = logging.getLogger("evalir")
IMAGE_FORMATS = {"png", "jpeg", "svg", "ico"}
FAILED = "ÉCHEC : "
QT_PROBLEMS = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)


class CheckFailed(Exception):
    """A part of the installation is missing or broken (message in French)."""


def require(condition: object, message: str) -> None:
    """Fail the check unless `condition` holds (not `assert`: bundles run with -O)."""
    if not condition:
        raise CheckFailed(message)


@contextlib.contextmanager
def qt_warnings() -> Iterator[list[str]]:
    """Collect Qt's warnings meanwhile: a missing plugin often shows only there."""
    collected: list[str] = []
    previous = None

    def handler(kind, context, message: str) -> None:
        if kind in QT_PROBLEMS:
            collected.append(message)
        if previous is not None:
            previous(kind, context, message)

    previous = qInstallMessageHandler(handler)
    try:
        yield collected
    finally:
        qInstallMessageHandler(previous)


def check_translations() -> str:
    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    require(cancel == "Annuler", f"« Cancel » traduit par « {cancel} »")
    return "boutons de Qt en français"


def check_image_formats() -> str:
    found = {bytes(name).decode() for name in QImageReader.supportedImageFormats()}
    missing = IMAGE_FORMATS - found
    require(not missing, f"formats absents : {', '.join(sorted(missing))}")
    return ", ".join(sorted(IMAGE_FORMATS))


def check_icon_and_svg() -> str:
    icon = application_icon()
    require(not icon.isNull() and not icon.pixmap(32, 32).isNull(), "icône illisible")
    svg = QSvgRenderer(str(resource_path("icons", "evalir.svg")))  # as the radar chart
    require(svg.isValid(), "dessin SVG illisible")
    image = QImage(64, 64, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    svg.render(painter)
    painter.end()
    require(image.pixelColor(32, 32).alpha() == 255, "dessin SVG vide")
    return "icône du programme et dessins SVG"


def check_print_and_preview(folder: Path) -> str:
    """Print a page to a PDF file with Qt, then open and draw it as the preview does."""
    path = folder / "epreuve.pdf"
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(path))
    painter = QPainter()
    require(painter.begin(printer), "impression vers un fichier PDF impossible")
    font = painter.font()
    font.setPointSize(48)
    painter.setFont(font)
    painter.drawText(printer.pageRect(QPrinter.DevicePixel), Qt.AlignCenter, "Épreuve EVALIR")
    painter.end()
    document = QPdfDocument()
    status = document.load(str(path))
    require(status == QPdfDocument.Error.None_, f"aperçu PDF : erreur {status}")
    require(
        document.pageCount() == 1,
        f"{counted(document.pageCount(), 'page', 'pages')} au lieu d'une",
    )
    image = document.render(0, QSize(210, 297))
    white = QColor(Qt.white)
    inked = sum(image.pixelColor(x, y) != white for x in range(0, 210, 3) for y in range(0, 297, 3))
    require(inked > 0, "la page affichée est blanche")
    view = QPdfView()
    view.setDocument(document)
    return "impression en PDF et aperçu"


def check_content() -> str:
    version = content_version()
    require(version is not None, "contenu d'évaluation introuvable")
    return f"contenu d'évaluation {version}"


def check_licences() -> str:
    items = components()
    missing = [path.name for item in items for path in item.texts if not path.is_file()]
    require(items and not missing, f"textes de licence absents : {', '.join(missing)}")
    return f"{len(items)} composants et leurs licences"


def run_check(check: Callable[[], str]) -> str:
    """Run one check; its line: "ok : " and what was verified, or the failure's reason."""
    with qt_warnings() as warnings:
        try:
            verified = check()
        except Exception as error:  # report every failure, whatever its kind
            return f"{FAILED}{error}"
    if warnings:
        return f"{FAILED}{verified} : message de Qt : {' ; '.join(warnings)}"
    return f"ok : {verified}"


def print_and_log(line: str) -> None:
    print(line)  # nothing is shown by a windowed Windows executable: the log keeps it
    log.info("Self-check: %s", line)


def run_self_check(say: Callable[[str], None] = print_and_log) -> int:
    """Run every check, report each one in French; 0 if all pass, 1 otherwise."""
    failures = 0
    with tempfile.TemporaryDirectory(prefix="evalir-verification-") as folder:
        checks = [
            check_translations,
            check_image_formats,
            check_icon_and_svg,
            lambda: check_print_and_preview(Path(folder)),
            check_content,
            check_licences,
        ]
        for check in checks:
            line = run_check(check)
            failures += line.startswith(FAILED)
            say(line)
    say(
        "Installation vérifiée."
        if not failures
        else f"{counted(failures, 'vérification', 'vérifications')} en échec."
    )
    return 1 if failures else 0
