"""Shared fixtures: headless Qt, a fresh town file per test, small factories."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from evalir_desktop.domain.commune import Commune  # noqa: E402
from evalir_desktop.store import Store  # noqa: E402
from tests.factories import make_commune  # noqa: E402
from tests.product.towns import content, town_a, town_b  # noqa: E402, F401 - shared fixtures

ACCENTED_FOLDER = "Mairie de Saint-Étienne"
ACCENTED_NAME = "évaluations IA.evalir"


@pytest.fixture
def commune() -> Commune:
    return make_commune()


@pytest.fixture
def town_path(tmp_path: Path) -> Path:
    return tmp_path / ACCENTED_FOLDER / ACCENTED_NAME


@pytest.fixture
def store(town_path: Path, commune: Commune):
    with Store.open(town_path, create=True, who="Hélène Dupré") as opened:
        opened.town.save_commune(commune)
        yield opened


@pytest.fixture
def make_assessment(store: Store):
    def make(title: str = "Agent conversationnel de l'accueil", **fields):
        return store.assessments.create(
            title, content_id="evalir-test", content_version="0", **fields
        )

    return make
