"""Pictures of the intercommunality's two-way use: `python scripts/screenshots_territory.py [DIR]`
(default `docs/screenshots/`).

Under Xvfb, once at 1024 × 768 and once at 1366 × 768: the territory's products and shared
dossiers (with the evolution since the previous import), a mutualisation group listing
each town once, the assessment of one town opened from the territory (read-only, with the
answers taken from a dossier marked), the new-assessment dialog with a dossier chosen, a
file of a town of another intercommunality waiting for a choice, and the assessments absent
from the latest files.
"""

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def shared(path: Path, out: Path) -> Path:
    from evalir_desktop.sharing.pipeline import share
    from evalir_desktop.store import Store

    with Store.open(path) as store:
        return share(store, out).path


def name_the_products(towns: list[Path]) -> None:
    """Give each tool the name a town would write (« Docaposte — Agent d'accueil »)."""
    from evalir_desktop.domain.answers import Answer
    from evalir_desktop.store import Store

    for path in towns:
        with Store.open(path) as store:
            for record in store.assessments.all():
                if record.supplier and not store.plan.is_frozen(record.id):
                    name = f"{record.supplier} — {record.title}"
                    store.answers.save(record.id, "contexte.fournisseur_nom", Answer(value=name))


def prepare(work: Path, content) -> dict:
    """Eight towns; one writes the dossier of its chatbot, another starts from it; later a
    town adds a project and trashes another; a town of another EPCI sends its file."""
    from evalir_desktop.domain.commune import Commune
    from evalir_desktop.product.dossier import read_dossier
    from evalir_desktop.product.starting import start_from_dossier
    from evalir_desktop.store import Store
    from evalir_desktop.territory.dossiers import write_product_dossier
    from tests.synthetic import generate_towns

    towns = generate_towns(work / "communes", 8, assessments=2, seed=3)
    name_the_products(towns)
    with Store.open(towns[0]) as store:
        source = max(
            store.assessments.all(),
            key=lambda r: (bool(r.supplier), not store.plan.is_frozen(r.id)),
        )
        dossier_path, _ = write_product_dossier(store, content, source.id, work)
    with Store.open(towns[1]) as store:
        started = start_from_dossier(store, content, read_dossier(dossier_path))
    first = [shared(path, work / "envoi 1" / path.name) for path in towns]
    with Store.open(towns[2]) as store:
        store.assessments.create(
            "Transcription des conseils municipaux",
            content_id=content.id,
            content_version=content.version,
            supplier="Ubiqus",
            ai_type="voix",
        )
        store.assessments.delete(store.assessments.all()[-1].id)
    stranger = work / "autre epci.evalir"
    with Store.create(stranger) as store:
        store.town.save_commune(
            Commune(nom="Feurs", insee="42094", epci_nom="Forez-Est", epci_siren="200065647")
        )
        store.assessments.create("Chatbot", content_id=content.id, content_version=content.version)
    second = [shared(towns[2], work / "envoi 2" / towns[2].name), stranger]
    return {"first": first, "second": second, "dossier": dossier_path, "reused": started}


def tab(window, title: str) -> None:
    titles = [window.tabs.tabText(index) for index in range(window.tabs.count())]
    window.tabs.setCurrentIndex(next(i for i, t in enumerate(titles) if t.startswith(title)))


def capture(out: Path, suffix: str) -> None:
    from evalir_desktop.content import load_content
    from evalir_desktop.ui.dialogs.new_assessment import NewAssessmentDialog
    from evalir_desktop.ui.territory.window import TerritoryWindow
    from scripts.screenshots import Camera, captured_application

    work = Path(tempfile.mkdtemp(prefix="evalir-captures-"))
    app = captured_application(work)
    camera = Camera(app, out, suffix)
    content = load_content()
    files = prepare(work, content)

    territory = TerritoryWindow(work / "Territoire.evalir", content)
    territory.show()
    for batch in (files["first"], files["second"]):
        territory.start(batch)
        while territory.busy:
            camera.settle()
    tab(territory, "Produits")
    shared_row = next(i for i, row in enumerate(territory.view.products) if row.has_dossier)
    territory.products_tab.table.selectRow(shared_row)
    camera.shot(territory, "territoire-produits")
    tab(territory, "Mutualisation")
    tree = territory.groups_tree
    group = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if any(len(m.projects) > 1 for m in territory.view.opportunities[i].members)
    )
    group.setExpanded(True)
    tree.setCurrentItem(group)
    camera.shot(territory, "territoire-mutualisation")
    tab(territory, "Conflits")
    camera.shot(territory, "territoire-autre-epci")
    tab(territory, "Absentes")
    territory.absent_tab.table.selectRow(0)
    camera.shot(territory, "territoire-absentes")

    town = territory.drill.open_assessment(files["reused"].record.id)
    town.view.go_to_step("contexte")
    page = town.view.step_pages["contexte"]
    camera.settle()
    page.verticalScrollBar().setValue(page.cards["contexte.systeme_ia"].y() - 8)
    camera.shot(town, "territoire-evaluation-ouverte")
    town.close()
    territory.close()

    dialog = NewAssessmentDialog(content)
    dialog.show()
    dialog.use_dossier_file(files["dossier"])
    camera.shot(dialog, "nouvelle-evaluation-dossier")
    dialog.close()
    shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    from scripts.screenshots import run_script

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    return run_script(__file__, capture, lambda width: out)


if __name__ == "__main__":
    sys.exit(main())
