"""Attachment names as the system will really read them, and as they leave the file.

A name can hide its type: a bidirectional override makes « facture‮fdp.exe » read
« factureexe.pdf », a trailing override or invisible character (`facture.exe` + U+202E)
makes the extension look unknown, a full-width or look-alike dot (`．ｅｘｅ`, `․exe`) is a
dot once normalised, and Windows drops trailing dots and spaces. So the type is decided
on the *real* final extension: the name in NFKC form, bidi controls and invisible
characters removed, trailing dots and spaces dropped. A name carrying bidi controls is
refused outright (no honest document needs one).

On the way out (the copy opened by the system's viewer, the copy saved to a folder) a
name is shortened to what every file system accepts (`MAX_OUT_BYTES` bytes, extension
kept); the original name stays in the file for display.
"""

from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Characters that show nothing but are not format characters (category Cf) either.
INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f\u180e\u17b4\u17b5")
TRAILING = ". \u00a0\u202f\u2007\u3000"
# A file system accepts 255 bytes; keep room for the hidden temporary name beside it
# (« .name.1a2b3c4d.tmp ») and for a « -2 » the program may add.
MAX_OUT_BYTES = 200
EXECUTABLE_MAGIC = (
    b"MZ",
    b"\x7fELF",
    b"#!",
    b"\xfe\xed\xfa",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
)
WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
BIDI_REFUSAL = (
    "le nom «\u202f{name}\u202f» contient des caractères qui inversent le sens de "
    "l'écriture : ils servent à déguiser un programme en document. Renommez le fichier "
    "avec un nom ordinaire, puis joignez-le de nouveau."
)


def has_bidi_controls(name: str) -> bool:
    return any(char in BIDI_CONTROLS for char in str(name))


def bidi_problem(name: str) -> str:
    """The French refusal for a name with bidi controls, or ""."""
    if not has_bidi_controls(name):
        return ""
    shown = "".join(c for c in str(name) if c not in BIDI_CONTROLS)
    return BIDI_REFUSAL.format(name=_excerpt(shown))


def _excerpt(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _visible(char: str) -> bool:
    if char in BIDI_CONTROLS or char in INVISIBLE:
        return False
    return unicodedata.category(char) not in ("Cf", "Cc", "Cs", "Co", "Cn", "Zl", "Zp")


def visible_text(text: str) -> str:
    """`text` in NFKC form without bidi controls or invisible characters."""
    text = "".join(char for char in unicodedata.normalize("NFKC", str(text)) if _visible(char))
    return unicodedata.normalize("NFKC", text)  # removals may join a new sequence


def real_name(name: str, *, stream: bool = False) -> str:
    """The name as the system reads its type: NFKC, without bidi controls or invisible
    characters, the folder part removed, trailing dots and spaces dropped; with `stream`,
    the part before an NTFS stream (« facture.exe:flux » is « facture.exe »)."""
    text = visible_text(name)
    text = re.split(r"[/\\]", text.rstrip(TRAILING + "/\\"))[-1]
    if stream and ":" in text:
        text = text.split(":")[0]
    return text.rstrip(TRAILING)


def _final_suffix(name: str) -> str:
    """Everything after the last dot, as Windows reads it (« .exe » alone is a program)."""
    _, dot, suffix = name.rpartition(".")
    return f".{suffix}".lower() if dot and suffix else ""


def real_suffix(name: str) -> str:
    """The final extension that decides the type, lower-case (« .exe »), or ""."""
    return _final_suffix(real_name(name))


def is_executable_name(name: str, executable_suffixes) -> bool:
    """A program or script by its real final extension, by the one before an NTFS
    stream, or by its raw one."""
    candidates = {
        real_suffix(name),
        _final_suffix(real_name(name, stream=True)),
        _final_suffix(str(name).rstrip(TRAILING)),
    }
    return bool(candidates & set(executable_suffixes))


def looks_executable(head: bytes) -> bool:
    """First bytes of a program (Windows, Linux, macOS) or of a script with a shebang."""
    return head.startswith(EXECUTABLE_MAGIC)


def shortened(name: str, limit: int = MAX_OUT_BYTES) -> str:
    """`name` cut to `limit` UTF-8 bytes, its extension kept, cut between words when
    possible, ending with « … » to show it was cut."""
    if len(name.encode("utf-8")) <= limit:
        return name
    stem, suffix = _split(name)
    room = limit - len(suffix.encode("utf-8")) - len("…".encode())
    cut = stem.encode("utf-8")[: max(room, 1)].decode("utf-8", "ignore")
    space = max(cut.rfind(" "), cut.rfind("-"), cut.rfind("_"))
    if space >= len(cut) // 2:
        cut = cut[:space]
    return cut.rstrip(" -_.") + "…" + suffix


def _split(name: str) -> tuple[str, str]:
    """(stem, extension); an extension is a short word after the last dot."""
    stem, dot, suffix = name.rpartition(".")
    if dot and 0 < len(suffix) <= 15 and " " not in suffix:
        return stem, "." + suffix
    return name, ""


def outgoing_name(name: str) -> str:
    """The name of a copy written outside the file: only visible characters, none that
    Windows refuses, within every file system's length, never empty."""
    base = re.split(r"[/\\]", str(name))[-1]
    base = "".join(char for char in unicodedata.normalize("NFC", base) if _visible(char))
    base = WINDOWS_FORBIDDEN.sub("_", base).strip()
    stem, suffix = _split(base)
    stem = stem.strip(" .") or "piece-jointe"  # never a name that is only an extension
    return shortened(stem + suffix.rstrip(" ."))
