"""What "À propos" shows: program and content versions, bundled components (no Qt)."""

import logging
import tomllib
from dataclasses import dataclass
from pathlib import Path

from evalir_desktop import __version__
from evalir_desktop.resources import resource_path

log = logging.getLogger("evalir")


@dataclass(frozen=True)
class Component:
    name: str
    licence: str
    notice: str
    texts: tuple[Path, ...]
    distributions: tuple[str, ...]
    source: str = ""


def program_version() -> str:
    return __version__


def content_version() -> str | None:
    """The version of the assessment content, or None if it cannot be loaded."""
    try:
        from evalir_desktop.content import load_content
    except ImportError:  # content package not available in this build
        return None
    try:
        return load_content().version
    except Exception as error:  # any failure must not break the about dialog
        log.warning("Content version unavailable: %s", error)
        return None


def components(path: Path | None = None) -> list[Component]:
    """The bundled components and their licences, from `resources/licences/`."""
    path = path or resource_path("licences", "components.toml")
    with path.open("rb") as stream:
        data = tomllib.load(stream)
    return [
        Component(
            name=item["name"],
            licence=item["licence"],
            notice=item["notice"],
            texts=tuple(resource_path(*text.split("/")) for text in item["texts"]),
            distributions=tuple(item["distributions"]),
            source=item.get("source", ""),
        )
        for item in data["component"]
    ]
