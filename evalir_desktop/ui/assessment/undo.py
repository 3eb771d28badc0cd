"""Undoable answer changes (QUndoStack commands): each redo/undo saves through the store.

A command is pushed only once its change is stored, so its first redo does nothing.
"""

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from evalir_desktop.domain.answers import Answer

MERGE_ID = 4001


class AnswerCommand(QUndoCommand):
    """Set one answer; undo puts the previous one back (or removes it)."""

    def __init__(
        self,
        question_id: str,
        label: str,
        before: Answer | None,
        after: Answer,
        apply: Callable[[str, Answer, bool], None],
        typing: bool,
    ):
        super().__init__(label)
        self.question_id = question_id
        self.before = before or Answer()
        self.after = after
        self.apply = apply
        self.typing = typing
        self.first = True

    def id(self) -> int:
        return MERGE_ID if self.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Successive typing pauses in one text become one step to undo."""
        if not isinstance(other, AnswerCommand) or other.question_id != self.question_id:
            return False
        if not other.typing:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self.first:  # pushed after the change was stored
            self.first = False
            return
        self.apply(self.question_id, self.after, True)

    def undo(self) -> None:
        self.apply(self.question_id, self.before, True)
