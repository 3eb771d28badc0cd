"""Sub-commands on a town file: init, check, info."""

from pathlib import Path

from pydantic import ValidationError

from evalir_desktop.cli.errors import EXIT_OK, EXIT_REFUSED, UserError
from evalir_desktop.cli.opening import open_store
from evalir_desktop.cli.output import print_json, validation_message
from evalir_desktop.content import load_content
from evalir_desktop.domain.attachment_rules import size_label
from evalir_desktop.domain.commune import Commune
from evalir_desktop.domain.records import STATUS_LABELS
from evalir_desktop.session.literacy import summary_text
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.store import SCHEMA_VERSION, Store, StoreError
from evalir_desktop.store.file.opening import NEWER_FILE_MESSAGE


def register(subparsers) -> None:
    init = subparsers.add_parser("init", help="créer un fichier avec le profil de la commune")
    init.add_argument("file", type=Path, metavar="FICHIER")
    init.add_argument("--nom", required=True, help="nom de la commune")
    init.add_argument("--insee", required=True, help="code INSEE (5 caractères)")
    init.add_argument("--population", help="nombre d'habitants")
    init.add_argument("--agents", help="nombre d'agents en équivalent temps plein")
    init.add_argument("--epci", default="", help="nom de l'intercommunalité")
    init.add_argument("--siren-epci", default="", help="SIREN de l'intercommunalité")
    init.set_defaults(handler=run_init)

    check = subparsers.add_parser("check", help="vérifier un fichier sans le modifier")
    check.add_argument("file", type=Path, metavar="FICHIER")
    check.add_argument("--json", action="store_true", help="résultat en JSON")
    check.set_defaults(handler=run_check)

    info = subparsers.add_parser(
        "info",
        help="profil de la commune et liste des évaluations",
        description=(
            "Profil de la commune et, pour chaque évaluation : statut, avancement et nombre "
            "d'obligations. Ce nombre compte les obligations et les interdictions que la loi "
            "impose au projet ; les points à vérifier, de vigilance et les recommandations "
            "n'y sont pas comptés."
        ),
    )
    info.add_argument("file", type=Path, metavar="FICHIER")
    info.add_argument("--json", action="store_true", help="résultat en JSON")
    info.set_defaults(handler=run_info)


def run_init(args) -> int:
    if args.file.exists():
        raise UserError(f"le fichier « {args.file} » existe déjà : choisissez un autre nom.")
    try:
        commune = Commune(
            nom=args.nom,
            insee=args.insee,
            population=args.population,
            agents_etp=args.agents,
            epci_nom=args.epci,
            epci_siren=args.siren_epci,
        )
    except ValidationError as error:
        raise UserError(validation_message(error)) from error
    try:
        with Store.create(args.file) as store:
            store.town.save_commune(commune)
    except StoreError as error:
        raise UserError(str(error)) from error
    print(f"Fichier créé : {args.file}")
    return EXIT_OK


def run_check(args) -> int:
    with open_store(args.file, tell=False) as store:
        if store.schema_version > SCHEMA_VERSION:
            raise UserError(
                f"« {args.file.name} » : {NEWER_FILE_MESSAGE} "
                f"(format {store.schema_version}, ce programme lit jusqu'au format "
                f"{SCHEMA_VERSION})."
            )
        commune = store.town.commune()
        report = {
            "fichier": str(args.file),
            "version_schema": store.schema_version,
            "role": store.role,
            "commune": commune.nom if commune else None,
            "evaluations": len(store.assessments.all()),
            "integrite": "ok" if store.integrity_ok() else "en échec",
            "ecrit_par": store.meta("written_with"),
            "remarque": None
            if store.readonly_reason == "Fichier ouvert en lecture seule."
            else store.readonly_reason,
            "donnees_ecartees": store.check_rows(),
            "pieces_jointes": store.attachments.count(),
            "pieces_jointes_octets": store.attachments.total(),
        }
    if args.json:
        print_json(report)
    else:
        print(f"Fichier : {report['fichier']}")
        print(f"Version du format : {report['version_schema']}")
        print(f"Rôle : {'territoire' if report['role'] == 'territory' else 'commune'}")
        print(f"Commune : {report['commune'] or '(profil non renseigné)'}")
        print(f"Évaluations : {report['evaluations']}")
        print(f"Intégrité : {report['integrite']}")
        if report["pieces_jointes"]:
            print(
                f"Pièces jointes : {report['pieces_jointes']} "
                f"({size_label(report['pieces_jointes_octets'])}), empreintes vérifiées"
            )
        if report["remarque"]:
            print(f"Remarque : {report['remarque']}")
        for reason in report["donnees_ecartees"]:
            print(f"Donnée écartée : {reason}")
    sound = report["integrite"] == "ok" and not report["donnees_ecartees"]
    return EXIT_OK if sound else EXIT_REFUSED


def assessment_summary(store: Store, content, record) -> dict:
    session = AssessmentSession(store, content, record.id)
    summary = session.summary()
    reviews = session.reviews()
    return {
        "id": record.id,
        "titre": record.title,
        "statut": record.status,
        "progression": summary.completion,
        "obligations": summary.obligations,
        "inconnues": summary.unknowns,
        "validee": summary.frozen,
        "modifie_le": record.updated_at,
        "pieces_jointes": len(store.attachments.of(record.id)),
        "etapes_a_corriger": [r.step_id for r in reviews if r.to_correct],
        "etapes_a_corriger_titres": [r.title for r in reviews if r.to_correct],
    }


def obligations_text(count: int) -> str:
    if count == 0:
        return "aucune obligation"
    return f"{count} obligation" + ("s" if count > 1 else "")


def run_info(args) -> int:
    content = load_content()
    with open_store(args.file) as store:
        commune = store.town.commune()
        trainings = (
            store.trainings.of() if store.town.commune_id() and store.role == "commune" else []
        )
        info = {
            "role": store.role,
            "commune": commune.model_dump() if commune else None,
            "formations_ia": [t.model_dump(mode="json") for t in trainings],
            "evaluations": [
                assessment_summary(store, content, record) for record in store.assessments.all()
            ],
        }
    if args.json:
        print_json(info)
    else:
        name = info["commune"]["nom"] if info["commune"] else "(profil non renseigné)"
        print(f"Commune : {name}")
        print(f"Formation à l'IA (article 4) : {summary_text(trainings)}")
        for item in info["evaluations"]:
            extra = ""
            count = item["pieces_jointes"]
            if count:
                extra += (
                    f", {count} pièce{'s' if count > 1 else ''} jointe{'s' if count > 1 else ''}"
                )
            if item["etapes_a_corriger"]:
                titles = "\u202f; ".join(
                    f"«\u202f{t}\u202f»" for t in item["etapes_a_corriger_titres"]
                )
                extra += f", à corriger\u202f: {titles}"
            print(
                f"- {item['titre']} [{STATUS_LABELS[item['statut']]}], "
                f"{item['progression']} % renseigné, {obligations_text(item['obligations'])}"
                f"{extra} ({item['id']})"
            )
    return EXIT_OK
