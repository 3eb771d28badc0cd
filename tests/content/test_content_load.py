"""Every content file loads; an invalid file is refused with its name, key and problem."""

import shutil
from pathlib import Path

import pytest

from evalir_desktop.content import ContentError, load_content, load_content_from
from evalir_desktop.resources import resource_path

CONTENT_DIR = resource_path("content")
REQUIRED_RULES = {
    "aiact.pratique_interdite",
    "aiact.haut_risque",
    "aiact.exemption_6_3",
    "aiact.transparence_interaction",
    "aiact.transparence_contenus",
    "aiact.maitrise_ia",
    "aiact.aiprd",
    "aiact.obligations_deployeur",
    "crpa.mention_explicite",
    "crpa.decision_entierement_automatisee",
    "crpa.publication_regles",
    "rgpd.aipd",
    "rgpd.dpd_absent",
    "rgpd.sous_traitance",
    "cnil.cameras_voie_publique",
    "rgaa.accessibilite",
    "canal_humain.absent",
}
REQUIRED_TEMPLATES = {
    "agent_conversationnel_accueil",
    "transcription_proces_verbaux",
    "cameras_depots_sauvages",
    "prediction_fuites_eau",
    "tri_demandes_courrier",
    "ia_generative_communication",
}


def test_every_content_file_is_read_and_the_figures_are_met():
    files = sorted(CONTENT_DIR.glob("*.toml"))
    assert len(files) >= 12
    content = load_content()
    scored_axes = [axis for axis in content.axes if axis.scored]
    assert len(scored_axes) >= 10
    assert content.axes[0].id == "contexte" and not content.axes[0].scored
    assert len(content.questions()) >= 70
    assert set(content.rule_ids()) >= REQUIRED_RULES
    assert {t.id for t in content.templates} >= REQUIRED_TEMPLATES
    assert len(content.glossary) >= 10
    assert content.id and content.version


def test_lookups():
    content = load_content()
    question = content.question("gouvernance.validation_humaine")
    assert question is not None and question.axis_id == "gouvernance"
    assert content.option("gouvernance.validation_humaine", "clic").score == 10
    assert content.question("nimporte.quoi") is None
    assert content.template("prediction_fuites_eau").title.startswith("Prévision")


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_copy_loads(content_copy):
    assert len(load_content_from(content_copy).questions()) == len(load_content().questions())


def test_toml_syntax_error_names_the_file(content_copy):
    _replace(content_copy / "02_besoin.toml", "order = 1", "order = = 1")
    with pytest.raises(ContentError) as error:
        load_content_from(content_copy)
    assert error.value.file == "02_besoin.toml"
    assert "syntaxe TOML" in str(error.value)


def test_bad_score_names_file_key_and_problem(content_copy):
    _replace(content_copy / "02_besoin.toml", "score = 70", "score = 170")
    with pytest.raises(ContentError) as error:
        load_content_from(content_copy)
    assert error.value.file == "02_besoin.toml"
    assert "besoin.origine" in error.value.key and "score" in error.value.key
    assert "100" in error.value.problem


def test_condition_on_unknown_question_is_refused(content_copy):
    _replace(
        content_copy / "20_regles.toml",
        'when = { q = "inclusion.alternative_humaine", equals = "non" }',
        'when = { q = "inclusion.alternative", equals = "non" }',
    )
    with pytest.raises(ContentError) as error:
        load_content_from(content_copy)
    assert error.value.file == "20_regles.toml"
    assert "canal_humain.absent" in error.value.key
    assert "inclusion.alternative" in error.value.problem


def test_condition_on_unknown_option_is_refused(content_copy):
    _replace(content_copy / "20_regles.toml", 'equals = "pas_de_dpd"', 'equals = "sans_dpd"')
    with pytest.raises(ContentError, match="sans_dpd"):
        load_content_from(content_copy)


def test_show_if_on_a_later_question_is_refused(content_copy):
    _replace(
        content_copy / "01_contexte.toml",
        'show_if = { q = "contexte.utilisateurs", contains = "habitants" }',
        'show_if = { q = "besoin.origine", equals = "elus" }',
    )
    with pytest.raises(ContentError, match="besoin.origine"):
        load_content_from(content_copy)


def test_template_may_not_prefill_judgement_questions(content_copy):
    _replace(
        content_copy / "30_modeles.toml",
        '"contexte.service" = "Communication"',
        '"contexte.service" = "Communication"\n"besoin.origine" = "elus"',
    )
    with pytest.raises(ContentError, match="contexte"):
        load_content_from(content_copy)


def test_unknown_section_and_empty_directory(content_copy, tmp_path):
    (content_copy / "99_extra.toml").write_text("[surprise]\na = 1\n", encoding="utf-8")
    with pytest.raises(ContentError, match="surprise"):
        load_content_from(content_copy)
    empty = tmp_path / "vide"
    empty.mkdir()
    with pytest.raises(ContentError, match="aucun fichier"):
        load_content_from(empty)


def test_unknown_named_condition_is_refused(content_copy):
    _replace(
        content_copy / "20_regles.toml", 'when = { ref = "haut_risque" }', 'when = { ref = "ht" }'
    )
    with pytest.raises(ContentError) as error:
        load_content_from(content_copy)
    assert error.value.file == "20_regles.toml"
    assert "aiact.obligations_deployeur" in error.value.key
    assert "« ht » n'existe pas" in error.value.problem
    assert "haut_risque" in error.value.problem


