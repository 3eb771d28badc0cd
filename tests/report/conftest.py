"""Report fixtures: a demo assessment and a stress assessment, each built once per test session."""

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import pytest

from evalir_desktop.report.data import ReportData, report_data
from evalir_desktop.report.full import full_report
from evalir_desktop.store import Store
from tests.factories import make_commune
from tests.report.factories import accented, decide, demo_assessment
from tests.report.pdftext import body_text, normalize, page_texts

TODAY = date(2026, 11, 25)
TOWN = make_commune(
    epci_nom="Métropole Nice Côte d’Azur", contact_email="accueil@mairie-exemple.fr"
)


def norm(text: str) -> str:
    """Normalise like the extracted text: French spacing inside « » does not matter."""
    text = normalize(text)
    return re.sub(r"\s*»", "»", re.sub(r"«\s*", "«", text))


@dataclass
class Built:
    data: ReportData
    pdf: bytes
    path: object

    @cached_property
    def text(self) -> str:
        """The normalised body text of the full report (extracted once: it is slow)."""
        return norm(body_text(self.pdf))

    @cached_property
    def pages(self) -> list[str]:
        return page_texts(self.pdf)


def _build(tmp_path_factory, name: str, **options) -> Built:
    path = tmp_path_factory.mktemp(name) / "Mairie d’Étienne" / "évaluations.evalir"
    with Store.open(path, create=True, who="Hélène Dupré") as store:
        store.town.save_commune(TOWN)
        decision_text = options.pop("decision_text", None)
        assessment_id = demo_assessment(store, **options)
        if decision_text is not None:
            decide(store, assessment_id, decision_text)
        data = report_data(store, assessment_id, today=TODAY)
    return Built(data, full_report(data), path)


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> Built:
    return _build(tmp_path_factory, "demo")


@pytest.fixture(scope="session")
def stress(tmp_path_factory) -> Built:
    """5,000-character comments everywhere, 200 actions, accents in every text."""
    return _build(
        tmp_path_factory,
        "stress",
        comment_length=5000,
        actions=200,
        long_actions_every=40,
        title=accented("Projet « très » long — œuvre à Noël", 280),
        description=accented("[description]", 8000),
        supplier="Société « Œil de l’État » — 12 € / mois",
        decision_text=accented("[décision]", 6000),
    )


@pytest.fixture(params=["demo", "stress"])
def built(request) -> Built:
    return request.getfixturevalue(request.param)
