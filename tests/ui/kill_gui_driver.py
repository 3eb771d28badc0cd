"""Driver for the GUI kill test: the real window answers questions through its widgets,
printing each answer once the « Enregistré à » indicator has shown it saved."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from evalir_desktop.content import load_content  # noqa: E402
from evalir_desktop.ui.main_window import MainWindow  # noqa: E402


def plan() -> list[tuple[str, list[str]]]:
    """Always-visible single-choice questions of the scored axes, with their options."""
    content = load_content()
    return [
        (q.id, [o.id for o in q.options])
        for axis in content.axes
        if axis.scored
        for q in axis.questions
        if q.show_if is None and q.type in ("oui_non", "choix_unique")
    ]


def action(counter: int, questions: list[tuple[str, list[str]]]) -> tuple[str, str]:
    """The n-th action: question n mod N, an option that changes at each round."""
    question_id, options = questions[counter % len(questions)]
    return question_id, options[(counter // len(questions)) % len(options)]


def main(path: str, assessment_id: str, start: int) -> int:
    app = QApplication(sys.argv[:1])
    window = MainWindow()
    window.show()
    window.open_path(Path(path))
    window.open_assessment(assessment_id)
    view = window.assessment_view
    questions = plan()
    counter = start

    def step() -> None:
        nonlocal counter
        question_id, option_id = action(counter, questions)
        view.saved_label.setText("")
        view.go_to_question(question_id)
        card = view.step_pages[question_id.split(".")[0]].cards[question_id]
        card.editor.buttons[option_id].click()
        if view.saved_label.text().startswith("Enregistré à"):
            print(counter, question_id, option_id, flush=True)
        counter += 1
        QTimer.singleShot(0, step)

    print("ready", flush=True)
    QTimer.singleShot(0, step)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
