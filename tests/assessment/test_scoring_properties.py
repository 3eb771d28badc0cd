"""Hypothesis properties of the axis maturity: monotone, unknown never rewarded, bounded."""

from hypothesis import given, settings
from hypothesis import strategies as st

from evalir_desktop.assessment import answer_score, evaluate, is_scored
from evalir_desktop.content import effective_answers, load_content, visible_questions
from evalir_desktop.domain.answers import Answer

CONTENT = load_content()
SCORED = [(axis, q) for axis in CONTENT.axes for q in axis.questions if is_scored(axis, q)]
SINGLE = [(axis, q) for axis, q in SCORED if q.type in ("oui_non", "choix_unique")]
SCALES = [(axis, q) for axis, q in SCORED if q.type == "echelle"]
MULTIPLE = [(axis, q) for axis, q in SCORED if q.type == "choix_multiple"]


def answer_strategy(question):
    choices = []
    if question.unknown_allowed:
        choices.append(st.just(Answer(unknown=True)))
    if question.type == "choix_multiple":
        plain = [o.id for o in question.options if not o.exclusive]
        choices.append(
            st.lists(st.sampled_from(plain), min_size=1, unique=True).map(
                lambda ids: Answer(value=ids)
            )
        )
        choices += [st.just(Answer(value=[o.id])) for o in question.options if o.exclusive]
    elif question.options:
        choices.append(
            st.sampled_from([o.id for o in question.options]).map(lambda v: Answer(value=v))
        )
    elif question.type in ("nombre", "echelle"):
        low = int(question.min or 0)
        high = int(question.max or 100_000)
        choices.append(st.integers(low, high).map(lambda v: Answer(value=v)))
    else:
        choices.append(st.just(Answer(value="Un texte libre.")))
    return st.one_of(choices)


ANSWER_SETS = st.fixed_dictionaries(
    {}, optional={q.id: answer_strategy(q) for q in CONTENT.questions()}
)


def axis_score(answers, axis_id):
    return evaluate(CONTENT, answers).axis(axis_id).score


@settings(max_examples=150, deadline=None)
@given(ANSWER_SETS)
def test_scores_stay_within_0_and_100_and_completion_is_a_percentage(answers):
    evaluation = evaluate(CONTENT, answers)
    for axis in evaluation.axes:
        assert axis.score is None or 0 <= axis.score <= 100
        assert 0 <= axis.completion <= 100
        assert axis.answered <= axis.applicable
        for low in axis.lowering:
            assert 0 < low.points <= 100
    assert 0 <= evaluation.completion <= 100


@settings(max_examples=200, deadline=None)
@given(ANSWER_SETS, st.sampled_from(SINGLE), st.data())
def test_improving_one_answer_never_lowers_its_axis_score(answers, pair, data):
    axis, question = pair
    first, second = data.draw(
        st.lists(st.sampled_from(question.options), min_size=2, max_size=2, unique=True)
    )
    worse, better = sorted((first, second), key=lambda option: option.score)
    before = axis_score({**answers, question.id: Answer(value=worse.id)}, axis.id)
    after = axis_score({**answers, question.id: Answer(value=better.id)}, axis.id)
    if before is None or after is None:
        assert before == after  # the question is hidden under these answers
        return
    assert after >= before


@settings(max_examples=100, deadline=None)
@given(ANSWER_SETS, st.sampled_from(MULTIPLE), st.data())
def test_adding_a_good_option_never_lowers_a_multiple_choice_axis(answers, pair, data):
    axis, question = pair
    plain = [o.id for o in question.options if not o.exclusive]
    chosen = data.draw(st.lists(st.sampled_from(plain), min_size=1, unique=True))
    extra = data.draw(st.sampled_from(plain))
    before = axis_score({**answers, question.id: Answer(value=chosen)}, axis.id)
    more = sorted(set(chosen) | {extra})
    after = axis_score({**answers, question.id: Answer(value=more)}, axis.id)
    assert before is None or after >= before


@settings(max_examples=200, deadline=None)
@given(ANSWER_SETS, st.sampled_from(SCORED), st.data())
def test_unknown_never_scores_above_any_known_answer(answers, pair, data):
    axis, question = pair
    known = data.draw(answer_strategy(question).filter(lambda a: not a.unknown))
    assert answer_score(question, Answer(unknown=True)) <= answer_score(question, known)
    with_known = axis_score({**answers, question.id: known}, axis.id)
    with_unknown = axis_score({**answers, question.id: Answer(unknown=True)}, axis.id)
    assert with_unknown is None or with_known is None or with_unknown <= with_known


@settings(max_examples=200, deadline=None)
@given(ANSWER_SETS, st.sampled_from(SINGLE), st.data())
def test_no_cliff_one_answer_moves_its_axis_proportionally(answers, pair, data):
    """Changing one answer moves the axis by at most its share of the weight times the gap."""
    axis, question = pair
    a, b = data.draw(
        st.lists(st.sampled_from(question.options), min_size=2, max_size=2, unique=True)
    )
    first = {**answers, question.id: Answer(value=a.id)}
    second = {**answers, question.id: Answer(value=b.id)}
    before, after = axis_score(first, axis.id), axis_score(second, axis.id)
    if before is None:
        return
    shown = visible_questions(CONTENT, first)
    kept = effective_answers(CONTENT, first)
    total = sum(
        q.weight
        for q in shown
        if q.axis_id == axis.id
        and is_scored(axis, q)
        and q.id in kept
        and answer_score(q, kept[q.id]) is not None
    )
    bound = abs(a.score - b.score) * question.weight / total
    assert abs(after - before) <= bound + 0.1  # scores are rounded to 0.1


@settings(max_examples=100, deadline=None)
@given(ANSWER_SETS, st.sampled_from(SCALES), st.data())
def test_a_higher_scale_value_never_lowers_its_axis(answers, pair, data):
    axis, question = pair
    low, high = sorted(
        data.draw(
            st.lists(st.integers(int(question.min), int(question.max)), min_size=2, max_size=2)
        )
    )
    before = axis_score({**answers, question.id: Answer(value=low)}, axis.id)
    after = axis_score({**answers, question.id: Answer(value=high)}, axis.id)
    assert after >= before


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=3), children, max_size=2)
    ),
    max_leaves=5,
)


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([q.id for q in CONTENT.questions()]),
        st.builds(Answer, value=JSON_VALUES, unknown=st.booleans()),
        max_size=30,
    )
)
def test_stale_or_foreign_values_never_crash_the_engine(answers):
    """Answers written by another content version may not fit today's questions."""
    evaluation = evaluate(CONTENT, answers)
    for axis in evaluation.axes:
        assert axis.score is None or 0 <= axis.score <= 100
