"""Text that came from a file, made safe to show or print: no control characters, no
terminal escapes, no bidirectional overrides (which can make a name read backwards)."""

import re

# C0 and C1 controls (tab and newline kept where text may span lines), DEL, and the
# Unicode bidirectional embeddings, overrides and isolates.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?")


def clean_text(text: str) -> str:
    """Remove escapes and invisible controls, keeping line breaks and tabs."""
    return _CONTROLS.sub("", _ANSI.sub("", text))


def clean_line(text: str) -> str:
    """`clean_text` on one line: line breaks and tabs become spaces."""
    return clean_text(text).replace("\r", " ").replace("\n", " ").replace("\t", " ")
