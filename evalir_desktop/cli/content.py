"""Sub-commands on the assessment content: content, new, answer, evaluate."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from evalir_desktop.assessment import Evaluation, evaluate
from evalir_desktop.bounded_json import JsonLimits
from evalir_desktop.cli.errors import EXIT_OK, UserError
from evalir_desktop.cli.opening import open_store
from evalir_desktop.cli.output import print_json, validation_message
from evalir_desktop.content import ContentError, load_content, parse_value, validate_answer
from evalir_desktop.content.models import LEVEL_LABELS, PRIORITY_LABELS, Content
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune
from evalir_desktop.french import counted, french_date
from evalir_desktop.session.changes import UpdateAccount, account_details, session_account
from evalir_desktop.session.reviews import opinion_line, reviews_json
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.session.starting import start_assessment
from evalir_desktop.session.versions import content_version_notice
from evalir_desktop.store import StoreError
from evalir_desktop.store.errors import describe


def register(subparsers) -> None:
    content = subparsers.add_parser("content", help="afficher le questionnaire et les règles")
    content.add_argument("--json", action="store_true", help="résultat en JSON")
    content.set_defaults(handler=run_content)

    new = subparsers.add_parser("new", help="créer une évaluation dans un fichier")
    new.add_argument("file", type=Path, metavar="FICHIER")
    new.add_argument("--titre", help="titre du projet évalué (obligatoire sans --depuis)")
    source = new.add_mutually_exclusive_group()
    source.add_argument("--modele", default=None, help="identifiant d'un modèle de projet")
    source.add_argument(
        "--depuis",
        type=Path,
        metavar="DOSSIER",
        help="partir d'un dossier de produit partagé (.evalir-produit) : les réponses sur "
        "l'outil sont reprises",
    )
    new.set_defaults(handler=run_new)

    answer = subparsers.add_parser("answer", help="enregistrer des réponses")
    answer.add_argument("file", type=Path, metavar="FICHIER")
    answer.add_argument("--assessment", required=True, help="identifiant de l'évaluation")
    answer.add_argument("pairs", nargs="+", metavar="QUESTION=VALEUR")
    answer.set_defaults(handler=run_answer)

    ev = subparsers.add_parser("evaluate", help="qualification, maturité par axe, inconnues")
    ev.add_argument("file", type=Path, nargs="?", metavar="FICHIER")
    ev.add_argument("--assessment", help="identifiant de l'évaluation")
    ev.add_argument(
        "--answers",
        type=Path,
        metavar="REPONSES.json",
        help='fichier JSON {"commune": {profil}, "answers": {"question": valeur ou "inconnu"}}',
    )
    ev.add_argument(
        "--date",
        type=reference_date,
        metavar="AAAA-MM-JJ",
        help="date à laquelle lire les obligations (aujourd'hui par défaut)",
    )
    ev.add_argument("--json", action="store_true", help="résultat en JSON")
    ev.set_defaults(handler=run_evaluate)


def reference_date(text: str) -> date:
    """`--date AAAA-MM-JJ`, refused in French otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"date attendue au format AAAA-MM-JJ, par exemple 2027-12-02 (reçu : {text!r})"
        ) from None


def load_cli_content() -> Content:
    try:
        return load_content()
    except ContentError as error:
        raise UserError(str(error)) from error


def content_summary(content: Content) -> dict:
    """The content as plain data: axes, questions, templates and rule ids."""
    return {
        "id": content.id,
        "version": content.version,
        "axes": [
            {
                "id": axis.id,
                "title": axis.title,
                "scored": axis.scored,
                "questions": [
                    q.model_dump(mode="json", by_alias=True, exclude_none=True)
                    for q in axis.questions
                ],
            }
            for axis in content.axes
        ],
        "templates": [t.model_dump(mode="json") for t in content.templates],
        "rules": [
            {"id": r.id, "title": r.title, "level": r.level, "reference": r.reference}
            for r in content.rules
        ],
        "rule_ids": content.rule_ids(),
        "glossary": [g.model_dump() for g in content.glossary],
    }


def run_content(args) -> int:
    content = load_cli_content()
    if args.json:
        print_json(content_summary(content))
        return EXIT_OK
    print(f"{content.title} (version {content.version})")
    for axis in content.axes:
        print(f"\n{axis.title} [{axis.id}] : {len(axis.questions)} questions")
        for q in axis.questions:
            options = ", ".join(o.id for o in q.options)
            print(f"  {q.id} ({q.type}{' : ' + options if options else ''})")
    print("\nModèles de projet : " + ", ".join(t.id for t in content.templates))
    print("Règles : " + ", ".join(content.rule_ids()))
    return EXIT_OK


