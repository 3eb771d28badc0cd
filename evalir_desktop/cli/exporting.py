"""The `evalir export` sub-command; each format registers a function in EXPORT_FORMATS."""

from collections.abc import Callable
from pathlib import Path

from evalir_desktop.cli.errors import EXIT_OK, UserError
from evalir_desktop.cli.opening import read_territory_view
from evalir_desktop.cli.output import add_replace_option
from evalir_desktop.french import counted
from evalir_desktop.store.errors import describe

# format name -> function(args) returning an exit code; other packages add theirs here.
EXPORT_FORMATS: dict[str, Callable] = {}


def register(subparsers) -> None:
    command = subparsers.add_parser("export", help="exporter les données d'un fichier")
    command.add_argument("file", type=Path, metavar="FICHIER")
    command.add_argument(
        "--format",
        required=True,
        choices=sorted(EXPORT_FORMATS),
        help="inventaire-json, inventaire-csv (fiche de transparence), reponses-csv, "
        "fournisseur-csv, mention-txt, plan-csv, plan-ods (plan d'action pour un "
        "tableur) : une évaluation d'un fichier de commune ; "
        "territoire-csv : tableau communes × évaluations d'un fichier de territoire",
    )
    command.add_argument("--assessment", metavar="ID", help="identifiant de l'évaluation")
    command.add_argument("-o", "--output", type=Path, required=True, metavar="SORTIE")
    add_replace_option(command)
    command.set_defaults(handler=run_export)


def run_export(args) -> int:
    from evalir_desktop.output_guard import check_output

    check_output(args.output, sources=[args.file], replace=args.remplacer)  # before any work
    return EXPORT_FORMATS[args.format](args)


def export_territory_csv(args) -> int:
    from evalir_desktop.output_guard import write_output
    from evalir_desktop.territory.csv_export import csv_bytes

    view = read_territory_view(args.file, "le format territoire-csv")
    try:
        write_output(args.output, csv_bytes(view.rows), sources=[args.file], replace=args.remplacer)
    except OSError as error:
        raise UserError(
            f"le fichier « {args.output} » n'a pas pu être écrit ({describe(error)}) : "
            "fermez-le s'il est ouvert dans un tableur, ou choisissez un autre dossier."
        ) from error
    print(
        f"Tableau exporté : {args.output} ({counted(len(view.rows), 'évaluation', 'évaluations')})"
    )
    return EXIT_OK


EXPORT_FORMATS["territoire-csv"] = export_territory_csv
