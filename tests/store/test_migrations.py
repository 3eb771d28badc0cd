"""Every released schema version opens and migrates; a failed step changes nothing."""

import hashlib
import shutil
from pathlib import Path

import pytest

from evalir_desktop.store import SCHEMA_VERSION, Store, StoreError
from evalir_desktop.store.file import inspection, opening, schema
from evalir_desktop.store.file.opening import migration_backup_path
from evalir_desktop.store.file.schema import valid_town_id

FOLDER = Path(__file__).parents[1] / "fixtures"
FIXTURES = sorted(FOLDER.glob("schema-v*.evalir"))
TERRITORIES = sorted(FOLDER.glob("territoire-v*.evalir"))
FOLLOW_UP_NOTE = "Arrêté de désignation à la signature du maire."  # see make_fixture.py


def version_of(path: Path) -> int:
    return int(path.stem.rpartition("-v")[2])


@pytest.mark.parametrize("files", [FIXTURES, TERRITORIES], ids=["commune", "territoire"])
def test_a_fixture_exists_for_every_version(files):
    assert {version_of(path) for path in files} == set(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.stem)
def test_fixture_opens_and_reaches_current_version(fixture, tmp_path):
    path = tmp_path / "copie de la mairie.evalir"
    shutil.copy(fixture, path)
    with Store.open(path) as store:
        assert not store.readonly
        assert store.schema_version == SCHEMA_VERSION
        assert store.town.commune().nom == "Saint-Jean-de-Luz"
        titles = {record.title for record in store.assessments.all()}
        assert titles == {"Agent conversationnel de l'accueil", "Compte rendu du conseil"}
        chatbot = next(r for r in store.assessments.all() if r.title.startswith("Agent"))
        answers = store.answers.of(chatbot.id)
        assert answers["donnees.personnelles"].unknown
        assert answers["gouvernance.validation"].comment == "Relecture par l'agent d'accueil"
        assert store.plan.decision(chatbot.id).deliberation_number == "2026-114"
        assert store.plan.is_frozen(chatbot.id)
        assert valid_town_id(store.town.town_id()) == store.town.town_id()
        if version_of(fixture) == 1:  # a file older than the identity keeps its file id
            assert store.town.town_id() == store.meta("file_id")
        check_annexes(store, chatbot.id, version_of(fixture))
        check_follow_up(store, chatbot.id, version_of(fixture))
    backup = migration_backup_path(path, version_of(fixture))
    if version_of(fixture) < SCHEMA_VERSION:  # the copy set aside before migrating stays
        assert backup.read_bytes() == fixture.read_bytes()
    else:
        assert not backup.exists()


def check_annexes(store, assessment_id: str, version: int) -> None:
    """Attachments, opinions and trainings came with v3; older files have none."""
    attachments = store.attachments.of(assessment_id)
    if version < 3:
        assert attachments == [] and store.opinions.of(assessment_id) == []
        assert store.trainings.of() == []
        return
    assert [(a.kind, a.question_id) for a in attachments] == [
        ("contrat", ""),
        ("autre", "donnees.personnelles"),
    ]
    data = store.attachments.data(attachments[0].id)
    assert hashlib.sha256(data).hexdigest() == attachments[0].sha256
    (opinion,) = store.opinions.of(assessment_id)
    assert (opinion.step_id, opinion.verdict) == ("donnees", "a_corriger")
    assert [t.people for t in store.trainings.of()] == [14]


def check_follow_up(store, assessment_id: str, version: int) -> None:
    """Follow-up notes came with v4: older actions read with an empty note, and can get one
    although the assessment is validated."""
    (action,) = store.plan.actions(assessment_id)
    if version >= 4:
        assert (action.status, action.note) == ("en_cours", FOLLOW_UP_NOTE)
        return
    assert action.note == ""
    store.plan.save_action(action.model_copy(update={"note": "Relancé le 3 février."}))
    assert store.plan.action(action.id).note == "Relancé le 3 février."


@pytest.mark.parametrize("fixture", TERRITORIES, ids=lambda path: path.stem)
def test_territory_fixture_opens_and_reaches_current_version(fixture, tmp_path):
    path = tmp_path / "territoire de l'agglomération.evalir"
    shutil.copy(fixture, path)
    with Store.open(path) as store:
        assert not store.readonly
        assert store.role == "territory"
        assert store.schema_version == SCHEMA_VERSION
        (town,) = store.territory.commune_rows()
        assert (town.nom, town.insee) == ("Saint-Jean-de-Luz", "64483")
        assert len(store.assessments.all()) == 2
        assert store.territory.source_hashes()
        assert store.check_rows() == []
        if version_of(fixture) >= 3:
            chatbot = next(r for r in store.assessments.all() if r.title.startswith("Agent"))
            assert len(store.attachments.of(chatbot.id)) == 2
            assert [t.participants for t in store.trainings.of("*")] == [
                "Agnès Lefèvre, Jon Etxeberria"
            ]
        if version_of(fixture) == 1:  # towns were known by INSEE code: ids come later
            assert town.town_id == ""
        else:
            assert valid_town_id(town.town_id) == town.town_id


def test_a_new_file_gets_its_town_id_with_its_first_profile(tmp_path, commune):
    with Store.create(tmp_path / "nouvelle.evalir") as store:
        assert store.town.town_id() == ""
        store.town.save_commune(commune)
        town_id = store.town.town_id()
        assert valid_town_id(town_id) == town_id == store.meta("file_id")
        store.town.save_commune(commune.model_copy(update={"population": 5000}))
        assert store.town.town_id() == town_id


@pytest.fixture
def next_version(monkeypatch):
    """Pretend the program knows one more schema version, with a given step."""

    def install(step):
        version = SCHEMA_VERSION + 1
        for module in (schema, inspection, opening):
            monkeypatch.setattr(module, "SCHEMA_VERSION", version, raising=False)
        monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, step])
        schema.expected_schema.cache_clear()
        return version

    yield install
    schema.expected_schema.cache_clear()


def test_migration_copies_aside_then_upgrades(next_version, store, town_path):
    store.close()
    before = hashlib.sha256(town_path.read_bytes()).digest()

    def add_column(conn):
        """changes: adds assessment.tags."""
        conn.execute("ALTER TABLE assessment ADD COLUMN tags TEXT NOT NULL DEFAULT ''")

    version = next_version(add_column)
    with Store.open(town_path) as migrated:
        assert migrated.schema_version == version
        assert migrated.town.commune().nom == "Saint-Étienne-de-Tinée"
    backup = migration_backup_path(town_path, SCHEMA_VERSION)
    assert hashlib.sha256(backup.read_bytes()).digest() == before


def test_failed_step_leaves_file_as_it_was(next_version, store, town_path):
    store.close()
    before = town_path.read_bytes()

    def broken(conn):
        conn.execute("ALTER TABLE assessment ADD COLUMN tags TEXT")
        raise RuntimeError("step failed halfway")

    next_version(broken)
    with pytest.raises(StoreError, match="n'a pas été modifié"):
        Store.open(town_path)
    assert town_path.read_bytes() == before
    schema.expected_schema.cache_clear()
