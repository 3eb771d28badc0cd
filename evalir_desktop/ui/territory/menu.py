"""The « Intercommunalité » menu of the main window: share the file, open a territory."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

FILE_FILTER = "Fichiers EVALIR (*.evalir)"


def install_territory_menu(window) -> QMenu:
    """Add the menu; the window keeps the territory windows it opens in `territory_windows`."""
    window.territory_windows = []
    menu = window.menuBar().addMenu(window.tr("&Intercommunalité"))
    share = menu.addAction(window.tr("&Envoyer à l'intercommunalité…"))
    share.triggered.connect(lambda: open_share_dialog(window))
    dossier = menu.addAction(window.tr("Écrire un &dossier de produit partagé…"))
    dossier.setToolTip(
        window.tr("Les réponses qui décrivent l'outil, pour les autres communes qui l'utilisent")
    )
    dossier.triggered.connect(lambda: write_product_dossier(window))
    menu.addSeparator()
    new = menu.addAction(window.tr("&Nouveau fichier de territoire…"))
    new.triggered.connect(lambda: ask_territory(window, create=True))
    existing = menu.addAction(window.tr("&Ouvrir un fichier de territoire…"))
    existing.triggered.connect(lambda: ask_territory(window, create=False))
    window.territory_menu = menu
    return menu


def open_share_dialog(window) -> None:
    store = getattr(window, "store", None)
    if store is None or store.role != "commune":
        QMessageBox.information(
            window,
            window.tr("Envoyer à l'intercommunalité"),
            window.tr("Ouvrez d'abord le fichier de la commune."),
        )
        return
    from evalir_desktop.ui.territory.share_dialog import ShareDialog

    ShareDialog(store, window, content=getattr(window, "content", None)).exec()


def write_product_dossier(window) -> None:
    """Write the product dossier of the assessment on screen (or the one chosen)."""
    from evalir_desktop.ui.report.menu import choose_assessment_and_content

    chosen = choose_assessment_and_content(window)
    if chosen is None:
        return
    from evalir_desktop.ui.dialogs.product_dossier import save_dossier_as

    assessment_id, content = chosen
    save_dossier_as(window, window.store, content, assessment_id)


def ask_territory(window, create: bool) -> None:
    if create:
        name, _ = QFileDialog.getSaveFileName(
            window, window.tr("Nouveau fichier de territoire"), "", window.tr(FILE_FILTER)
        )
    else:
        name, _ = QFileDialog.getOpenFileName(
            window, window.tr("Ouvrir un fichier de territoire"), "", window.tr(FILE_FILTER)
        )
    if name:
        path = Path(name) if name.endswith(".evalir") else Path(name + ".evalir")
        open_territory_window(window, path)


def is_territory(path: Path) -> bool:
    """Whether an existing file is a territory file (read-only look at its role)."""
    from evalir_desktop.store import Store, StoreError

    try:
        with Store.open(path, readonly=True) as store:
            return store.role == "territory"
    except StoreError:
        return False


def open_territory_window(window, path: Path):
    """Show the territory window of `path` (a new path becomes a territory at first import)."""
    if path.exists() and not is_territory(path):
        QMessageBox.warning(
            window,
            window.tr("Territoire"),
            window.tr(
                "« %s » n'est pas un fichier de territoire. Pour rassembler les fichiers des "
                "communes, créez un nouveau fichier de territoire."
            )
            % path.name,
        )
        return None
    from evalir_desktop.ui.territory.window import TerritoryWindow

    territory = TerritoryWindow(path)
    window.territory_windows.append(territory)
    territory.show()
    return territory
