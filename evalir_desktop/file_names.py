"""Names the program proposes for the files it writes: short, readable, never cut mid-word."""

from __future__ import annotations

import re
import unicodedata


def cut_at_word(text: str, limit: int, separators: str = "- _") -> str:
    """`text` at most `limit` characters long, cut after a whole word (at a separator),
    never inside one; a single word longer than `limit` is cut as a last resort."""
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    cut = max(head.rfind(sep) for sep in separators)
    if cut <= 0:
        return text[:limit].rstrip(separators)
    return head[:cut].rstrip(separators)


def ascii_slug(text: str, limit: int, fallback: str, *, lower: bool = True) -> str:
    """An ASCII, file-name-safe slug of `text` (« Agent conversationnel » ->
    « agent-conversationnel »), at most `limit` characters, cut between words."""
    text = re.sub(r"['’ʼ`´]", " ", text)  # « l’accueil » is two words
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    if lower:
        plain = plain.lower()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")
    return cut_at_word(slug, limit, "-") or fallback
