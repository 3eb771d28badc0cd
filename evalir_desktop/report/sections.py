"""Sections of the full report: cover, project, qualification, maturity, vigilance, unknowns."""

from evalir_desktop.assessment.calendar import short_status
from evalir_desktop.content.models import PRIORITY_LABELS
from evalir_desktop.domain.commune import DPD_LABELS
from evalir_desktop.domain.records import AI_TYPE_LABELS
from evalir_desktop.report.annexes import ANNEX_TITLE, LITERACY_RULE, literacy_record
from evalir_desktop.report.data import ReportData
from evalir_desktop.report.labels import LEVEL_MARKS, NO_VERDICT, level_label
from evalir_desktop.report.model import (
    Bar,
    Block,
    Heading,
    Keep,
    Para,
    Radar,
    Space,
    bullets,
    key_values,
    long_text,
    table,
)
from evalir_desktop.report.summary import completion_line, decision_line
from evalir_desktop.report.typography import counted, fr_date, number

CONTENTS = (
    "Le projet",
    "Synthèse pour les élus",
    "Qualification réglementaire",
    "Maturité par axe",
    "Points de vigilance et recommandations",
    "Ce qui reste à documenter",
    "Réponses et commentaires, axe par axe",
    "Plan d'action",
    "Décision",
    "Glossaire",
)


def heading(index: int) -> Heading:
    return Heading(f"{index}. {CONTENTS[index - 1]}", 1)


def cover(data: ReportData) -> list[Block]:
    commune, record = data.commune, data.assessment
    place = f"Commune de {data.town}" if commune else data.town
    details = []
    if commune:
        details.append(f"Code INSEE {commune.insee}")
        if commune.epci_nom:
            details.append(commune.epci_nom)
    story: list[Block] = [
        Para(place, "subtitle"),
        Para(" · ".join(details), "muted"),
        Space(2.5),
        Para("Évaluation d'un projet d'intelligence artificielle", "subtitle"),
        Heading(data.project, 0),
        key_values(
            [
                ("Statut du projet", data.status_label),
                ("Avancement", completion_line(data)),
                ("Décision", decision_line(data)),
                ("Version de l'évaluation", str(record.version_number)),
                ("Questionnaire", f"{data.content.title}, version {data.content.version}"),
                ("Date d'édition", data.date_label),
                ("Empreinte des données", data.fingerprint),
            ]
        ),
        Para(NO_VERDICT, "box"),
        Heading("Sommaire", 3),
        bullets(
            [f"{i}. {title}" for i, title in enumerate(CONTENTS, 1)]
            + ([ANNEX_TITLE] if data.attachments else []),
            mark="",
        ),
        Space(0.4),
        Para(
            "L'empreinte des données, imprimée au bas de chaque page (« Empreinte »), change dès "
            "qu'une réponse, "
            "une action ou la décision change : deux exemplaires qui portent la même empreinte "
            "ont été imprimés à partir des mêmes données.",
            "muted",
        ),
    ]
    return story


def project(data: ReportData) -> list[Block]:
    record, commune = data.assessment, data.commune
    template = data.content.template(record.template_id) if record.template_id else None
    story: list[Block] = [
        heading(1),
        key_values(
            [
                ("Projet", record.title),
                ("Service concerné", record.service),
                ("Type d'IA", AI_TYPE_LABELS.get(record.ai_type, record.ai_type)),
                ("Fournisseur", record.supplier),
                ("Statut", data.status_label),
                ("Modèle de départ", template.title if template else ""),
                ("Évaluation commencée le", fr_date(record.created_at)),
                ("Dernière modification", fr_date(record.updated_at)),
            ]
        ),
    ]
    for title, text in (
        ("Description", record.description),
        ("Ce que doit faire l'outil, et pour qui", data.text_answer("contexte.finalite")),
        ("Le problème à résoudre", data.text_answer("besoin.probleme")),
    ):
        if text:
            story += [Heading(title, 3), *long_text(text)]
    if commune:
        story += [
            Heading("La commune", 3),
            key_values(
                [
                    ("Commune", f"{commune.nom} (INSEE {commune.insee})"),
                    ("Population", number(commune.population)),
                    ("Agents (équivalent temps plein)", number(commune.agents_etp)),
                    ("Intercommunalité", commune.epci_nom),
                    (
                        "Délégué à la protection des données",
                        DPD_LABELS[commune.dpd_designe],
                    ),
                    (
                        "Contact",
                        ", ".join(
                            p
                            for p in (
                                commune.contact_nom,
                                commune.contact_email,
                                commune.contact_telephone,
                            )
                            if p
                        ),
                    ),
                ]
            ),
        ]
    return story


