"""argparse speaking French: its own messages (usage, help, errors) translated.

argparse looks its messages up through a module-level gettext function; we give it
a small French catalogue instead of shipping a compiled .mo file for one module.
"""

import argparse
import sys

EXIT_REFUSED = 2  # a usage error, as for the `evalir` command's refused input
VERSION_HELP = "afficher la version du programme et quitter"
FRENCH = {
    "usage: ": "utilisation : ",
    # argparse writes "<heading>:"; the narrow no-break space gives « options : »
    "options": "options\u202f",
    "optional arguments": "options\u202f",
    "positional arguments": "arguments\u202f",
    "ignored explicit argument %r": "valeur en trop : %r",
    "unexpected option string: %s": "option inattendue : %s",
    "can't open '%(filename)s': %(error)s": "impossible d'ouvrir « %(filename)s » : %(error)s",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": VERSION_HELP,
    "the following arguments are required: %s": "ces éléments sont obligatoires : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix inconnu : %(value)r (choix possibles : %(choices)s)"
    ),
    "unrecognized arguments: %s": "éléments non reconnus : %s",
    "expected one argument": "une valeur est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "expected at most one argument": "au plus une valeur est attendue",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s : %(message)s",
    "invalid %(type)s value: %(value)r": "valeur incorrecte (%(type)s) : %(value)r",
    "not allowed with argument %s": "impossible avec %s",
    "one of the arguments %s is required": "l'un de ces éléments est obligatoire : %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "commande inconnue %(parser_name)r (choix possibles : %(choices)s)"
    ),
}


def french(message: str) -> str:
    return FRENCH.get(message, message)


PLURALS = {
    "expected %s argument": ("%s valeur attendue", "%s valeurs attendues"),
    "conflicting option string: %s": ("option en double : %s", "options en double : %s"),
}


def french_plural(singular: str, plural: str, count: int) -> str:
    forms = PLURALS.get(singular)
    if forms is None:
        return singular if count == 1 else plural
    return forms[0] if count in (0, 1) else forms[1]


argparse._ = french  # argparse reads this module global at each message
argparse.ngettext = french_plural


class FrenchArgumentParser(argparse.ArgumentParser):
    """argparse with its usage errors reported in French and exit code 2."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_REFUSED, f"{self.prog} : commande incorrecte ({message}).\n")