def test_circular_named_conditions_are_refused(content_copy):
    _replace(
        content_copy / "20_regles.toml",
        'when = { all = [{ ref = "domaine_annexe_iii" }, { not = { ref = "exemption_6_3" } }] }',
        'when = { all = [{ ref = "domaine_annexe_iii" }, { not = { ref = "aipd_par_nature" } }] }',
    )
    _replace(
        content_copy / "20_regles.toml",
        '  { ref = "domaine_annexe_iii" },\n] }',
        '  { ref = "haut_risque" },\n] }',
    )
    with pytest.raises(ContentError) as error:
        load_content_from(content_copy)
    assert error.value.file == "20_regles.toml"
    assert error.value.key == "conditions.haut_risque"
    assert "circulaire : haut_risque → aipd_par_nature → haut_risque" in error.value.problem


def _extra(content_copy: Path, text: str) -> None:
    (content_copy / "21_extra.toml").write_text(text, encoding="utf-8")


def test_a_condition_that_names_itself_is_refused(content_copy):
    _extra(
        content_copy, '[conditions.boucle]\ntitle = "Boucle"\nwhen = { not = { ref = "boucle" } }\n'
    )
    with pytest.raises(ContentError, match="boucle → boucle"):
        load_content_from(content_copy)


def test_a_name_defined_twice_is_refused(content_copy):
    _extra(
        content_copy,
        '[conditions.systeme_ia]\ntitle = "Encore"\n'
        'when = { q = "contexte.systeme_ia", equals = "oui" }\n',
    )
    with pytest.raises(ContentError) as error:
        load_content_from(content_copy)
    assert error.value.file == "21_extra.toml" and error.value.key == "conditions.systeme_ia"


def test_a_malformed_named_condition_names_its_key(content_copy):
    _extra(
        content_copy,
        '[conditions.bancale]\ntitle = "Bancale"\n'
        'when = { any = [{ q = "contexte.systeme_ia", equal = "oui" }] }\n',
    )
    with pytest.raises(ContentError) as error:
        load_content_from(content_copy)
    assert error.value.file == "21_extra.toml"
    assert error.value.key == "conditions.bancale.when.any[0].equal"


def test_a_combinator_mixed_with_a_test_is_refused_in_french(content_copy):
    _extra(
        content_copy,
        '[conditions.bancale]\ntitle = "Bancale"\n'
        'when = { ref = "systeme_ia", q = "contexte.systeme_ia" }\n',
    )
    with pytest.raises(ContentError, match="doit être seul dans ses accolades"):
        load_content_from(content_copy)


def test_a_show_if_may_use_a_named_condition_on_earlier_questions_only(content_copy):
    _replace(
        content_copy / "01_contexte.toml",
        'show_if = { q = "contexte.utilisateurs", contains = "habitants" }',
        'show_if = { ref = "systeme_ia" }',
    )
    content = load_content_from(content_copy)
    named = content.conditions["systeme_ia"].when
    assert content.question("contexte.canaux").show_if.target is named
    _replace(
        content_copy / "01_contexte.toml",
        'show_if = { ref = "systeme_ia" }',
        'show_if = { ref = "domaine_annexe_iii" }',
    )
    with pytest.raises(ContentError) as error:
        load_content_from(content_copy)
    assert "contexte.canaux" in error.value.key
    assert "contexte.domaine_sensible" in error.value.problem


def test_a_retired_option_cannot_be_a_current_option(content_copy):
    _replace(
        content_copy / "00_contenu.toml",
        '"contexte.role_outil" = ["detection"]',
        '"contexte.role_outil" = ["detection", "influence"]',
    )
    with pytest.raises(ContentError) as error:
        load_content_from(content_copy)
    assert error.value.key == "content.retired_options.contexte.role_outil"
    assert "« influence » est encore une option" in error.value.problem


def test_retired_options_name_a_current_question(content_copy):
    _replace(
        content_copy / "00_contenu.toml",
        '"contexte.role_outil" = ["detection"]',
        '"contexte.role" = ["detection"]',
    )
    with pytest.raises(ContentError, match="contexte.role"):
        load_content_from(content_copy)


def test_a_rule_cannot_be_checked_by_a_later_version(content_copy):
    _replace(
        content_copy / "20_regles.toml", 'checked_in = "2026.12.1"', 'checked_in = "2027.01.1"'
    )
    with pytest.raises(ContentError) as error:
        load_content_from(content_copy)
    assert error.value.key.endswith(".checked_in") and "postérieure" in error.value.problem


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ("applies_from = 2017-09-01\n", "", "applies_from"),
        ("final_limit = 2030-08-02\n", "", "vont ensemble"),
        ("final_limit = 2030-08-02\n", "final_limit = 2027-01-01\n", "doit suivre"),
        ('url = "https://eur-lex', 'url = "http://eur-lex', "url"),
    ],
)
def test_rule_dates_and_sources_are_checked(content_copy, old, new, fragment):
    _replace(content_copy / "20_regles.toml", old, new)
    with pytest.raises(ContentError) as error:
        load_content_from(content_copy)
    assert error.value.file == "20_regles.toml"
    assert fragment in f"{error.value.key} {error.value.problem}"


def test_every_archived_version_loads_and_is_older():
    from evalir_desktop.content import load_archived_content
    from evalir_desktop.content.checks import version_key

    archive = resource_path("content_archive")
    versions = [path.name for path in archive.iterdir() if path.is_dir()]
    assert versions
    for version in versions:
        content = load_archived_content(version)
        assert content.version == version and content.id == load_content().id
        assert version_key(version) < version_key(load_content().version)
