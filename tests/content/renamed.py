"""A copy of the real content in which one question is renamed, with its mapping."""

import shutil
from pathlib import Path

from evalir_desktop.content import Content, load_content_from
from evalir_desktop.resources import resource_path
from tests.content.helpers import CHATBOT_CONTEXT

OLD_ID = "inclusion.alternative_humaine"
NEW_ID = "inclusion.canal_humain"
# A town chatbot with no human channel: the renamed question is shown, scored, has a
# recommendation and triggers the rule `canal_humain.absent`.
CHATBOT = {
    **CHATBOT_CONTEXT,
    "inclusion.essais_publics": "oui",
}
TITLE_LINE = 'title = "Évaluer un projet d\'intelligence artificielle dans une commune"\n'


def renamed_copy(tmp_path: Path, mapping: str | None = None) -> Path:
    """Copy `resources/content/`, rename OLD_ID to NEW_ID everywhere, add `mapping`."""
    target = tmp_path / "contenu renommé"
    shutil.copytree(resource_path("content"), target)
    meta = target / "00_contenu.toml"
    for path in set(target.glob("*.toml")) - {meta}:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(OLD_ID, NEW_ID), encoding="utf-8")
    text = meta.read_text(encoding="utf-8")
    assert TITLE_LINE in text
    if mapping is None:
        mapping = f'"{OLD_ID}" = "{NEW_ID}"'
    table = f"renamed_questions = {{ {mapping} }}\n"
    meta.write_text(text.replace(TITLE_LINE, TITLE_LINE + table, 1), encoding="utf-8")
    return target


def renamed_content(tmp_path: Path) -> Content:
    return load_content_from(renamed_copy(tmp_path))
