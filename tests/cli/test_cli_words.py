"""Issue 21, point 6 (P3): the CLI speaks French and names things as the window does."""

import contextlib
from datetime import date
from types import SimpleNamespace

from evalir_desktop.cli import main as evalir
from evalir_desktop.domain.annexes import OpinionRecord
from evalir_desktop.file_names import ascii_slug, cut_at_word
from evalir_desktop.report.api import default_file_name, output_for
from tests.report.factories import demo_assessment


def test_help_headings_are_french(capsys):
    for argv in (["--help"], ["report", "--help"], ["export", "--help"]):
        with contextlib.suppress(SystemExit):
            evalir(argv)
        out = capsys.readouterr().out
        assert "options:" not in out and "positional arguments" not in out
        assert "options\u202f:" in out


def test_info_names_the_step_to_correct_by_its_title(store, capsys):
    assessment_id = demo_assessment(store, comment_length=10, actions=0)
    store.opinions.save(
        OpinionRecord(
            assessment_id=assessment_id,
            step_id="conformite",
            reviewer_role="dpd",
            verdict="a_corriger",
            given_on=date(2026, 11, 20),
        )
    )
    store.close()
    assert evalir(["info", str(store.path)]) == 0
    out = capsys.readouterr().out
    assert "à corriger" in out
    assert "conformite" not in out.split("à corriger")[1].split("(")[0]


WORDS = {"synthese", "elus", "assistant", "de", "redaction", "des", "deliberations"}
WORDS |= {"municipales", "agent", "conversationnel", "l", "accueil", "la", "mairie", "saint"}


def test_default_names_are_cut_between_words():
    assert cut_at_word("agent-conversationnel-de-l-accueil-de-la-mairie", 30, "-") == (
        "agent-conversationnel-de-l"
    )
    slug = ascii_slug("Agent conversationnel de l’accueil de la mairie de Saint-Étienne", 40, "x")
    assert len(slug) <= 40
    assert all(part in WORDS for part in slug.split("-")), slug
    data = SimpleNamespace(
        project="Assistant de rédaction des délibérations municipales", printed_on=date(2026, 12, 1)
    )
    name = default_file_name(output_for("synthese"), data)
    stem = name.removesuffix("-2026-12-01.pdf")
    assert all(part in WORDS for part in stem.split("-")), name
