"""The `evalir` command: scripted use by an intercommunality, and tests.

Each module of this package registers its sub-commands through `register(subparsers)`;
a command function receives the parsed arguments and returns an exit code, or raises
`UserError` with a French message for refused input.
"""

import argparse
import logging
import os
import sys

from evalir_desktop import __version__
from evalir_desktop.cli import (
    absent,
    attachments,
    content,
    exporting,
    files,
    product,
    report,
    territory,
)
from evalir_desktop.cli.errors import EXIT_BROKEN_PIPE, EXIT_REFUSED, UserError
from evalir_desktop.cli.output import printed_safely
from evalir_desktop.cli.set_aside import short_quotes
from evalir_desktop.french_argparse import VERSION_HELP, FrenchArgumentParser
from evalir_desktop.output_guard import OutputRefused
from evalir_desktop.store import StoreError

UNEXPECTED = (
    "evalir : erreur inattendue, la commande s'est arrêtée sans rien modifier. "
    "Si elle revient, transmettez le fichier et la commande au support."
)

COMMAND_MODULES = [files, territory, absent, content, product, report, exporting, attachments]


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchArgumentParser(
        prog="evalir",
        description="EVALIR : évaluer un projet d'IA d'une commune, en ligne de commande.",
    )
    parser.add_argument(
        "--version", action="version", version=f"evalir {__version__}", help=VERSION_HELP
    )
    subparsers = parser.add_subparsers(
        dest="command", required=True, parser_class=FrenchArgumentParser
    )
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def use_utf8_streams() -> None:
    """Write UTF-8 to the console, a pipe or a file alike.

    Windows gives redirected streams its ANSI code page (cp1252): "→" then fails and
    `--json` output is not UTF-8.
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors=stream.errors)


def stopped_reader() -> int:
    """The program reading our output (`evalir evaluate … | head`) stopped reading.

    Nothing is wrong with the file: say nothing more, and send what is still buffered
    to nowhere so that the interpreter's last flush does not print a traceback.
    """
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.__stdout__.fileno())
    return EXIT_BROKEN_PIPE


def refused_output(error: OutputRefused) -> str:
    """The guard's reason, with the option that allows replacing an ordinary file."""
    if error.reason == "exists":
        return f"{error} Pour le remplacer, ajoutez --remplacer."
    return str(error)


def main(argv: list[str] | None = None) -> int:
    use_utf8_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    with printed_safely():
        try:
            code = args.handler(args)
            sys.stdout.flush()  # a closed pipe is found here, not at the interpreter's exit
            return code
        except (UserError, StoreError) as error:
            print(f"evalir : {short_quotes(str(error))}", file=sys.stderr)
            return EXIT_REFUSED
        except OutputRefused as error:
            print(f"evalir : {short_quotes(refused_output(error))}", file=sys.stderr)
            return EXIT_REFUSED
        except BrokenPipeError:
            return stopped_reader()
        except KeyboardInterrupt:
            print("evalir : interrompu.", file=sys.stderr)
            return 130
        except Exception:  # noqa: BLE001 - never a traceback for the user
            logging.getLogger("evalir").exception("Unexpected error in %s", argv)
            print(UNEXPECTED, file=sys.stderr)
            return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
