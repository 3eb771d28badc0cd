"""The answers of the assessments of one file, and who wrote each (`store.answers`)."""

import json
from collections import defaultdict

from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.origin import DOSSIER_TAG
from evalir_desktop.domain.rows import AnswerAuthor, AnswerRow
from evalir_desktop.store.file.journal import new_id
from evalir_desktop.store.town_file import select_rows
from evalir_desktop.store.unit import Repository

AUTHORS = "SELECT assessment_id, question_id, who, updated_at FROM answer "


class Answers(Repository):
    """Answers of one assessment, read together, saved one at a time."""

    def of(self, assessment_id: str) -> dict[str, Answer]:
        """The answers of one assessment, by question id."""
        rows = self._unit.query("SELECT * FROM answer WHERE assessment_id = ?", (assessment_id,))
        valid = self._unit.valid(AnswerRow, rows, "Réponse")
        return {row.question_id: row.answer() for row in valid}

    def of_many(self, assessment_ids: list[str]) -> dict[str, dict[str, Answer]]:
        """The answers of several assessments in one query (the home list's summaries)."""
        found: dict[str, dict[str, Answer]] = {
            assessment_id: {} for assessment_id in assessment_ids
        }
        rows = self._unit.query(
            "SELECT * FROM answer WHERE assessment_id IN (SELECT value FROM json_each(?))",
            (json.dumps(assessment_ids),),
        )
        for row in self._unit.valid(AnswerRow, rows, "Réponse"):
            found[row.assessment_id][row.question_id] = row.answer()
        return found

    def save(
        self,
        assessment_id: str,
        question_id: str,
        answer: Answer,
        who: str | None = None,
    ) -> None:
        """Save one answer at once (an empty answer without comment removes it)."""
        who = self._unit.who if who is None else who
        change = {"question": question_id, **answer.model_dump()}
        conn = self._unit.conn
        with self._unit.change("answer", question_id, change, assessment_id, who) as at:
            if not answer.is_answered and not answer.comment:
                conn.execute(
                    "DELETE FROM answer WHERE assessment_id = ? AND question_id = ?",
                    (assessment_id, question_id),
                )
                return
            conn.execute(
                """INSERT INTO answer
                   (id, assessment_id, question_id, value, unknown, comment, who, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (assessment_id, question_id) DO UPDATE SET
                   value = excluded.value, unknown = excluded.unknown,
                   comment = excluded.comment, who = excluded.who,
                   updated_at = excluded.updated_at""",
                (
                    new_id(),
                    assessment_id,
                    question_id,
                    None if answer.value is None else json.dumps(answer.value, ensure_ascii=False),
                    int(answer.unknown),
                    answer.comment,
                    who,
                    at,
                ),
            )

    # -- authors: a person, or the product dossier the answer was taken from -------

    def authors(self, assessment_id: str) -> dict[str, AnswerAuthor]:
        """The author of each answer of one assessment, by question id."""
        rows = select_rows(self._unit.conn, AUTHORS + "WHERE assessment_id = ?", (assessment_id,))
        return {row.question_id: row for row in self._unit.valid(AnswerAuthor, rows, "Réponse")}

    def dossier_authors(self) -> dict[str, dict[str, AnswerAuthor]]:
        """Answers taken from a product dossier, by assessment then question."""
        rows = select_rows(
            self._unit.conn,
            AUTHORS + "WHERE substr(who, 1, length(?)) = ?",
            (DOSSIER_TAG, DOSSIER_TAG),
        )
        found: dict[str, dict[str, AnswerAuthor]] = defaultdict(dict)
        for row in self._unit.valid(AnswerAuthor, rows, "Réponse"):
            found[row.assessment_id][row.question_id] = row
        return found
