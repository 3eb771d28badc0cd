"""GUI entry point: paths, logging, crash dialog, translations, then the main window."""

import argparse
import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from evalir_desktop import __version__
from evalir_desktop.french_argparse import FrenchArgumentParser
from evalir_desktop.paths import default_file, log_file

log = logging.getLogger("evalir")


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = FrenchArgumentParser(prog="evalir-desktop", add_help=True)
    parser.add_argument(
        "file", nargs="?", type=Path, metavar="fichier", help="fichier .evalir à ouvrir"
    )
    parser.add_argument(
        "--verifier-installation",
        action="store_true",
        help="vérifier les composants installés (traductions, impression, aperçu PDF), "
        "puis quitter",
    )
    args, _ = parser.parse_known_args(argv)  # Qt options (-platform...) pass through
    return args


def setup_logging(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv if argv is None else argv
    args = parse_arguments(argv[1:])

    from PySide6.QtCore import QCoreApplication, QStandardPaths
    from PySide6.QtWidgets import QApplication

    from evalir_desktop.ui.application import prepare_application
    from evalir_desktop.ui.dialogs.crash import install_crash_handler
    from evalir_desktop.ui.icons import application_icon
    from evalir_desktop.ui.main_window import MainWindow

    QCoreApplication.setOrganizationName("EVALIR")
    QCoreApplication.setApplicationName("EVALIR Desktop")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv)
    app.setWindowIcon(application_icon())
    app.setDesktopFileName("evalir-desktop")  # matches packaging/linux/evalir-desktop.desktop
    data_dir = Path(QStandardPaths.writableLocation(QStandardPaths.AppLocalDataLocation))
    setup_logging(log_file(data_dir))
    install_crash_handler()
    prepare_application(app)
    log.info("EVALIR Desktop %s starting", __version__)
    if args.verifier_installation:
        from evalir_desktop.ui.self_check import run_self_check

        return run_self_check()

    documents = Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation))
    window = MainWindow()
    window.show()
    window.open_after_first_paint(args.file or default_file(documents), create=args.file is None)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
