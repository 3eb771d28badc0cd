"""Durable saves: one answer saved with synchronous=EXTRA (journal deletion synced).

Run by hand: `python benchmarks/bench_store.py [--write]`. Target (2-core machine):
one answer saved durably <= 5 ms at the 95th percentile. Measured in a folder of the
working tree (a real disk), not in a memory-backed temporary folder.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.results import write_section  # noqa: E402
from evalir_desktop.domain.answers import Answer  # noqa: E402
from evalir_desktop.domain.commune import Commune  # noqa: E402
from evalir_desktop.store import Store  # noqa: E402


def save_milliseconds(folder: Path, saves: int = 1000) -> tuple[list[float], str]:
    with Store.open(folder / "bench.evalir", create=True) as store:
        store.town.save_commune(Commune(nom="Bourg", insee="01053"))
        record = store.assessments.create("Bench", content_id="c", content_version="1")
        mode = store.durability()
        figures = []
        for index in range(saves):
            started = time.perf_counter()
            store.answers.save(
                record.id, f"q.{index % 80}", Answer(value="oui", comment=str(index))
            )
            figures.append((time.perf_counter() - started) * 1000)
    return figures, mode


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=HERE) as folder:
        saves, mode = save_milliseconds(Path(folder))
    p95 = statistics.quantiles(saves, n=20)[-1]
    lines = [
        "| mesure | médiane | p95 | max | cible |",
        "|---|---|---|---|---|",
        f"| enregistrer une réponse, {mode} (ms, {len(saves)} fois) "
        f"| {statistics.median(saves):.2f} | {p95:.2f} | {max(saves):.2f} | ≤ 5 ms p95 |",
    ]
    print("\n".join(lines))
    if args.write:
        write_section("Enregistrement durable", "\n".join(lines))


if __name__ == "__main__":
    main()
