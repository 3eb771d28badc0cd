"""Sub-commands for the intercommunality: share, consolidate."""

import sys
from pathlib import Path

from evalir_desktop.cli.errors import EXIT_OK, UserError
from evalir_desktop.cli.opening import open_store, read_territory_view
from evalir_desktop.cli.output import print_json
from evalir_desktop.cli.report import REPORT_MODES, write_output
from evalir_desktop.store import StoreError
from evalir_desktop.territory.importing import consolidate
from evalir_desktop.territory.models import FileReport
from evalir_desktop.territory.share import share

EXIT_SOME_REFUSED = 1


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
    command.set_defaults(handler=run_share)

    command = subparsers.add_parser(
        "consolidate", help="importer les fichiers des communes dans un fichier de territoire"
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
    command.set_defaults(handler=run_consolidate)


def run_share(args) -> int:
    with open_store(args.file) as store:
        try:
            result = share(
                store,
                args.output,
                anonymise=args.anonymiser,
                assessment_ids=args.assessment or None,
            )
        except StoreError as error:
            raise UserError(str(error)) from error
    note = " (sans noms de personnes)" if result.anonymised else ""
    print(f"Copie à envoyer à l'intercommunalité{note} : {result.path}")
    print(f"Évaluations incluses : {len(result.assessment_ids)}")
    return EXIT_OK


def run_consolidate(args) -> int:
    printed: set[int] = set()

    def print_line(_done: int, _total: int, item: FileReport) -> None:
        print(item.summary(), flush=True)  # flushed: a killed run still shows what is done
        printed.add(id(item))

    try:
        report = consolidate(args.output, args.items, progress=None if args.json else print_line)
    except StoreError as error:
        raise UserError(str(error)) from error
    if args.json:
        print_json(report.model_dump(mode="json"))
    else:
        for item in report.files:
            if id(item) not in printed:
                print(item.summary())
        imported, unchanged = len(report.by_status("imported")), len(report.by_status("unchanged"))
        print(
            f"Territoire : {args.output} — {imported} fichier(s) importé(s), "
            f"{unchanged} sans changement, {len(report.refused)} refusé(s)."
        )
    if report.refused:
        if not args.json:
            print(
                "Les fichiers refusés n'ont rien modifié ; les autres ont été importés.",
                file=sys.stderr,
            )
        return EXIT_SOME_REFUSED
    return EXIT_OK


def run_territory_report(args) -> int:
    """`evalir report TERRITOIRE --territoire -o OUT.pdf`."""
    from evalir_desktop.report.territory import territory_report

    view = read_territory_view(args.file, "l'option --territoire")
    write_output(args.output, territory_report(view))
    print(f"Rapport de territoire écrit : {args.output} ({len(view.towns)} commune(s))")
    return EXIT_OK


REPORT_MODES["territoire"] = run_territory_report
