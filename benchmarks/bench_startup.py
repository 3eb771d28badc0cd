"""Start-up: first paint of the main window on the default file, as a ratio to a bare window.

Run by hand: `python benchmarks/bench_startup.py [--runs N] [--write]`. Each run starts a
fresh process of the program (startup_probe.py) and one of a bare PySide6 main window
(bare_window_probe.py), interleaved, so that both see the same machine load. Target:
program / bare window <= 2.5 (DESIGN §7).
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

TARGET = 2.5


def first_paints(script: str, env: dict) -> dict[str, float]:
    """Seconds from launching `script` in a new interpreter to each paint it reports,
    plus `cpu`: the CPU time (user + system) the process used until it stopped."""
    started = time.time()
    process = subprocess.Popen(
        [sys.executable, str(HERE / script)], env=env, stdout=subprocess.PIPE, text=True
    )
    out = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{script} failed with status {process.returncode}")
    figures = {
        key: float(value) - started for key, value in (line.split() for line in out.splitlines())
    }
    figures["cpu"] = usage.ru_utime + usage.ru_stime
    return figures


def measure(runs: int) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {
        key: [] for key in ("bare", "bare_cpu", "window", "home", "cpu")
    }
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "HOME": folder, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("XDG_DOCUMENTS_DIR", None)
        first_paints("startup_probe.py", env)  # creates the default file, warms the disk cache
        first_paints("bare_window_probe.py", env)
        for _ in range(runs):
            bare = first_paints("bare_window_probe.py", env)
            figures["bare"].append(bare["painted"])
            figures["bare_cpu"].append(bare["cpu"])
            program = first_paints("startup_probe.py", env)
            figures["window"].append(program["window"])
            figures["home"].append(program["painted"])
            figures["cpu"].append(program["cpu"])
    return figures


def row(label: str, values: list[float], target: str = "—") -> str:
    median = statistics.median(values)
    return f"| {label} | {median:.3f} | {min(values):.3f} – {max(values):.3f} | {target} |"


def ratio(over: list[float], under: list[float]) -> float:
    return statistics.median(over) / statistics.median(under)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args()
    f = measure(args.runs)
    load = os.getloadavg()[0]
    lines = [
        f"{args.runs} paires de lancements alternés (fenêtre vide, puis le programme), chacun "
        f"dans un processus neuf, rendu offscreen ; charge de la machine : {load:.1f}. Le "
        "programme peint sa fenêtre (menus, « Ouverture de … »), puis ouvre le fichier et "
        "peint l'accueil ; le questionnaire est lu juste après.",
        "",
        "| mesure | médiane | min – max | cible |",
        "|---|---|---|---|",
        row("fenêtre PySide6 vide → première peinture (s)", f["bare"]),
        row("EVALIR Desktop → première peinture de la fenêtre (s)", f["window"]),
        row("EVALIR Desktop → accueil peint, fichier par défaut ouvert (s)", f["home"]),
        f"| **rapport première peinture / fenêtre vide** | **{ratio(f['window'], f['bare']):.2f}** "
        f"| | ≤ {TARGET:g} |",
        f"| rapport accueil peint / fenêtre vide | {ratio(f['home'], f['bare']):.2f} | | — |",
        f"| rapport des temps processeur jusqu'à l'accueil peint (moins sensible à la charge) "
        f"| {ratio(f['cpu'], f['bare_cpu']):.2f} | | — |",
    ]
    print("\n".join(lines))
    if args.write:
        write_section("Démarrage", "\n".join(lines))


if __name__ == "__main__":
    main()
