"""The report shows the reviewers' opinions per axis, the steps to correct, the town's
AI literacy record under Art. 4, and an annex of the attached files with their
fingerprint; in PDF, ODT and DOCX alike."""

import dataclasses

import pytest

from evalir_desktop.report.data import report_data
from evalir_desktop.report.full import full_document, full_report
from evalir_desktop.report.model import plain_text
from evalir_desktop.report.writers import render
from evalir_desktop.store import Store
from tests.dossier_factory import DPD, TRAINEES, add_dossier
from tests.factories import make_commune
from tests.report.conftest import TODAY, norm
from tests.report.editable import docx_text, odt_text
from tests.report.factories import demo_assessment
from tests.report.pdftext import body_text


@pytest.fixture(scope="module")
def dossier(tmp_path_factory):
    path = tmp_path_factory.mktemp("dossier") / "mairie.evalir"
    with Store.open(path, create=True, who="Hélène Dupré") as store:
        store.town.save_commune(make_commune())
        assessment_id = demo_assessment(store)
        facts = add_dossier(store, assessment_id)
        data = report_data(store, assessment_id, today=TODAY)
    return data, facts


def expected(data, facts) -> list[str]:
    sha = facts["contract_sha"]
    return [
        "Avis des relecteurs",
        f"DPD ({DPD}), le 18 novembre 2026 : À corriger",
        "Préciser la durée de conservation des conversations.",
        "Cette étape est à corriger. À revoir :",
        "DGS (Claire Moreau), le 19 novembre 2026 : Acceptable",
        "Étapes à corriger selon les relecteurs : Données.",
        "Formations de la commune : 2 formations, 15 personnes formées en tout.",
        "Sensibilisation à l'IA générative (CNFPT)",
        TRAINEES,
        "Annexe : pièces jointes",
        "Contrat de service – Exemple SAS.pdf",
        "Question : " + data.content.question("donnees.conservation").label,
        " ".join(sha[i : i + 16] for i in range(0, 64, 16)),
    ]


def test_the_document_model_holds_opinions_literacy_and_annex(dossier):
    data, facts = dossier
    text = norm(plain_text(full_document(data).blocks))
    for item in expected(data, facts):
        assert norm(item) in text, item
    literacy = text.index(norm("Formations de la commune"))
    assert text.rfind(norm("Favoriser la maîtrise de l'IA"), 0, literacy) > 0


def test_the_pdf_prints_them(dossier):
    data, facts = dossier
    text = norm(body_text(full_report(data)))
    for item in expected(data, facts):
        if "Empreinte" not in item and len(item) < 64:
            assert norm(item).replace(" ", "") in text.replace(" ", ""), item


@pytest.mark.parametrize(("fmt", "reader"), [("odt", odt_text), ("docx", docx_text)])
def test_editable_documents_hold_them(dossier, fmt, reader):
    data, facts = dossier
    text = norm(reader(render(full_document(data), data, fmt)))
    for item in expected(data, facts):
        assert norm(item) in text, item


def test_the_fingerprint_changes_with_an_opinion_or_an_attachment(dossier):
    data, _facts = dossier
    bare = dataclasses.replace(data, attachments=[], reviews=[])
    assert dataclasses.replace(bare).fingerprint != data.fingerprint
    assert dataclasses.replace(data, reviews=[]).fingerprint != data.fingerprint
