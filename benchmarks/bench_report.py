"""Report figures: full report of a fully answered assessment (comments everywhere, 20 actions).

Run by hand: `python benchmarks/bench_report.py [--write]`. Target (2-core machine): the
full report PDF in at most 1 s, from reading the file to the last byte.
"""

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.results import write_section  # noqa: E402
from evalir_desktop.content import load_content  # noqa: E402
from evalir_desktop.domain.commune import Commune  # noqa: E402
from evalir_desktop.report import full_report, report_data, summary_report  # noqa: E402
from evalir_desktop.store import Store  # noqa: E402
from tests.report.factories import demo_assessment  # noqa: E402

TOWN = Commune(
    nom="Saint-Étienne-de-Tinée",
    insee="06120",
    population=4800,
    agents_etp=42,
    contact_nom="Hélène Dupré",
    contact_email="accueil@mairie-exemple.fr",
)


def measure(runs: int) -> dict[str, list[float]]:
    load_content()  # the window has it loaded already
    figures: dict[str, list[float]] = {"full": [], "summary": [], "pages": [], "first": []}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.evalir"
        with Store.open(path, create=True) as store:
            store.town.save_commune(TOWN)
            assessment_id = demo_assessment(store, comment_length=300, actions=20, unknown_every=0)
            for index in range(runs + 1):
                started = time.perf_counter()
                data = report_data(store, assessment_id)
                pdf = full_report(data)
                full = time.perf_counter() - started
                started = time.perf_counter()
                summary_report(report_data(store, assessment_id))
                summary = time.perf_counter() - started
                if index:  # the first run also registers the fonts
                    figures["full"].append(full)
                    figures["summary"].append(summary)
                else:
                    figures["first"].append(full)
            figures["pages"].append(len(re.findall(rb"/Type /Page[^s]", pdf)))
            answered = len(store.answers.of(assessment_id))
    figures["answers"] = [answered]
    return figures


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--write", action="store_true", help="write benchmarks/RESULTS.md")
    args = parser.parse_args()
    figures = measure(args.runs)
    body = (
        f"Évaluation entièrement renseignée : {figures['answers'][0]} réponses, un commentaire "
        f"de 300 caractères sur chacune, 20 actions ; rapport complet de "
        f"{figures['pages'][0]} pages. {args.runs} mesures après une mesure de chauffe ; "
        "lecture du fichier, évaluation et mise en page comprises.\n\n"
        "| mesure | médiane | p95 | cible |\n|---|---|---|---|\n"
        f"| rapport complet PDF (s) | {statistics.median(figures['full']):.3f} | "
        f"{p95(figures['full']):.3f} | ≤ 1 s |\n"
        f"| synthèse pour les élus PDF (s) | {statistics.median(figures['summary']):.3f} | "
        f"{p95(figures['summary']):.3f} | — |\n"
        f"| premier rapport de la session, polices comprises (s) | {figures['first'][0]:.3f} "
        "| — | — |"
    )
    print(body)
    if args.write:
        write_section("Rapports", body)


if __name__ == "__main__":
    main()
