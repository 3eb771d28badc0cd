"""Rows as they travel between files: an answer with its JSON text and author, the town
profile with its identity; and who wrote each answer."""

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune
from evalir_desktop.domain.records import Timestamp
from evalir_desktop.domain.values import MAX_VALUE_CHARS, decode_value

NOT_DECODED = ()  # JSON never decodes to a tuple; and pydantic copies () for free


class AnswerRow(BaseModel):
    """An answer row as it travels between files (value kept as its JSON text)."""

    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1, max_length=100)
    assessment_id: str
    question_id: str = Field(min_length=1, max_length=200)
    value: str | None = Field(default=None, max_length=MAX_VALUE_CHARS)
    unknown: bool = False
    comment: str = Field(default="", max_length=20_000)
    who: str = Field(default="", max_length=300)
    updated_at: Timestamp

    _decoded: object = PrivateAttr(default=NOT_DECODED)

    @model_validator(mode="after")
    def _json_value(self) -> "AnswerRow":
        # a ValueError becomes a validation error; the value is decoded once, here
        self.__pydantic_private__["_decoded"] = decode_value(self.value)
        return self

    def answer(self) -> Answer:
        value = self.__pydantic_private__["_decoded"]
        if value is NOT_DECODED:
            value = decode_value(self.value)
        return Answer(value=value, unknown=self.unknown, comment=self.comment)


class CommuneRow(Commune):
    """The town profile with the columns that travel: its UUID, the town's identity
    (empty in a file older than the identity, see `town_identity`) and `updated_at`."""

    id: str = Field(min_length=1, max_length=100)
    town_id: str = Field(default="", max_length=100)
    updated_at: Timestamp


class AnswerAuthor(BaseModel):
    """The author of one stored answer (`who`) and the time it was saved."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    assessment_id: str
    question_id: str = Field(min_length=1, max_length=200)
    who: str = Field(default="", max_length=300)
    updated_at: Timestamp
