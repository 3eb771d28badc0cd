"""Issue 11, point 3: an anonymised share keeps no name the file knows in any free text,
and the agent is shown, before the copy is written, what it sends and every free text."""

import sqlite3
import unicodedata

import pytest
from PySide6.QtCore import Qt

from evalir_desktop.cli import main as evalir
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.records import DecisionRecord
from evalir_desktop.sharing.anonymiser import REMOVED_NAME, Scrubber
from evalir_desktop.sharing.pipeline import share
from evalir_desktop.sharing.texts import preview_lines
from evalir_desktop.store import Store
from tests.territory.territory_helpers import AGENT, CONTACT, OWNER, VALIDATOR, make_town

AUTHOR = "Jeanne Dupont"  # appears only in the journal, as the author of a change
LOGIN = "rmoreau"  # a login name, as the window records it
# every part of every name, plain: none may be found anywhere in the copy
PARTS = ["helene", "lefevre", "benoit", "duchene", "zoe", "beranger", "mael", "crepin"]
PARTS += ["jeanne", "dupont", "rmoreau", "duchene@", "06 12 34 56 78", "0612345678"]


def plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def named_town(folder) -> dict:
    """A town whose every free text cites its people, in every usual variant."""
    town = make_town(folder / "Écotay l'Olme.evalir")
    with Store.open(town["path"], who=AGENT) as store:
        store.assessments.update(
            town["chatbot"],
            title="Accueil suivi par HÉLÈNE LEFÈVRE",
            description="Projet porté par Lefevre Helene avec M. Duchêne ; un petit budget",
            service="Service de Mme beranger",
            supplier="Conseil Crépin (Maël Crépin)",
        )
        store.answers.save(
            town["chatbot"],
            "gouvernance.validation",
            Answer(
                value="Validé par Zoé Béranger, adjointe",
                comment="Relu par h. lefèvre ; voir benoit.duchene@mairie-ecotay.fr ou "
                "06 12 34 56 78",
            ),
        )
        store.answers.save(
            town["chatbot"], "contexte.usagers", Answer(value="oui", comment="Dupont, Jeanne a vu")
        )
        store.plan.add_action(town["chatbot"], "Appeler Duchêne Benoît et Mme Dupont", owner="DGS")
        store.plan.save_decision(
            DecisionRecord(
                assessment_id=town["chatbot"],
                validated_by=VALIDATOR,
                validated_role="Adjointe (Zoé Béranger)",
                deliberation_number="2026-12 Crépin",
                text="Vote proposé par Maël Crépin sur l'avis de Lefèvre ; rmoreau a saisi",
            )
        )
    with Store.open(town["path"], who=AUTHOR) as store:
        store.answers.save(town["chatbot"], "contexte.public", Answer(value="non"))
    with Store.open(town["path"], who=LOGIN) as store:
        store.answers.save(town["chatbot"], "donnees.aipd", Answer(value="non", comment="Vu"))
    return town


