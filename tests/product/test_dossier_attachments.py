"""Documents attached to the questions about the tool travel with the dossier (checked
whole); those of the town's own questions never do."""

import base64
import copy
import hashlib
import json

import pytest

from evalir_desktop.product.building import build_dossier
from evalir_desktop.product.dossier import DossierRefused, read_dossier, write_dossier
from evalir_desktop.product.starting import start_from_dossier
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.store import Store

CERTIFICATE = b"%PDF-1.4 attestation d'hebergement en France\n"


@pytest.fixture
def dossier_path(town_a, content, tmp_path):
    with Store.open(town_a["path"]) as store:
        store.attachments.add_data(
            town_a["id"],
            "Attestation d'hébergement.pdf",
            CERTIFICATE,
            question_id="contexte.hebergement",
            kind="documentation",
            comment="Fournie par l'éditeur",
        )
        store.attachments.add_data(
            town_a["id"], "Délibération du conseil.pdf", b"%PDF deliberation", question_id=""
        )
        store.attachments.add_data(
            town_a["id"], "Note interne.pdf", b"%PDF note", question_id="gouvernance.elu_referent"
        )
        dossier = build_dossier(AssessmentSession(store, content, town_a["id"]))
    return write_dossier(dossier, tmp_path / "dossier")


def test_only_the_documents_about_the_tool_travel_and_arrive_attached(
    dossier_path, town_b, content
):
    dossier = read_dossier(dossier_path)
    assert [a.name for a in dossier.attachments] == ["Attestation d'hébergement.pdf"]
    with Store.open(town_b) as store:
        record = start_from_dossier(store, content, dossier).record
        attached = store.attachments.of(record.id)
        assert [(a.name, a.question_id, a.kind) for a in attached] == [
            ("Attestation d'hébergement.pdf", "contexte.hebergement", "documentation")
        ]
        assert store.attachments.data(attached[0].id) == CERTIFICATE
        assert attached[0].who.startswith("dossier-produit|42087|")


def spoiled(path, change) -> bytes:
    data = json.loads(path.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    change(data["attachments"][0])
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize(
    "change",
    [
        lambda a: a.update(name="facture.exe"),
        lambda a: a.update(sha256=hashlib.sha256(b"autre").hexdigest()),
        lambda a: a.update(data="ceci n'est pas du base64 !"),
        lambda a: a.update(data=base64.b64encode(b"autre contenu").decode()),
        lambda a: a.update(size=10**9),
    ],
    ids=["programme", "empreinte", "base64", "contenu", "taille"],
)
def test_a_spoiled_attachment_refuses_the_whole_dossier(dossier_path, town_b, tmp_path, change):
    bad = tmp_path / "abîmé.evalir-produit"
    bad.write_bytes(spoiled(dossier_path, change))
    with pytest.raises(DossierRefused, match="champ « attachments"):
        read_dossier(bad)
