"""The example assessment shipped with the program, written anew into a file to consult."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from evalir_desktop.content import Content
from evalir_desktop.domain.annexes import TrainingRecord
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune
from evalir_desktop.domain.records import DecisionRecord
from evalir_desktop.paths import EXAMPLE_FILE_NAME
from evalir_desktop.resources import resource_path
from evalir_desktop.store import Store

EXAMPLE_AUTHOR = "Exemple EVALIR"


def example_data() -> dict:
    return json.loads(resource_path("example", "exemple.json").read_text(encoding="utf-8"))


def write_example(folder: Path, content: Content) -> Path:
    """Write the finished example (answers, action plan, validation, council decision,
    the town's AI literacy record).

    The file is rebuilt from the shipped data each time, so that whatever an agent did to
    an earlier copy, the example shows what the program shipped.
    """
    data = example_data()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / EXAMPLE_FILE_NAME
    for stale in (path, path.with_name(path.name + "-journal")):
        stale.unlink(missing_ok=True)
    with Store.open(path, create=True, who=EXAMPLE_AUTHOR) as store:
        store.town.save_commune(Commune(**data["commune"]))
        record = store.assessments.create(
            content_id=content.id, content_version=content.version, **data["assessment"]
        )
        for question_id, answer in data["answers"].items():
            store.answers.save(record.id, question_id, Answer(**answer))
        for action in data["actions"]:
            due = action.get("due_date")
            fields = {**action, "due_date": date.fromisoformat(due) if due else None}
            store.plan.add_action(record.id, **fields)
        store.plan.save_decision(DecisionRecord(assessment_id=record.id, **data["decision"]))
        for training in data["trainings"]:
            store.trainings.save(TrainingRecord(**training))
    return path
