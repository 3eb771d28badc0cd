"""benchmarks/results.py replaces one section of RESULTS.md and keeps the others as written."""

from benchmarks import results


def test_a_section_is_replaced_with_its_text_taken_literally(tmp_path, monkeypatch):
    monkeypatch.setattr(results, "RESULTS", tmp_path / "RESULTS.md")
    results.write_section("Windows", "ancien")
    results.write_section("Démarrage", "1,6 × la fenêtre nue")
    results.write_section("Windows", r"C:\users\root\Documents\évaluations IA.evalir \1 \g<0>")
    text = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    assert r"C:\users\root\Documents\évaluations IA.evalir \1 \g<0>" in text
    assert "ancien" not in text
    assert text.count("## Windows") == 1
    assert "1,6 × la fenêtre nue" in text
