"""The territory over time: a dated summary kept at each import, and what changed since.

Each import that changed the territory keeps a snapshot of it (towns, assessments, the
obligations each assessment faces, maturity per axis) in the territory file's journal.
The territory views compare the territory as it is with the snapshot current at the last
territory report (or, before any report, with the previous import): « 3 nouveaux
projets, 2 obligations levées ». Pure functions here; the store keeps the snapshots.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field

from evalir_desktop.content import Content
from evalir_desktop.content.models import is_binding
from evalir_desktop.french import counted, french_date
from evalir_desktop.store import Store
from evalir_desktop.territory.aggregate import Evaluated, axis_maturity, load_evaluated
from evalir_desktop.territory.view_models import Evolution, Trend

PREFIX = 8  # an assessment is known by the first characters of its UUID, enough to count


class Snapshot(BaseModel):
    """The territory after one import, as kept in its journal (validated when read)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    at: str = Field(max_length=40)
    towns: int = Field(ge=0, le=100_000)
    assessments: int = Field(ge=0, le=1_000_000)
    obligations: dict[str, int] = Field(default_factory=dict, max_length=1_000)
    maturity: dict[str, float | None] = Field(default_factory=dict, max_length=100)
    axis_titles: dict[str, str] = Field(default_factory=dict, max_length=100)
    rules: list[str] = Field(default_factory=list, max_length=1_000)
    held: dict[str, list[int]] = Field(default_factory=dict, max_length=1_000_000)

    def obligations_of(self, key: str) -> set[str]:
        return {self.rules[i] for i in self.held.get(key, []) if 0 <= i < len(self.rules)}


def snapshot_of(items: Iterable[Evaluated], content: Content, at: str) -> Snapshot:
    """The summary of the territory evaluated as `items`."""
    items = list(items)
    rules: dict[str, int] = {}
    held: dict[str, list[int]] = {}
    counts: dict[str, int] = {}
    for item in items:
        binding = sorted({o.id for o in item.evaluation.obligations if is_binding(o.level)})
        held[item.record.id[:PREFIX]] = [rules.setdefault(rule, len(rules)) for rule in binding]
        for rule in binding:
            counts[rule] = counts.get(rule, 0) + 1
    _, averages = axis_maturity(items, content)
    return Snapshot(
        at=at,
        towns=len({item.town.commune_id for item in items}),
        assessments=len(items),
        obligations=counts,
        maturity={axis.id: axis.average for axis in averages},
        axis_titles={axis.id: axis.title for axis in averages},
        rules=list(rules),
        held=held,
    )


def _moment(at: str) -> str:
    try:
        return french_date(datetime.fromisoformat(at).astimezone().date())
    except ValueError:
        return at[:10]


def _trends(baseline: Snapshot, current: Snapshot) -> list[Trend]:
    trends = []
    for axis_id, after in current.maturity.items():
        before = baseline.maturity.get(axis_id)
        if before is not None and after is not None and round(after) != round(before):
            title = current.axis_titles.get(axis_id, axis_id)
            trends.append(Trend(title=title, before=before, after=after))
    return trends


def _sentence(evolution: Evolution) -> str:
    parts = [
        counted(evolution.new_projects, "nouveau projet", "nouveaux projets"),
        counted(evolution.gone_projects, "projet retiré", "projets retirés"),
        counted(evolution.lifted, "obligation levée", "obligations levées"),
        counted(evolution.new_obligations, "nouvelle obligation", "nouvelles obligations"),
    ]
    shown = [part for part in parts if not part.startswith("0 ")]
    since = f"Depuis {evolution.since_what} ({evolution.since})\u202f: "
    return since + (", ".join(shown) + "." if shown else "aucun changement.")


def evolution(baseline: Snapshot, current: Snapshot, since_what: str, since_at: str) -> Evolution:
    """What changed from `baseline` to `current` (the state at `since_what`, dated
    `since_at`), in numbers and one French sentence."""
    before, after = set(baseline.held), set(current.held)
    lifted = new = 0
    for key in before & after:
        old, now = baseline.obligations_of(key), current.obligations_of(key)
        lifted += len(old - now)
        new += len(now - old)
    result = Evolution(
        since=_moment(since_at),
        since_what=since_what,
        new_projects=len(after - before),
        gone_projects=len(before - after),
        lifted=lifted,
        new_obligations=new,
        trends=_trends(baseline, current),
        sentence="",
    )
    return result.model_copy(update={"sentence": _sentence(result)})


def baseline_of(snapshots: list[Snapshot], last_report: str) -> tuple[Snapshot, str, str] | None:
    """The snapshot to compare with, what it stands for and its date: the one current at
    the last report, else (no report yet) the previous import's; None when there is
    nothing to compare with. Timestamps are UTC ISO texts, compared as such."""
    if last_report:
        earlier = [s for s in snapshots if s.at <= last_report]
        return (earlier[-1], "le dernier rapport", last_report) if earlier else None
    if len(snapshots) >= 2:
        return snapshots[-2], "l'import précédent", snapshots[-2].at
    return None


def read_snapshots(store: Store) -> list[Snapshot]:
    """The snapshots kept in the territory file; one that does not validate is left out."""
    found = []
    for row in store.snapshots.snapshot_rows():
        try:
            found.append(Snapshot.model_validate(row))
        except ValueError:
            continue
    return found


def keep_snapshot(store: Store, content: Content, cache: dict | None = None) -> Snapshot:
    """Evaluate the territory as it is now and keep its snapshot in the file."""
    items = load_evaluated(store, content, cache)
    snapshot = snapshot_of(items, content, datetime.now(UTC).isoformat(timespec="microseconds"))
    store.snapshots.record_snapshot(snapshot.model_dump())
    return snapshot


def evolution_of(store: Store, items: list[Evaluated], content: Content) -> Evolution | None:
    """The territory as `items` show it, compared with its state at the last report."""
    found = baseline_of(read_snapshots(store), store.snapshots.last_report_at())
    if found is None:
        return None
    baseline, since_what, since_at = found
    current = snapshot_of(items, content, datetime.now(UTC).isoformat())
    return evolution(baseline, current, since_what, since_at)
