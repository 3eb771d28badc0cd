"""Territory figures: consolidating 150 town files of 5 assessments, then re-importing them.

Run by hand: `python benchmarks/bench_territory.py [--towns 150] [--write]`. Targets
(2-core machine): consolidation into a new territory file <= 5 s and <= 300 MB peak
memory; re-importing the same files <= 3 s. The import runs in a fresh process so that
its peak memory is not inflated by the generation of the files.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.results import write_section  # noqa: E402
from evalir_desktop.report.territory import territory_report  # noqa: E402
from evalir_desktop.territory.importing import consolidate, open_territory  # noqa: E402
from evalir_desktop.territory.overview import territory_view  # noqa: E402
from evalir_desktop.territory.synthetic import default_catalogue, generate_towns  # noqa: E402


def peak_rss_mb() -> float | None:
    """Peak resident memory of this process in MB (None where `resource` is missing)."""
    if sys.platform == "win32":
        return None
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def child(folder: Path, territory: Path) -> None:
    """Measured part, in its own process: first import, then the same files again."""
    started, cpu = time.perf_counter(), time.process_time()
    first = consolidate(territory, [folder])
    first_s, first_cpu = time.perf_counter() - started, time.process_time() - cpu
    started = time.perf_counter()
    again = consolidate(territory, [folder])
    again_s = time.perf_counter() - started
    import_peak = peak_rss_mb()
    started = time.perf_counter()
    with open_territory(territory) as store:
        view = territory_view(store)
    view_s = time.perf_counter() - started
    started = time.perf_counter()
    pdf = territory_report(view)
    report_s = time.perf_counter() - started
    result = {
        "view_s": view_s,
        "report_s": report_s,
        "report_kb": len(pdf) / 1000,
        "first_cpu": first_cpu,
        "load": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "groups": len(view.opportunities),
        "first_s": first_s,
        "again_s": again_s,
        "imported": len(first.by_status("imported")),
        "unchanged": len(again.by_status("unchanged")),
        "peak_mb": import_peak,
        "total_peak_mb": peak_rss_mb(),
        "size_mb": territory.stat().st_size / 1e6,
    }
    print(json.dumps(result))


def machine_lines() -> list[str]:
    uname = " ".join(platform.uname())
    return [f"Machine : `{uname}` — nproc : {os.cpu_count()}", ""]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--towns", type=int, default=150)
    parser.add_argument("--assessments", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    catalogue = default_catalogue()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "fichiers des communes"
        started = time.perf_counter()
        generate_towns(folder, args.towns, assessments=args.assessments, catalogue=catalogue)
        generate_s = time.perf_counter() - started
        territory = Path(work) / "territoire.evalir"
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(folder), str(territory)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        result = json.loads(out.strip().splitlines()[-1])
    assert result["imported"] == args.towns and result["unchanged"] == args.towns
    load = "n/a" if result["load"] is None else f"{result['load']:.1f}"
    total = "n/a (Windows)" if result["total_peak_mb"] is None else f"{result['total_peak_mb']:.0f}"
    peak = "n/a (Windows)" if result["peak_mb"] is None else f"{result['peak_mb']:.0f}"
    questions = len(catalogue.questions)
    lines = [
        *machine_lines(),
        f"{args.towns} communes × {args.assessments} évaluations, contenu "
        f"« {catalogue.content_id} » {catalogue.content_version} ({questions} questions) ; "
        f"génération des fichiers : {generate_s:.1f} s ; territoire obtenu : "
        f"{result['size_mb']:.1f} Mo ; charge de la machine pendant la mesure : {load}.",
        "",
        "| mesure | valeur | cible |",
        "|---|---|---|",
        f"| consolidation dans un nouveau fichier de territoire (s) | {result['first_s']:.2f} "
        f"(dont {result['first_cpu']:.2f} s de calcul) | ≤ 5 s |",
        f"| mémoire maximale du processus d'import (Mo, ru_maxrss) | {peak} | ≤ 300 Mo |",
        f"| réimport des mêmes fichiers (s) | {result['again_s']:.2f} | ≤ 3 s |",
        f"| calcul de toutes les vues du territoire, {result['groups']} groupes de "
        f"mutualisation (s) | {result['view_s']:.2f} | — |",
        f"| mémoire maximale avec les vues et le rapport (Mo) | {total} | — |",
        f"| rapport PDF de territoire ({result['report_kb']:.0f} ko) (s) "
        f"| {result['report_s']:.2f} | — |",
    ]
    print("\n".join(lines))
    if args.write:
        write_section("Territoire", "\n".join(lines))


if __name__ == "__main__":
    main()
