"""A short fingerprint of an assessment's data, printed on every page to match copies."""

import hashlib
import json
from collections.abc import Mapping, Sequence

from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune
from evalir_desktop.domain.records import ActionRecord, AssessmentRecord, DecisionRecord

ASSESSMENT_FIELDS = {"id", "title", "description", "service", "status", "ai_type", "supplier"}


def canonical_data(
    assessment: AssessmentRecord,
    answers: Mapping[str, Answer],
    actions: Sequence[ActionRecord],
    decision: DecisionRecord | None,
    commune: Commune | None = None,
    extra: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """Canonical JSON (sorted keys, no timestamps) of everything a report prints;
    `extra` (attachments, opinions) counts only when not empty, so that a report with
    none keeps the fingerprint it had before they existed."""
    data = {
        "commune": commune.model_dump(mode="json") if commune else None,
        "assessment": assessment.model_dump(mode="json", include=ASSESSMENT_FIELDS),
        "answers": {key: answers[key].model_dump(mode="json") for key in sorted(answers)},
        "actions": sorted((_action(a) for a in actions), key=lambda item: item["id"]),
        "decision": decision.model_dump(mode="json", exclude={"id", "updated_at"})
        if decision
        else None,
    }
    data.update({key: list(items) for key, items in (extra or {}).items() if items})
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _action(action: ActionRecord) -> dict:
    """An action as it counts; its follow-up note only when there is one, so that the
    fingerprint of an assessment without notes is the one it had before notes existed."""
    exclude = {"updated_at", "assessment_id"} | ({"note"} if not action.note else set())
    return action.model_dump(mode="json", exclude=exclude)


def fingerprint(*args, **kwargs) -> str:
    """First 8 hexadecimal digits of the SHA-256 of `canonical_data(...)`."""
    digest = hashlib.sha256(canonical_data(*args, **kwargs).encode("utf-8"))
    return digest.hexdigest()[:8]
