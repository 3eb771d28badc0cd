"""The AI literacy record (AI Act Art. 4) in a few words, for the window, the report and
the territory: how many trainings, how many people trained (no Qt)."""

from collections.abc import Sequence

from evalir_desktop.domain.annexes import TrainingRecord


def people_trained(trainings: Sequence[TrainingRecord]) -> int:
    return sum(training.people for training in trainings)


def summary_text(trainings: Sequence[TrainingRecord]) -> str:
    """« 2 formations, 15 personnes formées », or « aucune formation enregistrée »."""
    if not trainings:
        return "aucune formation enregistrée"
    count, people = len(trainings), people_trained(trainings)
    first = f"{count} formation" + ("s" if count > 1 else "")
    return f"{first}, {people} personne" + ("s formées" if people > 1 else " formée")
