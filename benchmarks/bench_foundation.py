"""Foundation figures: start-up to first painted window, and the time to save one answer.

Run by hand: `python benchmarks/bench_foundation.py [--write]`. Targets (2-core machine):
first paint <= 0.5 s; one answer saved <= 5 ms at the 95th percentile.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.results import write_section  # noqa: E402
from evalir_desktop.answers import Answer  # noqa: E402
from evalir_desktop.commune import Commune  # noqa: E402
from evalir_desktop.store import Store  # noqa: E402


def startup_seconds(runs: int = 7) -> list[float]:
    """Wall-clock from process launch to the first paint of the main window."""
    figures = []
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        for _ in range(runs):
            started = time.time()
            out = subprocess.run(
                [sys.executable, str(HERE / "startup_probe.py")],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                check=True,
            ).stdout
            painted = float(out.split("painted ")[1].split()[0])
            figures.append(painted - started)
    return figures[1:]  # the first run creates the default file and warms the disk cache


def save_milliseconds(saves: int = 1000) -> list[float]:
    with tempfile.TemporaryDirectory() as folder:
        with Store.open(Path(folder) / "bench.evalir", create=True) as store:
            store.save_commune(Commune(nom="Bourg", insee="01053"))
            record = store.create_assessment("Bench", content_id="c", content_version="1")
            figures = []
            for index in range(saves):
                started = time.perf_counter()
                store.save_answer(
                    record.id,
                    f"q.{index % 80}",
                    Answer(value="oui", comment=f"commentaire {index}"),
                )
                figures.append((time.perf_counter() - started) * 1000)
    return figures


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args()
    start = startup_seconds()
    saves = save_milliseconds()
    lines = [
        "| mesure | médiane | p95 | cible |",
        "|---|---|---|---|",
        "| démarrage → première fenêtre peinte, fichier par défaut, rendu offscreen (s) "
        f"| {statistics.median(start):.3f} "
        f"| {max(start):.3f} (max de {len(start)}) | ≤ 0,5 s |",
        f"| enregistrer une réponse (ms, {len(saves)} fois) | {statistics.median(saves):.2f} "
        f"| {p95(saves):.2f} | ≤ 5 ms p95 |",
    ]
    print("\n".join(lines))
    if args.write:
        write_section("Fondation", "\n".join(lines))


if __name__ == "__main__":
    main()
