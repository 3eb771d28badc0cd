"""The town's AI literacy record, AI Act Art. 4 (`store.trainings`): who was trained
on what, and when. It belongs to the town profile: each change also dates the profile,
so that the territory takes the record with the newer profile."""

from evalir_desktop.domain.annexes import TrainingRecord
from evalir_desktop.store.errors import StoreError
from evalir_desktop.store.file.journal import new_id
from evalir_desktop.store.rows import upsert_row
from evalir_desktop.store.town_records import Town
from evalir_desktop.store.unit import Repository, UnitOfWork

TABLE = "training"
NO_PROFILE = "Renseignez d'abord le profil de la commune."


class Trainings(Repository):
    """Trainings of a town file; in a territory file, of each town (`commune_id`)."""

    def __init__(self, unit: UnitOfWork, town: Town):
        super().__init__(unit)
        self._town = town

    def of(self, commune_id: str | None = None) -> list[TrainingRecord]:
        """The trainings of one town (the file's own by default), most recent first;
        `commune_id="*"` gives those of every town of a territory."""
        if not self._unit.annexed():
            return []
        where, params = (
            ("", ())
            if commune_id == "*"
            else ("WHERE commune_id = ?", (commune_id or self._town.commune_id(),))
        )
        rows = self._unit.query(
            f"SELECT * FROM training {where} ORDER BY held_on IS NULL, held_on DESC, rowid",
            params,
        )
        return self._unit.valid(TrainingRecord, rows, "Formation")

    def save(self, training: TrainingRecord, who: str | None = None) -> TrainingRecord:
        commune_id = self._town.commune_id()
        if commune_id is None:
            raise StoreError(NO_PROFILE)
        training = TrainingRecord.model_validate(
            {**dict(training), "id": training.id or new_id(), "commune_id": commune_id}
        )
        change = training.model_dump(mode="json", exclude={"updated_at", "commune_id"})
        with self._unit.change("training", training.id, change, who=who) as at:
            saved = training.model_copy(update={"updated_at": at})
            upsert_row(self._unit.conn, TABLE, saved.model_dump(mode="json"))
            self._date_profile(commune_id, at)
        return saved

    def delete(self, training: TrainingRecord, who: str | None = None) -> None:
        commune_id = self._town.commune_id()
        with self._unit.change("training", training.id, {"deleted": training.title}, who=who) as at:
            self._unit.conn.execute("DELETE FROM training WHERE id = ?", (training.id,))
            self._date_profile(commune_id, at)

    def _date_profile(self, commune_id: str | None, at: str) -> None:
        self._unit.conn.execute("UPDATE commune SET updated_at = ? WHERE id = ?", (at, commune_id))
