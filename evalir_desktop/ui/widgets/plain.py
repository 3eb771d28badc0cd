"""Strings from a file shown as plain text: Qt renders what looks like HTML otherwise
(headings, live links, `<img src>` reading a local file)."""

import html


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as it is, line breaks included."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


def escaped(text: str) -> str:
    """`text` for a rich-text label that we compose ourselves."""
    return html.escape(text)
