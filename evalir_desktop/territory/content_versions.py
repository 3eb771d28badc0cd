"""Which questionnaire each assessment of the territory is evaluated with, said plainly.

An assessment is evaluated with the questionnaire version it was answered with when this
program knows it (the installed one, or an earlier one archived in
`resources/content_archive/`); otherwise with the installed one, and the territory views
say so, naming the versions concerned.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from evalir_desktop.content import Content, load_archived_content
from evalir_desktop.domain.records import AssessmentRecord

if TYPE_CHECKING:
    from evalir_desktop.territory.aggregate import Evaluated


def content_for(record: AssessmentRecord, installed: Content) -> Content:
    """The content `record` was answered with if known here, else the installed one."""
    if record.content_id != installed.id or record.content_version == installed.version:
        return installed
    return load_archived_content(record.content_version) or installed


def _versions(counts: Counter) -> str:
    return ", ".join(f"{version} ({count})" for version, count in sorted(counts.items()))


def version_note(items: Iterable[Evaluated], installed: Content) -> str:
    """One French paragraph: the versions used, and the assessments evaluated with the
    installed version for want of their own."""
    items = list(items)
    own = Counter(
        item.evaluation.content_version
        for item in items
        if item.evaluation.content_version == item.record.content_version
    )
    other = Counter(
        f"{item.record.content_id} {item.record.content_version}"
        for item in items
        if item.evaluation.content_version != item.record.content_version
    )
    if not items:
        return ""
    parts = [
        "Chaque évaluation est lue avec la version du questionnaire avec laquelle elle a "
        f"été remplie\u202f: {_versions(own)}."
        if own
        else ""
    ]
    if other:
        count = sum(other.values())
        versions = _versions(other)
        if count == 1:
            text = (
                "Une évaluation a été remplie avec une version que ce programme ne connaît pas "
                f"({versions})\u202f: elle est lue avec la version installée, "
                f"{installed.version}, et ses résultats peuvent différer de ceux que voit la "
                "commune."
            )
        else:
            text = (
                f"{count} évaluations ont été remplies avec une version que ce programme ne "
                f"connaît pas ({versions})\u202f: elles sont lues avec la version installée, "
                f"{installed.version}, et leurs résultats peuvent différer de ceux que voient "
                "les communes."
            )
        parts.append(
            text + " Si le programme de l'intercommunalité est le plus ancien, mettez-le à "
            "jour\u202f; sinon, demandez aux communes concernées de mettre à jour le leur."
        )
    return " ".join(part for part in parts if part)
