"""Dates of application: in force or to anticipate, months left, said in French."""

from __future__ import annotations

from datetime import date

from evalir_desktop.french import NNBSP, french_date


def months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (0 when less than a month, or when `end` is past)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(0, months)


def months_text(months: int) -> str:
    """12 -> "dans 12 mois"; 0 -> "dans moins d'un mois"."""
    return "dans moins d'un mois" if months == 0 else f"dans {months} mois"


def status_text(applies_from: date, on: date) -> str:
    """ "En vigueur depuis le …" or "Applicable à partir du … : à anticiper (dans N mois)"."""
    if on >= applies_from:
        return f"En vigueur depuis le {french_date(applies_from)}"
    months = months_text(months_between(on, applies_from))
    return f"Applicable à partir du {french_date(applies_from)}{NNBSP}: à anticiper ({months})"


def final_limit_text(final_limit: date, final_limit_for: str) -> str:
    """The later compliance date for systems already in use, as one French sentence."""
    return (
        f"Au plus tard le {french_date(final_limit)} {final_limit_for}."
        if final_limit_for
        else f"Au plus tard le {french_date(final_limit)}."
    )


def short_status(applies_from: date, in_force: bool) -> str:
    """For tables and summaries: in force since…, or to anticipate, applicable from…"""
    if in_force:
        return f"En vigueur depuis le {french_date(applies_from)}"
    return f"À anticiper{NNBSP}: applicable à partir du {french_date(applies_from)}"
