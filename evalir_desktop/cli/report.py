"""Sub-command `report`, and the assessment formats of `export` (see `cli/exporting.py`).

Other packages extend `report` with a small hunk: add their option in `register` and an
entry to `REPORT_MODES` (the option's name -> handler), e.g. "territoire".
"""

import sys
from collections.abc import Callable
from pathlib import Path

from evalir_desktop.cli.errors import EXIT_OK, UserError
from evalir_desktop.cli.exporting import EXPORT_FORMATS
from evalir_desktop.cli.opening import open_store
from evalir_desktop.cli.output import add_replace_option
from evalir_desktop.cli.set_aside import excerpt, short_quotes
from evalir_desktop.output_guard import check_output
from evalir_desktop.output_guard import write_output as guarded_write
from evalir_desktop.store import Store
from evalir_desktop.store.errors import describe

DOCUMENT_TYPES = (
    "complet",
    "synthese",
    "plan",
    "deliberation",
    "mention",
    "lettre",
    "formulaire",
    "fournisseur",
)
DOCUMENT_FORMATS = ("pdf", "odt", "docx")
ASSESSMENT_FORMATS = (
    "inventaire-json",
    "inventaire-csv",
    "reponses-csv",
    "fournisseur-csv",
    "mention-txt",
    "plan-csv",
    "plan-ods",
)


def register(subparsers) -> None:
    report = subparsers.add_parser("report", help="écrire le rapport PDF d'une évaluation")
    report.add_argument("file", type=Path, metavar="FICHIER")
    report.add_argument("--assessment", metavar="ID", help="identifiant de l'évaluation")
    report.add_argument(
        "--type",
        default="complet",
        metavar="TYPE",
        help="complet (par défaut), synthese (2 pages pour les élus), plan (plan d'action), "
        "deliberation (projet de délibération du conseil municipal), "
        "mention (mention explicite), lettre (lettre d'explication à un habitant), formulaire "
        "(formulaire de demande pour les habitants), fournisseur (questionnaire au fournisseur)",
    )
    report.add_argument(
        "--champ",
        action="append",
        default=[],
        metavar="CLE=VALEUR",
        help="avec --type lettre : un renseignement sur la personne (nom, adresse, "
        "date_demande, decision, donnees, parametres, operations, signataire) ; il sert à "
        "cette lettre et n'est jamais enregistré dans le fichier",
    )
    report.add_argument(
        "--format",
        default="pdf",
        metavar="FORMAT",
        help="pdf (par défaut), odt (LibreOffice) ou docx (Word) : un document modifiable, "
        "au même contenu que le PDF",
    )
    report.add_argument(
        "--question",
        action="append",
        default=[],
        metavar="QUESTION",
        help="avec --type fournisseur : ajouter cette question (option répétable)",
    )
    report.add_argument(
        "--territoire",
        action="store_true",
        help="rapport de territoire, pour un fichier créé par « evalir consolidate »",
    )
    report.add_argument("-o", "--output", type=Path, required=True, metavar="SORTIE")
    add_replace_option(report)
    report.set_defaults(handler=run_report)


# -- shared steps --------------------------------------------------------------------


def pick_assessment(store: Store, wanted: str | None) -> str:
    """The assessment asked for; without `--assessment`, the only one of the file."""
    records = store.assessments.all()
    if wanted:
        if any(record.id == wanted for record in records):
            return wanted
        set_aside = [p for p in store.problems if p.startswith("Évaluation")]
        if set_aside:  # the one asked for may be among them: say why, not « aucune »
            raise UserError(
                f"aucune évaluation lisible «\u202f{excerpt(wanted)}\u202f» dans ce fichier\u202f: "
                + " ".join(short_quotes(p) for p in set_aside[:5])
                + (" " + _listing(records) if records else "")
            )
        raise UserError(
            f"aucune évaluation « {excerpt(wanted)} » dans ce fichier. " + _listing(records)
        )
    if len(records) == 1:
        return records[0].id
    if not records:
        raise UserError("ce fichier ne contient aucune évaluation.")
    raise UserError(
        "ce fichier contient plusieurs évaluations : précisez --assessment. " + _listing(records)
    )


def _listing(records) -> str:
    if not records:
        return "Ce fichier ne contient aucune évaluation lisible."
    return "Évaluations : " + " ; ".join(f"{r.id} ({excerpt(r.title)})" for r in records) + "."


