"""Content lint: ids, conditions, scores, recommendations, reachability, plain French."""

import itertools
import re

import pytest

from evalir_desktop.assessment import is_scored
from evalir_desktop.content import load_content, visible_questions
from evalir_desktop.content.conditions import tests as leaves
from evalir_desktop.domain.answers import Answer

CONTENT = load_content()
QUESTIONS = CONTENT.questions()
ORDER = {q.id: index for index, q in enumerate(QUESTIONS)}

# Whole words that betray English left in user-facing text.
ENGLISH_WORDS = {
    "the", "and", "with", "for", "you", "your", "this", "that", "which", "should", "must",
    "yes", "none", "unknown", "click", "chatbot", "prompt", "deepfake", "dataset", "feedback",
    "email", "online", "settings", "is", "are", "of", "from", "will", "true", "false", "null",
    "score", "scoring", "law", "data", "open", "rules",
}  # fmt: skip
# Proper names allowed although English: the State doctrine « cloud au centre », the
# Data Publica survey, the SecNumCloud label.
ALLOWED_PROPER_NAMES = ("Data Publica",)


def user_items():
    """(where, texts a user reads, the item's « à vérifier » text) for every content item."""
    for axis in CONTENT.axes:
        yield axis.id, [axis.title, axis.description], ""
    for q in QUESTIONS:
        texts = [q.label, q.help, *(option.label for option in q.options)]
        yield q.id, texts, q.to_check
        for rec in q.recommendations:
            yield rec.id, [rec.text, rec.why], ""
    for rule in CONTENT.rules:
        texts = [rule.title, rule.explanation, rule.timing, rule.final_limit_for]
        texts += [source.title for source in rule.sources]
        texts += [text for case in rule.cases for text in (case.title, case.explanation)]
        yield rule.id, texts, rule.to_check
    for name, named in CONTENT.conditions.items():
        yield name, [named.title], ""
    for template in CONTENT.templates:
        yield template.id, [template.title, template.description], ""
    for entry in CONTENT.glossary:
        yield entry.term, [entry.definition], ""
    for entry in CONTENT.changelog:
        yield entry.version, entry.changes, ""
    for section in CONTENT.method:
        yield section.title, [section.title, section.text], ""


def user_texts():
    """(where, text) for every string a user reads."""
    for where, texts, to_check in user_items():
        for text in [*texts, to_check]:
            yield where, text


def test_ids_are_unique_everywhere():
    ids = [q.id for q in QUESTIONS]
    assert len(ids) == len(set(ids))
    assert len(CONTENT.rule_ids()) == len(set(CONTENT.rule_ids()))
    recs = [r.id for q in QUESTIONS for r in q.recommendations]
    assert len(recs) == len(set(recs))
    assert len({t.id for t in CONTENT.templates}) == len(CONTENT.templates)


def test_show_if_reads_only_earlier_existing_questions_so_no_cycle():
    for q in QUESTIONS:
        if q.show_if is None:
            continue
        for leaf in leaves(q.show_if):
            if leaf.q is not None:
                assert leaf.q in ORDER, (q.id, leaf.q)
                assert ORDER[leaf.q] < ORDER[q.id], (q.id, leaf.q)


def test_rule_conditions_name_existing_questions_and_options():
    for rule in CONTENT.rules:
        conditions = [rule.when, *(case.when for case in rule.cases)]
        for leaf in (leaf for c in conditions for leaf in leaves(c)):
            if leaf.q is None:
                assert leaf.profile in ("agents_etp", "population", "dpd_designe")
                continue
            question = CONTENT.question(leaf.q)
            assert question is not None, (rule.id, leaf.q)
            named = [leaf.equals] if isinstance(leaf.equals, str) else []
            named += leaf.in_ or []
            named += [leaf.contains] if isinstance(leaf.contains, str) else leaf.contains or []
            for option_id in named:
                assert question.option(option_id) is not None, (rule.id, leaf.q, option_id)


def test_every_scored_option_has_a_score_and_every_scored_axis_counts():
    for axis in CONTENT.axes:
        scored = [q for q in axis.questions if is_scored(axis, q)]
        assert bool(scored) == axis.scored, axis.id
        for q in scored:
            if q.type != "echelle":
                missing = [o.id for o in q.options if o.score is None]
                assert not missing, (q.id, missing)
            assert q.weight > 0


def test_every_weak_option_has_a_recommendation_attached():
    """A scored option below 50 is a weak answer: some recommendation must cover it.

    Multiple choices add up, so only their "nothing" option is required to be covered.
    """
    for axis in CONTENT.axes:
        for q in (q for q in axis.questions if is_scored(axis, q)):
            if q.type == "choix_multiple":
                nothing = [o.id for o in q.options if o.exclusive]
                assert any(set(nothing) <= set(r.options) for r in q.recommendations), q.id
                continue
            covered = {option for rec in q.recommendations for option in rec.options}
            weak = {o.id for o in q.options if o.score is not None and o.score < 50}
            assert weak <= covered, (q.id, weak - covered)
            for rec in q.recommendations:
                assert set(rec.options) <= {o.id for o in q.options}, rec.id


def test_every_recommendation_is_attached_to_a_weak_answer():
    for q in QUESTIONS:
        for rec in q.recommendations:
            assert rec.id.startswith(q.id), rec.id
            for option_id in rec.options:
                option = q.option(option_id)
                assert option is not None and (option.score is None or option.score < 100)


