"""The AI literacy record of each town of a territory (AI Act Art. 4): who recorded
trainings, how many, how many people trained, the latest one (no Qt)."""

from collections import defaultdict

from evalir_desktop.store import Store
from evalir_desktop.territory.view_models import LiteracyCount, TownLiteracy, sort_key


def literacy_count(store: Store) -> LiteracyCount:
    """Every town of the territory file, with or without a recorded training."""
    trainings = defaultdict(list)
    for training in store.trainings.of("*"):
        trainings[training.commune_id].append(training)
    towns = []
    for town in store.territory.commune_rows():
        mine = trainings.get(town.id, [])
        dates = [training.held_on for training in mine if training.held_on]
        audiences = {training.audience for training in mine}
        towns.append(
            TownLiteracy(
                commune_id=town.id,
                nom=town.nom,
                insee=town.insee,
                trainings=len(mine),
                people=sum(training.people for training in mine),
                latest=max(dates) if dates else None,
                agents="agents" in audiences or "agents_et_elus" in audiences,
                elus="elus" in audiences or "agents_et_elus" in audiences,
            )
        )
    towns.sort(key=lambda town: sort_key(town.nom))
    return LiteracyCount(towns=towns)
