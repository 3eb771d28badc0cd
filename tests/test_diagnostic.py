"""The problem report: versions and the log's tail, without personal data."""

from pathlib import Path

from evalir_desktop.diagnostic import redact, write_diagnostic


def test_diagnostic_has_versions_and_log_but_no_personal_data(tmp_path):
    home = Path("/home/mdupont")
    log = tmp_path / "evalir-desktop.log"
    log.write_text(
        "\n".join(f"ligne {n}" for n in range(500))
        + "\n2026-11-02 INFO evalir: Refused /home/mdupont/Documents/EVALIR/x.evalir: "
        "contact marie.dupont@mairie.fr 06 12 34 56 78 (mdupont)\n",
        encoding="utf-8",
    )
    path = write_diagnostic(
        tmp_path / "out", {"Qt": "6.11.3", "PySide6": "6.11.3"}, log, home, "mdupont"
    )
    text = path.read_text(encoding="utf-8")
    assert path.name.startswith("diagnostic-evalir-") and path.suffix == ".txt"
    assert "EVALIR Desktop :" in text and "Qt : 6.11.3" in text and "Python :" in text
    assert "ligne 499" in text and "ligne 100" not in text  # only the tail
    for personal in ("mdupont", "marie.dupont@mairie.fr", "06 12 34 56 78", "/home/"):
        assert personal not in text
    assert "~/Documents/EVALIR/x.evalir" in text


def test_missing_log_and_short_user_names():
    assert redact("Ouvert par al", Path("/nulle/part"), "al") == "Ouvert par al"
    text = write_diagnostic(Path("/tmp") / "evalir-diag-test", {}, Path("/nulle/part.log"))
    assert "Dernières lignes du journal" in text.read_text(encoding="utf-8")


def test_a_second_diagnostic_never_replaces_the_first(tmp_path):
    """Issue 21, point 1: the diagnostic goes through the output guard, under a free name."""
    log = tmp_path / "evalir.log"
    log.write_text("ligne\n", encoding="utf-8")
    first = write_diagnostic(tmp_path / "diag", {}, log, home=tmp_path, user="agent")
    second = write_diagnostic(tmp_path / "diag", {}, log, home=tmp_path, user="agent")
    assert first != second and first.exists() and second.exists()
