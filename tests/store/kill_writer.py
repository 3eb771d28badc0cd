"""Writer process for the kill test: saves answers forever, printing each committed one."""

import sys

from evalir_desktop.domain.answers import Answer
from evalir_desktop.store import Store

QUESTIONS = 40


def main(path: str, assessment_id: str, start: int) -> None:
    with Store.open(path) as store:
        assert not store.readonly, store.readonly_reason
        print("ready", flush=True)
        counter = start
        while True:
            store.answers.save(
                assessment_id,
                f"q.{counter % QUESTIONS}",
                Answer(value=counter, comment=f"réponse n° {counter}"),
            )
            print(counter, flush=True)
            counter += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
