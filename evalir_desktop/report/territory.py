"""The territory report (PDF): the intercommunality's panorama of its towns' AI projects.

Built from the pure `TerritoryView` (see `evalir_desktop.territory.overview`), so that it
prints exactly what the territory window shows.
"""

import hashlib
from collections import Counter
from datetime import date

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer

from evalir_desktop.french import counted
from evalir_desktop.report.blocks import bullets, data_table, key_values, maturity_bar
from evalir_desktop.report.document import FRAME_WIDTH, PageInfo, build_pdf
from evalir_desktop.report.fonts import BOLD
from evalir_desktop.report.labels import level_label
from evalir_desktop.report.styles import para
from evalir_desktop.report.territory_time import TITLE, evolution_and_dates
from evalir_desktop.report.typography import fr_date, number, shorten
from evalir_desktop.territory.view_models import TerritoryView

DOCUMENT = "Rapport de territoire"
TOWN_COLUMN = 3.6 * cm
CONTENTS = [
    "Communes et projets",
    "Obligations sur le territoire",
    "Maturité par axe",
    "Questions restées sans réponse",
    "Mutualisation : ce qui peut être mené ensemble",
    TITLE,
    "Formation à l'IA des agents et des élus",
]
NO_RANKING = (
    "Ce document rassemble les évaluations envoyées par les communes. Il ne classe pas "
    "les communes et ne décide rien : il montre ce que la loi impose, ce qui reste à "
    "documenter, et ce que l'intercommunalité peut mener en commun."
)


def view_fingerprint(view: TerritoryView) -> str:
    """8 hexadecimal digits that change whenever the data behind the report changes."""
    return hashlib.sha256(view.model_dump_json().encode("utf-8")).hexdigest()[:8]


def heading(index: int) -> Flowable:
    return para(f"{index}. {CONTENTS[index - 1]}", "h1")


def cover(view: TerritoryView, name: str, printed_on: date) -> list[Flowable]:
    statuses = Counter(row.status_label for row in view.rows)
    towns_with = len({row.commune_id for row in view.rows})
    return [
        para(name, "subtitle"),
        Spacer(1, 2 * cm),
        para("L'intelligence artificielle dans les communes du territoire", "title"),
        key_values(
            [
                ("Communes", f"{number(len(view.towns))} ({number(towns_with)} avec un projet)"),
                ("Évaluations", number(len(view.rows))),
                ("Par statut", ", ".join(f"{k} : {v}" for k, v in sorted(statuses.items()))),
                ("Opportunités de mutualisation", number(len(view.opportunities))),
                ("Questionnaire", f"{view.content_id}, version {view.content_version}"),
                ("Date d'édition", fr_date(printed_on)),
                ("Empreinte des données", view_fingerprint(view)),
            ]
        ),
        para(NO_RANKING, "box"),
        *([para(view.evolution.sentence)] if view.evolution else []),
        *([para(view.version_note, "small")] if view.version_note else []),
        para("Sommaire", "h3"),
        *bullets([f"{i}. {title}" for i, title in enumerate(CONTENTS, 1)], mark=""),
    ]


def projects(view: TerritoryView) -> list[Flowable]:
    rows = [
        [
            f"{row.commune} ({row.insee})",
            row.title,
            row.ai_type_label,
            row.supplier or "—",
            row.status_label,
            f"{row.completion} %",
            number(row.obligation_count),
            row.decision_label,
        ]
        for row in view.rows
    ]
    header = [
        "Commune",
        "Projet",
        "Type d'IA",
        "Fournisseur",
        "Statut",
        "Rempli",
        "Oblig.",
        "Décision",
    ]
    story = [heading(1)]
    if not rows:
        return [*story, para("Aucune évaluation n'a encore été importée.", "muted")]
    widths = [2.4, 3.0, 2.0, 2.3, 2.8, 1.45, 1.0, 2.05]  # cm, the 17 cm of the frame
    return [*story, data_table(header, rows, widths)]


def obligations(view: TerritoryView) -> list[Flowable]:
    story = [
        heading(2),
        para(
            "Pour chaque obligation, interdiction ou point à vérifier : le nombre de communes "
            "et d'évaluations concernées. Une obligation qui touche beaucoup de communes "
            "appelle une réponse commune (modèle de document, accompagnement, formation)."
        ),
    ]
    rows = [
        [
            level_label(o.level, o.level_label),
            o.title,
            o.reference,
            number(o.town_count),
            number(o.assessment_count),
        ]
        for o in view.obligations
    ]
    if not rows:
        return [*story, para("Aucune obligation relevée pour l'instant.", "muted")]
    header = ["Niveau", "Obligation", "Référence", "Communes", "Évaluations"]
    return [*story, data_table(header, rows, [2.6, 5.2, 5.2, 1.7, 1.9])]


