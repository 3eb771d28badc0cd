"""How much of the summary fits on two pages: everything, unless the pages are really full.

Binding obligations are always listed. When everything does not fit, the points of
vigilance are cut first (the least urgent go), then the non-binding points of the law;
the summary then says where the others are. Each try lays the summary out as the PDF does.
"""

from collections.abc import Callable

from evalir_desktop.content.models import is_binding
from evalir_desktop.report.data import ReportData
from evalir_desktop.report.document import page_count
from evalir_desktop.report.summary import EVERYTHING, SummaryLimits, summary_flowables

PAGES = 2


def summary_pages(data: ReportData, limits: SummaryLimits, title: str) -> int:
    from evalir_desktop.report.pdf_writer import story

    return page_count(story(summary_flowables(data, title, limits)))


def largest_fitting(count: int, fits: Callable[[int], bool]) -> int:
    """The largest n in 0..count with fits(n), for a `fits` true up to some n then false
    (0 when even nothing more fits)."""
    low, high = 0, count
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return low


def fitted_limits(data: ReportData, title: str = "Synthèse pour les élus") -> SummaryLimits:
    """The limits that keep the summary on two pages while cutting as little as possible."""
    if summary_pages(data, EVERYTHING, title) <= PAGES:
        return EVERYTHING
    ev = data.evaluation
    recommendations = len(ev.recommendations)
    vigilance = largest_fitting(
        recommendations,
        lambda n: summary_pages(data, SummaryLimits(None, n), title) <= PAGES,
    )
    if vigilance or summary_pages(data, SummaryLimits(None, 0), title) <= PAGES:
        return SummaryLimits(None, vigilance)
    others = sum(1 for ob in ev.obligations if not is_binding(ob.level))
    kept = largest_fitting(
        others, lambda n: summary_pages(data, SummaryLimits(n, 0), title) <= PAGES
    )
    return SummaryLimits(kept, 0)