def qualification(data: ReportData) -> list[Block]:
    obligations = data.evaluation.obligations
    legend = " ; ".join(
        f"{mark} {label}"
        for mark, label in (
            (LEVEL_MARKS["interdit"], "interdit"),
            (LEVEL_MARKS["obligation"], "obligation"),
            (LEVEL_MARKS["a_verifier"], "à vérifier"),
            (LEVEL_MARKS["vigilance"], "point de vigilance"),
            (LEVEL_MARKS["recommandation"], "recommandation"),
        )
    )
    story: list[Block] = [
        heading(3),
        Para(
            "Ce que le droit impose au projet, d'après les réponses données : règlement européen "
            "sur l'IA, code des relations entre le public et l'administration (CRPA), RGPD. "
            "Chaque élément indique sa source et les réponses qui l'ont déclenché. Les références "
            "sont à relire sur Légifrance ou EUR-Lex avant toute décision.",
        ),
        Para(legend + ".", "small", lead="Légende :"),
        Para(
            f"Dates lues au {fr_date(data.evaluation.reference_date)} : une obligation « à "
            "anticiper » ne s'applique pas encore à cette date, mais la commune doit s'y "
            "préparer ; les mois restants sont indiqués dans le détail.",
            "small",
            lead="Dates :",
        ),
    ]
    if obligations:
        binding = data.summary().obligations
        others = len(obligations) - binding
        text = counted(binding, "obligation ou interdiction", "obligations ou interdictions")
        if others:
            text += f", et {counted(others, 'autre point', 'autres points')} à vérifier, "
            text += "de vigilance ou recommandé" + ("s" if others > 1 else "")
        story.append(Para(text + ".", lead="En résumé :"))
    if not obligations:
        story.append(
            Para(
                "Aucune obligation particulière n'est déclenchée par les réponses "
                "données. Les réponses « Je ne sais pas » peuvent en cacher : voir "
                "la partie « Ce qui reste à documenter »."
            )
        )
    else:
        story += [
            table(
                ["Niveau", "Ce que cela implique", "Référence", "Application"],
                [
                    [
                        level_label(ob.level, ob.level_label),
                        ob.title,
                        ob.reference,
                        short_status(ob.applies_from, ob.in_force),
                    ]
                    for ob in obligations
                ],
                [2.8, 5, 5.4, 3.8],
            ),
            Heading("Le détail", 2),
        ]
    for ob in obligations:
        block = [
            Heading(f"{level_label(ob.level, ob.level_label)} — {ob.title}", 3),
            Para(ob.reference, "body", lead="Référence :"),
            Para(ob.id, "small", lead="Identifiant de la règle :"),
        ]
        story.append(Keep(tuple(block)))
        story += long_text(ob.explanation)
        if ob.id == LITERACY_RULE:
            story += literacy_record(data)
        story.append(Para(ob.deadline, lead="Application :"))
        if ob.to_check:
            story.append(Para(ob.to_check, lead="À vérifier :"))
        if ob.triggers:
            story.append(Para("Réponses qui l'ont déclenché :", "small"))
            story.append(bullets([f"{t.label} — {t.display}" for t in ob.triggers], "small"))
    return story


def maturity(data: ReportData) -> list[Block]:
    scored = [axis for axis in data.evaluation.axes if axis.scored]
    rows = []
    for axis in scored:
        lowering = " ; ".join(f"{low.label} ({low.display})" for low in axis.lowering[:3])
        rows.append(
            [
                data.axis_title(axis.id),
                Bar(axis.score),
                f"{axis.answered} / {axis.applicable}",
                str(axis.unknown),
                lowering,
            ]
        )
    return [
        heading(4),
        Para(
            "Pour chaque axe, une maturité de 0 à 100 calculée sur les réponses qui s'appliquent. "
            "Une réponse « Je ne sais pas » compte pour 0. Il n'y a volontairement ni note "
            "globale ni verdict : un axe faible dit où porter l'effort, pas s'il faut décider.",
        ),
        Radar(tuple(data.evaluation.axes), data.axis_labels()),
        Heading("Détail par axe", 3),
        table(
            [
                "Axe",
                "Maturité (sur 100)",
                "Réponses",
                "« Je ne sais pas »",
                "Ce qui fait le plus baisser la maturité",
            ],
            rows,
            [3.2, 3.3, 2.1, 1.9, 6.0],
        ),
    ]


def vigilance(data: ReportData) -> list[Block]:
    recs = data.evaluation.recommendations
    story: list[Block] = [
        heading(5),
        Para(
            "Les recommandations attachées aux réponses les plus faibles, des plus urgentes "
            "aux moins urgentes. Elles ont servi à préparer le plan d'action."
        ),
    ]
    if not recs:
        return [*story, Para("Aucune recommandation : aucune réponse faible relevée.")]
    current = None
    for rank, rec in enumerate(recs, 1):
        if rec.priority != current:
            current = rec.priority
            count = sum(1 for item in recs if item.priority == current)
            label = PRIORITY_LABELS.get(current, current)
            story.append(Heading(f"{label} ({count})", 2))
        story.append(Heading(f"{rank}. {rec.text}", 3))
        story.append(Para(f"Axe : {data.axis_title(rec.axis_id)} · Qui : {rec.who_label}", "small"))
        story += long_text(rec.why, "small")
    return story


def unknowns(data: ReportData) -> list[Block]:
    items = data.evaluation.unknowns
    story: list[Block] = [
        heading(6),
        Para(
            "Les questions auxquelles la réponse a été « Je ne sais pas », rangées selon la "
            "personne la mieux placée pour y répondre. Le questionnaire au fournisseur reprend "
            "celles qui le concernent."
        ),
    ]
    if not items:
        return [*story, Para("Aucune : toutes les réponses données sont sûres.")]
    roles: dict[str, list] = {}
    for item in items:
        roles.setdefault(item.role_label, []).append(item)
    for role_label, group in roles.items():
        story.append(Heading(f"{role_label} ({len(group)})", 3))
        story.append(
            table(
                ["Question", "Axe"],
                [[item.label, data.axis_title(item.axis_id)] for item in group],
                [12, 5],
            )
        )
    return story
