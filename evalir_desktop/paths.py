"""Where the program keeps its default file and its logs (no Qt: plain fallbacks).

The GUI passes Qt's QStandardPaths folders in; the command line and tests can call
these with explicit folders.
"""

from pathlib import Path

DEFAULT_FOLDER_NAME = "EVALIR"
EXAMPLE_FILE_NAME = "Exemple d'évaluation (Saint-Martin-sur-Loire).evalir"
DEFAULT_FILE_NAME = "evaluations-ia.evalir"


def default_file(documents_dir: Path) -> Path:
    return documents_dir / DEFAULT_FOLDER_NAME / DEFAULT_FILE_NAME


def log_file(app_data_dir: Path) -> Path:
    return app_data_dir / "logs" / "evalir-desktop.log"
