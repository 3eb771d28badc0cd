"""A dossier is untrusted: a hostile one is refused with a French reason and changes nothing;
one that tries to fill the town's own questions only fills the questions about the tool."""

import copy
import hashlib
import json

import pytest

from evalir_desktop.product.building import build_dossier
from evalir_desktop.product.dossier import DossierRefused, read_dossier
from evalir_desktop.product.starting import start_from_dossier
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.store import Store
from tests.product.towns import PRODUCT_ANSWERS


@pytest.fixture
def good(town_a, content) -> dict:
    """A valid dossier as plain JSON data, to spoil."""
    with Store.open(town_a["path"], readonly=True) as store:
        dossier = build_dossier(AssessmentSession(store, content, town_a["id"]))
    return dossier.model_dump(mode="json")


def spoil(data: dict, change) -> bytes:
    data = copy.deepcopy(data)
    change(data)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


HOSTILE = {
    "pas du JSON": lambda good: b"\x00\x01MZ\x90 binary",
    "texte libre": lambda good: "Réponse : voici le dossier".encode(),
    "fichier SQLite": lambda good: b"SQLite format 3\x00" + bytes(100),
    "trop gros": lambda good: b" " * 1_000_001,
    "imbrication profonde": lambda good: nested(100_000).encode(),
    "autre format": lambda good: spoil(good, lambda d: d.update(format="autre")),
    "version future": lambda good: spoil(good, lambda d: d.update(format_version=2)),
    "clé inconnue": lambda good: spoil(good, lambda d: d.update(script="rm -rf /")),
    "NaN": lambda good: spoil(good, lambda d: None).replace(b'"oui"', b"NaN", 1),
    "code INSEE faux": lambda good: spoil(good, lambda d: d["source"].update(insee="99")),
    "date future": lambda good: spoil(
        good, lambda d: d.update(written_at="2999-01-01T00:00:00+00:00")
    ),
    "date sans fuseau": lambda good: spoil(
        good, lambda d: d.update(written_at="2026-11-15T10:00:00")
    ),
    "deux réponses à une question": lambda good: spoil(
        good, lambda d: d["answers"].append(d["answers"][0])
    ),
    "objet comme réponse": lambda good: spoil(
        good, lambda d: d["answers"][0].update(value={"$where": "1"})
    ),
    "réponse trop imbriquée": lambda good: spoil(
        good, lambda d: d["answers"][0].update(value=[[["a"]]])
    ),
    "aucune réponse": lambda good: spoil(good, lambda d: d.update(answers=[])),
    "trop de réponses": lambda good: spoil(
        good,
        lambda d: d.update(
            answers=[{"question_id": f"contexte.q{i}", "value": "oui"} for i in range(301)]
        ),
    ),
    "identifiant de question étrange": lambda good: spoil(
        good, lambda d: d["answers"][0].update(question_id="../../etc/passwd")
    ),
    "nom de commune démesuré": lambda good: spoil(
        good, lambda d: d["source"].update(commune="A" * 5000)
    ),
}


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_dossier_is_refused_and_nothing_changes(case, good, town_b, tmp_path):
    path = tmp_path / "reçu.evalir-produit"
    path.write_bytes(HOSTILE[case](good))
    before = digest(town_b)
    with pytest.raises(DossierRefused) as refused:
        read_dossier(path)
    message = str(refused.value)
    assert "reçu.evalir-produit" in message and "Traceback" not in message
    assert any(word in message for word in ("Demandez", "Installez", "Ouvrez", "Vérifiez"))
    assert digest(town_b) == before
    with Store.open(town_b, readonly=True) as store:
        assert store.assessments.all() == []


def test_a_dossier_cannot_fill_the_town_own_questions(good, town_b, content, tmp_path):
    def add_town_answers(data):
        data["answers"] += [
            {"question_id": "gouvernance.validation_humaine", "value": "aucun"},
            {"question_id": "competences.formation_agents", "value": "tous"},
            {"question_id": "inconnu.question", "value": "oui"},
        ]
        data["answers"][0]["value"] = "peut-être"  # contexte.systeme_ia: not an option

    path = tmp_path / "dossier.evalir-produit"
    path.write_bytes(spoil(good, add_town_answers))
    dossier = read_dossier(path)
    with Store.open(town_b) as store:
        started = start_from_dossier(store, content, dossier)
        answers = AssessmentSession(store, content, started.record.id).answers
    assert set(answers) == set(PRODUCT_ANSWERS) - {"contexte.systeme_ia"}
    assert len(started.left_aside) == 4
    assert any("propre à chaque commune" in reason for reason in started.left_aside)
    assert any("absente de ce questionnaire" in reason for reason in started.left_aside)


def test_control_characters_and_bidi_overrides_are_removed(good, tmp_path):
    def plant(data):
        data["source"]["commune"] = "Écotay\u202e\x1b[31m-l'Olme\n"
        data["product"]["name"] = "Léa\x07"

    path = tmp_path / "dossier.evalir-produit"
    path.write_bytes(spoil(good, plant))
    dossier = read_dossier(path)
    assert dossier.source.commune == "Écotay-l'Olme"
    assert dossier.product.name == "Léa"
