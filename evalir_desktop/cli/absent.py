"""Sub-command `remove-absent`: list, or remove from a territory, the assessments that
their town's latest file no longer holds."""

from __future__ import annotations

from pathlib import Path

from evalir_desktop.cli.errors import EXIT_OK, UserError
from evalir_desktop.french import counted
from evalir_desktop.store import StoreError


def register(subparsers) -> None:
    command = subparsers.add_parser(
        "remove-absent",
        help="lister ou retirer du territoire les évaluations absentes des derniers fichiers",
        description=(
            "Sans --assessment\u202f: liste les évaluations que le dernier fichier de leur commune "
            "ne contient plus. Avec --assessment ID --confirmer\u202f: retire cette évaluation du "
            "territoire (le retrait est noté dans l'historique\u202f; elle revient si la commune "
            "la renvoie modifiée)."
        ),
    )
    command.add_argument("file", type=Path, metavar="TERRITOIRE")
    command.add_argument("--assessment", metavar="ID", help="identifiant de l'évaluation")
    command.add_argument("--confirmer", action="store_true", help="confirmer le retrait")
    command.set_defaults(handler=run_remove_absent)


def run_remove_absent(args) -> int:
    from evalir_desktop.territory.importing import open_territory

    if not args.file.exists():
        raise UserError(f"le fichier de territoire « {args.file.name} » n'existe pas.")
    with open_territory(args.file) as store:
        absent = store.absences.absent()
        if not args.assessment:
            for row in absent:
                print(f"{row.assessment_id}  {row.commune} — {row.title} ({row.file_name})")
            print(counted(len(absent), "évaluation absente.", "évaluations absentes."))
            return EXIT_OK
        row = next((a for a in absent if a.assessment_id == args.assessment), None)
        if row is None:
            raise UserError(
                f"l'évaluation « {args.assessment} » n'est pas absente des derniers fichiers "
                "reçus (la liste est donnée par « evalir remove-absent TERRITOIRE »)."
            )
        if not args.confirmer:
            raise UserError(
                f"« {row.title} » ({row.commune}) n'a pas été retirée\u202f: ajoutez --confirmer "
                "pour la retirer du territoire."
            )
        try:
            store.absences.set_aside(row.assessment_id)
        except StoreError as error:
            raise UserError(str(error)) from error
    print(f"« {row.title} » ({row.commune}) a été retirée du territoire.")
    return EXIT_OK
