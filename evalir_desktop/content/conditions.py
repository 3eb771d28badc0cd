"""The declarative condition language of `show_if`, recommendations and rules, evaluated here."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    JsonValue,
    PrivateAttr,
    Tag,
    TypeAdapter,
    model_validator,
)

from evalir_desktop.domain.answers import UNKNOWN_TOKEN, Answer
from evalir_desktop.domain.commune import Commune

COMPARISONS = ("gt", "gte", "lt", "lte")
TESTS = ("equals", "in_", "contains", *COMPARISONS, "count_gte", "answered", "unknown")
PROFILE_FIELDS = ("population", "agents_etp", "dpd_designe")
PROFILE_LABELS = {
    "population": "Population de la commune (profil)",
    "agents_etp": "Nombre d'agents en équivalent temps plein (profil)",
    "dpd_designe": "Délégué à la protection des données désigné (profil)",
}
PROFILE_PREFIX = "profil."
COMBINATOR_KEYS = ("all", "any", "not", "ref")
SHAPE_ERROR = "« all », « any », « not » ou « ref » doit être seul dans ses accolades"
NAME_PATTERN = r"^[a-z0-9_]+$"


class Node(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class AllOf(Node):
    """`{ all = [ … ] }`: every condition of the list holds."""

    all_: list[Condition] = Field(alias="all", min_length=1)


class AnyOf(Node):
    """`{ any = [ … ] }`: at least one condition of the list holds."""

    any_: list[Condition] = Field(alias="any", min_length=1)


class Not(Node):
    """`{ not = { … } }`: the condition does not hold."""

    not_: Condition = Field(alias="not")


class Ref(Node):
    """`{ ref = "name" }`: the named condition of `[conditions]`, resolved at load time."""

    ref: str = Field(pattern=NAME_PATTERN)
    _target: Condition | None = PrivateAttr(default=None)

    @property
    def target(self) -> Condition:
        if self._target is None:
            raise LookupError(f"named condition {self.ref!r} used before the content was loaded")
        return self._target

    def resolve(self, target: Condition) -> None:
        self._target = target


class Test(Node):
    """A test on one answer `q` or one town-profile field `profile`.

    `equals`, `in`, `contains` (a multiple-choice answer holds the option, or one of a
    list), `gt`/`gte`/`lt`/`lte` (numbers, may be combined), `count_gte` (number of options
    chosen), `answered` and `unknown` (true/false).
    """

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
    def _one_test(self) -> Test:
        subjects = [name for name in ("q", "profile") if getattr(self, name) is not None]
        tests = [name for name in TESTS if getattr(self, name) is not None]
        if len(subjects) != 1:
            raise ValueError("une condition doit porter sur une question « q » ou sur « profile »")
        if self.profile is not None and self.profile not in PROFILE_FIELDS:
            raise ValueError(f"champ du profil inconnu : {self.profile}")
        if not tests:
            raise ValueError("une condition doit comporter un test (equals, in, gte...)")
        if len(tests) > 1 and not set(tests) <= set(COMPARISONS):
            raise ValueError("un seul test par condition, sauf pour les bornes numériques")
        return self

    def option_ids(self) -> list[str]:
        """The option ids this test names (for the load checks)."""
        named = [self.equals] if isinstance(self.equals, str) else []
        named += [value for value in self.in_ or [] if isinstance(value, str)]
        if self.contains is not None:
            named += [self.contains] if isinstance(self.contains, str) else self.contains
        return named


KINDS = {AllOf: "all", AnyOf: "any", Not: "not", Ref: "ref", Test: "test"}


def _kind(data: Any) -> str | None:
    """The node kind of raw TOML data (or of a node): one combinator key alone, or a test."""
    if not isinstance(data, dict):
        return KINDS.get(type(data))
    keys = [key for key in COMBINATOR_KEYS if key in data]
    if not keys:
        return "test"
    return keys[0] if len(data) == 1 else None


Condition = Annotated[
    Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[Not, Tag("not")]
    | Annotated[Ref, Tag("ref")]
    | Annotated[Test, Tag("test")],
    Discriminator(
        _kind,
        custom_error_type="condition_shape",
        custom_error_message=SHAPE_ERROR,
    ),
]
CONDITION = TypeAdapter(Condition)


def parse_condition(data: Any) -> Condition:
    """Validate raw data (a TOML table) as a condition; raises pydantic's `ValidationError`."""
    return CONDITION.validate_python(data)