def maturity(view: TerritoryView) -> list[Flowable]:
    story = [
        heading(3),
        para(
            "Moyenne de chaque axe sur 100 : d'abord pour chaque commune (moyenne de ses "
            "évaluations), puis pour le territoire (chaque commune compte autant). Un axe "
            "sans réponse n'est pas compté comme zéro."
        ),
    ]
    averages = [
        [a.title, maturity_bar(a.average), counted(a.town_count, "commune", "communes")]
        for a in view.averages
    ]
    story.append(
        data_table(["Axe", "Moyenne du territoire", "Communes notées"], averages, [7, 5, 4])
    )
    if view.maturity:
        width = (FRAME_WIDTH - TOWN_COLUMN) / len(view.axes)
        names = {axis.id: abbreviation(axis.short_title or axis.title, width) for axis in view.axes}
        header = ["Commune", *names.values()]
        rows = [
            [m.town.nom, *(score(m.scores[axis.id]) for axis in view.axes)] for m in view.maturity
        ]
        legend = ", ".join(
            f"{names[axis.id]} : {axis.short_title or axis.title}"
            for axis in view.axes
            if names[axis.id] != (axis.short_title or axis.title)
        )
        story += [
            para("Par commune", "h2"),
            data_table(header, rows, [TOWN_COLUMN] + [width] * len(names)),
        ]
        if legend:
            story.append(para(legend, "small"))
    return story


def abbreviation(title: str, width: float) -> str:
    """« Gouvernance » -> « Gouv. » when the title does not fit a column `width` wide."""
    if stringWidth(title, BOLD, 8.5) <= width - 0.3 * cm:
        return title
    for size in range(4, 1, -1):
        short = title[:size].rstrip() + "."
        if stringWidth(short, BOLD, 8.5) <= width - 0.3 * cm:
            return short
    return title[:2] + "."


def score(value: float | None) -> str:
    return "—" if value is None else number(round(value))


def unknowns(view: TerritoryView) -> list[Flowable]:
    story = [
        heading(4),
        para(
            "Les questions le plus souvent restées sur « Je ne sais pas ». Celles qui "
            "reviennent dans plusieurs communes peuvent être documentées une fois pour toutes "
            "(auprès d'un fournisseur, d'un DPD mutualisé, d'un juriste)."
        ),
    ]
    rows = [
        [u.label, u.role_label, number(u.town_count), number(u.assessment_count)]
        for u in view.unknowns
    ]
    if not rows:
        return [*story, para("Aucune réponse « Je ne sais pas » pour l'instant.", "muted")]
    header = ["Question", "À demander à", "Communes", "Évaluations"]
    return [*story, data_table(header, rows, [8.5, 4, 1.8, 2])]


def mutualisation(view: TerritoryView) -> list[Flowable]:
    story = [
        heading(5),
        para(
            "Des communes qui mènent le même projet, travaillent avec le même fournisseur ou "
            "ont le même besoin : c'est là que l'intercommunalité peut agir une fois pour "
            "plusieurs communes."
        ),
    ]
    if not view.opportunities:
        return [*story, para("Aucun groupe d'au moins deux communes pour l'instant.", "muted")]
    for group in view.opportunities:
        towns = ", ".join(town.nom for town in group.towns)
        story += [
            para(f"{group.kind_label} : {shorten(group.title, 140)}", "h3"),
            para(group.explanation),
            para(towns, bold_prefix=f"{len(group.towns)} communes :"),
        ]
        if group.details:
            story.append(para("Questions à poser ensemble :", "small"))
            story += bullets([shorten(detail, 200) for detail in group.details])
    return story


def literacy(view: TerritoryView) -> list[Flowable]:
    """Each town's record of who was trained on AI (AI Act Art. 4)."""
    story = [
        heading(7),
        para(
            "Le règlement européen sur l'IA (article 4) demande à chaque commune qui utilise "
            "un outil d'IA de former les agents et les élus concernés et d'en garder une "
            "trace. Une commune sans formation inscrite peut être invitée à une session "
            "organisée par l'intercommunalité."
        ),
        para(view.literacy.summary(), bold_prefix="En tout :"),
    ]
    rows = [
        [
            town.nom,
            number(town.trainings),
            number(town.people),
            fr_date(town.latest, "—"),
            ", ".join(who for who, done in (("agents", town.agents), ("élus", town.elus)) if done)
            or "—",
        ]
        for town in view.literacy.towns
    ]
    if not rows:
        return story
    header = ["Commune", "Formations", "Personnes formées", "Dernière", "Publics"]
    return [*story, data_table(header, rows, [5.2, 2.4, 3, 3.4, 3])]


def territory_report(view: TerritoryView, name: str = "", printed_on: date | None = None) -> bytes:
    """The whole territory report as PDF bytes; `name` defaults to the EPCI's name."""
    printed_on = printed_on or date.today()
    name = name or view.epci or "Territoire"
    story = cover(view, name, printed_on)
    story += [PageBreak(), *projects(view)]
    story += [PageBreak(), *obligations(view)]
    story += [PageBreak(), *maturity(view)]
    story += [PageBreak(), *unknowns(view)]
    story += [PageBreak(), *mutualisation(view)]
    story += [PageBreak(), *evolution_and_dates(view, heading(6))]
    story += [PageBreak(), *literacy(view)]
    info = PageInfo(
        town=name,
        project="Panorama des projets d'IA des communes",
        printed_on=fr_date(printed_on),
        fingerprint=view_fingerprint(view),
        content_version=view.content_version,
        document=DOCUMENT,
        cover=True,
    )
    return build_pdf(story, info, title=f"{DOCUMENT} — {name}", subject=name)
