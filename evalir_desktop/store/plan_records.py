"""The action plan and the decision of an assessment (`store.plan`), and the journal
of changes (`store.history`)."""

import json
from typing import Any

from evalir_desktop.domain.records import ActionRecord, DecisionRecord, HistoryEntry
from evalir_desktop.store.errors import ReadOnlyError
from evalir_desktop.store.file.journal import new_id
from evalir_desktop.store.unit import Repository

# What the follow-up of a validated assessment may still change in its action plan: the
# actions themselves (what, which axis, how urgent, where from) are frozen with the answers.
FOLLOW_UP_FIELDS = frozenset({"status", "owner", "due_date", "note"})
FOLLOW_UP_MESSAGE = (
    "Cette évaluation a été validée : seuls l'état, le responsable, l'échéance et la note "
    "de suivi des actions peuvent encore changer. Créez une nouvelle version pour "
    "modifier le plan."
)


class Plan(Repository):
    """Actions, validation and council decision of the assessments of one file."""

    # -- action plan ---------------------------------------------------------------

    def actions(self, assessment_id: str) -> list[ActionRecord]:
        rows = self._unit.query(
            "SELECT * FROM action WHERE assessment_id = ? "
            "ORDER BY priority, due_date IS NULL, due_date, rowid",
            (assessment_id,),
        )
        return self._unit.valid(ActionRecord, rows, "Action")

    def add_action(
        self, assessment_id: str, title: str, who: str | None = None, **fields: Any
    ) -> ActionRecord:
        action = ActionRecord(id=new_id(), assessment_id=assessment_id, title=title, **fields)
        return self.save_action(action, who)

    def action(self, action_id: str) -> ActionRecord | None:
        rows = self._unit.query("SELECT * FROM action WHERE id = ?", (action_id,))
        valid = self._unit.valid(ActionRecord, rows, "Action")
        return valid[0] if valid else None

    def save_action(self, action: ActionRecord, who: str | None = None) -> ActionRecord:
        """Save an action. Once its assessment is validated, only its follow-up may change
        (`FOLLOW_UP_FIELDS`): that change is journalled as a follow-up, fields it changed only."""
        action = ActionRecord.model_validate(dict(action))  # model_copy does not validate
        change = action.model_dump(mode="json", exclude={"updated_at"})
        follow_up = self.is_frozen(action.assessment_id)
        if follow_up:
            before, change = self._follow_up_change(action)
            if not change:
                return before
            change["follow_up"] = True
        with self._unit.change(
            "action", action.id, change, action.assessment_id, who, check_frozen=not follow_up
        ) as at:
            saved = action.model_copy(update={"updated_at": at})
            self._unit.db["action"].upsert(saved.model_dump(mode="json"), pk="id")
        return saved

    def _follow_up_change(self, action: ActionRecord) -> tuple[ActionRecord, dict[str, Any]]:
        """The stored action and the fields a follow-up changes in it; ReadOnlyError if it
        touches anything else."""
        before = self.action(action.id)
        if before is None or before.assessment_id != action.assessment_id:
            raise ReadOnlyError(FOLLOW_UP_MESSAGE)
        old = before.model_dump(mode="json", exclude={"updated_at"})
        new = action.model_dump(mode="json", exclude={"updated_at"})
        changed = {key: value for key, value in new.items() if old.get(key) != value}
        if set(changed) - FOLLOW_UP_FIELDS:
            raise ReadOnlyError(FOLLOW_UP_MESSAGE)
        return before, changed

    def delete_action(self, action: ActionRecord, who: str | None = None) -> None:
        with self._unit.change("action", action.id, {"deleted": True}, action.assessment_id, who):
            self._unit.conn.execute("DELETE FROM action WHERE id = ?", (action.id,))

    # -- validation and council decision -------------------------------------------

    def decision(self, assessment_id: str) -> DecisionRecord | None:
        rows = list(
            self._unit.query("SELECT * FROM decision WHERE assessment_id = ?", (assessment_id,))
        )
        valid = self._unit.valid(DecisionRecord, rows, "Décision")
        return valid[0] if valid else None

    def is_frozen(self, assessment_id: str) -> bool:
        return self._unit.is_frozen(assessment_id)

    def validated_of(self, assessment_ids: list[str]) -> set[str]:
        """Which of these assessments are validated (frozen), in one query."""
        rows = self._unit.conn.execute(
            "SELECT assessment_id FROM decision WHERE validated_on IS NOT NULL "
            "AND validated_on != '' AND assessment_id IN (SELECT value FROM json_each(?))",
            (json.dumps(assessment_ids),),
        )
        return {assessment_id for (assessment_id,) in rows}

    def save_decision(self, decision: DecisionRecord, who: str | None = None) -> DecisionRecord:
        """Record validation and council decision; allowed on a validated assessment,
        since the council usually votes after the validation."""
        decision = DecisionRecord.model_validate(dict(decision))
        existing = self.decision(decision.assessment_id)
        decision_id = existing.id if existing else new_id()
        change = decision.model_dump(mode="json", exclude={"id", "updated_at"})
        with self._unit.change(
            "decision", decision_id, change, decision.assessment_id, who, check_frozen=False
        ) as at:
            saved = decision.model_copy(update={"id": decision_id, "updated_at": at})
            self._unit.db["decision"].upsert(saved.model_dump(mode="json"), pk="id")
        return saved


class History(Repository):
    """The journal of changes of one file, newest first."""

    def entries(self, assessment_id: str | None = None, limit: int = 1000) -> list[HistoryEntry]:
        where, params = ("WHERE assessment_id = ?", (assessment_id,)) if assessment_id else ("", ())
        rows = self._unit.query(
            f"SELECT * FROM history {where} ORDER BY id DESC LIMIT ?", (*params, limit)
        )
        return self._unit.valid(HistoryEntry, rows, "Ligne du journal")
