"""The one share pipeline, for the window and for `evalir share`: `plan_share` checks the
agent's choices (which assessments, where, anonymised or not, attachments or not),
`prepare` builds the copy in memory and says what it holds (`PreparedShare.preview`),
`PreparedShare.write` puts it on its destination; `share` runs the three at once.

The SQL on the copy is `store.share_copy` (what an anonymised copy loses is listed
there); what a name is and what replaces it is `sharing.anonymiser`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import TracebackType

from evalir_desktop.domain.slug import slug
from evalir_desktop.output_guard import check_output, free_name
from evalir_desktop.sharing.anonymiser import Scrubber, neutral_owner
from evalir_desktop.store import Store, StoreError
from evalir_desktop.store.share_copy import ShareCopy, clear_destination, share_errors
from evalir_desktop.store.share_texts import FreeText


@dataclass
class SharePreview:
    """What the copy holds, read from the copy itself before it is written."""

    anonymised: bool
    assessments: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # the names looked for and removed
    replaced: int = 0  # names, e-mail addresses and numbers replaced in free texts
    texts: list[FreeText] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)  # names of the attached files sent
    attachments_bytes: int = 0


@dataclass
class ShareResult:
    """What was written: the file, the assessments it holds, whether names were removed,
    and what the copy holds (its free texts as sent)."""

    path: Path
    assessment_ids: list[str] = field(default_factory=list)
    anonymised: bool = False
    preview: SharePreview | None = None


@dataclass(frozen=True)
class SharePlan:
    """Where the copy goes and what it holds, checked, before anything is built."""

    destination: Path
    keep: list[str]
    anonymise: bool
    attachments: bool = False  # the attached files travel only when the agent asks


def default_share_name(insee: str, town: str, day: date) -> str:
    return f"{insee}-{slug(town)}-{day.isoformat()}.evalir"


def resolve_assessment_ids(store: Store, wanted: list[str]) -> list[str]:
    """Match full identifiers or unambiguous prefixes (8 characters at least)."""
    known = [record.id for record in store.assessments.all()]
    chosen: list[str] = []
    for item in wanted:
        item = item.strip().lower()
        matches = [i for i in known if i == item or (len(item) >= 8 and i.startswith(item))]
        if not matches:
            raise StoreError(
                f"Aucune évaluation de ce fichier ne correspond à « {item} » : vérifiez "
                "l'identifiant (la liste est donnée par « evalir info FICHIER »)."
            )
        if len(matches) > 1:
            raise StoreError(
                f"Plusieurs évaluations correspondent à « {item} » : donnez l'identifiant "
                "complet (la liste est donnée par « evalir info FICHIER »)."
            )
        if matches[0] not in chosen:
            chosen.append(matches[0])
    return chosen


def plan_share(
    store: Store,
    destination: str | Path,
    *,
    anonymise: bool = False,
    assessment_ids: list[str] | None = None,
    today: date | None = None,
    attachments: bool = False,
    replace: bool = False,
) -> SharePlan:
    """Check what is asked; `destination` is a file or an existing folder (then a free
    name is chosen in it). The output guard refuses the original, another EVALIR file,
    a link, and an existing file unless `replace`."""
    commune = store.town.commune()
    if commune is None:
        raise StoreError(
            "Renseignez d'abord le profil de la commune : "
            "l'intercommunalité en a besoin pour reconnaître le fichier."
        )
    if store.role != "commune":
        raise StoreError("Seul le fichier d'une commune peut être envoyé à l'intercommunalité.")
    keep = (
        resolve_assessment_ids(store, assessment_ids)
        if assessment_ids
        else [r.id for r in store.assessments.all()]
    )
    destination = Path(destination)
    if destination.is_dir() and not destination.is_symlink():
        day = today or date.today()
        destination = free_name(destination, default_share_name(commune.insee, commune.nom, day))
    check_output(destination, sources=[store.path], replace=replace, creates=".evalir")
    return SharePlan(destination, keep, anonymise, attachments)


def share(
    store: Store,
    destination: str | Path,
    *,
    anonymise: bool = False,
    assessment_ids: list[str] | None = None,
    today: date | None = None,
    attachments: bool = False,
    replace: bool = False,
) -> ShareResult:
    """Write the share copy of `store`; `destination` is a file or an existing folder.
    The attached files go only with `attachments`, anonymised copy or not."""
    plan = plan_share(
        store,
        destination,
        anonymise=anonymise,
        assessment_ids=assessment_ids,
        today=today,
        attachments=attachments,
        replace=replace,
    )
    with prepare(store, plan) as prepared:
        prepared.write()
    return ShareResult(plan.destination, plan.keep, plan.anonymise, prepared.preview)


class PreparedShare:
    """A finished copy, held in memory until `write` (or `discard`): nothing of it is on
    any disk before, and what is written is the copy the preview describes."""

    def __init__(self, plan: SharePlan, copy: ShareCopy, preview: SharePreview):
        self.plan = plan
        self.preview = preview
        self._copy: ShareCopy | None = copy

    @property
    def destination(self) -> Path:
        return self.plan.destination

    def write(self) -> Path:
        """Put the copy on its destination in one step; FileRefused with the cause."""
        if self._copy is None:
            raise StoreError("La copie a été abandonnée : préparez-la de nouveau.")
        return self._copy.write(self.plan.destination)

    def discard(self) -> None:
        if self._copy is not None:
            self._copy.close()
            self._copy = None

    def __enter__(self) -> PreparedShare:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.discard()


def prepare(store: Store, plan: SharePlan) -> PreparedShare:
    """Build the copy in memory and read what it holds; FileRefused with the French cause."""
    clear_destination(plan.destination)
    with share_errors(plan.destination):
        copy = ShareCopy(store.unit)
    try:
        with share_errors(plan.destination):
            preview = _build(copy, plan)
    except BaseException:
        copy.close()
        raise
    return PreparedShare(plan, copy, preview)


def _build(copy: ShareCopy, plan: SharePlan) -> SharePreview:
    # the names are those of the whole file, trashed assessments and journal included
    scrubber = Scrubber(copy.known_names(), protected=copy.places()) if plan.anonymise else None
    copy.trim(plan.keep, plan.attachments)
    copy.forget_past_values()
    if scrubber is not None:
        copy.anonymise(scrubber.scrub, neutral_owner)
    copy.finish(plan.anonymise, plan.attachments)
    return SharePreview(
        plan.anonymise,
        copy.titles(),
        scrubber.names if scrubber else [],
        scrubber.count if scrubber else 0,
        copy.free_texts(),
        copy.attachment_names(),
        copy.attachments_bytes(),
    )
