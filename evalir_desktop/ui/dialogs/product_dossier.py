"""Write a shared product dossier from one assessment, asking where to put it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from evalir_desktop.french import counted
from evalir_desktop.output_guard import OutputRefused
from evalir_desktop.product.building import build_dossier, default_dossier_name
from evalir_desktop.product.dossier import FILE_FILTER, SUFFIX, ProductDossier, write_dossier
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.store import StoreError
from evalir_desktop.store.errors import describe
from evalir_desktop.ui.widgets.save_target import ask_save_target, refuse


def save_dossier_as(parent, store, content, assessment_id: str):
    """Build the dossier, ask for its file name, write it; None when cancelled or refused.

    Returns (path, dossier). Refusals (nothing about the tool yet, unwritable folder) are
    said in a message box.
    """
    title = parent.tr("Dossier de produit partagé")
    try:
        dossier = build_dossier(AssessmentSession(store, content, assessment_id))
    except StoreError as error:
        QMessageBox.information(parent, title, str(error))
        return None
    target = ask_save_target(
        parent,
        title,
        default_dossier_name(dossier),
        parent.tr(FILE_FILTER),
        SUFFIX,
        sources=[store.path],
        creates=SUFFIX,
    )
    if target is None:
        return None
    return write_and_tell(parent, dossier, target.path, sources=[store.path])


def write_and_tell(parent, dossier: ProductDossier, path: Path, sources=()):
    """Write the dossier to `path` and say what it holds, or why it was not written."""
    try:
        written = write_dossier(dossier, path, sources=sources)
    except OutputRefused as error:
        refuse(parent, error)
        return None
    except OSError as error:
        QMessageBox.warning(parent, parent.tr("Dossier de produit partagé"), not_written(error))
        return None
    tell_written(parent, dossier, written)
    return written, dossier


def not_written(error: OSError) -> str:
    return (
        f"Le dossier n'a pas pu être écrit ({describe(error)})\u202f: choisissez un autre "
        "dossier, sur un support où il reste de la place."
    )


def tell_written(parent, dossier: ProductDossier, written: Path) -> None:
    """Say where the dossier is, what it holds and what to do with it."""
    title = parent.tr("Dossier de produit partagé")
    QMessageBox.information(
        parent,
        title,
        parent.tr(
            "Dossier écrit\u202f: %s\n\nIl contient %s sur l'outil « %s », et aucune "
            "réponse propre à la commune (besoin, organisation, agents, décision). Envoyez-le "
            "aux communes qui utilisent le même outil\u202f: elles le reprennent avec "
            "« Nouvelle évaluation », puis « Partir d'un dossier de produit partagé »."
        )
        % (written, counted(len(dossier.answers), "réponse", "réponses"), dossier.product.name),
    )
