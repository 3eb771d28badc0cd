"""The offline user guide: one HTML page per screen in resources/guide, read in order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from evalir_desktop.resources import resource_path

TITLE = re.compile(r"<h1>(.*?)</h1>", re.DOTALL)
IMAGE = re.compile(r'<img [^>]*src="([^"]+)"')


@dataclass(frozen=True)
class GuidePage:
    id: str
    title: str
    html: str

    def images(self) -> list[str]:
        return IMAGE.findall(self.html)


def guide_folder() -> Path:
    return resource_path("guide")


def guide_pages(folder: Path | None = None) -> list[GuidePage]:
    """The pages, ordered by their file name (`01_accueil.html`…), titled by their <h1>."""
    pages = []
    for path in sorted((folder or guide_folder()).glob("*.html")):
        text = path.read_text(encoding="utf-8")
        match = TITLE.search(text)
        title = match.group(1).strip() if match else path.stem
        pages.append(GuidePage(path.stem.split("_", 1)[-1], title, text))
    return pages


def whole_guide(pages: list[GuidePage]) -> str:
    """All pages in one document, for printing."""
    return "".join(page.html for page in pages)
