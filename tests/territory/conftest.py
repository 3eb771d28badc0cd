"""Fixtures for the territory tests: folders with accents, town files, generated towns."""

from pathlib import Path

import pytest

from tests.synthetic import generate_towns
from tests.territory.territory_helpers import make_town


@pytest.fixture
def folder(tmp_path) -> Path:
    """A working folder whose name has a space and accents."""
    path = tmp_path / "Dossier partagé é"
    path.mkdir()
    return path


@pytest.fixture
def town(folder) -> dict:
    return make_town(folder / "Écotay l'Olme.evalir")


@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> list[Path]:
    """Twelve synthetic town files, generated once for the session (read them, copy them)."""
    return generate_towns(tmp_path_factory.mktemp("communes générées"), 12, assessments=3)