def load_data(args):
    """Open the file read-only and gather the chosen assessment's report data."""
    from evalir_desktop.content import ContentError
    from evalir_desktop.report import report_data

    with open_store(args.file) as store:
        assessment_id = pick_assessment(store, args.assessment)
        try:
            return report_data(store, assessment_id)
        except ContentError as error:
            raise UserError(str(error)) from error


def write_output(args, payload: bytes) -> None:
    """Write `args.output` through the output guard: never the source `args.file`, never
    an EVALIR file, never an existing file without `--remplacer`; in one step."""
    try:
        guarded_write(
            args.output,
            payload,
            sources=[args.file],
            replace=getattr(args, "remplacer", False),
        )
    except OSError as error:
        raise UserError(f"impossible d'écrire « {args.output} » : {describe(error)}.") from error


def _choice(value: str, allowed, what: str) -> None:
    if value not in allowed:
        raise UserError(f"{what} inconnu « {value} ». Valeurs possibles : {', '.join(allowed)}.")


# -- report --------------------------------------------------------------------------


def run_assessment_report(args) -> int:
    from evalir_desktop.report import (
        DOCUMENTS,
        ReportOptions,
        build,
        mention_status,
        supplier_questions,
    )

    _choice(args.type, DOCUMENT_TYPES, "type de rapport")
    _choice(args.format, DOCUMENT_FORMATS, "format")
    if args.format not in DOCUMENTS[args.type].formats:
        raise UserError(f"le document « {args.type} » n'existe qu'en PDF.")
    data = load_data(args)
    if args.question and args.type != "fournisseur":
        raise UserError("--question ne s'utilise qu'avec --type fournisseur.")
    letter = letter_fields(args.champ) if args.type == "lettre" else None
    if args.champ and letter is None:
        raise UserError("--champ ne s'utilise qu'avec --type lettre.")
    unknown = sorted(set(args.question) - {q.id for q in data.content.questions()})
    if unknown:
        raise UserError(f"question inconnue : {', '.join(unknown)}.")
    if args.type == "fournisseur" and not supplier_questions(data, args.question):
        raise UserError(
            "aucune question n'est à poser au fournisseur : aucune réponse « Je ne sais pas » "
            "ne le concerne. Ajoutez des questions avec --question IDENTIFIANT."
        )
    if args.type == "mention" and not mention_status(data):
        print(
            "Remarque : d'après les réponses, la mention explicite n'est pas requise pour ce "
            "projet ; le modèle est écrit pour information.",
            file=sys.stderr,
        )
    output = DOCUMENTS[args.type]
    options = ReportOptions(
        args.type, extra_questions=tuple(args.question), format=args.format, letter=letter
    )
    write_output(args, build(data, options))
    print(f"Fichier écrit : {args.output} ({output.label})")
    return EXIT_OK


def letter_fields(pairs: list[str]):
    """`--champ nom=…` options as validated letter fields (French refusal otherwise)."""
    from pydantic import ValidationError

    from evalir_desktop.report.inhabitants import LetterFields

    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or key not in LetterFields.model_fields:
            names = ", ".join(LetterFields.model_fields)
            raise UserError(f"--champ « {pair} » : écrivez CLE=VALEUR, avec CLE parmi {names}.")
        values[key] = value.replace("\\n", "\n")
    try:
        return LetterFields(**values)
    except ValidationError as error:
        first = error.errors()[0]
        raise UserError(
            f"--champ {first['loc'][0]} : valeur refusée (date attendue au format AAAA-MM-JJ, "
            "ou texte trop long)."
        ) from error


# option name (dest) -> handler; the first whose option is set runs instead of the default.
REPORT_MODES: dict[str, Callable] = {}


def check_destination(args) -> None:
    """The output guard before any work: a refused destination costs nothing to build."""
    check_output(args.output, sources=[args.file], replace=getattr(args, "remplacer", False))


def run_report(args) -> int:
    check_destination(args)
    for option, handler in REPORT_MODES.items():
        if getattr(args, option, False):
            return handler(args)
    return run_assessment_report(args)


# -- export (the `export` sub-command itself lives in cli/exporting.py) ---------------


def export_assessment(args) -> int:
    from evalir_desktop.report import ReportOptions, build

    write_output(args, build(load_data(args), ReportOptions(args.format)))
    print(f"Export écrit : {args.output}")
    return EXIT_OK


EXPORT_FORMATS.update({name: export_assessment for name in ASSESSMENT_FORMATS})