def _candidates(question) -> list:
    values: list = [None]
    if question.unknown_allowed:
        values.append(Answer(unknown=True))
    if question.type == "choix_multiple":
        values += [Answer(value=[o.id]) for o in question.options]
        values.append(Answer(value=[o.id for o in question.options if not o.exclusive]))
    elif question.options:
        values += [Answer(value=o.id) for o in question.options]
    elif question.type in ("nombre", "echelle"):
        values += [Answer(value=question.min or 0), Answer(value=10_000)]
    else:
        values.append(Answer(value="texte"))
    return values


def _ancestors(question_id: str) -> list[str]:
    found: list[str] = []
    pending = [question_id]
    while pending:
        q = CONTENT.question(pending.pop())
        for leaf in leaves(q.show_if) if q.show_if else []:
            if leaf.q and leaf.q not in found:
                found.append(leaf.q)
                pending.append(leaf.q)
    return found


@pytest.mark.parametrize("question", [q for q in QUESTIONS if q.show_if], ids=lambda q: q.id)
def test_every_question_is_reachable_under_some_answers(question):
    ancestors = _ancestors(question.id)
    assert len(ancestors) <= 5
    pools = [_candidates(CONTENT.question(a)) for a in ancestors]
    for combination in itertools.product(*pools):
        answers = {a: v for a, v in zip(ancestors, combination, strict=True) if v is not None}
        if question in visible_questions(CONTENT, answers):
            return
    pytest.fail(f"{question.id} n'est jamais affichée")


def test_every_axis_has_an_unconditional_question():
    for axis in CONTENT.axes:
        assert any(q.show_if is None for q in axis.questions), axis.id


def test_every_question_has_help_and_a_short_plain_label():
    for q in QUESTIONS:
        assert len(q.help) >= 40, q.id
        assert len(q.label) <= 200, (q.id, len(q.label))
        assert q.label.endswith("?"), q.id


def test_acronyms_in_labels_are_explained_in_the_glossary():
    glossary_terms = " ".join(entry.term for entry in CONTENT.glossary)
    for q in QUESTIONS:
        for acronym in re.findall(r"\b[A-ZÉ]{2,}\b", q.label):
            assert acronym in glossary_terms, (q.id, acronym)


def test_no_english_words_in_user_facing_text():
    offenders = []
    for where, text in user_texts():
        for name in ALLOWED_PROPER_NAMES:
            text = text.replace(name, "")
        text = re.sub(r"« cloud au centre »", "", text)
        words = {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ]+", text)}
        bad = words & ENGLISH_WORDS
        if bad:
            offenders.append((where, sorted(bad)))
    assert not offenders


# DOMAIN.md facts marked [?]: a text that states one is flagged « à vérifier », in the
# same text or in the « à vérifier » note of the same question or rule.
UNCERTAIN = (
    "2026/1744",  # number and dates of the omnibus regulation
    "8 juillet 2026",
    "50 000",  # Arcom fines
    "3 500",  # Etalab's population threshold
    "D312-1-1-A",  # decree article number
    "DDADUE",  # market surveillance authority: the CNIL, not yet designated
    "surveillance du marché",
    "1er octobre 2026",  # telephone accessibility date and thresholds
    "composant de sécurité",  # narrowed by the omnibus, draft guidelines
    "2018-765",  # Conseil constitutionnel, paraphrase
    "cloud au centre",
    "innovante",
)


@pytest.mark.parametrize("fragment", UNCERTAIN)
def test_uncertain_facts_are_flagged_to_check_not_asserted(fragment):
    stated = [
        (where, text, to_check)
        for where, texts, to_check in user_items()
        for text in [*texts, to_check]
        if fragment in text
    ]
    assert stated, fragment
    for where, text, to_check in stated:
        assert "vérifier" in text or "vérifier" in to_check, (where, text)


def test_the_omnibus_is_law_not_a_project():
    """DOMAIN.md §6: the Digital Omnibus was adopted; nothing says it « could » apply."""
    for where, text in user_texts():
        if "omnibus" in text:
            assert "pourrait" not in text and "projet « omnibus" not in text, (where, text)
    literacy = CONTENT.rule("aiact.maitrise_ia")
    assert not literacy.to_check and "obligation de moyens" in literacy.explanation


def test_the_current_version_is_in_the_change_log():
    versions = [entry.version for entry in CONTENT.changelog]
    assert versions[0] == CONTENT.version and len(versions) == len(set(versions))


def test_every_rule_carries_dates_sources_and_the_version_that_checked_it():
    for rule in CONTENT.rules:
        assert rule.applies_from and rule.sources, rule.id
        assert rule.checked_in == CONTENT.version, rule.id
        for source in rule.sources:
            host = source.url.split("/")[2]
            assert host in {
                "eur-lex.europa.eu",
                "www.legifrance.gouv.fr",
                "www.conseil-etat.fr",
            }, (rule.id, source.url)


def test_templates_prefill_context_facts_only():
    context = {q.id for q in CONTENT.axes[0].questions}
    for template in CONTENT.templates:
        assert set(template.answers) <= context, template.id
        assert len(template.description) > 60


def test_every_named_condition_is_used():
    from evalir_desktop.content.conditions import Ref, nodes
    from evalir_desktop.content.named import content_conditions

    used = {
        node.ref
        for _file, _key, condition in content_conditions(CONTENT, {})
        for node in nodes(condition, follow_refs=False)
        if isinstance(node, Ref)
    }
    assert set(CONTENT.conditions) == used
