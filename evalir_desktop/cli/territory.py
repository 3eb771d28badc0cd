"""Sub-commands for the intercommunality: share, consolidate."""

import argparse
import sys
from pathlib import Path

from evalir_desktop.cli.errors import EXIT_OK, UserError
from evalir_desktop.cli.opening import open_store, read_territory_view
from evalir_desktop.cli.output import add_replace_option, print_json
from evalir_desktop.cli.report import REPORT_MODES, write_output
from evalir_desktop.french import counted
from evalir_desktop.output_guard import check_updated_file
from evalir_desktop.sharing.pipeline import share
from evalir_desktop.sharing.texts import preview_lines
from evalir_desktop.store import StoreError
from evalir_desktop.territory.conflicts import CONFLICT_ADVICE, conflict_text
from evalir_desktop.territory.importing import consolidate
from evalir_desktop.territory.models import FileReport, ImportReport

EXIT_SOME_REFUSED = 1
EXIT_CONFLICT = 3
CONSOLIDATE_EXIT_CODES = """codes de sortie :
  0  chaque fichier est importé, ou était déjà dans le territoire
  1  des fichiers sont refusés (illisibles, abîmés, dates dans le futur…) ; les autres
     sont importés
  3  des fichiers sont en conflit avec le territoire (un autre fichier pour la même
     commune) : ils ne sont pas importés ; à résoudre dans la fenêtre du territoire
     (garder les données actuelles, ou les remplacer par le fichier) ; 3 l'emporte sur 1
  2  la commande n'a pas pu s'exécuter (territoire inaccessible, option incorrecte)
"""


def register(subparsers) -> None:
    command = subparsers.add_parser(
        "share", help="préparer la copie du fichier à envoyer à l'intercommunalité"
    )
    command.add_argument("file", type=Path, metavar="FICHIER")
    command.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="SORTIE",
        help="fichier à écrire, ou dossier (le nom INSEE-commune-date.evalir est alors choisi)",
    )
    command.add_argument(
        "--anonymiser",
        action="store_true",
        help="retirer les noms des personnes (contact, agents, validateurs, responsables)",
    )
    command.add_argument(
        "--assessment",
        action="append",
        default=[],
        metavar="ID",
        help="n'envoyer que cette évaluation (option répétable)",
    )
    command.add_argument(
        "--pieces-jointes",
        action="store_true",
        help="joindre aussi les pièces jointes (jamais par défaut ; leur contenu n'est pas "
        "anonymisé)",
    )
    add_replace_option(command)
    command.set_defaults(handler=run_share)

    command = subparsers.add_parser(
        "consolidate",
        help="importer les fichiers des communes dans un fichier de territoire",
        epilog=CONSOLIDATE_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("items", type=Path, nargs="+", metavar="FICHIERS_OU_DOSSIERS")
    command.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="TERRITOIRE",
        help="fichier de territoire",
    )
    command.add_argument("--json", action="store_true", help="rapport d'import en JSON")
    command.add_argument(
        "--autre-epci",
        action="store_true",
        help="importer aussi les communes qui déclarent une autre intercommunalité que celle "
        "du territoire (sinon leurs fichiers attendent votre choix)",
    )
    command.set_defaults(handler=run_consolidate)


def run_share(args) -> int:
    with open_store(args.file) as store:
        try:
            result = share(
                store,
                args.output,
                anonymise=args.anonymiser,
                assessment_ids=args.assessment or None,
                attachments=args.pieces_jointes,
                replace=args.remplacer,
            )
        except StoreError as error:
            raise UserError(str(error)) from error
    note = " (sans noms de personnes)" if result.anonymised else ""
    if result.anonymised:
        for line in preview_lines(result.preview, question_labeller()):
            print(line)
        print()
    print(f"Copie à envoyer à l'intercommunalité{note} : {result.path}")
    print(f"Évaluations incluses : {len(result.assessment_ids)}")
    if result.preview.attachments:
        print(f"Pièces jointes incluses : {len(result.preview.attachments)}")
    return EXIT_OK


def question_labeller():
    """Question labels from the questionnaire, or None (ids shown) if it is unreadable."""
    from evalir_desktop.content import ContentError, load_content

    try:
        content = load_content()
    except ContentError:
        return None

    def label(question_id: str) -> str:
        question = content.question(question_id)
        return question.label if question else question_id

    return label


def run_consolidate(args) -> int:
    printed: set[int] = set()

    def print_line(_done: int, _total: int, item: FileReport) -> None:
        print(item.summary(), flush=True)  # flushed: a killed run still shows what is done
        printed.add(id(item))

    check_updated_file(args.output, sources=args.items)
    try:
        report = consolidate(
            args.output,
            args.items,
            progress=None if args.json else print_line,
            other_epci=args.autre_epci,
        )
    except StoreError as error:
        raise UserError(str(error)) from error
    if args.json:
        print_json(report.model_dump(mode="json"))
    else:
        print_report(report, printed)
    if report.conflicts:
        return EXIT_CONFLICT
    return EXIT_SOME_REFUSED if report.refused else EXIT_OK


def print_report(report: ImportReport, printed: set[int]) -> None:
    for item in report.files:
        if id(item) not in printed:
            print(item.summary())
    for item in report.conflicts:
        print(f"\nConflit à résoudre — {conflict_text(item)}")
    counts = [
        counted(len(report.by_status("imported")), "fichier importé", "fichiers importés"),
        counted(len(report.by_status("unchanged")), "sans changement", "sans changement"),
        counted(len(report.refused), "refusé", "refusés"),
        counted(len(report.conflicts), "en conflit", "en conflit"),
    ]
    print(f"\nTerritoire : {report.territory} — {', '.join(counts)}.")
    if report.conflicts:
        print(CONFLICT_ADVICE, file=sys.stderr)
    if any(item.conflict.kind == "epci" for item in report.conflicts):
        print(
            "Pour importer les communes d'une autre intercommunalité, relancez la commande "
            "avec --autre-epci.",
            file=sys.stderr,
        )
    if report.refused:
        print(
            "Les fichiers refusés n'ont rien modifié ; les autres ont été importés.",
            file=sys.stderr,
        )


def run_territory_report(args) -> int:
    """`evalir report TERRITOIRE --territoire -o OUT.pdf`."""
    from evalir_desktop.report.territory import territory_report
    from evalir_desktop.territory.importing import open_territory

    view = read_territory_view(args.file, "l'option --territoire")
    write_output(args, territory_report(view))
    try:
        with open_territory(args.file) as store:
            store.snapshots.record_report(args.output.name)  # the next evolution counts from here
    except StoreError:
        pass  # a read-only territory file: the report is written all the same
    towns = counted(len(view.towns), "commune", "communes")
    print(f"Rapport de territoire écrit : {args.output} ({towns})")
    return EXIT_OK


REPORT_MODES["territoire"] = run_territory_report
