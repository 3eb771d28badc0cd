"""What may be attached to an assessment: sizes, file types and names, said in French.

The same checks apply to a file the agent attaches and to an attachment read from a
town file by the territory: a refusal names what is wrong and what to do instead.
"""

import re
import unicodedata
from pathlib import PurePath

from evalir_desktop.attachment_names import bidi_problem, is_executable_name, real_suffix
from evalir_desktop.domain.errors import StoreError
from evalir_desktop.french import first_upper, spaced
from evalir_desktop.text import clean_line

MEGABYTE = 1024 * 1024
MAX_FILE_BYTES = 25 * MEGABYTE
MAX_TOTAL_BYTES = 250 * MEGABYTE
MAX_ATTACHMENTS = 500  # a town file holds far fewer; more is not a town's dossier
MAX_NAME_CHARS = 255
# Programs and scripts: never attached, never opened (a document is never one of them).
EXECUTABLE_SUFFIXES = frozenset(
    (  # noqa: SIM905 - a list of words reads better as words
        ".exe .bat .cmd .com .msi .msp .ps1 .psm1 .vbs .vbe .js .jse .wsf .wsh .scr .lnk "
        ".jar .pif .cpl .hta .reg .dll .sys .app .sh .appimage .deb .rpm .apk .iso .url "
        ".inf .scf .gadget .msc .application .appref-ms"
    ).split()
)
# Documents that can hold macros or scripts: attached, opened only after a warning.
ACTIVE_SUFFIXES = frozenset(
    (  # noqa: SIM905
        ".docm .dotm .xlsm .xltm .xlam .pptm .potm .ppsm .html .htm .xhtml .svg .mht .mhtml"
    ).split()
)
KEEP_OUTSIDE = (
    "Gardez-le sur le disque partagé de la mairie et indiquez où il se trouve dans le "
    "commentaire de la question."
)
WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')


class AttachmentRefused(StoreError):
    """A file that cannot be attached; str() is the French reason and what to do."""

    def __init__(self, text: str):
        super().__init__(spaced(text))


def size_label(size: int) -> str:
    """« 1,4 Mo », « 820 ko », « 12 octets »: French units with a decimal comma."""
    if size >= MEGABYTE:
        return f"{size / MEGABYTE:.1f}".replace(".", ",") + " Mo"
    if size >= 1024:
        return f"{max(1, round(size / 1024))} ko"
    return f"{size} octet" + ("s" if size > 1 else "")


def suffix_of(name: str) -> str:
    return PurePath(name).suffix.lower()


def is_executable(name: str) -> bool:
    """By the real final extension (see `attachment_names`)."""
    return is_executable_name(name, EXECUTABLE_SUFFIXES)


def needs_warning(name: str) -> bool:
    """A document that can run macros or scripts when opened."""
    return real_suffix(name) in ACTIVE_SUFFIXES


def clean_name(name: str) -> str:
    """The file name alone (no folder), without control characters or the characters
    Windows refuses, at most 255 characters, never empty."""
    base = re.split(r"[/\\]", str(name))[-1]
    base = clean_line(unicodedata.normalize("NFC", base))
    base = WINDOWS_FORBIDDEN.sub("_", base).strip().strip(".")
    if len(base) > MAX_NAME_CHARS:
        stem, suffix = PurePath(base).stem, PurePath(base).suffix[:20]
        base = stem[: MAX_NAME_CHARS - len(suffix)] + suffix
    return base or "piece-jointe"


def check_type(name: str) -> None:
    if bidi_problem(name):
        raise AttachmentRefused(first_upper(bidi_problem(name)))
    if is_executable(name):
        raise AttachmentRefused(
            f"« {clean_name(name)} » est un programme ou un script ({real_suffix(name)}) : "
            "EVALIR ne joint pas ce type de fichier, qui pourrait endommager l'ordinateur "
            "qui l'ouvrirait. Joignez plutôt le document lui-même, en PDF par exemple."
        )


def check_size(name: str, size: int, total_before: int) -> None:
    """Refuse a file over 25 Mo, or one that would bring the file's attachments over
    250 Mo in all (`total_before`: what the file holds already)."""
    if size > MAX_FILE_BYTES:
        raise AttachmentRefused(
            f"« {clean_name(name)} » pèse {size_label(size)} : une pièce jointe ne peut "
            f"pas dépasser {size_label(MAX_FILE_BYTES)}. {KEEP_OUTSIDE} Vous pouvez aussi "
            "joindre une version allégée (PDF compressé, extrait des pages utiles)."
        )
    if total_before + size > MAX_TOTAL_BYTES:
        raise AttachmentRefused(
            f"« {clean_name(name)} » ({size_label(size)}) ne peut pas être joint : les pièces "
            f"jointes du fichier pèsent déjà {size_label(total_before)}, et leur total ne "
            f"peut pas dépasser {size_label(MAX_TOTAL_BYTES)}. {KEEP_OUTSIDE} Vous pouvez "
            "aussi retirer des pièces devenues inutiles, puis vider la corbeille."
        )


def check_attachment(name: str, size: int, total_before: int) -> str:
    """The cleaned name of a file that may be attached; AttachmentRefused otherwise."""
    check_type(name)
    check_size(name, size, total_before)
    return clean_name(name)
