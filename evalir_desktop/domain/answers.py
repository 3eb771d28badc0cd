"""One answer to one question, as the store keeps it and the engine reads it."""

from pydantic import BaseModel, ConfigDict, JsonValue

UNKNOWN_TOKEN = "inconnu"


class Answer(BaseModel):
    """An answer: a JSON value, or "Je ne sais pas" (`unknown`), plus a free comment.

    Value shapes by question type: yes/no and single choice -> option id (str);
    multiple choice -> list of option ids; scale and number -> int or float;
    short and long text -> str.
    """

    model_config = ConfigDict(frozen=True)

    value: JsonValue = None
    unknown: bool = False
    comment: str = ""

    @property
    def is_answered(self) -> bool:
        return self.unknown or self.value not in (None, "", [])
