"""The ASCII, file-name-safe form of a name, for the files the program names."""

import re
import unicodedata


def slug(text: str) -> str:
    """An ASCII, file-name-safe form of a town name: « Saint-Étienne » -> « Saint-Etienne »."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")
    return ascii_text or "commune"
