"""`docs/methode.md` is generated from the content and committed; it never drifts."""

from pathlib import Path

from evalir_desktop.assessment.method import method_markdown
from evalir_desktop.content import load_content
from evalir_desktop.french import french_date

DOC = Path(__file__).parents[2] / "docs" / "methode.md"
CONTENT = load_content()


def test_the_committed_method_is_the_generated_one():
    assert DOC.read_text(encoding="utf-8") == method_markdown(CONTENT), (
        "docs/methode.md est à régénérer : "
        "python -m evalir_desktop.assessment.method > docs/methode.md"
    )


def test_every_rule_is_there_with_its_basis_links_dates_and_open_points():
    text = method_markdown(CONTENT)
    for rule in CONTENT.rules:
        assert f"`{rule.id}`" in text and rule.reference in text, rule.id
        assert all(source.url in text for source in rule.sources), rule.id
        assert french_date(rule.applies_from) in text, rule.id
        assert rule.to_check in text, rule.id
    for named in CONTENT.conditions.values():
        assert named.title in text


def test_it_explains_maturity_unknowns_and_the_version_history():
    text = method_markdown(CONTENT)
    for title in (
        "La maturité par axe",
        "Pourquoi il n'y a pas de note globale",
        "Ce que fait « Je ne sais pas »",
        "Historique des versions du questionnaire",
    ):
        assert f"## {title}" in text
    assert f"version {CONTENT.version}" in text
    assert "(s)" not in text