def every_text(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return [
            v
            for t in tables
            for row in conn.execute(f"SELECT * FROM {t}")
            for v in row
            if isinstance(v, str)
        ]
    finally:
        conn.close()


@pytest.fixture
def anonymised(folder):
    town = named_town(folder)
    with Store.open(town["path"], readonly=True) as store:
        result = share(store, folder / "anonyme.evalir", anonymise=True)
    return town, result


def test_no_known_name_survives_anywhere_in_the_copy(anonymised):
    _town, result = anonymised
    texts = [plain(text) for text in every_text(result.path)]
    for part in PARTS:
        assert not [text for text in texts if part in text], part
    raw = plain(result.path.read_bytes().decode("utf-8", errors="ignore"))
    for part in PARTS:
        assert part not in raw, part  # nothing in free pages either


def test_what_is_not_a_name_is_kept(anonymised):
    town, result = anonymised
    with Store.open(result.path, readonly=True) as copy:
        record = copy.assessments.get(town["chatbot"])
        assert record.title == f"Accueil suivi par {REMOVED_NAME}"
        assert "un petit budget" in record.description
        assert copy.town.commune().nom == "Écotay-l'Olme"
        assert [a.owner for a in copy.plan.actions(town["chatbot"])][-1] == "DGS"
        answer = copy.answers.of(town["chatbot"])["gouvernance.validation"]
        assert answer.value == f"Validé par {REMOVED_NAME}, adjointe"
        assert "[adresse retirée]" in answer.comment and "[numéro retiré]" in answer.comment
        assert copy.answers.of(town["chatbot"])["contexte.public"].value == "non"  # a choice


def test_the_preview_lists_every_free_text_as_sent(anonymised):
    town, result = anonymised
    preview = result.preview
    sent = {(item.label, item.text) for item in preview.texts}
    with Store.open(result.path, readonly=True) as copy:
        record = copy.assessments.get(town["chatbot"])
        decision = copy.plan.decision(town["chatbot"])
        expected = {
            ("titre de l'évaluation", record.title),
            ("description", record.description),
            ("service concerné", record.service),
            ("fournisseur", record.supplier),
            ("rôle de la personne qui a validé", decision.validated_role),
            ("numéro de délibération", decision.deliberation_number),
            ("texte de la décision", decision.text),
        }
        for answer in copy.answers.of(town["chatbot"]).values():
            if answer.comment:
                expected.add(("commentaire", answer.comment))
        for action in copy.plan.actions(town["chatbot"]):
            expected.add(("action", action.title))
    assert expected <= sent
    assert preview.replaced >= 15
    assert {AGENT, CONTACT, VALIDATOR, OWNER, AUTHOR, LOGIN} <= set(preview.names)
    lines = "\n".join(preview_lines(preview))
    assert "Retiré de la copie" in lines and "Envoyé tel quel" in lines
    assert "Textes libres envoyés" in lines and "mentions remplacées" in lines
    assert f"« {record.title} »" in lines


def test_the_cli_prints_the_same_list(folder, capsys):
    town = named_town(folder)
    out = folder / "sortie"
    out.mkdir()
    assert evalir(["share", str(town["path"]), "-o", str(out), "--anonymiser"]) == 0
    printed = capsys.readouterr().out
    (written,) = out.glob("*.evalir")
    with Store.open(town["path"], readonly=True) as store:
        result = share(store, folder / "même.evalir", anonymise=True)
    for item in result.preview.texts:
        assert " ".join(item.text.split()) in printed, item
    assert "Textes libres envoyés" in printed and str(written) in printed


def test_the_dialog_shows_the_list_before_writing(qtbot, folder):
    from evalir_desktop.ui.territory.share_dialog import ShareDialog

    town = named_town(folder)
    out = folder / "clé"
    out.mkdir()
    with Store.open(town["path"]) as store:
        dialog = ShareDialog(store)
        qtbot.addWidget(dialog)
        dialog.anonymise.setChecked(True)
        dialog.folder_edit.setText(str(out))
        qtbot.mouseClick(dialog.preview_button, Qt.LeftButton)
        shown = dialog.preview.toPlainText()
        assert "un petit budget" in shown
        assert f"Accueil suivi par {REMOVED_NAME}" in shown
        assert list(out.iterdir()) == []
        dialog.anonymise.setChecked(False)  # a choice changed: prepare again
        assert not dialog.write_button.isEnabled()
        dialog.anonymise.setChecked(True)
        qtbot.mouseClick(dialog.preview_button, Qt.LeftButton)
        qtbot.mouseClick(dialog.write_button, Qt.LeftButton)
        dialog.accept()
    (written,) = out.glob("*.evalir")
    texts = [plain(text) for text in every_text(written)]
    assert not [part for part in PARTS if any(part in text for text in texts)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vu avec LEFÈVRE Hélène", f"Vu avec {REMOVED_NAME}"),
        ("Lefevre, H. a relu", f"{REMOVED_NAME} a relu"),
        ("Mme lefevre", REMOVED_NAME),
        ("Lefèvre a relu le petit texte", f"{REMOVED_NAME} a relu le petit texte"),
        ("Le DGS et le service technique", "Le DGS et le service technique"),
        (
            "Caméras de Saint-Martin, avec M. Martin",
            f"Caméras de Saint-Martin, avec {REMOVED_NAME}",
        ),
    ],
)
def test_name_variants(text, expected):
    scrubber = Scrubber(["Hélène Lefèvre", "Paul Martin", "Service technique"], ["Saint-Martin"])
    assert scrubber.scrub(text) == expected


def test_the_people_trained_are_names_too(folder):
    from evalir_desktop.domain.annexes import TrainingRecord

    town = make_town(folder / "Écotay l'Olme.evalir")
    with Store.open(town["path"]) as store:
        store.trainings.save(
            TrainingRecord(
                title="Sensibilisation à l'IA",
                participants="Paul Rivière\nService technique, Inès Garnier",
                notes="Animée pour M. Rivière et Garnier Inès",
            )
        )
        store.answers.save(
            town["chatbot"], "contexte.usagers", Answer(value="oui", comment="Vu avec Inès")
        )
        result = share(store, folder / "anonyme.evalir", anonymise=True)
    texts = [plain(text) for text in every_text(result.path)]
    for part in ("riviere", "garnier", "ines", "paul"):
        assert not [text for text in texts if part in text], part
    assert "Service technique" not in result.preview.names


def test_a_file_of_an_older_schema_is_shared_at_the_current_one(folder):
    """A file opened read-only is not migrated; its copy is, privately, before sharing."""
    from pathlib import Path

    from evalir_desktop.store import SCHEMA_VERSION

    fixture = Path(__file__).parents[1] / "fixtures" / "schema-v1.evalir"
    old = folder / "ancien.evalir"
    old.write_bytes(fixture.read_bytes())
    for anonymise in (False, True):
        with Store.open(old, readonly=True) as store:
            assert store.schema_version == 1
            file_id = store.meta("file_id")
            result = share(store, folder / f"copie-{anonymise}.evalir", anonymise=anonymise)
        with Store.open(result.path, readonly=True) as copy:
            assert copy.schema_version == SCHEMA_VERSION
            assert copy.town.town_id() == file_id
            assert len(copy.assessments.all()) == 2
    texts = [plain(text) for text in every_text(result.path)]
    assert not [text for text in texts if "lefevre" in text or "agnes" in text]
