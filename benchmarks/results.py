"""Write one section of benchmarks/RESULTS.md, stamped with the date and the machine."""

import os
import platform
import re
from datetime import date
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = "# Mesures de performance\n\nChaque section est écrite par le script qui la mesure.\n"


def machine() -> str:
    return f"{platform.platform()}, {os.cpu_count()} cœurs, Python {platform.python_version()}"


def write_section(title: str, body: str) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else HEADER
    section = f"## {title}\n\n_{date.today().isoformat()} — {machine()}_\n\n{body}\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.M | re.S)
    text = (
        pattern.sub(lambda _match: section + "\n", text)
        if pattern.search(text)
        else text + "\n" + section
    )
    RESULTS.write_text(text.rstrip() + "\n", encoding="utf-8")
