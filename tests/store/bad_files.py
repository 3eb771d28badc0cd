"""Builders of files the store must refuse, shared by the store and import tests."""

import sqlite3
from pathlib import Path

from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune
from evalir_desktop.store import Store


def make_town_file(path: Path, answers: int = 200) -> Path:
    """A sound town file, large enough to span several pages."""
    with Store.open(path, create=True) as store:
        store.town.save_commune(Commune(nom="Bourg-Saint-Andéol", insee="07042"))
        record = store.assessments.create("Tri du courrier", content_id="c", content_version="1")
        for index in range(answers):
            store.answers.save(record.id, f"q.{index}", Answer(value="x" * 200, comment="é" * 50))
    return path


def _alter(path: Path, sql: str) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.close()
    return path


def text_file(path: Path) -> Path:
    path.write_text("Bonjour, ceci n'est pas une base de données.", encoding="utf-8")
    return path


def empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def truncated_file(path: Path) -> Path:
    make_town_file(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def foreign_sqlite(path: Path) -> Path:
    return _alter(path, "CREATE TABLE facture (id INTEGER PRIMARY KEY, montant REAL);")


def with_trigger(path: Path) -> Path:
    make_town_file(path)
    return _alter(
        path,
        "CREATE TRIGGER efface AFTER INSERT ON answer BEGIN DELETE FROM commune; END;",
    )


def with_view(path: Path) -> Path:
    make_town_file(path)
    return _alter(path, "CREATE VIEW espion AS SELECT * FROM commune;")


def with_extra_table(path: Path) -> Path:
    make_town_file(path)
    return _alter(path, "CREATE TABLE extra (x);")


def with_altered_table(path: Path) -> Path:
    make_town_file(path)
    return _alter(path, "ALTER TABLE answer ADD COLUMN injected TEXT DEFAULT 'x';")


def future_version(path: Path) -> Path:
    make_town_file(path)
    return _alter(path, "PRAGMA user_version = 99;")


def corrupted_pages(path: Path) -> Path:
    make_town_file(path)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(2, len(data) // page_size):
        start = page * page_size
        data[start : start + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    return path


REFUSED = {
    "texte": (text_file, "pas un fichier EVALIR"),
    "vide": (empty_file, "vide"),
    "tronque": (truncated_file, "tronqué"),
    "sqlite_etranger": (foreign_sqlite, "pas un fichier EVALIR"),
    "declencheur": (with_trigger, "déclencheur"),
    "vue": (with_view, "vue"),
    "table_en_plus": (with_extra_table, "éléments qu'EVALIR ne crée pas"),
    "table_modifiee": (with_altered_table, "éléments qu'EVALIR ne crée pas"),
    "version_future": (future_version, "version plus récente"),
    "pages_abimees": (corrupted_pages, "endommagé"),
}
