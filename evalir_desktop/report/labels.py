"""Fixed wording that several documents print."""

NO_VERDICT = (
    "Ce document ne dit pas s'il faut faire le projet. Il montre ce qui est solide, ce qui "
    "manque, ce que la loi impose et ce qui reste à décider. L'IA est un outil parmi "
    "d'autres : la décision appartient aux élus de la commune, qui en répondent devant "
    "les habitants."
)

# A level is always printed with its shape and its word, never with colour alone.
LEVEL_MARKS = {
    "interdit": "■",
    "obligation": "▲",
    "a_verifier": "◆",
    "vigilance": "●",
    "recommandation": "○",
}


def level_label(level: str, label: str) -> str:
    return f"{LEVEL_MARKS.get(level, '•')} {label}"