def run_new(args) -> int:
    content = load_cli_content()
    if args.depuis is not None:
        from evalir_desktop.cli.product import run_new_from_dossier

        return run_new_from_dossier(args, content)
    if not args.titre:
        raise UserError("indiquez le titre du projet avec --titre.")
    template = None
    if args.modele:
        template = content.template(args.modele)
        if template is None:
            known = ", ".join(t.id for t in content.templates)
            raise UserError(f"modèle inconnu « {args.modele} ». Modèles disponibles : {known}.")
    with open_store(args.file, writable=True) as store:
        try:
            record = start_assessment(store, content, args.titre, template)
        except (StoreError, ValidationError) as error:
            raise UserError(str(error)) from error
    print(record.id)
    return EXIT_OK


def parse_pairs(content: Content, pairs: list[str]) -> dict[str, Answer]:
    """Parse `QID=VALUE` pairs, refusing unknown ids and invalid values (French messages)."""
    parsed: dict[str, Answer] = {}
    for pair in pairs:
        question_id, sep, raw = pair.partition("=")
        question_id = question_id.strip()
        if not sep:
            raise UserError(
                f"« {pair} » : écrivez QUESTION=VALEUR, par exemple besoin.origine=elus."
            )
        question = content.question(question_id)
        if question is None:
            raise UserError(f"question inconnue « {question_id} » (voir « evalir content »).")
        answer = parse_value(question, raw)
        problem = validate_answer(question, answer)
        if problem:
            raise UserError(f"{question_id} : {problem}")
        parsed[question_id] = answer
    return parsed


def _warn_other_version(content: Content, session: AssessmentSession) -> None:
    """Say so when an assessment was started with another version of the questionnaire."""
    notice = content_version_notice(session.record, content, session_account(session))
    if notice:
        print(f"evalir : attention. {notice}", file=sys.stderr)


def run_answer(args) -> int:
    content = load_cli_content()
    parsed = parse_pairs(content, args.pairs)
    with open_store(args.file, writable=True) as store:
        try:
            session = AssessmentSession(store, content, args.assessment)
            _warn_other_version(content, session)
            for question_id, answer in parsed.items():
                session.save_value(question_id, answer)
        except StoreError as error:
            raise UserError(str(error)) from error
    print(counted(len(parsed), "réponse enregistrée.", "réponses enregistrées."))
    return EXIT_OK


# answers and a town profile: a few levels, texts of a long answer at most
ANSWERS_JSON_LIMITS = JsonLimits(max_bytes=5_000_000, max_depth=8, max_string=100_000)


class AnswersFile(BaseModel):
    """The `--answers` JSON file: answers by question id, and the town profile."""

    model_config = ConfigDict(extra="forbid")

    commune: Commune | None = None
    answers: dict[str, Answer | str | int | float | list | None] = Field(default_factory=dict)


def read_answers_json(path: Path):
    """The `--answers` file, bounded before parsing (size, depth, texts, numbers)."""
    from evalir_desktop.bounded_json import JsonRefused, loads_bounded

    try:
        if path.stat().st_size > ANSWERS_JSON_LIMITS.max_bytes:
            raise UserError(
                f"« {path.name} » est refusé\u202f: il pèse plus de "
                f"{ANSWERS_JSON_LIMITS.max_bytes // 1_000_000} Mo, bien plus qu'un fichier de "
                "réponses."
            )
        data = path.read_bytes()
    except OSError as error:
        raise UserError(f"impossible de lire « {path} » ({describe(error)}).") from error
    try:
        return loads_bounded(data, ANSWERS_JSON_LIMITS, path.name)
    except JsonRefused as error:
        raise UserError(str(error)) from error


def _answers_from_file(content: Content, path: Path) -> tuple[dict[str, Answer], Commune | None]:
    raw = read_answers_json(path)
    try:
        data = AnswersFile.model_validate(raw)
    except ValidationError as error:
        raise UserError(f"« {path} » : {validation_message(error)}") from error
    answers: dict[str, Answer] = {}
    for question_id, value in data.answers.items():
        question = content.question(question_id)
        if question is None:
            raise UserError(f"question inconnue « {question_id} » dans « {path} ».")
        if isinstance(value, Answer):
            answer = value
        elif value == "inconnu":
            answer = Answer(unknown=True)
        else:
            answer = Answer(value=value)
        problem = validate_answer(question, answer)
        if problem:
            raise UserError(f"{question_id} : {problem}")
        answers[question_id] = answer
    return answers, data.commune


