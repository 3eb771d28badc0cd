"""The Aide menu of the main window: guide, example, shortcuts, problem report, about."""

import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from evalir_desktop.paths import DEFAULT_FOLDER_NAME, EXAMPLE_FILE_NAME, log_file

log = logging.getLogger("evalir")


def install_help_menu(window) -> None:
    menu = window.menuBar().addMenu(window.tr("&Aide"))
    guide = QAction(window.tr("&Guide d'utilisation"), window)
    guide.setShortcuts(QKeySequence.HelpContents)
    guide.triggered.connect(lambda: show_guide(window))
    example = QAction(window.tr("Ouvrir l'&exemple d'évaluation terminée"), window)
    example.triggered.connect(lambda: open_example(window))
    keys = QAction(window.tr("&Raccourcis clavier"), window)
    keys.triggered.connect(lambda: show_shortcuts(window))
    report = QAction(window.tr("&Signaler un problème…"), window)
    report.triggered.connect(lambda: report_problem(window))
    about = QAction(window.tr("À &propos d'EVALIR Desktop…"), window)
    about.setMenuRole(QAction.AboutRole)
    about.triggered.connect(window.show_about)
    window.method_action = QAction(window.tr("&Méthode d'évaluation (PDF à imprimer)…"), window)
    window.method_action.triggered.connect(window.save_method)
    for action in (guide, example, keys, window.method_action):
        menu.addAction(action)
    menu.addSeparator()
    menu.addAction(report)
    menu.addAction(about)


def show_guide(window, page_id: str | None = None) -> None:
    from evalir_desktop.ui.help.guide_dialog import GuideDialog

    GuideDialog(window, page_id).exec()


def show_shortcuts(window) -> None:
    from evalir_desktop.ui.help.shortcuts import ShortcutsDialog

    ShortcutsDialog(window).exec()


def data_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.AppLocalDataLocation))


def open_example(window) -> bool:
    """Write the shipped example anew and open it read-only, for the agent to look at."""
    from evalir_desktop.example import write_example  # the store: not at start-up

    content = window.content_or_warn()
    if content is None:
        return False
    try:
        path = write_example(data_folder() / "exemple", content)
    except OSError as error:
        log.warning("Example not written: %s", error)
        window.warn(window.tr("L'exemple n'a pas pu être préparé (%s).") % error)
        return False
    if window.store is not None and window.store.path != path:
        window.file_before_example = window.store.path
    return window.open_path(path, readonly=True)


def is_example(path: Path) -> bool:
    return path.name == EXAMPLE_FILE_NAME


def example_banner(window) -> QWidget:
    """Says the example is read-only and imaginary; leads back to the agent's own file."""
    banner = QWidget()
    banner.setObjectName("example_banner")
    banner.setStyleSheet("#example_banner { background: #fff3cd; }")
    text = window.tr(
        "Exemple d'évaluation terminée, d'une commune imaginaire : vous pouvez tout consulter "
        "et imprimer, rien n'y est modifiable. Vos propres fichiers ne sont pas touchés."
    )
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #5c4400; padding: 6px;")
    label.setAccessibleName(text)
    window.back_to_file_button = QPushButton(window.tr("Revenir à mon fichier"))
    window.back_to_file_button.setVisible(window.file_before_example is not None)
    window.back_to_file_button.clicked.connect(lambda: window.open_path(window.file_before_example))
    row = QHBoxLayout(banner)
    row.setContentsMargins(0, 0, 6, 0)
    row.addWidget(label, 1)
    row.addWidget(window.back_to_file_button)
    return banner


def versions() -> dict[str, str]:
    from importlib import metadata

    import PySide6
    from PySide6.QtCore import qVersion

    from evalir_desktop.about import content_version

    found = {"Qt": qVersion(), "PySide6": PySide6.__version__}
    for name in ("reportlab", "pydantic"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "?"
    found["Questionnaire"] = content_version() or "?"
    return found


def report_problem(window) -> Path | None:
    """Write the diagnostic next to the town files and tell the agent where it is."""
    from evalir_desktop.diagnostic import write_diagnostic

    documents = Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation))
    try:
        path = write_diagnostic(
            documents / DEFAULT_FOLDER_NAME, versions(), log_file(data_folder())
        )
    except OSError as error:
        window.warn(window.tr("Le diagnostic n'a pas pu être écrit (%s).") % error)
        return None
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Information)
    box.setWindowTitle(window.tr("Signaler un problème"))
    box.setText(
        window.tr(
            "Le fichier de diagnostic « %s » a été créé. Joignez-le à votre courriel en "
            "décrivant ce que vous faisiez quand le problème est survenu. Il contient les "
            "versions du programme et les derniers messages techniques, sans nom ni "
            "réponse de vos évaluations."
        )
        % path.name
    )
    box.setInformativeText(str(path.parent))
    folder_button = box.addButton(window.tr("Ouvrir le dossier"), QMessageBox.ActionRole)
    box.addButton(QMessageBox.Close)
    box.exec()
    if box.clickedButton() is folder_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
    return path
