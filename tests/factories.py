"""The one factory of town profiles for the tests: a valid profile, any field replaced."""

from evalir_desktop.domain.commune import Commune

SAINT_ETIENNE_DE_TINEE = {
    "nom": "Saint-Étienne-de-Tinée",
    "insee": "06120",
    "population": 4800,
    "agents_etp": 42,
    "epci_nom": "Métropole Nice Côte d'Azur",
    "epci_siren": "200030195",
    "dpd_designe": "oui",
    "contact_nom": "Hélène Dupré",
}


def make_commune(**fields) -> Commune:
    """Saint-Étienne-de-Tinée, or what `fields` make of it (`epci_nom=""` to remove one)."""
    return Commune(**{**SAINT_ETIENNE_DE_TINEE, **fields})
