"""Build schema-valid but malicious town files (run by the tests; nothing is committed).

Each file is a sound EVALIR file written by our own store, then altered with plain SQL
the way a hand-crafted file from elsewhere could be.
"""

import json
import sqlite3
from pathlib import Path

from evalir_desktop.content import load_content
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune
from evalir_desktop.session.starting import start_assessment
from evalir_desktop.store import Store

MARKUP = '<h1>Titre</h1><a href="http://exemple.invalid">lien</a><img src="/etc/passwd">'
CONTROLS = "Mairie\x1b[31m rouge\x1b[0m \u202eesrevne\u202c\x07"
CHATBOT = "agent_conversationnel_accueil"


def base_file(path: Path, insee: str = "42087") -> Path:
    content = load_content()
    with Store.open(path, create=True, who="Agent") as store:
        store.town.save_commune(Commune(nom="Écotay-l'Olme", insee=insee, population=1400))
        record = start_assessment(store, content, "Agent d'accueil", content.template(CHATBOT))
        store.answers.save(record.id, "gouvernance.elu_referent", Answer(value="oui"))
        store.plan.add_action(record.id, "Former les agents", owner="DGS", due_date="2026-12-01")
    return path


def altered(path: Path, *statements: tuple[str, tuple]) -> Path:
    base_file(path)
    conn = sqlite3.connect(path)
    with conn:
        for sql, params in statements:
            conn.execute(sql, params)
    conn.close()
    return path


def answer(value: str) -> tuple[str, tuple]:
    return ("UPDATE answer SET value = ? WHERE question_id = 'gouvernance.elu_referent'", (value,))


HOSTILE = {
    "population-1e18": [("UPDATE commune SET population = ?", (10**18,))],
    "titre-1-mo": [("UPDATE assessment SET title = ?", ("A" * 1_000_000,))],
    "commentaire-1-mo": [("UPDATE answer SET comment = ?", ("é" * 1_000_000,))],
    "date-9999-99-99": [
        ("UPDATE assessment SET updated_at = '9999-99-99'", ()),
        ("UPDATE action SET due_date = '9999-99-99'", ()),
    ],
    "json-mauvais-type": [answer(json.dumps({"objet": [1, 2]}))],
    "json-nan": [answer("NaN")],
    "json-infini": [answer("1e400")],
    "json-5000-listes": [answer("[" * 5000 + "]" * 5000)],
    "balises-html": [
        ("UPDATE assessment SET title = ?, supplier = ?", (MARKUP, MARKUP)),
        ("UPDATE commune SET nom = ?", (MARKUP,)),
    ],
    "caracteres-de-controle": [
        ("UPDATE commune SET nom = ?", (CONTROLS,)),
        ("UPDATE assessment SET title = ?", (CONTROLS,)),
    ],
    "date-dans-le-futur": [("UPDATE assessment SET updated_at = '2999-01-01T00:00:00+00:00'", ())],
}


def make_hostile(folder: Path) -> dict[str, Path]:
    """Write every hostile file into `folder`; return them by name."""
    folder.mkdir(parents=True, exist_ok=True)
    return {name: altered(folder / f"{name}.evalir", *sql) for name, sql in HOSTILE.items()}
