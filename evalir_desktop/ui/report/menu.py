"""The "Rapport" menu of the main window; the report window itself loads on first use."""

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from evalir_desktop.session.titles import with_versions


def choose_assessment(window) -> str | None:
    """The assessment on screen, else the only one, else the one the agent picks."""
    store = getattr(window, "store", None)
    if store is None:
        QMessageBox.information(
            window, window.tr("Rapport"), window.tr("Ouvrez d'abord un fichier EVALIR.")
        )
        return None
    current = getattr(window, "current_assessment_id", None)
    if callable(current) and current():
        return current()
    records = store.assessments.all()
    if not records:
        QMessageBox.information(
            window,
            window.tr("Rapport"),
            window.tr("Ce fichier ne contient encore aucune évaluation."),
        )
        return None
    if len(records) == 1:
        return records[0].id
    names = with_versions(records)
    titles = [names[record.id] for record in records]
    title, accepted = QInputDialog.getItem(
        window, window.tr("Rapport"), window.tr("Évaluation :"), titles, 0, False
    )
    return records[titles.index(title)].id if accepted else None


def _fill(window, menu: QMenu, entries) -> None:
    for kind, label, shortcut in entries:
        action = QAction(label, window)
        if shortcut is not None:
            action.setShortcuts(shortcut)
        action.triggered.connect(lambda _=False, k=kind: _open_from_menu(window, k))
        menu.addAction(action)


def install_report_menu(window) -> QMenu:
    """Fill the window's "Rapport" menu (creating it if the window has none), and add the
    "Documents pour les habitants" menu beside it."""
    menu = getattr(window, "report_menu", None)
    if menu is None:
        menu = window.menuBar().addMenu(window.tr("&Rapport"))
        window.report_menu = menu
    menu.menuAction().setVisible(True)
    _fill(
        window,
        menu,
        (
            ("complet", window.tr("&Rapport complet, aperçu et impression…"), QKeySequence.Print),
            ("synthese", window.tr("&Synthèse pour les élus…"), None),
            ("plan", window.tr("&Plan d'action…"), None),
            ("deliberation", window.tr("Projet de &délibération…"), None),
            ("fournisseur", window.tr("&Questionnaire au fournisseur…"), None),
        ),
    )
    inhabitants = getattr(window, "inhabitants_menu", None)
    if inhabitants is None:
        inhabitants = QMenu(window.tr("Documents pour les &habitants"), window)
        bar = window.menuBar()
        actions = bar.actions()
        after = actions.index(menu.menuAction()) + 1  # just right of "Rapport"
        if after < len(actions):
            bar.insertMenu(actions[after], inhabitants)
        else:
            bar.addMenu(inhabitants)
        window.inhabitants_menu = inhabitants
    _fill(
        window,
        inhabitants,
        (
            ("mention", window.tr("&Mention explicite sur les décisions…"), None),
            ("lettre", window.tr("&Lettre d'explication à un habitant…"), None),
            ("formulaire", window.tr("&Formulaire de demande (accueil, site internet)…"), None),
        ),
    )
    return menu


def choose_assessment_and_content(window):
    """The assessment to work on and the content, or None (refused, or the content could
    not be read: the agent is told why)."""
    assessment_id = choose_assessment(window)
    if not assessment_id:
        return None
    content = window.content_or_warn()
    return None if content is None else (assessment_id, content)


def _open_from_menu(window, kind: str) -> None:
    chosen = choose_assessment_and_content(window)
    if chosen is None:
        return
    from evalir_desktop.ui.report.dialog import open_report_dialog  # QtPdf only when used

    assessment_id, content = chosen
    open_report_dialog(window, window.store, content, assessment_id, kind)
