"""The copy sent to the intercommunality: name, consistency, selection, anonymisation."""

import sqlite3
from datetime import date

import pytest

from evalir_desktop.cli import main
from evalir_desktop.output_guard import OutputRefused
from evalir_desktop.sharing.anonymiser import ANONYMOUS_OWNER
from evalir_desktop.sharing.pipeline import default_share_name, share
from evalir_desktop.store import SCHEMA_VERSION, Store, StoreError
from evalir_desktop.store.file.inspection import inspect
from tests.sql import scalar
from tests.territory.territory_helpers import AGENT, OWNER, PERSONAL, VALIDATOR


def text_values(path) -> list[str]:
    """Every text value of every column of every table of a file."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        values = []
        for table in tables:
            for row in conn.execute(f"SELECT * FROM {table}"):
                values += [value for value in row if isinstance(value, str)]
        return values
    finally:
        conn.close()


def test_default_name_is_insee_town_date():
    assert default_share_name("42087", "Écotay-l'Olme", date(2026, 11, 5)) == (
        "42087-Ecotay-l-Olme-2026-11-05.evalir"
    )


def test_share_into_folder_is_a_sound_copy_while_the_file_is_open(town, folder):
    out = folder / "envoi à l'EPCI"
    out.mkdir()
    with Store.open(town["path"]) as store:  # the window keeps the file open for writing
        result = share(store, out, today=date(2026, 11, 5))
    assert result.path == out / "42087-Ecotay-l-Olme-2026-11-05.evalir"
    assert inspect(result.path).schema_version == SCHEMA_VERSION
    with Store.open(result.path, readonly=True) as copy:
        assert {a.id for a in copy.assessments.all()} == {town["chatbot"], town["cameras"]}
        assert copy.meta("anonymised") == "0"
        assert copy.town.commune().nom == "Écotay-l'Olme"
    assert not list(out.glob(".*.tmp"))


def test_plain_share_keeps_names(town, folder):
    result = share(Store.open(town["path"], readonly=True), folder / "copie.evalir")
    values = " ".join(text_values(result.path))
    assert AGENT in values and VALIDATOR in values and OWNER in values


def test_anonymised_share_holds_no_personal_name(town, folder):
    with Store.open(town["path"], readonly=True) as store:
        result = share(store, folder / "anonyme.evalir", anonymise=True)
    values = text_values(result.path)
    for name in PERSONAL:
        assert not [v for v in values if name.lower() in v.lower()], name
    raw = result.path.read_bytes()  # nothing left in free pages either
    for name in PERSONAL:
        assert name.encode("utf-8") not in raw, name
    with Store.open(result.path, readonly=True) as copy:
        owners = sorted(a.owner for a in copy.plan.actions(town["chatbot"]))
        assert owners == ["DGS", ANONYMOUS_OWNER]
        decision = copy.plan.decision(town["cameras"])
        assert decision.validated_by == "" and decision.validated_role == "Maire"
        assert copy.plan.is_frozen(town["cameras"])
        assert copy.history.entries() == []
        assert copy.meta("anonymised") == "1"


def test_share_only_chosen_assessments(town, folder):
    with Store.open(town["path"], readonly=True) as store:
        result = share(store, folder / "une.evalir", assessment_ids=[town["cameras"][:8]])
    with Store.open(result.path, readonly=True) as copy:
        assert [a.id for a in copy.assessments.all()] == [town["cameras"]]
        rows = scalar(
            result.path, "SELECT count(*) FROM answer WHERE assessment_id != ?", (town["cameras"],)
        )
        assert rows == 0
        assert copy.plan.actions(town["chatbot"]) == []
        assert all(h.assessment_id in (None, town["cameras"]) for h in copy.history.entries())


def test_unknown_assessment_is_refused_in_french(town, folder):
    with Store.open(town["path"], readonly=True) as store, pytest.raises(StoreError) as error:
        share(store, folder / "x.evalir", assessment_ids=["ffffffff-0000"])
    assert "Aucune évaluation" in str(error.value)
    assert not (folder / "x.evalir").exists()


def test_share_refuses_to_overwrite_the_original(town):
    with Store.open(town["path"], readonly=True) as store, pytest.raises(OutputRefused):
        share(store, town["path"])


def test_cli_share(town, folder, capsys):
    out = folder / "sortie"
    out.mkdir()
    code = main(["share", str(town["path"]), "-o", str(out), "--anonymiser"])
    assert code == 0
    (written,) = out.glob("42087-Ecotay-l-Olme-*.evalir")
    assert str(written.name) in capsys.readouterr().out
    code = main(["share", str(town["path"]), "-o", str(out), "--assessment", "inconnue"])
    assert code == 2
    assert "Aucune évaluation" in capsys.readouterr().err
