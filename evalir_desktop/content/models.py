"""Pydantic models of the assessment content: axes, questions, rules, templates, glossary."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, PrivateAttr, model_validator

from evalir_desktop.content.conditions import NAME_PATTERN, Condition

QuestionType = Literal[
    "oui_non", "choix_unique", "choix_multiple", "echelle", "nombre", "texte_court", "texte_long"
]
Role = Literal["agent", "dgs", "dpd", "elu", "fournisseur"]
Level = Literal["interdit", "obligation", "recommandation", "vigilance", "a_verifier"]
Priority = Literal["haute", "moyenne", "basse"]
QuestionId = Annotated[str, Field(pattern=r"^[a-z0-9_]+\.[a-z0-9_]+$")]
Version = Annotated[str, Field(pattern=r"^\d{4}\.\d{2}\.\d+$")]

CHOICE_TYPES = ("oui_non", "choix_unique", "choix_multiple")
SCORABLE_TYPES = (*CHOICE_TYPES, "echelle")
LEVEL_ORDER = {"interdit": 0, "obligation": 1, "a_verifier": 2, "vigilance": 3, "recommandation": 4}
PRIORITY_ORDER = {"haute": 0, "moyenne": 1, "basse": 2}

ROLE_LABELS = {
    "agent": "Agent chargé du projet",
    "dgs": "Secrétaire de mairie ou directeur général des services",
    "dpd": "Délégué à la protection des données",
    "elu": "Élu",
    "fournisseur": "Fournisseur de l'outil",
}
PRIORITY_LABELS = {
    "haute": "Priorité haute",
    "moyenne": "Priorité moyenne",
    "basse": "Priorité basse",
}
LEVEL_LABELS = {
    "interdit": "Interdit",
    "obligation": "Obligation",
    "recommandation": "Recommandation",
    "vigilance": "Point de vigilance",
    "a_verifier": "À vérifier",
}
# What every count of "obligations" counts: the levels that bind the town.
BINDING_LEVELS = ("interdit", "obligation")


def is_binding(level: str) -> bool:
    return level in BINDING_LEVELS


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(Strict):
    """One possible answer; `score` 0–100 for scored questions, `exclusive` stands alone."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    label: str = Field(min_length=1)
    score: int | None = Field(default=None, ge=0, le=100)
    exclusive: bool = False


class Recommendation(Strict):
    """Advice shown when an answer is weak: on chosen `options`, on "Je ne sais pas", or `when`."""

    id: str = Field(pattern=r"^[a-z0-9_.]+$")
    text: str = Field(min_length=1)
    who: Role
    why: str = Field(min_length=1)
    priority: Priority = "moyenne"
    options: list[str] = Field(default_factory=list)
    on_unknown: bool = False
    below: float | None = Field(default=None, description="scale answers strictly below")
    when: Condition | None = None

    @model_validator(mode="after")
    def _has_trigger(self) -> Recommendation:
        if not (self.options or self.on_unknown or self.below is not None or self.when):
            raise ValueError("une recommandation doit dire quand elle s'applique")
        return self


class Question(Strict):
    """One question of one axis (or of the context step)."""

    id: QuestionId
    label: str = Field(min_length=5)
    help: str = Field(min_length=10)
    references: list[str] = Field(default_factory=list)
    role: Role = "agent"
    type: QuestionType
    options: list[Option] = Field(default_factory=list)
    weight: float = Field(default=1.0, ge=0, le=10)
    unknown_allowed: bool = True
    show_if: Condition | None = None
    min: float | None = None
    max: float | None = None
    to_check: str = Field(default="", description="an uncertain fact, shown as « à vérifier »")
    product: bool = Field(
        default=False,
        description="the answer describes the tool, the same in every town that uses it: "
        "a product dossier carries it to other towns",
    )
    recommendations: list[Recommendation] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _default_yes_no(cls, data):
        if isinstance(data, dict) and data.get("type") == "oui_non" and not data.get("options"):
            data = dict(data)
            data["options"] = [
                {"id": "oui", "label": "Oui", "score": 100},
                {"id": "non", "label": "Non", "score": 0},
            ]
        return data

    @model_validator(mode="after")
    def _shape(self) -> Question:
        if self.type in CHOICE_TYPES and len(self.options) < 2:
            raise ValueError("une question à choix doit proposer au moins deux options")
        if self.type not in CHOICE_TYPES and self.options:
            raise ValueError(f"une question de type {self.type} ne prend pas d'options")
        if self.type == "echelle" and (
            self.min is None or self.max is None or self.min >= self.max
        ):
            raise ValueError("une échelle doit avoir « min » et « max » (min < max)")
        ids = [option.id for option in self.options]
        if len(ids) != len(set(ids)):
            raise ValueError("deux options portent le même identifiant")
        return self

    @property
    def axis_id(self) -> str:
        return self.id.split(".", 1)[0]

    def option(self, option_id: str) -> Option | None:
        return next((option for option in self.options if option.id == option_id), None)

    def option_label(self, option_id: str) -> str:
        option = self.option(option_id)
        return option.label if option else option_id