def children(condition: Condition) -> list[Condition]:
    """The direct sub-conditions; a resolved named condition has its target as child."""
    if isinstance(condition, AllOf):
        return list(condition.all_)
    if isinstance(condition, AnyOf):
        return list(condition.any_)
    if isinstance(condition, Not):
        return [condition.not_]
    if isinstance(condition, Ref):
        return [condition.target]
    return []


def nodes(condition: Condition, follow_refs: bool = True) -> Iterator[Condition]:
    """Every node at any depth, this one first; named conditions entered when asked."""
    yield condition
    if isinstance(condition, Ref) and not follow_refs:
        return
    for child in children(condition):
        yield from nodes(child, follow_refs)


def tests(condition: Condition) -> Iterator[Test]:
    """Every test at any depth, through named conditions."""
    return (node for node in nodes(condition) if isinstance(node, Test))


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

    def read(self, test: Test) -> tuple[Any, bool, bool]:
        """Return (value, answered, unknown) for the subject of a test."""
        if test.profile is not None:
            value = getattr(self.commune, test.profile, None) if self.commune else None
            is_unknown = value is None or value == UNKNOWN_TOKEN
            return (None if is_unknown else value), not is_unknown, is_unknown
        answer = self.answers.get(test.q or "")
        if answer is None or not answer.is_answered:
            return None, False, False
        if answer.unknown:
            return None, True, True
        return answer.value, True, False


def _compare(test: Test, value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    bounds = {
        "gt": lambda b: value > b,
        "gte": lambda b: value >= b,
        "lt": lambda b: value < b,
        "lte": lambda b: value <= b,
    }
    return all(
        check(getattr(test, name))
        for name, check in bounds.items()
        if getattr(test, name) is not None
    )


def _test_holds(test: Test, ctx: Context) -> bool:
    value, answered, is_unknown = ctx.read(test)
    if test.answered is not None:
        return answered == test.answered
    if test.unknown is not None:
        return is_unknown == test.unknown
    if value is None:
        return False
    if test.equals is not None:
        return value == test.equals
    if test.in_ is not None:
        return value in test.in_
    if test.contains is not None:
        wanted = [test.contains] if isinstance(test.contains, str) else test.contains
        held = value if isinstance(value, list) else [value]
        return any(item in held for item in wanted)
    if test.count_gte is not None:
        return isinstance(value, list) and len(value) >= test.count_gte
    return _compare(test, value)


def holds(condition: Condition, ctx: Context) -> bool:
    """Evaluate a condition against the answers and the town profile."""
    if isinstance(condition, AllOf):
        return all(holds(child, ctx) for child in condition.all_)
    if isinstance(condition, AnyOf):
        return any(holds(child, ctx) for child in condition.any_)
    if isinstance(condition, Not):
        return not holds(condition.not_, ctx)
    if isinstance(condition, Ref):
        return holds(condition.target, ctx)
    return _test_holds(condition, ctx)


def _fact(test: Test, ctx: Context) -> Fact | None:
    value, answered, is_unknown = ctx.read(test)
    if not answered:
        return None
    source = test.q if test.q else PROFILE_PREFIX + (test.profile or "")
    return Fact(source, UNKNOWN_TOKEN if is_unknown else value)


def _merge(found: list[Fact], more: list[Fact]) -> list[Fact]:
    return found + [fact for fact in more if fact not in found]


def facts(condition: Condition, ctx: Context) -> list[Fact]:
    """The answers that make a true condition true (empty when it does not hold).

    Under `not`, the answered subjects inside are reported: their values are what
    keeps the negated test false.
    """
    if not holds(condition, ctx):
        return []
    if isinstance(condition, Not):
        return _answered(condition.not_, ctx)
    if isinstance(condition, Test):
        fact = _fact(condition, ctx)
        return [fact] if fact else []
    found: list[Fact] = []
    for child in children(condition):
        found = _merge(found, facts(child, ctx))
    return found


def _answered(condition: Condition, ctx: Context) -> list[Fact]:
    found: list[Fact] = []
    for test in tests(condition):
        fact = _fact(test, ctx)
        if fact is not None:
            found = _merge(found, [fact])
    return found
