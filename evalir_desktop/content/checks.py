"""Cross-file checks run at load time: unique ids, references to questions and options."""

from __future__ import annotations

from collections.abc import Mapping

from evalir_desktop.content.conditions import Condition, tests
from evalir_desktop.content.errors import ContentError
from evalir_desktop.content.models import CHOICE_TYPES, Content, Question
from evalir_desktop.content.named import content_conditions
from evalir_desktop.content.validation import validate_answer
from evalir_desktop.domain.answers import Answer


def _check_condition(
    condition: Condition,
    known: Mapping[str, Question],
    file: str,
    key: str,
) -> None:
    for test in tests(condition):
        if test.q is None:
            continue
        question = known.get(test.q)
        if question is None:
            raise ContentError(
                file, key, f"la condition cite la question « {test.q} », inconnue ici"
            )
        if question.type not in CHOICE_TYPES:
            continue
        for value in test.option_ids():
            if question.option(value) is None:
                raise ContentError(
                    file, key, f"l'option « {value} » n'existe pas pour la question {test.q}"
                )


def _unique(ids: list[str], file: str, key: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ContentError(file, key, f"identifiant en double : {item}")
        seen.add(item)


def _check_renames(content: Content, file: str) -> None:
    """Each old id maps to one current question, and no two old ids share a target.

    Since every target must be current and no source may be, a source is never also a
    target: chains and cycles are refused by the first two tests.
    """
    targets: dict[str, str] = {}
    for old_id, new_id in content.renamed_questions.items():
        key = f"content.renamed_questions.{old_id}"
        if content.question(new_id) is None:
            raise ContentError(
                file, key, f"la question « {new_id} » n'existe pas dans le contenu actuel"
            )
        if content.question(old_id) is not None:
            raise ContentError(
                file,
                key,
                f"« {old_id} » est encore une question du contenu actuel : "
                "seul un identifiant qui n'existe plus peut être renommé",
            )
        if new_id in targets:
            raise ContentError(
                file,
                key,
                f"« {targets[new_id]} » est déjà renommée en « {new_id} » : "
                "deux anciennes questions ne peuvent pas devenir la même",
            )
        targets[new_id] = old_id


def version_key(version: str) -> tuple[int, ...]:
    """ "2026.12.1" -> (2026, 12, 1), to compare content versions."""
    return tuple(int(part) for part in version.split("."))


def _check_retired(content: Content, file: str) -> None:
    """A retired option belongs to a current question and is not one of its options."""
    for question_id, option_ids in content.retired_options.items():
        key = f"content.retired_options.{question_id}"
        question = content.question(question_id)
        if question is None:
            raise ContentError(file, key, f"la question « {question_id} » n'existe pas")
        for option_id in option_ids:
            if question.option(option_id) is not None:
                raise ContentError(
                    file,
                    key,
                    f"« {option_id} » est encore une option de la question : un identifiant "
                    "retiré ne peut pas resservir",
                )


def _check_rule_versions(content: Content, file: str) -> None:
    for rule in content.rules:
        if version_key(rule.checked_in) > version_key(content.version):
            raise ContentError(
                file,
                f"rules[{rule.id}].checked_in",
                f"la version {rule.checked_in} est postérieure à celle du contenu "
                f"({content.version})",
            )


def check_references(content: Content, sources: Mapping[str, str] | None = None) -> None:
    """Raise `ContentError` on duplicate ids or a reference to a missing question or option.

    A `show_if` may only read questions that come earlier (named conditions it uses
    included), which also rules out cycles. `sources` maps axis ids and the names
    "content" / "conditions" / "rules" / "templates" to their files.
    """
    sources = sources or {}
    _check_renames(content, sources.get("content", "(contenu)"))
    _check_retired(content, sources.get("content", "(contenu)"))
    _check_rule_versions(content, sources.get("rules", "(règles)"))
    _unique([axis.id for axis in content.axes], "(contenu)", "axis.id")
    _unique([q.id for q in content.questions()], "(contenu)", "questions.id")
    _unique(content.rule_ids(), sources.get("rules", "(règles)"), "rules.id")
    _unique(
        [t.id for t in content.templates], sources.get("templates", "(modèles)"), "templates.id"
    )
    recommendation_ids = [r.id for q in content.questions() for r in q.recommendations]
    _unique(recommendation_ids, "(contenu)", "recommendations.id")
    earlier: dict[str, Question] = {}
    for axis in content.axes:
        file = sources.get(axis.id, f"(axe {axis.id})")
        for question in axis.questions:
            key = f"questions[{question.id}]"
            if question.show_if is not None:
                _check_condition(question.show_if, earlier, file, f"{key}.show_if")
            for rec in question.recommendations:
                if rec.below is not None and question.type not in ("echelle", "nombre"):
                    raise ContentError(
                        file, f"{key}.recommendations[{rec.id}].below", "réservé aux nombres"
                    )
                for option_id in rec.options:
                    if question.option(option_id) is None:
                        raise ContentError(
                            file, f"{key}.recommendations[{rec.id}]", f"option inconnue {option_id}"
                        )
            earlier[question.id] = question
    everything = {q.id: q for q in content.questions()}
    for file, key, condition in content_conditions(content, sources):
        _check_condition(condition, everything, file, key)
    context_ids = {q.id for a in content.axes if not a.scored for q in a.questions}
    for template in content.templates:
        file = sources.get("templates", "(modèles)")
        for question_id, value in template.answers.items():
            key = f"templates[{template.id}].answers.{question_id}"
            if question_id not in context_ids:
                raise ContentError(
                    file, key, "un modèle ne préremplit que des questions de contexte"
                )
            problem = validate_answer(everything[question_id], Answer(value=value))
            if problem:
                raise ContentError(file, key, problem)
