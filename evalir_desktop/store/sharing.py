"""Build the copy of a town file sent to the intercommunality, away from its destination.

The copy is taken with the SQLite backup API (consistent even while the window has the
file open) into the user's own temporary folder, trimmed to the chosen assessments,
optionally anonymised, compacted with VACUUM so that deleted rows leave no trace in free
pages, checked, and only then copied onto the destination in one step: the destination
medium never holds anything but the finished copy.

What counts as personal data in an anonymised share (names of people, not of roles):
- the town's contact: `commune.contact_nom`, `contact_email`, `contact_telephone` (emptied);
- who answered: `answer.who` (emptied, unless it names the product dossier the answer
  was taken from rather than a person);
- who validated: `decision.validated_by` (emptied; `validated_role` such as « Maire » is a
  role and is kept, as are the dates and the deliberation number);
- action owners: `action.owner` (kept when it is a role word such as « DGS »,
  otherwise replaced by « Responsable désigné par la commune »);
- the journal: `history` is emptied, since each row holds a user name;
- every free text (titles, descriptions, comments, written answers, actions, the
  decision's role, number and text, and any text column a later schema adds): the names
  above, in their usual variants, and any e-mail address or telephone number are
  replaced (see `store.anonymiser` and `store.share_texts`).
The copy is built before it is written: its free texts, as they will be sent, are listed
in the `SharePreview` so that the agent can read them first.
- who attached a file (`attachment.who`), who gave an opinion (`opinion.reviewer_name`;
  the reviewer's role is kept) and who was trained (`training.participants`; the
  training, its date and the number of people are kept): emptied.
Attachments travel only when the agent asks for them (`attachments=True`), anonymised
copy or not: their content cannot be anonymised, only their name and comment are. Those
in the trash never travel, and neither does any content no attachment of the copy uses.
In every copy, anonymised or not, the journal keeps no value (only who changed what and
when): an erased or replaced value never travels. VACUUM then drops the freed pages.
Assessments in the trash are never shared.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from evalir_desktop.store.anonymiser import Scrubber, is_role
from evalir_desktop.store.atomic import install_copy, remove_leftovers
from evalir_desktop.store.authors import DOSSIER_TAG
from evalir_desktop.store.errors import FileRefused, describe
from evalir_desktop.store.journal import now_iso, set_meta
from evalir_desktop.store.opening import configure_writer
from evalir_desktop.store.schema import SCHEMA_VERSION, apply_migrations
from evalir_desktop.store.share_texts import FreeText, free_texts, scrub_free_texts, scrubber_for
from evalir_desktop.store.snapshot import private_folder

ANONYMOUS_OWNER = "Responsable désigné par la commune"
ROLE_WORDS = {
    "agent",
    "agent chargé du projet",
    "dgs",
    "directeur général des services",
    "directrice générale des services",
    "secrétaire de mairie",
    "maire",
    "adjoint",
    "adjointe",
    "élu",
    "élue",
    "élu référent",
    "conseil municipal",
    "dpd",
    "dpo",
    "délégué à la protection des données",
    "fournisseur",
    "service informatique",
    "intercommunalité",
    "epci",
}
CHILD_TABLES = ("answer", "action", "decision", "attachment", "opinion")
SHARE_SUFFIX = ".evalir"


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
class BuiltShare:
    """A finished, checked copy in a private folder, not yet on its destination."""

    path: Path
    destination: Path
    preview: SharePreview

    def install(self) -> Path:
        """Put the copy on its destination in one step; FileRefused with the cause."""
        with share_errors(self.destination):
            return install_copy(self.path, self.destination)


@contextmanager
def share_errors(destination: Path) -> Iterator[None]:
    try:
        yield
    except (OSError, sqlite3.Error) as error:
        raise FileRefused(
            f"La copie « {destination.name} » n'a pas pu être écrite ({describe(error)}). "
            "Vérifiez que le dossier (ou la clé USB) est accessible en écriture "
            "et qu'il y reste de la place."
        ) from error


@contextmanager
def built_share(
    store, destination: Path, keep: list[str], anonymise: bool, attachments: bool = False
) -> Iterator[BuiltShare]:
    """Build the copy of `store` in a private temporary folder, removed on leaving.

    What an interrupted earlier share left beside `destination` is removed first.
    Raises FileRefused with the French cause (destination unwritable, disk full).
    """
    with private_folder() as folder:
        with share_errors(destination):
            destination.parent.mkdir(parents=True, exist_ok=True)
            remove_leftovers(destination.parent, suffix=SHARE_SUFFIX)
            built = folder / destination.name
            preview = _build(store, built, keep, anonymise, attachments)
        yield BuiltShare(built, destination, preview)


def write_share_copy(
    store, destination: Path, keep: list[str], anonymise: bool, attachments: bool = False
) -> SharePreview:
    """Build the copy privately, then put it in place; the destination folder never
    holds anything but the finished copy."""
    with built_share(store, destination, keep, anonymise, attachments) as share:
        share.install()
    return share.preview


def _build(store, built: Path, keep: list[str], anonymise: bool, attachments: bool) -> SharePreview:
    store.copy_to(built)
    copy = sqlite3.connect(built, isolation_level=None)
    try:
        configure_writer(copy)
        to_current_schema(copy)
        # the names are those of the whole file, trashed assessments and journal included
        scrubber = scrubber_for(copy) if anonymise else None
        trim(copy, keep, attachments)
        forget_past_values(copy)
        if scrubber is not None:
            anonymise_copy(copy, scrubber)
        mark_shared(copy, anonymise, attachments)
        copy.execute("VACUUM")
        if copy.execute("PRAGMA integrity_check(1)").fetchone()[0] != "ok":
            raise FileRefused("La copie n'a pas pu être vérifiée : recommencez.")
        titles = [t for (t,) in copy.execute("SELECT title FROM assessment ORDER BY created_at")]
        names = [name for (name,) in copy.execute("SELECT name FROM attachment ORDER BY rowid")]
        size = copy.execute("SELECT coalesce(sum(size), 0) FROM attachment_blob").fetchone()[0]
        return SharePreview(
            anonymise,
            titles,
            scrubber.names if scrubber else [],
            scrubber.count if scrubber else 0,
            free_texts(copy),
            names,
            size,
        )
    finally:
        copy.close()


def to_current_schema(conn: sqlite3.Connection) -> None:
    """Bring the private copy of a file of an older schema (opened read-only, so not
    migrated) to the current one, so that every table the steps below know is there; a
    file of a newer program is refused: its extra data could not be checked for names."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise FileRefused(
            "Ce fichier a été enregistré par une version plus récente d'EVALIR : installez la "
            "dernière version du programme pour préparer la copie à envoyer."
        )
    apply_migrations(conn, version)


