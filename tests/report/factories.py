"""Build fully answered assessments for the report tests, the benchmark and the screenshots."""

from datetime import date, timedelta

from evalir_desktop.content import Content, Question, is_visible, load_content
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.records import DecisionRecord
from evalir_desktop.store import Store

ACCENTS = "Élément « vérifié » : l’œuvre coûte 12 € — déjà ça, à Noël, où l’on hésite… "


def accented(marker: str, length: int) -> str:
    """French text full of accents and typography, unique to `marker`, about `length` long."""
    text = f"{marker} "
    while len(text) < length:
        text += ACCENTS
    return text[:length].rstrip()


def choose(question: Question, index: int, text: str):
    """A plausible answer value for `question`, varied by `index`."""
    if question.type in ("oui_non", "choix_unique"):
        return question.options[index % len(question.options)].id
    if question.type == "choix_multiple":
        plain = [option.id for option in question.options if not option.exclusive]
        return plain[: 1 + index % 2]
    if question.type == "echelle":
        return int((question.min + question.max) // 2)
    if question.type == "nombre":
        return 1200 + index
    if question.type == "texte_court":
        return text[:250]
    return text


def fill(
    store: Store,
    assessment_id: str,
    *,
    content: Content | None = None,
    comment_length: int = 120,
    unknown_every: int = 6,
    facts: dict | None = None,
) -> dict[str, Answer]:
    """Answer every visible question (a comment on each), in content order."""
    content = content or load_content()
    commune = store.town.commune()
    answers: dict[str, Answer] = {}
    for index, question in enumerate(content.questions()):
        if not is_visible(question, answers, commune, content):
            continue
        comment = accented(f"[commentaire {question.id}]", comment_length)
        if facts and question.id in facts:
            answer = Answer(value=facts[question.id], comment=comment)
        elif question.unknown_allowed and unknown_every and index % unknown_every == 0:
            answer = Answer(unknown=True, comment=comment)
        else:
            text = accented(f"[réponse {question.id}]", 200)
            answer = Answer(value=choose(question, index, text), comment=comment)
        answers[question.id] = answer
    for question_id, answer in answers.items():
        store.answers.save(assessment_id, question_id, answer)
    return answers


def add_actions(
    store: Store, assessment_id: str, count: int, title_length: int = 80, long_every: int = 0
) -> None:
    """`count` actions; every `long_every`-th has a 1,900-character title."""
    axes = ["besoin", "gouvernance", "donnees", "conformite", "transparence", ""]
    for index in range(count):
        long = long_every and (index + 1) % long_every == 0
        store.plan.add_action(
            assessment_id,
            accented(f"[action {index + 1}]", 1900 if long else title_length),
            axis_id=axes[index % len(axes)],
            owner="Hélène Dupré, secrétaire de mairie" if index % 3 else "",
            due_date=date(2026, 12, 1) + timedelta(days=7 * index) if index % 4 else None,
            priority=1 + index % 3,
            status=["a_faire", "en_cours", "fait", "abandonne"][index % 4],
        )


def decide(store: Store, assessment_id: str, text: str = "") -> None:
    store.plan.save_decision(
        DecisionRecord(
            assessment_id=assessment_id,
            validated_by="Hélène Dupré",
            validated_role="Secrétaire de mairie",
            validated_on=date(2026, 11, 20),
            council_date=date(2026, 11, 25),
            deliberation_number="2026-047",
            outcome="engager_sous_conditions",
            text=text or "Engagement sous réserve d’une AIPD et d’un essai de trois mois.",
        )
    )


CHATBOT_FACTS = {
    "contexte.systeme_ia": "oui",
    "contexte.type_ia": ["texte_generatif", "voix"],
    "contexte.interaction_habitants": "oui",
    "contexte.decision_individuelle": "partielle",
    "contexte.donnees_personnelles": "oui",
    "contexte.donnees_sensibles": "non",
    "contexte.cameras_voie_publique": "non",
    "contexte.biometrie": "non",
    "contexte.pratiques_interdites": ["aucune_pratique"],
    "contexte.fournisseur": "editeur_prive",
    "contexte.hebergement": "hors_ue",
    "contexte.hypertrucage": "non",
    "contexte.profilage": "non",
    "contexte.domaine_sensible": ["prestations"],
    "contexte.role_outil": "amelioration",
}


def demo_assessment(
    store: Store,
    *,
    comment_length: int = 160,
    actions: int = 12,
    long_actions_every: int = 0,
    unknown_every: int = 6,
    decided: bool = False,
    **fields,
) -> str:
    """A realistic assessment: a switchboard chatbot that also helps decisions."""
    record = store.assessments.create(
        fields.pop("title", "Agent conversationnel de l’accueil de la mairie"),
        content_id="evalir-commune",
        content_version="2026.11.1",
        description=fields.pop(
            "description",
            "Un agent conversationnel répondrait, jour et nuit, aux questions des habitants "
            "sur l’état civil, les inscriptions scolaires et la collecte des déchets. Il "
            "orienterait les demandes d’aide vers le CCAS.",
        ),
        service=fields.pop("service", "Accueil et état civil"),
        status=fields.pop("status", "pilote"),
        ai_type=fields.pop("ai_type", "IA générative (texte et voix)"),
        supplier=fields.pop("supplier", "Société Exemple SAS"),
        **fields,
    )
    fill(
        store,
        record.id,
        comment_length=comment_length,
        unknown_every=unknown_every,
        facts=CHATBOT_FACTS,
    )
    add_actions(store, record.id, actions, long_every=long_actions_every)
    if decided:
        decide(store, record.id)
    return record.id
