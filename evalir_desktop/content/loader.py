"""Read `resources/content/*.toml`, validate it, and cache the resulting `Content`."""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path

from pydantic import BaseModel, ValidationError

from evalir_desktop.content.checks import check_references
from evalir_desktop.content.conditions import KINDS
from evalir_desktop.content.errors import ContentError
from evalir_desktop.content.models import (
    Axis,
    ChangelogEntry,
    Content,
    GlossaryEntry,
    MethodSection,
    NamedCondition,
    Rule,
    Template,
)
from evalir_desktop.content.named import resolve_named
from evalir_desktop.resources import resource_path

CONDITION_KINDS = set(KINDS.values())
TOP_LEVEL_KEYS = {
    "content",
    "conditions",
    "axis",
    "questions",
    "rules",
    "templates",
    "glossary",
    "changelog",
    "method",
}


class _FileParts(BaseModel):
    content: dict | None = None
    axis: dict | None = None
    conditions: dict = {}
    questions: list[dict] = []
    rules: list[dict] = []
    templates: list[dict] = []
    glossary: list[dict] = []
    changelog: list[dict] = []
    method: list[dict] = []


def _key_path(raw: dict, loc: tuple) -> str:
    """Render a pydantic location, naming list items by their `id` when they have one."""
    parts: list[str] = []
    node = raw
    for step in loc:
        if isinstance(step, int) and isinstance(node, list) and step < len(node):
            node = node[step]
            name = node.get("id") if isinstance(node, dict) else None
            parts[-1] = f"{parts[-1]}[{step}{' ' + name if name else ''}]" if parts else f"[{step}]"
            continue
        parts.append(str(step))
        node = node.get(step) if isinstance(node, dict) else None
    return ".".join(parts)


def _without_tags(loc: tuple) -> tuple:
    """Drop the condition kinds pydantic adds to a location (`any`, `any`, 0 → `any`, 0)."""
    kept = []
    for index, part in enumerate(loc):
        following = loc[index + 1] if index + 1 < len(loc) else None
        if part == "test" or (part in CONDITION_KINDS and following == part):
            continue
        kept.append(part)
    return tuple(kept)


def _validate(model, raw: dict, file: str, prefix: str = ""):
    """Validate `raw` with a pydantic model or type adapter, or raise `ContentError`."""
    validate = getattr(model, "model_validate", None) or model.validate_python
    try:
        return validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        loc = tuple(part for part in first["loc"] if not str(part).startswith("function-"))
        loc = _without_tags(loc)
        key = _key_path(raw, loc)
        raise ContentError(file, f"{prefix}{key}".strip("."), first["msg"]) from None


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(path.name, "", f"syntaxe TOML incorrecte ({error})") from None
    except OSError as error:
        raise ContentError(path.name, "", f"lecture impossible ({error.strerror})") from None


LISTS = {
    "rules": Rule,
    "templates": Template,
    "glossary": GlossaryEntry,
    "changelog": ChangelogEntry,
    "method": MethodSection,
}


def _read_conditions(parts: _FileParts, file: str, conditions: dict, sources: dict) -> None:
    for name, raw in parts.conditions.items():
        if name in conditions:
            raise ContentError(file, f"conditions.{name}", "condition déjà définie ailleurs")
        conditions[name] = _validate(NamedCondition, raw, file, f"conditions.{name}.")
        sources.setdefault("conditions", file)


def load_content_from(directory: Path) -> Content:
    """Load and validate every `*.toml` file of a directory (sorted by name)."""
    files = sorted(directory.glob("*.toml"))
    if not files:
        raise ContentError(str(directory), "", "aucun fichier de contenu trouvé")
    meta: dict | None = None
    axes: list[Axis] = []
    lists: dict[str, list] = {key: [] for key in LISTS}
    conditions: dict[str, NamedCondition] = {}
    sources: dict[str, str] = {}
    for path in files:
        raw = _read_toml(path)
        extra = set(raw) - TOP_LEVEL_KEYS
        if extra:
            raise ContentError(path.name, sorted(extra)[0], "section inconnue")
        parts = _FileParts.model_validate(raw)
        if parts.content is not None:
            if meta is not None:
                raise ContentError(path.name, "content", "la section est déjà définie ailleurs")
            meta = parts.content
            sources["content"] = path.name
        if parts.axis is not None:
            axis_raw = {**parts.axis, "questions": parts.questions}
            axes.append(_validate(Axis, axis_raw, path.name))
            sources[axes[-1].id] = path.name
        elif parts.questions:
            raise ContentError(path.name, "questions", "des questions sans section [axis]")
        _read_conditions(parts, path.name, conditions, sources)
        for key, model in LISTS.items():
            items = getattr(parts, key)
            if items:
                sources[key] = path.name
            lists[key] += [
                _validate(model, item, path.name, f"{key}[{index}].")
                for index, item in enumerate(items)
            ]
    if meta is None:
        raise ContentError(directory.name, "content", "aucun fichier ne définit [content]")
    axes.sort(key=lambda axis: axis.order)
    content = _validate(
        Content,
        {**meta, **lists, "conditions": conditions, "axes": axes},
        sources.get("content", "(ensemble du contenu)"),
        "content.",
    )
    resolve_named(content, sources)
    check_references(content, sources)
    return content


@functools.cache
def load_content() -> Content:
    """The program's content, loaded once from `resources/content/`."""
    return load_content_from(resource_path("content"))


@functools.cache
def load_archived_content(version: str) -> Content | None:
    """An earlier content version, kept read-only in `resources/content_archive/<version>/`.

    None when that version is not archived (or the text is not a version number: it may
    come from a file of another town).
    """
    if not re.fullmatch(r"\d{4}\.\d{2}\.\d+", version):
        return None
    directory = resource_path("content_archive", version)
    return load_content_from(directory) if directory.is_dir() else None
