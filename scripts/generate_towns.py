"""Write N synthetic town files into a folder: `python scripts/generate_towns.py DIR -n 150`."""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.synthetic import generate_towns  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Génère des fichiers de communes fictives.")
    parser.add_argument("folder", type=Path, help="dossier de sortie (créé si besoin)")
    parser.add_argument("-n", "--count", type=int, default=20, help="nombre de communes")
    parser.add_argument("-a", "--assessments", type=int, default=5, help="évaluations par commune")
    parser.add_argument("--seed", type=int, default=0, help="graine du tirage aléatoire")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    paths = generate_towns(args.folder, args.count, assessments=args.assessments, seed=args.seed)
    elapsed = time.perf_counter() - started
    print(f"{len(paths)} fichier(s) écrit(s) dans {args.folder} en {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
