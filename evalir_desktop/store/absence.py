"""Assessments a town no longer sends: listed, and set aside by the officer with history.

Each merge journals the assessments of the town that the file did not hold. Those of the
town's latest merged file that the territory still shows are « absent »: the town may
have shared only some, or moved them to its trash. The officer may set one aside: it is
kept in the file (dated, journalled) but no longer shown; if the town sends it again
changed (a restore from its trash dates it anew), it comes back.
"""

import json

from evalir_desktop.domain.records import AbsentAssessment
from evalir_desktop.store.errors import StoreError
from evalir_desktop.store.identity import MERGED
from evalir_desktop.store.unit import Repository


class Absences(Repository):
    """Absent assessments of a territory file (`store.absences`)."""

    def absent(self) -> list[AbsentAssessment]:
        """The assessments shown by the territory that its towns' latest files lack."""
        latest: dict[str, tuple] = {}
        for insee, file_name, imported_at, change in self._unit.conn.execute(
            "SELECT s.commune_insee, s.file_name, s.imported_at, h.change FROM source s "
            "JOIN history h ON h.entity = 'source' AND h.entity_id = s.id "
            f"WHERE s.outcome IN ({', '.join('?' for _ in MERGED)}) ORDER BY s.imported_at",
            MERGED,
        ):
            latest[insee] = (file_name, imported_at, change)
        found = []
        for insee, (file_name, imported_at, change) in latest.items():
            found += self._absent_in(insee, file_name, imported_at, _ids(change))
        return sorted(found, key=lambda a: (a.commune.casefold(), a.title.casefold()))

    def _absent_in(self, insee: str, file_name: str, imported_at: str, ids: list[str]):
        if not ids:
            return []
        rows = self._unit.conn.execute(
            "SELECT a.id, a.title, c.nom FROM assessment a JOIN commune c ON c.id = a.commune_id "
            "WHERE c.insee = ? AND a.deleted_at IS NULL AND a.id IN "
            "(SELECT value FROM json_each(?))",
            (insee, json.dumps(ids)),
        )
        return [
            AbsentAssessment(
                assessment_id=assessment_id,
                title=title,
                commune=nom,
                insee=insee,
                file_name=file_name,
                imported_at=imported_at,
            )
            for assessment_id, title, nom in rows
        ]

    def set_aside(self, assessment_id: str) -> AbsentAssessment:
        """Remove an absent assessment from the territory's views, with a journal row."""
        absent = next((a for a in self.absent() if a.assessment_id == assessment_id), None)
        if absent is None:
            raise StoreError(
                "Cette évaluation ne figure pas parmi celles absentes des derniers fichiers "
                "reçus\u202f: elle n'a pas été retirée."
            )
        change = {
            "removed_from_territory": absent.title,
            "commune": absent.commune,
            "absent_from": absent.file_name,
        }
        with self._unit.change(
            "assessment", assessment_id, change, assessment_id, check_frozen=False
        ) as at:
            self._unit.conn.execute(
                "UPDATE assessment SET deleted_at = ? WHERE id = ?", (at, assessment_id)
            )
        return absent


def _ids(change: str) -> list[str]:
    try:
        data = json.loads(change)
    except (TypeError, ValueError):
        return []
    absent = data.get("absent", []) if isinstance(data, dict) else []
    return [item for item in absent if isinstance(item, str)] if isinstance(absent, list) else []
