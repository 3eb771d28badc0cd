"""French labels of the stored codes that documents print."""

ACTION_STATUS = {
    "a_faire": "À faire",
    "en_cours": "En cours",
    "fait": "Fait",
    "abandonne": "Abandonné",
}
ACTION_PRIORITY = {1: "Haute", 2: "Moyenne", 3: "Basse"}
RECOMMENDATION_PRIORITY = {
    "haute": "Priorité haute",
    "moyenne": "Priorité moyenne",
    "basse": "Priorité basse",
}
OUTCOMES = {
    "engager": "Engager le projet",
    "engager_sous_conditions": "Engager le projet sous conditions",
    "reporter": "Reporter la décision",
    "renoncer": "Renoncer au projet",
}
DPD = {"oui": "Oui", "non": "Non", "mutualise": "Oui, mutualisé", "inconnu": "Non renseigné"}
NO_VERDICT = (
    "Ce document ne dit pas s'il faut faire le projet. Il montre ce qui est solide, ce qui "
    "manque, ce que la loi impose et ce qui reste à décider. L'IA est un outil parmi "
    "d'autres : la décision appartient aux élus de la commune, qui en répondent devant "
    "les habitants."
)
