"""Named conditions (`[conditions]`): resolve every `ref`, refusing unknown and circular names."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from evalir_desktop.content.conditions import Condition, Ref, nodes
from evalir_desktop.content.errors import ContentError
from evalir_desktop.content.models import Content


def content_conditions(content: Content, sources: Mapping[str, str]) -> Iterator[tuple]:
    """(file, key, condition) for every condition of the content, named ones first."""
    file = sources.get("conditions", "(conditions)")
    for name, named in content.conditions.items():
        yield file, f"conditions.{name}.when", named.when
    for axis in content.axes:
        file = sources.get(axis.id, f"(axe {axis.id})")
        for question in axis.questions:
            key = f"questions[{question.id}]"
            if question.show_if is not None:
                yield file, f"{key}.show_if", question.show_if
            for rec in question.recommendations:
                if rec.when is not None:
                    yield file, f"{key}.recommendations[{rec.id}].when", rec.when
    file = sources.get("rules", "(règles)")
    for rule in content.rules:
        yield file, f"rules[{rule.id}].when", rule.when
        for index, case in enumerate(rule.cases):
            yield file, f"rules[{rule.id}].cases[{index}].when", case.when


def _refs(condition: Condition) -> Iterator[Ref]:
    return (node for node in nodes(condition, follow_refs=False) if isinstance(node, Ref))


def _check_cycles(content: Content, file: str) -> None:
    """Refuse a named condition that refers to itself, directly or through others."""
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            chain = " → ".join([*path[path.index(name) :], name])
            raise ContentError(file, f"conditions.{path[0]}", f"condition circulaire : {chain}")
        if name in done:
            return
        for ref in _refs(content.conditions[name].when):
            visit(ref.ref, [*path, name])
        done.add(name)

    for name in content.conditions:
        visit(name, [])


def resolve_named(content: Content, sources: Mapping[str, str]) -> None:
    """Point every `ref` of the content at its named condition, or raise `ContentError`."""
    known = content.conditions
    for file, key, condition in content_conditions(content, sources):
        for ref in _refs(condition):
            if ref.ref not in known:
                names = ", ".join(sorted(known)) or "aucune"
                raise ContentError(
                    file,
                    key,
                    f"la condition nommée « {ref.ref} » n'existe pas (conditions définies : "
                    f"{names})",
                )
    _check_cycles(content, sources.get("conditions", "(conditions)"))
    for _file, _key, condition in content_conditions(content, sources):
        for ref in _refs(condition):
            ref.resolve(known[ref.ref].when)