class Axis(Strict):
    """A step of the assessment; `scored = false` for the context step."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str
    short_title: str = ""
    description: str
    scored: bool = True
    order: int
    questions: list[Question]

    @model_validator(mode="after")
    def _ids_prefixed(self) -> Axis:
        for question in self.questions:
            if question.axis_id != self.id:
                raise ValueError(f"la question {question.id} doit commencer par « {self.id}. »")
        return self


class RuleCase(Strict):
    """A refinement of a rule: the first case whose condition holds sets level and text."""

    when: Condition
    level: Level
    explanation: str = ""
    title: str = ""


class Link(Strict):
    """Where to re-read a legal source: Légifrance, EUR-Lex, the authority's own site."""

    title: str = Field(min_length=3)
    url: str = Field(pattern=r"^https://[^\s]+$")


class Rule(Strict):
    """A qualification rule: condition -> obligation, prohibition or warning, with its dates.

    `applies_from` is the date from which the rule applies; `final_limit` a later date by
    which the cases named in `final_limit_for` must comply. `checked_in` is the content
    version that last re-read the rule against its sources.
    """

    id: str = Field(pattern=r"^[a-z0-9_]+\.[a-z0-9_]+$")
    title: str
    level: Level
    reference: str
    explanation: str
    applies_from: date
    final_limit: date | None = None
    final_limit_for: str = ""
    timing: str = Field(default="", description="when in the project, e.g. before first use")
    sources: list[Link] = Field(min_length=1)
    checked_in: Version
    to_check: str = ""
    when: Condition
    cases: list[RuleCase] = Field(default_factory=list)

    @model_validator(mode="after")
    def _final_limit(self) -> Rule:
        if (self.final_limit is None) != (not self.final_limit_for):
            raise ValueError("« final_limit » et « final_limit_for » vont ensemble")
        if self.final_limit is not None and self.final_limit <= self.applies_from:
            raise ValueError("« final_limit » doit suivre « applies_from »")
        return self


class NamedCondition(Strict):
    """A condition shared by several rules, used as `{ ref = "<name>" }`."""

    title: str = Field(min_length=5, description="what it means, in plain French")
    when: Condition


class ChangelogEntry(Strict):
    """What one content version changed, in plain French (printed in the method)."""

    version: Version
    released: date
    changes: list[str] = Field(min_length=1)


class MethodSection(Strict):
    """A section of the published method (`docs/methode.md`): fixed prose."""

    title: str = Field(min_length=3)
    text: str = Field(min_length=10)


class Template(Strict):
    """A use-case template: description and pre-filled context facts only."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str
    description: str
    ai_type: str = ""
    service: str = ""
    answers: dict[str, JsonValue]


class GlossaryEntry(Strict):
    term: str
    definition: str


class Content(Strict):
    """The whole content: read-only data loaded once."""

    id: str
    version: Version
    title: str
    axes: list[Axis]
    rules: list[Rule]
    templates: list[Template]
    glossary: list[GlossaryEntry]
    changelog: list[ChangelogEntry] = Field(default_factory=list)
    method: list[MethodSection] = Field(default_factory=list)
    conditions: dict[Annotated[str, Field(pattern=NAME_PATTERN)], NamedCondition] = Field(
        default_factory=dict, description="named conditions, referred to by `{ ref = name }`"
    )
    renamed_questions: dict[QuestionId, QuestionId] = Field(
        default_factory=dict, description="old question id -> current question id"
    )
    retired_options: dict[QuestionId, list[str]] = Field(
        default_factory=dict, description="options of earlier versions, answered again"
    )
    _index: dict[str, Question] | None = PrivateAttr(default=None)

    def questions(self) -> list[Question]:
        return [question for axis in self.axes for question in axis.questions]

    def question(self, question_id: str) -> Question | None:
        # the private dict is read directly: pydantic's attribute lookup of a private
        # attribute costs more than the dictionary look-up itself, on the hottest path
        private = self.__pydantic_private__
        if private["_index"] is None:
            private["_index"] = {question.id: question for question in self.questions()}
        return private["_index"].get(question_id)

    def axis(self, axis_id: str) -> Axis | None:
        return next((axis for axis in self.axes if axis.id == axis_id), None)

    def option(self, question_id: str, option_id: str) -> Option | None:
        question = self.question(question_id)
        return question.option(option_id) if question else None

    def template(self, template_id: str) -> Template | None:
        return next((t for t in self.templates if t.id == template_id), None)

    def rule_ids(self) -> list[str]:
        return [rule.id for rule in self.rules]

    def rule(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)
