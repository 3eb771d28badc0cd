"""Sub-command on the attachments of an assessment: `evalir attach`."""

from pathlib import Path

from evalir_desktop.cli.errors import EXIT_OK, UserError
from evalir_desktop.cli.opening import open_store
from evalir_desktop.domain.annexes import ATTACHMENT_KIND_LABELS
from evalir_desktop.domain.attachment_rules import size_label
from evalir_desktop.sharing.pipeline import resolve_assessment_ids
from evalir_desktop.store import StoreError

KINDS = ", ".join(ATTACHMENT_KIND_LABELS)


def register(subparsers) -> None:
    attach = subparsers.add_parser(
        "attach",
        help="joindre des documents à une évaluation ou à une question",
        description=(
            "Enregistre une copie de chaque document dans le fichier .evalir, avec son nom, "
            "sa taille, son empreinte SHA-256, qui l'a joint et quand. Jusqu'à 25 Mo par "
            "document et 250 Mo en tout ; les programmes (.exe, .bat, .js…) sont refusés."
        ),
    )
    attach.add_argument("file", type=Path, metavar="FICHIER")
    attach.add_argument("--assessment", required=True, metavar="ID", help="l'évaluation")
    attach.add_argument("--question", default="", metavar="QID", help="la question (facultatif)")
    attach.add_argument(
        "--type", default="autre", choices=list(ATTACHMENT_KIND_LABELS), help=f"parmi : {KINDS}"
    )
    attach.add_argument("--commentaire", default="", help="un mot sur le document")
    attach.add_argument("pieces", type=Path, nargs="+", metavar="PIECE")
    attach.set_defaults(handler=run_attach)


def run_attach(args) -> int:
    with open_store(args.file, writable=True) as store:
        try:
            (assessment_id,) = resolve_assessment_ids(store, [args.assessment])
        except StoreError as error:
            raise UserError(str(error)) from error
        if args.question:
            _check_question(args.question)
        for path in args.pieces:
            try:
                record = store.attachments.add(
                    assessment_id,
                    path,
                    question_id=args.question,
                    kind=args.type,
                    comment=args.commentaire,
                )
            except StoreError as error:
                raise UserError(str(error)) from error
            print(
                f"Joint : {record.name} ({size_label(record.size)}, "
                f"empreinte SHA-256 {record.sha256})"
            )
    return EXIT_OK


def _check_question(question_id: str) -> None:
    from evalir_desktop.content import ContentError, load_content

    try:
        content = load_content()
    except ContentError as error:
        raise UserError(str(error)) from error
    if content.question(question_id) is None:
        raise UserError(
            f"la question « {question_id} » n'existe pas dans le questionnaire : vérifiez "
            "son identifiant (la liste est donnée par « evalir content »)."
        )
