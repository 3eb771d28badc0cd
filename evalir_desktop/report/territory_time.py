"""The territory report over time: what changed since the last report, what comes next."""

from reportlab.platypus import Flowable

from evalir_desktop.report.blocks import data_table
from evalir_desktop.report.styles import para
from evalir_desktop.report.typography import number
from evalir_desktop.territory.view_models import TerritoryView

TITLE = "Évolution et échéances"


def _evolution(view: TerritoryView) -> list[Flowable]:
    evolution = view.evolution
    if evolution is None:
        return [
            para(
                "C'est le premier état du territoire conservé : le prochain rapport dira ce "
                "qui a changé depuis celui-ci.",
                "muted",
            )
        ]
    story = [para(evolution.sentence, "box")]
    if evolution.trends:
        rows = [
            [trend.title, number(round(trend.before)), number(round(trend.after))]
            for trend in evolution.trends
        ]
        header = ["Axe", f"Moyenne au {evolution.since}", "Moyenne aujourd'hui"]
        story.append(data_table(header, rows, [8, 4.5, 4.5]))
    return story


def _upcoming(view: TerritoryView) -> list[Flowable]:
    if not view.upcoming:
        return [para("Aucune obligation à venir pour les projets évalués.", "muted")]
    rows = []
    for moment in view.upcoming:
        for obligation in moment.obligations:
            towns = ", ".join(town.nom for town in obligation.towns)
            rows.append([moment.label, obligation.title, towns])
    return [data_table(["Date", "Obligation", "Communes"], rows, [4.2, 6.3, 6.5])]


def evolution_and_dates(view: TerritoryView, heading: Flowable) -> list[Flowable]:
    """The section: the evolution since the last report, then the upcoming obligations
    date by date across the towns."""
    return [
        heading,
        *_evolution(view),
        para("Obligations à venir, date par date", "h2"),
        para(
            "Les règles qui ne s'appliquent pas encore aux projets évalués, à la date où elles "
            "s'appliqueront, avec les communes concernées : de quoi préparer ensemble ce qui "
            "vient."
        ),
        *_upcoming(view),
    ]
