"""The published method (`docs/methode.md`), generated from the content so it cannot drift.

`method_blocks` gives headings, paragraphs, lists and a table that both the Markdown file
and the printed document render. Regenerate the file with
`python -m evalir_desktop.assessment.method > docs/methode.md`.
"""

from __future__ import annotations

from dataclasses import dataclass

from evalir_desktop.assessment.scoring import is_scored
from evalir_desktop.content.describe import Line, describe
from evalir_desktop.content.models import LEVEL_LABELS, LEVEL_ORDER, Content, Rule
from evalir_desktop.french import NNBSP, french_date, quoted

COLON = f"{NNBSP}:"


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Items:
    """A bulleted list; each line carries its depth (0 for the outer list)."""

    lines: list[Line]


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]


Block = Heading | Paragraph | Items | Table


def _dates(rule: Rule) -> list[Line]:
    lines = [(0, f"Date{COLON} s'applique à partir du {french_date(rule.applies_from)}.")]
    if rule.final_limit is not None:
        limit = french_date(rule.final_limit)
        lines.append((0, f"Date limite{COLON} au plus tard le {limit} {rule.final_limit_for}."))
    if rule.timing:
        lines.append((0, f"Moment{COLON} {rule.timing.rstrip('.')}."))
    return lines


def _rule_blocks(rule: Rule, content: Content) -> list[Block]:
    lines: list[Line] = [
        (0, f"Niveau{COLON} {LEVEL_LABELS[rule.level]}."),
        (0, f"S'applique quand{COLON}"),
        *describe(rule.when, content, 1),
    ]
    for case in rule.cases:
        title = f" {quoted(case.title)}" if case.title else ""
        level = quoted(LEVEL_LABELS[case.level])
        lines.append((0, f"Cas particulier{title}, niveau {level}, quand{COLON}"))
        lines += describe(case.when, content, 1)
    lines.append((0, f"Base légale{COLON} {rule.reference}."))
    lines += [(0, f"À relire{COLON} {source.title}, {source.url}") for source in rule.sources]
    lines += _dates(rule)
    if rule.to_check:
        lines.append((0, f"Point ouvert, à vérifier{COLON} {rule.to_check}"))
    lines.append((0, f"Relue avec la version {rule.checked_in} du questionnaire."))
    return [
        Heading(4, rule.title),
        Paragraph(f"Identifiant `{rule.id}`. {rule.explanation}"),
        Items(lines),
    ]


def _rules(content: Content) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Les règles de qualification")]
    for level in sorted(LEVEL_ORDER, key=LEVEL_ORDER.get):
        rules = [rule for rule in content.rules if rule.level == level]
        if rules:
            blocks.append(Heading(3, f"Niveau {quoted(LEVEL_LABELS[level])}"))
        for rule in rules:
            blocks += _rule_blocks(rule, content)
    return blocks


def _named(content: Content) -> list[Block]:
    blocks: list[Block] = [
        Heading(2, "Conditions communes"),
        Paragraph(
            f"Ces conditions servent à plusieurs règles{NNBSP}; elles sont écrites une fois."
        ),
    ]
    for name, named in content.conditions.items():
        blocks += [
            Heading(3, named.title),
            Paragraph(f"Nom `{name}`. Remplie quand{COLON}"),
            Items(describe(named.when, content)),
        ]
    return blocks


def _axes(content: Content) -> list[Block]:
    rows = []
    for axis in content.axes:
        scored = sum(1 for question in axis.questions if is_scored(axis, question))
        rows.append([axis.title, str(len(axis.questions)), str(scored) if axis.scored else "-"])
    return [
        Heading(2, "Les étapes et leurs questions"),
        Table(["Étape", "Questions", "Questions notées"], rows),
    ]


def _changelog(content: Content) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Historique des versions du questionnaire")]
    for entry in content.changelog:
        blocks.append(Heading(3, f"Version {entry.version} ({french_date(entry.released)})"))
        blocks.append(Items([(0, change) for change in entry.changes]))
    return blocks


def method_blocks(content: Content) -> list[Block]:
    """The whole method: fixed prose from the content, then rules, conditions, steps, history."""
    blocks: list[Block] = [
        Heading(1, "Méthode d'évaluation d'EVALIR Desktop"),
        Paragraph(
            f"Questionnaire {quoted(content.title)}, version {content.version}. Ce document "
            f"est produit à partir des fichiers du questionnaire{COLON} il dit exactement ce "
            "que le programme applique."
        ),
    ]
    for section in content.method:
        blocks.append(Heading(2, section.title))
        blocks += [Paragraph(text.strip()) for text in section.text.split("\n\n") if text.strip()]
    return blocks + _rules(content) + _named(content) + _axes(content) + _changelog(content)


def _markdown(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {block.text}"
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Items):
        return "\n".join(f"{'  ' * depth}- {text}" for depth, text in block.lines)
    lines = [" | ".join(block.header), " | ".join("---" for _ in block.header)]
    lines += [" | ".join(row) for row in block.rows]
    return "\n".join(f"| {line} |" for line in lines)


def method_markdown(content: Content) -> str:
    """`docs/methode.md`: the method blocks as Markdown."""
    return "\n\n".join(_markdown(block) for block in method_blocks(content)) + "\n"


if __name__ == "__main__":
    from evalir_desktop.content import load_content

    print(method_markdown(load_content()), end="")
