"""benchmarks/results.py replaces one section of RESULTS.md and keeps the others as written."""

import importlib.util
from pathlib import Path

RESULTS_MODULE = Path(__file__).resolve().parents[1] / "benchmarks" / "results.py"


def load_results_module():
    spec = importlib.util.spec_from_file_location("benchmark_results", RESULTS_MODULE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_section_is_replaced_with_its_text_taken_literally(tmp_path, monkeypatch):
    results = load_results_module()
    monkeypatch.setattr(results, "RESULTS", tmp_path / "RESULTS.md")
    results.write_section("Windows", "ancien")
    results.write_section("Démarrage", "1,6 × la fenêtre nue")
    results.write_section("Windows", r"C:\users\root\Documents\évaluations IA.evalir \1 \g<0>")
    text = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    assert r"C:\users\root\Documents\évaluations IA.evalir \1 \g<0>" in text
    assert "ancien" not in text
    assert text.count("## Windows") == 1
    assert "1,6 × la fenêtre nue" in text
