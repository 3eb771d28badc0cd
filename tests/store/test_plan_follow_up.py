"""After validation the plan is followed up: status, owner and due date change, journalled;
everything else about an action stays as validated."""

import json
from datetime import date

import pytest

from evalir_desktop.domain.records import DecisionRecord
from evalir_desktop.store import ReadOnlyError


def validate(store, assessment_id: str) -> None:
    store.plan.save_decision(
        DecisionRecord(
            assessment_id=assessment_id,
            validated_by="Marie Dupont",
            validated_role="directrice générale des services",
            validated_on="2026-11-20",
        )
    )


def test_follow_up_fields_stay_editable_and_are_journalled(store, make_assessment):
    record = make_assessment()
    action = store.plan.add_action(record.id, "Désigner un élu référent", owner="Maire")
    validate(store, record.id)
    saved = store.plan.save_action(
        action.model_copy(
            update={
                "status": "fait",
                "owner": "Adjointe au numérique",
                "due_date": "2027-01-31",
                "note": "Arrêté signé le 28 janvier.",
            }
        ),
        who="Marie Dupont",
    )
    assert saved.status == "fait"
    [stored] = store.plan.actions(record.id)
    assert (stored.status, stored.owner, stored.due_date, stored.note) == (
        "fait",
        "Adjointe au numérique",
        date(2027, 1, 31),
        "Arrêté signé le 28 janvier.",
    )
    entry = store.history.entries(record.id, limit=1)[0]
    assert (entry.entity, entry.entity_id, entry.who) == ("action", action.id, "Marie Dupont")
    assert json.loads(entry.change) == {
        "status": "fait",
        "owner": "Adjointe au numérique",
        "due_date": "2027-01-31",
        "note": "Arrêté signé le 28 janvier.",
        "follow_up": True,
    }


def test_an_unchanged_follow_up_writes_nothing(store, make_assessment):
    record = make_assessment()
    action = store.plan.add_action(record.id, "Former les agents")
    validate(store, record.id)
    before = store.history.entries(record.id)
    store.plan.save_action(store.plan.actions(record.id)[0])
    assert store.history.entries(record.id) == before
    assert store.plan.actions(record.id)[0].id == action.id


@pytest.mark.parametrize(
    "change",
    [
        {"title": "Autre chose"},
        {"priority": 3},
        {"axis_id": "donnees"},
        {"status": "fait", "title": "X"},
    ],
)
def test_the_rest_of_a_validated_action_is_frozen(store, make_assessment, change):
    record = make_assessment()
    action = store.plan.add_action(record.id, "Former les agents", priority=1)
    validate(store, record.id)
    with pytest.raises(ReadOnlyError, match="nouvelle version"):
        store.plan.save_action(action.model_copy(update=change))
    assert store.plan.actions(record.id)[0].title == "Former les agents"


def test_no_action_is_added_or_removed_after_validation(store, make_assessment):
    record = make_assessment()
    action = store.plan.add_action(record.id, "Former les agents")
    validate(store, record.id)
    with pytest.raises(ReadOnlyError):
        store.plan.add_action(record.id, "Une de plus")
    with pytest.raises(ReadOnlyError):
        store.plan.delete_action(action)
    assert [a.title for a in store.plan.actions(record.id)] == ["Former les agents"]
