"""Write a product dossier from a town or territory file; a territory remembers it."""

from __future__ import annotations

from pathlib import Path

from evalir_desktop.content import Content
from evalir_desktop.product.building import build_dossier, dossier_destination
from evalir_desktop.product.dossier import ProductDossier, write_dossier
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.store import Store
from evalir_desktop.territory.products import product_key


def write_product_dossier(
    store: Store,
    content: Content,
    assessment_id: str,
    destination: str | Path,
    *,
    replace: bool = False,
) -> tuple[Path, ProductDossier]:
    """Build the dossier of one assessment and write it to `destination` (file or folder).

    Written from a territory file open for writing, the dossier is recorded in it, so that
    the territory's list of products says that a shared dossier exists.
    """
    session = AssessmentSession(store, content, assessment_id)
    dossier = build_dossier(session)
    target = dossier_destination(dossier, destination)
    path = write_dossier(dossier, target, sources=[store.path], replace=replace)
    key = product_key(session.record)
    if store.role == "territory" and not store.readonly and key:
        store.dossiers.record(key, assessment_id, dossier.source.commune, path.name)
    return path, dossier