def trim(conn: sqlite3.Connection, keep: list[str], attachments: bool = False) -> None:
    """Drop every assessment not in `keep` (trashed ones included) with its rows, the
    attachments in the trash (all of them without `attachments`) and unused contents."""
    conn.execute("BEGIN")
    conn.execute(f"DELETE FROM attachment{' WHERE deleted_at IS NOT NULL' if attachments else ''}")
    conn.execute("CREATE TEMP TABLE keep_ids (id TEXT PRIMARY KEY)")
    conn.executemany("INSERT INTO keep_ids VALUES (?)", [(i,) for i in keep])
    for table in CHILD_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE assessment_id NOT IN (SELECT id FROM keep_ids)")
    conn.execute(
        "DELETE FROM history WHERE assessment_id IS NOT NULL "
        "AND assessment_id NOT IN (SELECT id FROM keep_ids)"
    )
    conn.execute("DELETE FROM assessment WHERE id NOT IN (SELECT id FROM keep_ids)")
    conn.execute("DELETE FROM attachment_blob WHERE sha256 NOT IN (SELECT sha256 FROM attachment)")
    conn.execute("DROP TABLE temp.keep_ids")
    conn.execute("COMMIT")


def forget_past_values(conn: sqlite3.Connection) -> None:
    """Keep who changed what and when, never the values: an erased comment, a replaced
    contact or a deleted action's owner must not travel with the copy."""
    conn.execute("UPDATE history SET change = '{}'")


def mark_shared(conn: sqlite3.Connection, anonymised: bool, attachments: bool = False) -> None:
    """Record in `meta` when the copy was made, whether names were removed and whether
    the attachments were left at home (the territory then keeps those it has)."""
    set_meta(conn, "shared_at", now_iso())
    set_meta(conn, "anonymised", "1" if anonymised else "0")
    set_meta(conn, "attachments_included", "1" if attachments else "0")


def neutral_owner(owner: str) -> str:
    text = owner.strip()
    if not text or text.lower() in ROLE_WORDS or is_role(text):
        return text
    return ANONYMOUS_OWNER


def anonymise_copy(conn: sqlite3.Connection, scrubber: Scrubber) -> None:
    """Remove the names of people (see the module docstring for the list); `scrubber`
    knows the names, read from the file before anything was removed."""
    conn.execute("BEGIN")
    scrub_free_texts(conn, scrubber)
    conn.execute("UPDATE commune SET contact_nom = '', contact_email = '', contact_telephone = ''")
    conn.execute(
        "UPDATE answer SET who = '' WHERE substr(who, 1, length(?)) != ?",
        (DOSSIER_TAG, DOSSIER_TAG),
    )
    conn.execute("UPDATE decision SET validated_by = ''")
    conn.execute("UPDATE attachment SET who = ''")
    conn.execute("UPDATE opinion SET reviewer_name = ''")
    conn.execute("UPDATE training SET participants = ''")
    owners = conn.execute("SELECT id, owner FROM action").fetchall()
    conn.executemany(
        "UPDATE action SET owner = ? WHERE id = ?",
        [(neutral_owner(owner), action_id) for action_id, owner in owners],
    )
    conn.execute("DELETE FROM history")
    conn.execute("DELETE FROM sqlite_sequence WHERE name = 'history'")
    conn.execute("COMMIT")
