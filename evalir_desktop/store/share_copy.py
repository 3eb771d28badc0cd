"""The rows of the copy of a town file sent to the intercommunality, changed in memory.

The copy is taken with the SQLite backup API (consistent even while the window has the
file open) into memory, trimmed to the chosen assessments, optionally anonymised,
compacted with VACUUM so that deleted rows leave no trace in free pages, checked, and
only then written, under a hidden temporary name beside its destination renamed in one
step: no disk ever holds a byte of the copy before it is finished (and anonymised when
asked), and an interrupted write leaves only that hidden file, removed by the next share
to the same folder. What is a name and what replaces it is decided by `sharing/`; this
module runs the SQL.

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
  replaced (see `sharing.anonymiser` and `store.share_texts`).
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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from evalir_desktop.domain.origin import DOSSIER_TAG
from evalir_desktop.store.errors import FileRefused, describe
from evalir_desktop.store.file.atomic import remove_leftovers, replacing
from evalir_desktop.store.file.journal import now_iso, set_meta
from evalir_desktop.store.file.opening import configure_writer
from evalir_desktop.store.file.schema import SCHEMA_VERSION, apply_migrations
from evalir_desktop.store.share_texts import FreeText, free_texts, known_names, scrub_free_texts
from evalir_desktop.store.unit import UnitOfWork

CHILD_TABLES = ("answer", "action", "decision", "attachment", "opinion")
SHARE_SUFFIX = ".evalir"
Scrub = Callable[[str], str]


@contextmanager
def share_errors(destination: Path) -> Iterator[None]:
    """Turn a failed read or write of the copy into FileRefused with the French cause."""
    try:
        yield
    except (OSError, sqlite3.Error) as error:
        raise FileRefused(
            f"La copie « {destination.name} » n'a pas pu être écrite ({describe(error)}). "
            "Vérifiez que le dossier (ou la clé USB) est accessible en écriture "
            "et qu'il y reste de la place."
        ) from error


def clear_destination(destination: Path) -> None:
    """Make the destination's folder and remove what an interrupted earlier share left
    in it (hidden temporary files); FileRefused with the cause."""
    with share_errors(destination):
        destination.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(destination.parent, suffix=SHARE_SUFFIX)


class ShareCopy:
    """A copy of one open file, in memory, changed step by step before it is written."""

    def __init__(self, unit: UnitOfWork):
        self.conn = sqlite3.connect(":memory:", isolation_level=None)
        try:
            unit.conn.backup(self.conn)
            configure_writer(self.conn)
            to_current_schema(self.conn)
        except BaseException:
            self.conn.close()
            raise

    def close(self) -> None:
        self.conn.close()

    # -- what the copy knows -------------------------------------------------------

    def known_names(self) -> list[str]:
        """Every name of a person the copy knows, before any is cleared."""
        return known_names(self.conn)

    def places(self) -> list[str]:
        """The names of the town and of its intercommunality (never names of people)."""
        rows = self.conn.execute("SELECT nom, epci_nom FROM commune")
        return [value for row in rows for value in row if isinstance(value, str)]

    def free_texts(self) -> list[FreeText]:
        return free_texts(self.conn)

    def titles(self) -> list[str]:
        rows = self.conn.execute("SELECT title FROM assessment ORDER BY created_at")
        return [str(title) for (title,) in rows]

    def attachment_names(self) -> list[str]:
        return [
            str(name) for (name,) in self.conn.execute("SELECT name FROM attachment ORDER BY rowid")
        ]

    def attachments_bytes(self) -> int:
        row = self.conn.execute("SELECT coalesce(sum(size), 0) FROM attachment_blob").fetchone()
        return int(row[0])

    # -- the steps -----------------------------------------------------------------

    def trim(self, keep: list[str], attachments: bool = False) -> None:
        trim(self.conn, keep, attachments)

    def forget_past_values(self) -> None:
        """Keep who changed what and when, never the values: an erased comment, a
        replaced contact or a deleted action's owner must not travel with the copy."""
        self.conn.execute("UPDATE history SET change = '{}'")

    def anonymise(self, scrub: Scrub, owner: Scrub) -> None:
        """Remove the names of people (see the module docstring for the list): `scrub`
        rewrites a free text, `owner` an action's owner."""
        conn = self.conn
        conn.execute("BEGIN")
        scrub_free_texts(conn, scrub)
        conn.execute(
            "UPDATE commune SET contact_nom = '', contact_email = '', contact_telephone = ''"
        )
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
            [(owner(text), action_id) for action_id, text in owners],
        )
        conn.execute("DELETE FROM history")
        conn.execute("DELETE FROM sqlite_sequence WHERE name = 'history'")
        conn.execute("COMMIT")

    def finish(self, anonymised: bool, attachments: bool) -> None:
        """Record in `meta` when the copy was made, whether names were removed and
        whether the attachments were left at home (the territory then keeps those it
        has); compact the copy and check it."""
        set_meta(self.conn, "shared_at", now_iso())
        set_meta(self.conn, "anonymised", "1" if anonymised else "0")
        set_meta(self.conn, "attachments_included", "1" if attachments else "0")
        self.conn.execute("VACUUM")
        if self.conn.execute("PRAGMA integrity_check(1)").fetchone()[0] != "ok":
            raise FileRefused("La copie n'a pas pu être vérifiée : recommencez.")

    def write(self, destination: Path) -> Path:
        """Write the finished copy onto `destination` in one step, through a hidden
        temporary file beside it; FileRefused with the cause."""
        clear_destination(destination)
        with share_errors(destination):
            with replacing(destination) as temporary:
                disk = sqlite3.connect(temporary, isolation_level=None)
                try:
                    self.conn.backup(disk)
                    disk.execute("PRAGMA journal_mode = DELETE").fetchone()
                finally:
                    disk.close()
        return destination


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
