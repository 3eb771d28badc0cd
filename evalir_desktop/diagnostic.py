"""The diagnostic file an agent can attach to a mail: versions and log tail, no personal data."""

from __future__ import annotations

import getpass
import platform
import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from evalir_desktop import __version__
from evalir_desktop.output_guard import free_name, write_output

LOG_LINES = 200
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(?<!\d)(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)")


def redact(text: str, home: Path, user: str) -> str:
    """Remove what could name a person: home folder, login name, e-mail addresses, phones."""
    text = text.replace(str(home), "~")
    if len(user) >= 3:
        text = re.sub(re.escape(user), "<utilisateur>", text, flags=re.IGNORECASE)
    text = EMAIL.sub("<courriel>", text)
    return PHONE.sub("<téléphone>", text)


def log_tail(log_path: Path, lines: int = LOG_LINES) -> list[str]:
    try:
        with log_path.open(encoding="utf-8", errors="replace") as handle:
            return handle.read().splitlines()[-lines:]
    except OSError:
        return []


def diagnostic_text(components: Mapping[str, str], log_path: Path, home: Path, user: str) -> str:
    """The text of the diagnostic: program, system and component versions, then the log."""
    lines = [
        "Diagnostic EVALIR Desktop",
        f"Créé le : {datetime.now().strftime('%d/%m/%Y %H:%M')}",
        "",
        f"EVALIR Desktop : {__version__}",
        f"Système : {platform.system()} {platform.release()} ({platform.machine()})",
        f"Python : {platform.python_version()}",
        *(f"{name} : {version}" for name, version in components.items()),
        "",
        f"Dernières lignes du journal ({log_path.name}) :",
        *log_tail(log_path),
    ]
    return redact("\n".join(lines) + "\n", home, user)


def login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def write_diagnostic(
    folder: Path,
    components: Mapping[str, str],
    log_path: Path,
    home: Path | None = None,
    user: str | None = None,
) -> Path:
    """Write the diagnostic into `folder` under a dated name; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    name = f"diagnostic-evalir-{datetime.now().strftime('%Y%m%d-%H%M')}.txt"
    path = free_name(folder, name)  # a second diagnostic in the same minute: -2
    user = login_name() if user is None else user
    text = diagnostic_text(components, log_path, home or Path.home(), user)
    return write_output(path, text.encode("utf-8"))
