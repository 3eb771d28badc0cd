"""The words of a share's preview: what the copy removes, what it sends as it is, and
every free text it sends, for the window and for `evalir share` alike."""

from collections.abc import Callable

from evalir_desktop.domain.attachment_rules import size_label
from evalir_desktop.sharing.anonymiser import REMOVED_EMAIL, REMOVED_NAME, REMOVED_PHONE
from evalir_desktop.sharing.pipeline import SharePreview

REMOVED_ALWAYS = [
    "les évaluations à la corbeille et celles qui ne sont pas choisies ;",
    "les valeurs effacées ou remplacées (l'historique ne garde que qui a modifié quoi, et quand) ;",
]
REMOVED_NAMES = [
    "le contact de la mairie (nom, courriel, téléphone) ;",
    "les noms des agents qui ont répondu, des personnes qui ont validé et des responsables "
    "d'actions (un rôle comme « DGS » est gardé) ;",
    "l'historique des modifications ;",
]
SENT_AS_IS = [
    "le profil de la commune : nom, code INSEE, population, nombre d'agents, "
    "intercommunalité, délégué à la protection des données ;",
    "pour chaque évaluation : statut, type d'IA, dates, réponses à choix, nombres et "
    "« Je ne sais pas », plan d'action (échéances, priorités, états), validation et décision "
    "du conseil (dates, issue) ;",
]
SENT_NAMES = (
    "les noms des personnes (contact de la mairie, agents qui ont répondu, personnes qui ont "
    "validé, responsables d'actions) et l'historique (qui a modifié quoi, et quand) ;"
)


def preview_lines(
    preview: SharePreview, question_label: Callable[[str], str] | None = None
) -> list[str]:
    """What the copy removes, what it sends as it is, then every free text it sends."""
    removed = list(REMOVED_ALWAYS)
    as_is = list(SENT_AS_IS)
    if preview.anonymised:
        removed += REMOVED_NAMES
        removed.append(replaced_line(preview))
    else:
        as_is.append(SENT_NAMES)
    if preview.attachments:
        as_is.append(attachments_line(preview))
    else:
        removed.append(
            "les pièces jointes (elles ne sont envoyées que si vous le demandez ; "
            "l'intercommunalité garde celles qu'elle a déjà reçues) ;"
        )
    count = len(preview.texts)
    lines = ["Retiré de la copie :", *(f"  – {line}" for line in removed)]
    lines += ["Envoyé tel quel :", *(f"  – {line}" for line in as_is)]
    lines.append(
        f"Textes libres envoyés ({count}) : relisez-les, ils ne doivent citer personne "
        "(habitant, agent, élu) :"
        if count
        else "Aucun texte libre n'est envoyé."
    )
    current = None
    for item in preview.texts:
        if item.assessment != current:
            current = item.assessment
            lines.append(f"  « {current} »" if current else "  Autres textes")
        where = item.label
        if item.question_id:
            label = question_label(item.question_id) if question_label else item.question_id
            where = f"{where} ({label})"
        lines.append(f"    – {where} : {' '.join(item.text.split())}")
    return lines


def replaced_line(preview: SharePreview) -> str:
    names = ", ".join(preview.names) or "aucun"
    count = preview.replaced
    if count == 0:
        found = "aucun nom connu, courriel ou numéro de téléphone n'y a été trouvé"
    else:
        plural = "s" if count > 1 else ""
        found = (
            f"{count} mention{plural} remplacée{plural} par « {REMOVED_NAME} », "
            f"« {REMOVED_EMAIL} » ou « {REMOVED_PHONE} »"
        )
    return f"dans les textes libres, {found} (noms recherchés : {names}) ;"


def attachments_line(preview: SharePreview) -> str:
    count = len(preview.attachments)
    names = ", ".join(f"« {name} »" for name in preview.attachments)
    what = "pièce jointe" if count == 1 else "pièces jointes"
    line = f"{count} {what} ({size_label(preview.attachments_bytes)}) : {names}"
    if preview.anonymised:
        line += " ; leur contenu n'est pas anonymisé : vérifiez qu'elles ne nomment personne"
    return line + " ;"
