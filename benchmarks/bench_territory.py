"""Territory figures: consolidating 150 town files of 5 assessments, then re-importing them.

The consolidation is measured as the program does it: every file read and checked, the
territory's intercommunality decided, the files merged, the assessments evaluated and the
dated snapshot of the territory kept (see `territory.history`).

Run by hand: `python benchmarks/bench_territory.py [--towns 150] [--write]`. Targets
(2-core machine): consolidation into a new territory file <= 5 s and <= 300 MB peak
memory; re-importing the same files <= 3 s. The import runs in a fresh process so that
its peak memory is not inflated by the generation of the files.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.results import write_section  # noqa: E402
from evalir_desktop.report.territory import territory_report  # noqa: E402
from evalir_desktop.territory.history import read_snapshots  # noqa: E402
from evalir_desktop.territory.importing import consolidate, open_territory  # noqa: E402
from evalir_desktop.territory.overview import territory_view  # noqa: E402
from tests.synthetic import default_catalogue, generate_towns  # noqa: E402

ANALYSIS = (
    "Ce que mesure la consolidation : chaque fichier lu et vérifié (tous avant la première "
    "fusion quand le territoire ne connaît pas encore son intercommunalité, pour la déduire "
    "de la majorité), fusionné, chaque évaluation fusionnée évaluée dans un fil d'exécution à"
    " part pendant que les fichiers suivants sont fusionnés, puis l'état daté du territoire "
    "gardé, calculé à partir de ces évaluations sans relire les réponses. Le temps de calcul "
    "(les deux fils compris) est le chiffre stable ; la durée réelle dépend de la charge de "
    "la machine, indiquée plus haut."
)


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
        snapshots = read_snapshots(store)
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
        "snapshots": len(snapshots),
        "snapshot_assessments": snapshots[-1].assessments if snapshots else 0,
    }
    print(json.dumps(result))


def machine_lines() -> list[str]:
    uname = " ".join(platform.uname())
    return [f"Machine : `{uname}` — nproc : {os.cpu_count()}", ""]


def run_child(folder: Path, territory: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(folder), str(territory)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def mb(value: float | None) -> str:
    return "n/a (Windows)" if value is None else f"{value:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--towns", type=int, default=150)
    parser.add_argument("--assessments", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3, help="imports, each into a new file")
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
        runs = [
            run_child(folder, Path(work) / f"territoire {index}.evalir")
            for index in range(args.runs)
        ]
    for result in runs:
        assert result["imported"] == args.towns and result["unchanged"] == args.towns
        assert result["snapshots"] == 1  # kept by the import; the re-import changed nothing
        assert result["snapshot_assessments"] == args.towns * args.assessments
    first = sorted(r["first_s"] for r in runs)
    median = statistics.median
    loads = [r["load"] for r in runs if r["load"] is not None]
    load = f"{min(loads):.1f} à {max(loads):.1f}" if loads else "n/a"
    questions = len(catalogue.questions)
    figures = ", ".join(f"{value:.2f}" for value in first)
    again = ", ".join(f"{r['again_s']:.2f}" for r in runs)
    lines = [
        *machine_lines(),
        f"{args.towns} communes × {args.assessments} évaluations, contenu "
        f"« {catalogue.content_id} » {catalogue.content_version} ({questions} questions) ; "
        f"génération des fichiers : {generate_s:.1f} s ; territoire obtenu : "
        f"{runs[0]['size_mb']:.1f} Mo ; {len(runs)} mesures, chacune dans un processus neuf "
        f"et un nouveau fichier ; charge de la machine (load average) : {load}.",
        "",
        "| mesure | médiane | toutes les mesures | cible |",
        "|---|---|---|---|",
        f"| consolidation dans un nouveau fichier de territoire, état daté conservé (s) "
        f"| {median(first):.2f} "
        f"(dont {median(r['first_cpu'] for r in runs):.2f} s de calcul) | {figures} | ≤ 5 s |",
        f"| mémoire maximale du processus d'import (Mo, ru_maxrss) "
        f"| {mb(max((r['peak_mb'] or 0) for r in runs) or None)} | | ≤ 300 Mo |",
        f"| réimport des mêmes fichiers (s) | {median(r['again_s'] for r in runs):.2f} "
        f"| {again} | ≤ 3 s |",
        f"| calcul de toutes les vues du territoire, {runs[0]['groups']} groupes de "
        f"mutualisation (s) | {median(r['view_s'] for r in runs):.2f} | | — |",
        f"| mémoire maximale avec les vues et le rapport (Mo) "
        f"| {mb(max((r['total_peak_mb'] or 0) for r in runs) or None)} | | — |",
        f"| rapport PDF de territoire ({runs[0]['report_kb']:.0f} ko) (s) "
        f"| {median(r['report_s'] for r in runs):.2f} | | — |",
        "",
        ANALYSIS,
    ]
    print("\n".join(lines))
    if args.write:
        write_section("Territoire", "\n".join(lines))


if __name__ == "__main__":
    main()
