"""`evalir` writes UTF-8 on its standard streams whatever their default encoding.

Windows gives a redirected stream its ANSI code page (cp1252); PYTHONIOENCODING=cp1252
gives the same here. The Windows check (tests/packaging/test_windows.py) runs the same
commands piped under Wine.
"""

import json
import os
import subprocess
import sys


def evalir(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="cp1252")
    return subprocess.run(
        [sys.executable, "-m", "evalir_desktop.cli", *args],
        capture_output=True,
        env=env,
        timeout=120,
    )


def test_output_and_errors_are_utf8_on_a_cp1252_pipe(tmp_path):
    path = tmp_path / "Mairie de Saint-Étienne → 2026.evalir"  # "→" has no cp1252 byte
    created = evalir("init", str(path), "--nom", "Saint-Étienne", "--insee", "42218")
    assert created.returncode == 0, created.stderr.decode("utf-8", "replace")
    assert created.stdout.decode("utf-8") == f"Fichier créé : {path}\n"
    refused = evalir("new", str(path), "--titre", "Projet", "--modele", "inconnu")
    assert refused.returncode != 0
    assert "modèle inconnu « inconnu »" in refused.stderr.decode("utf-8")


def test_json_output_is_utf8(tmp_path):
    path = tmp_path / "commune.evalir"
    assert evalir("init", str(path), "--nom", "Saint-Étienne", "--insee", "42218").returncode == 0
    result = evalir("info", str(path), "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout.decode("utf-8"))["commune"]["nom"] == "Saint-Étienne"


def test_a_reader_that_stops_reading_gets_no_traceback(tmp_path):
    """`evalir evaluate … | head -1`: the pipe closes before the output is written."""
    path = tmp_path / "commune.evalir"
    assert evalir("init", str(path), "--nom", "Saint-Étienne", "--insee", "42218").returncode == 0
    assessment = evalir("new", str(path), "--titre", "Projet").stdout.decode("utf-8").strip()
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "evalir_desktop.cli", "evaluate", str(path)]
            + ["--assessment", assessment],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 141
    assert result.stderr.decode("utf-8") == ""
