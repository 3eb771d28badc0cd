"""The shipped example is a finished assessment: every question that applies is answered
with the current questionnaire, and some actions say which recommendation they come from."""

from evalir_desktop.content import load_content
from evalir_desktop.example import write_example
from evalir_desktop.session.plan import action_origins
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.store import Store


def test_the_example_answers_every_question_that_applies(tmp_path):
    content = load_content()
    with Store.open(write_example(tmp_path, content), readonly=True) as store:
        session = AssessmentSession(store, content, store.assessments.all()[0].id)
        state = session.progress()
        assert state.answered == state.applicable and state.percent == 100
        assert session.frozen
        origins = action_origins(content)
        linked = [a for a in session.actions if a.recommendation_id]
        assert linked and all(a.recommendation_id in origins for a in linked)
