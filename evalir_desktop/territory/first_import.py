"""Reading town files ahead of merging them, and the intercommunality of a new territory.

A territory learns its intercommunality at its first import: every file is read first,
and the intercommunality most of them declare becomes the territory's (see `store.epci`).
"""

from collections import Counter, deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from evalir_desktop.store import Store

PREFETCH = 2  # files read ahead while the previous one is being committed


def read_ahead(pool: ThreadPoolExecutor, files: list[Path], known: set[str], prepare):
    """The files prepared by `prepare(path, known)` in order, `PREFETCH` of them read in
    advance by `pool`."""
    pending = deque(pool.submit(prepare, path, known) for path in files[:PREFETCH])
    try:
        for index in range(len(files)):
            prepared = pending.popleft().result()
            if index + PREFETCH < len(files):
                pending.append(pool.submit(prepare, files[index + PREFETCH], known))
            yield prepared
    finally:
        for future in pending:
            future.cancel()


def decide_epci(store: Store, read: list) -> None:
    """Record as the territory's the intercommunality most of the files declare."""
    towns = [
        prepared.town.commune
        for prepared in read
        if prepared.town is not None and prepared.town.commune.epci_siren
    ]
    if towns:
        siren = Counter(town.epci_siren for town in towns).most_common(1)[0][0]
        name = Counter(t.epci_nom for t in towns if t.epci_siren == siren).most_common(1)[0][0]
        store.territory.record_epci(siren, name)
