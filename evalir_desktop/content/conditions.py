"""The declarative condition language of `show_if` and qualification rules, evaluated here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, JsonValue, model_validator

from evalir_desktop.answers import UNKNOWN_TOKEN, Answer
from evalir_desktop.commune import Commune

COMPARISONS = ("gt", "gte", "lt", "lte")
PROFILE_FIELDS = ("population", "agents_etp", "dpd_designe")
PROFILE_PREFIX = "profil."


class Condition(BaseModel):
    """One node: a combinator (`all`, `any`, `not`) or a test on one answer or profile field.

    Tests on a question `q` (or a town-profile field `profile`): `equals`, `in`,
    `contains` (a multiple-choice answer holds the option, or one of a list),
    `gt`/`gte`/`lt`/`lte` (numbers), `count_gte` (number of options chosen),
    `answered` and `unknown` (true/false).
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    all_: list[Condition] | None = Field(default=None, alias="all")
    any_: list[Condition] | None = Field(default=None, alias="any")
    not_: Condition | None = Field(default=None, alias="not")
    q: str | None = None
    profile: str | None = None
    equals: JsonValue = None
    in_: list[JsonValue] | None = Field(default=None, alias="in")
    contains: str | list[str] | None = None
    gt: float | None = None
    gte: float | None = None
    lt: float | None = None
    lte: float | None = None
    count_gte: int | None = None
    answered: bool | None = None
    unknown: bool | None = None

    @model_validator(mode="after")
    def _one_shape(self) -> Condition:
        combinators = [n for n in ("all_", "any_", "not_") if getattr(self, n) is not None]
        subjects = [n for n in ("q", "profile") if getattr(self, n) is not None]
        tests = [name for name in self._test_names() if getattr(self, name) is not None]
        if combinators:
            if len(combinators) > 1 or subjects or tests:
                raise ValueError("une condition « all », « any » ou « not » doit être seule")
            return self
        if len(subjects) != 1:
            raise ValueError("une condition doit porter sur une question « q » ou sur « profile »")
        if self.profile is not None and self.profile not in PROFILE_FIELDS:
            raise ValueError(f"champ du profil inconnu : {self.profile}")
        if not tests:
            raise ValueError("une condition doit comporter un test (equals, in, gte...)")
        if len(tests) > 1 and not set(tests) <= set(COMPARISONS):
            raise ValueError("un seul test par condition, sauf pour les bornes numériques")
        return self

    @staticmethod
    def _test_names() -> tuple[str, ...]:
        return ("equals", "in_", "contains", *COMPARISONS, "count_gte", "answered", "unknown")

    def children(self) -> list[Condition]:
        if self.all_ is not None:
            return list(self.all_)
        if self.any_ is not None:
            return list(self.any_)
        if self.not_ is not None:
            return [self.not_]
        return []

    def question_ids(self) -> set[str]:
        """Every question id this condition reads, at any depth."""
        found = {self.q} if self.q else set()
        for child in self.children():
            found |= child.question_ids()
        return found


@dataclass(frozen=True)
class Fact:
    """One answer or profile field that made a condition true."""

    source_id: str
    value: Any


class Context:
    """What conditions read: the effective answers and the town profile."""

    def __init__(self, answers: Mapping[str, Answer], commune: Commune | None):
        self.answers = answers
        self.commune = commune

    def read(self, condition: Condition) -> tuple[Any, bool, bool]:
        """Return (value, answered, unknown) for the subject of a leaf condition."""
        if condition.profile is not None:
            value = getattr(self.commune, condition.profile, None) if self.commune else None
            is_unknown = value is None or value == UNKNOWN_TOKEN
            return (None if is_unknown else value), not is_unknown, is_unknown
        answer = self.answers.get(condition.q or "")
        if answer is None or not answer.is_answered:
            return None, False, False
        if answer.unknown:
            return None, True, True
        return answer.value, True, False


def _compare(condition: Condition, value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    bounds = {
        "gt": lambda b: value > b,
        "gte": lambda b: value >= b,
        "lt": lambda b: value < b,
        "lte": lambda b: value <= b,
    }
    return all(
        test(getattr(condition, name))
        for name, test in bounds.items()
        if getattr(condition, name) is not None
    )


def _leaf_holds(condition: Condition, ctx: Context) -> bool:
    value, answered, is_unknown = ctx.read(condition)
    if condition.answered is not None:
        return answered == condition.answered
    if condition.unknown is not None:
        return is_unknown == condition.unknown
    if value is None:
        return False
    if condition.equals is not None:
        return value == condition.equals
    if condition.in_ is not None:
        return value in condition.in_
    if condition.contains is not None:
        wanted = [condition.contains] if isinstance(condition.contains, str) else condition.contains
        held = value if isinstance(value, list) else [value]
        return any(item in held for item in wanted)
    if condition.count_gte is not None:
        return isinstance(value, list) and len(value) >= condition.count_gte
    return _compare(condition, value)


def holds(condition: Condition, ctx: Context) -> bool:
    """Evaluate a condition against the answers and the town profile."""
    if condition.all_ is not None:
        return all(holds(child, ctx) for child in condition.all_)
    if condition.any_ is not None:
        return any(holds(child, ctx) for child in condition.any_)
    if condition.not_ is not None:
        return not holds(condition.not_, ctx)
    return _leaf_holds(condition, ctx)


def _leaf_fact(condition: Condition, ctx: Context) -> Fact | None:
    value, answered, is_unknown = ctx.read(condition)
    if not answered:
        return None
    source = condition.q if condition.q else PROFILE_PREFIX + (condition.profile or "")
    return Fact(source, UNKNOWN_TOKEN if is_unknown else value)


def facts(condition: Condition, ctx: Context) -> list[Fact]:
    """The answers that make a true condition true (empty when it does not hold).

    Under `not`, the answered subjects inside are reported: their values are what
    keeps the negated test false.
    """
    if not holds(condition, ctx):
        return []
    if condition.all_ is not None or condition.any_ is not None:
        found: list[Fact] = []
        for child in condition.children():
            for fact in facts(child, ctx):
                if fact not in found:
                    found.append(fact)
        return found
    if condition.not_ is not None:
        return _answered_leaves(condition.not_, ctx)
    fact = _leaf_fact(condition, ctx)
    return [fact] if fact else []


def _answered_leaves(condition: Condition, ctx: Context) -> list[Fact]:
    if condition.children():
        found: list[Fact] = []
        for child in condition.children():
            for fact in _answered_leaves(child, ctx):
                if fact not in found:
                    found.append(fact)
        return found
    fact = _leaf_fact(condition, ctx)
    return [fact] if fact else []
