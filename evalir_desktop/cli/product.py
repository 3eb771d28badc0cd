"""Sub-command `dossier` (write a shared product dossier) and `new --depuis DOSSIER`."""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import ValidationError

from evalir_desktop.cli.errors import EXIT_OK, UserError
from evalir_desktop.cli.opening import open_store
from evalir_desktop.cli.output import add_replace_option
from evalir_desktop.cli.report import pick_assessment
from evalir_desktop.content import Content
from evalir_desktop.domain.origin import of_town
from evalir_desktop.french import counted
from evalir_desktop.output_guard import check_output
from evalir_desktop.product.dossier import SUFFIX, DossierRefused, read_dossier
from evalir_desktop.store import StoreError
from evalir_desktop.store.errors import describe


def register(subparsers) -> None:
    dossier = subparsers.add_parser(
        "dossier",
        help="écrire le dossier de produit partagé d'une évaluation (réponses sur l'outil)",
        description=(
            "Écrit les réponses qui décrivent l'outil (fournisseur, hébergement, "
            "fonctionnement, données), jamais celles propres à la commune, dans un fichier "
            "« .evalir-produit » qu'une autre commune reprend avec « evalir new --depuis »."
        ),
    )
    dossier.add_argument("file", type=Path, metavar="FICHIER")
    dossier.add_argument("--assessment", metavar="ID", help="identifiant de l'évaluation")
    dossier.add_argument(
        "-o", "--output", type=Path, required=True, metavar="SORTIE", help="fichier ou dossier"
    )
    add_replace_option(dossier)
    dossier.set_defaults(handler=run_dossier)


def run_dossier(args) -> int:
    from evalir_desktop.cli.content import load_cli_content
    from evalir_desktop.territory.dossiers import write_product_dossier

    if not args.output.is_dir() or args.output.is_symlink():  # the name as typed, first
        check_output(args.output, sources=[args.file], replace=args.remplacer, creates=SUFFIX)
    content = load_cli_content()
    with open_store(args.file, writable=_is_territory(args.file)) as store:
        assessment_id = pick_assessment(store, args.assessment)
        try:
            path, dossier = write_product_dossier(
                store, content, assessment_id, args.output, replace=args.remplacer
            )
        except StoreError as error:
            raise UserError(str(error)) from error
        except OSError as error:
            raise UserError(
                f"le dossier n'a pas pu être écrit ({describe(error)})\u202f: choisissez un "
                "autre dossier."
            ) from error
    written = counted(
        len(dossier.answers), "réponse sur l'outil écrite", "réponses sur l'outil écrites"
    )
    print(f"{written} dans {path}")
    return EXIT_OK


def _is_territory(path: Path) -> bool:
    """A territory file is opened for writing, to record the dossier written from it."""
    with open_store(path) as store:
        return store.role == "territory"


def run_new_from_dossier(args, content: Content) -> int:
    """`evalir new FICHIER --depuis DOSSIER [--titre T]`: the tool's answers reused."""
    from evalir_desktop.product.starting import start_from_dossier

    try:
        dossier = read_dossier(args.depuis)
    except DossierRefused as error:
        raise UserError(str(error)) from error
    with open_store(args.file, writable=True) as store:
        try:
            started = start_from_dossier(store, content, dossier, args.titre)
        except (StoreError, ValidationError) as error:
            raise UserError(str(error)) from error
    print(started.record.id)
    reused = counted(len(started.reused), "réponse sur l'outil reprise", "réponses reprises")
    print(
        f"{reused} du dossier {of_town(dossier.source.commune)}\u202f: vérifiez-les dans "
        "l'évaluation.",
        file=sys.stderr,
    )
    for reason in started.left_aside:
        print(f"evalir : réponse du dossier non reprise. {reason}", file=sys.stderr)
    return EXIT_OK
