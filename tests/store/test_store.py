"""The store's autosave API, history, trash, versions and read-only rules."""

from pathlib import PurePosixPath, PureWindowsPath

import pytest

from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune
from evalir_desktop.domain.records import ActionRecord, DecisionRecord
from evalir_desktop.store import SCHEMA_VERSION, ReadOnlyError, Store, StoreError
from evalir_desktop.store.file.inspection import readonly_uri


def test_new_file_is_self_describing(store, town_path):
    assert town_path.exists()
    header = town_path.read_bytes()[:100]
    assert header[68:72] == b"EVLR"
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION
    assert store.role == "commune"
    store.town.save_commune(store.town.commune() or Commune(nom="Test", insee="42218"))
    assert not town_path.with_name(f"{town_path.name}-journal").exists()  # one file


def test_profile_and_answers_survive_reopening(store, town_path, commune, make_assessment):
    record = make_assessment()
    store.answers.save(record.id, "besoin.probleme", Answer(value="Trop d'appels le lundi"))
    store.answers.save(record.id, "donnees.personnelles", Answer(unknown=True, comment="À voir"))
    store.close()
    with Store.open(town_path) as reopened:
        assert reopened.town.commune() == commune
        answers = reopened.answers.of(record.id)
        assert answers["besoin.probleme"].value == "Trop d'appels le lundi"
        assert answers["donnees.personnelles"] == Answer(unknown=True, comment="À voir")


def test_each_change_is_in_history(store, make_assessment):
    record = make_assessment()
    store.answers.save(record.id, "q.un", Answer(value="oui"))
    store.answers.save(record.id, "q.un", Answer(value="non"))
    entries = store.history.entries(record.id)
    assert [entry.entity for entry in entries] == ["answer", "answer", "assessment"]
    assert entries[0].who == "Hélène Dupré"
    assert '"non"' in entries[0].change


def test_empty_answer_without_comment_is_removed(store, make_assessment):
    record = make_assessment()
    store.answers.save(record.id, "q.un", Answer(value=["a", "b"]))
    store.answers.save(record.id, "q.un", Answer(value=[]))
    assert store.answers.of(record.id) == {}


def test_answer_updates_assessment_date(store, make_assessment):
    record = make_assessment()
    store.answers.save(record.id, "q.un", Answer(value=3))
    assert store.assessments.get(record.id).updated_at > record.updated_at


def test_unknown_assessment_is_a_french_error(store):
    with pytest.raises(StoreError, match="Aucune évaluation"):
        store.assessments.get("nope")


def test_assessment_requires_profile(tmp_path):
    with Store.open(tmp_path / "vide.evalir", create=True) as empty:
        with pytest.raises(StoreError, match="profil de la commune"):
            empty.assessments.create("X", content_id="c", content_version="1")


def test_trash_and_restore(store, make_assessment):
    kept, deleted = make_assessment("Gardée"), make_assessment("Supprimée")
    store.assessments.delete(deleted.id)
    assert [r.id for r in store.assessments.all()] == [kept.id]
    assert [r.id for r in store.assessments.trash()] == [deleted.id]
    store.assessments.restore(deleted.id)
    assert {r.id for r in store.assessments.all()} == {kept.id, deleted.id}
    store.assessments.delete(deleted.id)
    assert store.assessments.empty_trash() == 1
    assert store.assessments.trash() == []
    with pytest.raises(StoreError):
        store.assessments.get(deleted.id)


def test_actions_sorted_by_priority_then_date(store, make_assessment):
    record = make_assessment()
    store.plan.add_action(record.id, "Former les agents", priority=2, due_date="2027-03-01")
    store.plan.add_action(record.id, "Désigner un DPD", priority=1)
    store.plan.add_action(record.id, "Consulter le DPD", priority=2, due_date="2027-01-15")
    titles = [action.title for action in store.plan.actions(record.id)]
    assert titles == ["Désigner un DPD", "Consulter le DPD", "Former les agents"]


def test_action_edit_and_delete(store, make_assessment):
    record = make_assessment()
    action = store.plan.add_action(record.id, "Écrire le besoin", owner="DGS")
    store.plan.save_action(action.model_copy(update={"status": "fait"}))
    assert store.plan.actions(record.id)[0].status == "fait"
    store.plan.delete_action(action)
    assert store.plan.actions(record.id) == []


def test_validated_assessment_is_frozen(store, make_assessment):
    record = make_assessment()
    store.answers.save(record.id, "q.un", Answer(value="oui"))
    store.plan.save_decision(
        DecisionRecord(
            assessment_id=record.id,
            validated_by="Mme la DGS",
            validated_role="DGS",
            validated_on="2026-11-20",
        )
    )
    with pytest.raises(ReadOnlyError, match="nouvelle version"):
        store.answers.save(record.id, "q.un", Answer(value="non"))
    with pytest.raises(ReadOnlyError):
        store.plan.add_action(record.id, "X")
    # the council votes after the validation
    store.plan.save_decision(
        store.plan.decision(record.id).model_copy(
            update={"council_date": "2026-12-10", "outcome": "engager_sous_conditions"}
        )
    )
    assert store.plan.decision(record.id).outcome == "engager_sous_conditions"


def test_new_version_copies_answers_and_actions_not_decision(store, make_assessment):
    record = make_assessment()
    store.answers.save(record.id, "q.un", Answer(value="oui", comment="vu en réunion"))
    store.plan.add_action(record.id, "Former")
    store.plan.save_decision(DecisionRecord(assessment_id=record.id, validated_on="2026-11-20"))
    version = store.assessments.copy(record.id, "Chatbot v2", as_new_version=True)
    assert version.previous_version_id == record.id
    assert version.version_number == 2
    assert store.answers.of(version.id) == store.answers.of(record.id)
    assert [a.title for a in store.plan.actions(version.id)] == ["Former"]
    assert store.plan.decision(version.id) is None
    store.answers.save(version.id, "q.un", Answer(value="non"))


def test_second_opening_is_readonly_with_owner(store, town_path):
    with Store.open(town_path) as second:
        assert second.readonly
        assert "déjà ouvert pour modification" in second.readonly_reason
        with pytest.raises(ReadOnlyError):
            second.town.save_commune(Commune(nom="X", insee="42218"))
        assert second.town.commune().nom == "Saint-Étienne-de-Tinée"


def test_lock_released_on_close(store, town_path):
    store.close()
    with Store.open(town_path) as again:
        assert not again.readonly


def test_create_refuses_existing_file(store, town_path):
    with pytest.raises(StoreError, match="existe déjà"):
        Store.create(town_path)


def test_action_record_validation():
    with pytest.raises(ValueError):
        ActionRecord(id="x", assessment_id="y", title="T", priority=7)


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (
            PureWindowsPath(r"\\serveur\partage\Mairie\évaluations IA.evalir"),
            "file:////serveur/partage/Mairie/%C3%A9valuations%20IA.evalir?mode=ro",
        ),
        (
            PureWindowsPath(r"C:\Users\Agnès\a b.evalir"),
            "file:///C:/Users/Agn%C3%A8s/a%20b.evalir?mode=ro",
        ),
        (PurePosixPath("/home/agnès/a b.evalir"), "file:///home/agn%C3%A8s/a%20b.evalir?mode=ro"),
    ],
)
def test_readonly_uri_handles_network_shares_and_accents(path, uri):
    assert readonly_uri(path) == uri


def test_saves_are_durable(store):
    """Issue 11, point 4: the journal's deletion is synced (synchronous=EXTRA)."""
    assert store.durability() == "journal delete, synchronous 3"