def evaluation_json(
    evaluation: Evaluation, account: UpdateAccount | None = None, reviews=None
) -> dict:
    """The evaluation as data (`reference_date`, and each obligation's `applies_from` and
    `in_force`), with the account of a questionnaire update when there is one, and the
    reviewers' opinions step by step for a stored assessment (`avis`)."""
    data = evaluation.model_dump(mode="json")
    if account is not None:
        data["content_update"] = {**account.model_dump(mode="json"), "text": account.text()}
    if reviews is not None:
        data["avis"] = reviews_json(reviews)
    return data


def print_account(account: UpdateAccount, content: Content) -> None:
    print(account.text())
    for line in account_details(account, content):
        print(f"  {line}")
    print()


def print_evaluation(evaluation: Evaluation) -> None:
    """The evaluation in plain French, for a terminal."""
    print(f"Questions renseignées : {evaluation.completion} %")
    print(f"Obligations lues au {french_date(evaluation.reference_date)}")
    print("\nCe que le droit prévoit")
    if not evaluation.obligations:
        print("  Aucune règle déclenchée par les réponses actuelles.")
    for ob in evaluation.obligations:
        print(f"  [{LEVEL_LABELS[ob.level]}] {ob.title} ({ob.id})")
        print(f"    {ob.explanation}")
        print(f"    Référence : {ob.reference}")
        if ob.to_check:
            print(f"    À vérifier : {ob.to_check}")
        print(f"    Application : {ob.deadline}")
        for trigger in ob.triggers:
            print(f"    Parce que : {trigger.label} → {trigger.display}")
    print("\nMaturité par axe (sur 100)")
    for axis in evaluation.axes:
        if not axis.scored:
            print(f"  {axis.title} (faits, non notés) : rempli à {axis.completion} %")
            continue
        score = "pas encore de réponse" if axis.score is None else f"{axis.score:g}"
        print(f"  {axis.title} : {score}, rempli à {axis.completion} %")
        for low in axis.lowering:
            print(f"    tire vers le bas : {low.label} → {low.display} (-{low.points:g})")
    print("\nÀ documenter (« Je ne sais pas »)")
    if not evaluation.unknowns:
        print("  Rien pour l'instant.")
    for item in evaluation.unknowns:
        print(f"  {item.label} ({item.question_id}) — à demander à : {item.role_label}")
    print("\nRecommandations")
    if not evaluation.recommendations:
        print("  Aucune pour l'instant.")
    for rec in evaluation.recommendations:
        print(f"  [{PRIORITY_LABELS[rec.priority]}] {rec.text} — {rec.who_label}")


def run_evaluate(args) -> int:
    content = load_cli_content()
    account = reviews = None
    if args.answers is not None:
        if args.file is not None or args.assessment:
            raise UserError("indiquez soit FICHIER --assessment ID, soit --answers, pas les deux.")
        answers, commune = _answers_from_file(content, args.answers)
        evaluation = evaluate(content, answers, commune, args.date)
    else:
        if args.file is None or not args.assessment:
            raise UserError("indiquez FICHIER --assessment ID, ou --answers REPONSES.json.")
        with open_store(args.file) as store:
            try:
                session = AssessmentSession(store, content, args.assessment, args.date)
                _warn_other_version(content, session)
                evaluation = session.evaluation
                account = session_account(session)
                reviews = session.reviews()
            except StoreError as error:
                raise UserError(str(error)) from error
    if args.json:
        print_json(evaluation_json(evaluation, account, reviews))
        return EXIT_OK
    if account is not None:
        print_account(account, content)
    print_evaluation(evaluation)
    print_reviews(reviews or [])
    return EXIT_OK


def print_reviews(reviews) -> None:
    if not reviews:
        return
    print("\nAvis des relecteurs")
    for review in reviews:
        print(f"  {review.title} : {review.verdict_label.lower()}")
        for opinion in review.opinions:
            comment = f" — {opinion.comment}" if opinion.comment else ""
            print(f"    {opinion_line(opinion)}{comment}")
        for item in review.to_revise:
            print(f"    à revoir : {item}")
