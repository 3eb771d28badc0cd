"""The list of recently opened files, kept in QSettings."""

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recent_files"
LIMIT = 8


def recent_files() -> list[Path]:
    values = QSettings().value(KEY, []) or []
    if isinstance(values, str):
        values = [values]
    return [Path(value) for value in values]


def remember(path: Path) -> None:
    path = path.resolve()
    paths = [p for p in recent_files() if p != path]
    QSettings().setValue(KEY, [str(p) for p in [path, *paths][:LIMIT]])
