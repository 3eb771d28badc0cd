"""Who wrote each answer, and when: a person, or the product dossier it was taken from."""

import sqlite3
from collections import defaultdict
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict, Field

from evalir_desktop.store.models import Timestamp
from evalir_desktop.store.town_file import select_rows

# The author of an answer taken from a product dossier starts with this tag instead of a
# person's name (see `product.origin`); an anonymised share keeps such authors.
DOSSIER_TAG = "dossier-produit|"


class AnswerAuthor(BaseModel):
    """The author of one stored answer (`who`) and the time it was saved."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    assessment_id: str
    question_id: str = Field(min_length=1, max_length=200)
    who: str = Field(default="", max_length=300)
    updated_at: Timestamp


class AnswerAuthors:
    """Reads of `answer.who` and `answer.updated_at` (mixed into `Store`)."""

    _conn: sqlite3.Connection
    _valid: Callable

    def answer_authors(self, assessment_id: str) -> dict[str, AnswerAuthor]:
        """The author of each answer of one assessment, by question id."""
        rows = select_rows(
            self._conn,
            "SELECT assessment_id, question_id, who, updated_at FROM answer "
            "WHERE assessment_id = ?",
            (assessment_id,),
        )
        return {row.question_id: row for row in self._valid(AnswerAuthor, rows, "Réponse")}

    def dossier_authors(self) -> dict[str, dict[str, AnswerAuthor]]:
        """Answers taken from a product dossier, by assessment then question."""
        rows = select_rows(
            self._conn,
            "SELECT assessment_id, question_id, who, updated_at FROM answer "
            "WHERE substr(who, 1, length(?)) = ?",
            (DOSSIER_TAG, DOSSIER_TAG),
        )
        found: dict[str, dict[str, AnswerAuthor]] = defaultdict(dict)
        for row in self._valid(AnswerAuthor, rows, "Réponse"):
            found[row.assessment_id][row.question_id] = row
        return found
