"""Attachments, reviewers' opinions and trainings for one assessment, for the tests and
the screenshots."""

import tempfile
from datetime import date
from pathlib import Path

from evalir_desktop.domain.annexes import OpinionRecord, TrainingRecord
from evalir_desktop.store import Store

CONTRACT_BYTES = b"%PDF-1.4\n% contrat de service\n" + bytes(range(256)) * 64
DPD = "Jon Etxeberria"
TRAINEES = "Hélène Dupré, Karim Benali"


def add_dossier(store: Store, assessment_id: str) -> dict:
    """A contract on the assessment, a DPIA on one question, a DPD opinion « à corriger »
    on the data step, a DGS opinion « acceptable » on the need, and two trainings."""
    with tempfile.TemporaryDirectory() as folder:
        contract = Path(folder) / "Contrat de service – Exemple SAS.pdf"
        contract.write_bytes(CONTRACT_BYTES)
        dpia = Path(folder) / "AIPD agent conversationnel.odt"
        dpia.write_bytes(b"PK\x03\x04 analyse d'impact " * 50)
        attached = store.attachments.add(
            assessment_id, contract, kind="contrat", comment="Signé le 3 octobre 2026"
        )
        store.attachments.add(assessment_id, dpia, question_id="donnees.conservation", kind="aipd")
    store.opinions.save(
        OpinionRecord(
            assessment_id=assessment_id,
            step_id="donnees",
            reviewer_role="dpd",
            reviewer_name=DPD,
            verdict="a_corriger",
            comment="Préciser la durée de conservation des conversations.",
            given_on=date(2026, 11, 18),
        )
    )
    store.opinions.save(
        OpinionRecord(
            assessment_id=assessment_id,
            step_id="besoin",
            reviewer_role="dgs",
            reviewer_name="Claire Moreau",
            verdict="acceptable",
            comment="Besoin bien décrit.",
            given_on=date(2026, 11, 19),
        )
    )
    for training in (
        TrainingRecord(
            title="Sensibilisation à l'IA générative (CNFPT)",
            audience="agents",
            held_on=date(2026, 10, 6),
            people=9,
            participants=TRAINEES,
        ),
        TrainingRecord(
            title="Atelier des élus : décider d'un projet d'IA",
            audience="elus",
            held_on=date(2026, 11, 4),
            people=6,
        ),
    ):
        store.trainings.save(training)
    return {"contract_sha": attached.sha256}
