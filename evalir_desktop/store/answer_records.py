"""The answers of an assessment: read them, save one at a time (mixed into `Store`)."""

import json
import sqlite3
from collections.abc import Callable, Iterator

from evalir_desktop.answers import Answer
from evalir_desktop.store.journal import new_id
from evalir_desktop.store.town_file import AnswerRow


class AnswerRecords:
    """Answers of one assessment (mixed into `Store`)."""

    _conn: sqlite3.Connection
    _db: object  # sqlite_utils.Database, made by Store on the first change
    _change: Callable
    _valid: Callable
    _query: Callable[..., Iterator[dict]]
    who: str

    def answers(self, assessment_id: str) -> dict[str, Answer]:
        rows = self._query("SELECT * FROM answer WHERE assessment_id = ?", (assessment_id,))
        return {row.question_id: row.answer() for row in self._valid(AnswerRow, rows, "Réponse")}

    def answers_of(self, assessment_ids: list[str]) -> dict[str, dict[str, Answer]]:
        """The answers of several assessments in one query (the home list's summaries)."""
        found: dict[str, dict[str, Answer]] = {
            assessment_id: {} for assessment_id in assessment_ids
        }
        rows = self._query(
            "SELECT * FROM answer WHERE assessment_id IN (SELECT value FROM json_each(?))",
            (json.dumps(assessment_ids),),
        )
        for row in self._valid(AnswerRow, rows, "Réponse"):
            found[row.assessment_id][row.question_id] = row.answer()
        return found

    def save_answer(
        self,
        assessment_id: str,
        question_id: str,
        answer: Answer,
        who: str | None = None,
    ) -> None:
        """Save one answer at once (an empty answer without comment removes it)."""
        who = self.who if who is None else who
        change = {"question": question_id, **answer.model_dump()}
        with self._change("answer", question_id, change, assessment_id, who) as at:
            if not answer.is_answered and not answer.comment:
                self._conn.execute(
                    "DELETE FROM answer WHERE assessment_id = ? AND question_id = ?",
                    (assessment_id, question_id),
                )
                return
            self._conn.execute(
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
