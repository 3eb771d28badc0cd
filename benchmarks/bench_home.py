"""Home list of a big file: 1,000 assessments with every question answered (≈ 100,000
answers), opened in the main window.

Run by hand: `python benchmarks/bench_home.py [--runs 5] [--write]`. Target (DESIGN §7,
issue 11): the home list is painted in under 1 s from the moment the file is opened
(imports, checks and the first page of rows included); the summaries (progress,
obligations) are then filled in batches while the window stays usable. Each run is a
fresh process (home_probe.py); the file is written once, on a real disk.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.results import write_section  # noqa: E402
from evalir_desktop.domain.commune import Commune  # noqa: E402
from evalir_desktop.store import Store  # noqa: E402
from tests.synthetic import default_catalogue, random_answer  # noqa: E402

ASSESSMENTS = 1000
TARGET = 1.0


def big_file(path: Path) -> int:
    """Write the file; return the number of answers it holds."""
    catalogue = default_catalogue()
    rng = random.Random(11)
    answers = 0
    with Store.create(path, who="Agent") as store, store.batch():
        store.town.save_commune(Commune(nom="Grande-Ville", insee="42218", population=20000))
        for index in range(ASSESSMENTS):
            record = store.assessments.create(
                f"Projet {index:04d}",
                content_id=catalogue.content_id,
                content_version=catalogue.content_version,
                status=rng.choice(["idee", "pilote", "en_service"]),
                description="Évaluation préparée pour le conseil municipal.",
            )
            for spec in catalogue.questions:
                store.answers.save(record.id, spec.id, random_answer(spec, rng, 0.1))
                answers += 1
    return answers


def probe(path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, str(HERE / "home_probe.py"), str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {key: float(value) for key, value in (line.split() for line in out.splitlines())}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=HERE) as folder:
        path = Path(folder) / "grande-ville.evalir"
        started = time.perf_counter()
        answers = big_file(path)
        generated = time.perf_counter() - started
        size = path.stat().st_size / 1e6
        probe(path)  # warms the disk cache
        runs = [probe(path) for _ in range(args.runs)]
    painted = [run["painted"] for run in runs]
    cpu = [run["cpu"] for run in runs]
    shown = [run["shown"] for run in runs]
    summaries = [run["summaries"] for run in runs]
    first_rows = int(min(run["rows"] for run in runs))
    lines = [
        f"{ASSESSMENTS} évaluations, {answers} réponses (chaque question du questionnaire) ; "
        f"fichier de {size:.0f} Mo, écrit en {generated:.1f} s ; {args.runs} ouvertures "
        "dans la fenêtre principale, chacune dans un processus neuf, rendu offscreen. La "
        f"liste se remplit par pages de 100 lignes (une requête par page) : {first_rows} "
        "lignes au moins à la première peinture ; l'avancement et les obligations se "
        "remplissent ensuite par lots (une requête par lot), la fenêtre restant utilisable. "
        f"Charge de la machine (load average) : {os.getloadavg()[0]:.1f}.",
        "",
        "| mesure | médiane | min – max | cible |",
        "|---|---|---|---|",
        "| ouverture du fichier → liste de l'accueil peinte (s) "
        f"| {statistics.median(painted):.2f} | {min(painted):.2f} – {max(painted):.2f} "
        f"| < {TARGET:g} s |",
        f"| temps processeur jusqu'à la liste peinte (s, moins sensible à la charge) "
        f"| {statistics.median(cpu):.2f} | {min(cpu):.2f} – {max(cpu):.2f} | — |",
        "| ouverture → avancement et obligations des 20 lignes visibles (s) "
        f"| {statistics.median(shown):.2f} | {min(shown):.2f} – {max(shown):.2f} | — |",
        f"| ouverture → avancement et obligations de toutes les lignes (s) "
        f"| {statistics.median(summaries):.1f} | {min(summaries):.1f} – {max(summaries):.1f} | — |",
    ]
    print("\n".join(lines))
    if args.write:
        write_section("Accueil d'un gros fichier", "\n".join(lines))


if __name__ == "__main__":
    main()
