"""Editable documents: the full report as DOCX (and ODT) against the PDF of the same report.

Run by hand: `python benchmarks/bench_docx.py [--runs N] [--write]`. The document model is
built once; each measured run then writes it as PDF, DOCX and ODT, interleaved, so that all
three see the same machine load. Target (issue 26): DOCX <= 1.5 × the PDF.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.bench_report import TOWN  # noqa: E402
from benchmarks.results import write_section  # noqa: E402
from evalir_desktop.content import load_content  # noqa: E402
from evalir_desktop.report import report_data  # noqa: E402
from evalir_desktop.report.full import full_document  # noqa: E402
from evalir_desktop.report.writers import render  # noqa: E402
from evalir_desktop.store import Store  # noqa: E402
from tests.report.factories import demo_assessment  # noqa: E402

TARGET = 1.5
FORMATS = ("pdf", "docx", "odt")


def measure(runs: int) -> dict[str, list[float]]:
    load_content()
    figures: dict[str, list[float]] = {fmt: [] for fmt in FORMATS}
    sizes: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as folder:
        with Store.open(Path(folder) / "bench.evalir", create=True) as store:
            store.save_commune(TOWN)
            assessment_id = demo_assessment(store, comment_length=300, actions=20, unknown_every=0)
            data = report_data(store, assessment_id)
    document = full_document(data)
    for fmt in FORMATS:  # warm-up: fonts, imports
        sizes[fmt] = len(render(document, data, fmt))
    for _ in range(runs):
        for fmt in FORMATS:
            started = time.process_time()
            render(document, data, fmt)
            figures[fmt].append(time.process_time() - started)
    figures["paragraphs"] = [float(len(document.blocks))]
    figures["sizes"] = [float(sizes[fmt]) for fmt in FORMATS]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--write", action="store_true", help="write benchmarks/RESULTS.md")
    args = parser.parse_args()
    figures = measure(args.runs)
    median = {fmt: statistics.median(figures[fmt]) for fmt in FORMATS}
    load = os.getloadavg()[0]
    kb = dict(zip(FORMATS, figures["sizes"], strict=True))
    lines = [
        f"Rapport complet d'une évaluation entièrement renseignée (comme « Rapports »), modèle "
        f"du document construit une fois ({figures['paragraphs'][0]:.0f} blocs), puis écrit "
        f"{args.runs} fois dans chaque format, en alternance, après une écriture de chauffe ; "
        f"temps processeur du fil qui écrit ; charge de la machine (load average) : {load:.1f}.",
        "",
        "| format | médiane (s) | min – max (s) | taille | rapport au PDF | cible |",
        "|---|---|---|---|---|---|",
    ]
    for fmt in FORMATS:
        ratio = median[fmt] / median["pdf"]
        target = f"≤ {TARGET:g}" if fmt == "docx" else "—"
        lines.append(
            f"| {fmt.upper()} | {median[fmt]:.3f} | {min(figures[fmt]):.3f} – "
            f"{max(figures[fmt]):.3f} | {kb[fmt] / 1000:.0f} ko | "
            f"{'**' if fmt == 'docx' else ''}{ratio:.2f}{'**' if fmt == 'docx' else ''} "
            f"| {target} |"
        )
    print("\n".join(lines))
    if args.write:
        write_section("Documents modifiables", "\n".join(lines))


if __name__ == "__main__":
    main()
