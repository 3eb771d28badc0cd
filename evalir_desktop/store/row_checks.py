"""Rows read from a file are validated one by one: a bad row is set aside with a reason."""

from collections.abc import Iterable

from pydantic import BaseModel, ValidationError

from evalir_desktop.store.values import field_of
from evalir_desktop.text import clean_line


class RowChecks:
    """Collect in `problems` a French reason for each row of the file set aside."""

    problems: list[str]

    def _valid(self, model: type[BaseModel], rows: Iterable[dict], what: str) -> list:
        kept = []
        for row in rows:
            try:
                kept.append(model.model_validate(row))
            except ValueError as error:  # pydantic's ValidationError included
                self._set_aside(what, row, error)
        return kept

    def _set_aside(self, what: str, row: dict, error: ValueError) -> None:
        name = next(
            (str(row[key]) for key in ("title", "question_id", "nom", "id") if row.get(key)), ""
        )
        where = f" (champ « {field_of(error)} »)" if isinstance(error, ValidationError) else ""
        reason = f"{what} « {clean_line(name)[:60]} » écartée : une valeur n'est pas valide{where}."
        if reason not in self.problems:
            self.problems.append(reason)
