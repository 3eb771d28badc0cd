"""Tabs tall enough for an accented capital and a descender (« À venir », « Élus »)."""

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOptionTab, QTabBar

TALLEST_LETTERS = "ÀÂÉÈÊÎÔÛÇgjpqy"  # from the top of an accent to the bottom of a descender
HORIZONTAL_TABS = (
    QTabBar.RoundedNorth,
    QTabBar.RoundedSouth,
    QTabBar.TriangularNorth,
    QTabBar.TriangularSouth,
)


def tab_text_room(style: QStyle) -> int:
    """Height the style gives to the label of a tab that is not the current one."""
    bar = QTabBar()
    bar.setStyle(style)
    bar.addTab("Obligations")
    bar.addTab("À venir")
    option = QStyleOptionTab()
    bar.initStyleOption(option, 1)
    return style.subElementRect(QStyle.SE_TabBarTabText, option, bar).height()


def tallest_letters_height(metrics: QFontMetrics) -> int:
    return metrics.boundingRect(TALLEST_LETTERS).height()


class RoomForAccents(QProxyStyle):
    """The platform's style, with horizontal tabs `extra` pixels taller."""

    def __init__(self, base: str, extra: int):
        super().__init__(base)
        self.extra = extra

    def sizeFromContents(self, kind, option, size, widget=None):
        result = super().sizeFromContents(kind, option, size, widget)
        if kind == QStyle.CT_TabBarTab and option.shape in HORIZONTAL_TABS:
            result.setHeight(result.height() + self.extra)
        return result


def make_room_for_accents(app: QApplication) -> None:
    """Make tabs taller where the style's label area would clip accents.

    Fusion, Qt's style on Linux, gives the label of a tab that is not the current one
    less than the font's height: with DejaVu Sans at 9 pt the accent of « À » is cut off
    and « À venir » reads « A venir ». Nothing changes where the labels fit.
    """
    missing = tallest_letters_height(QFontMetrics(app.font())) - tab_text_room(app.style())
    if missing > 0:
        app.setStyle(RoomForAccents(app.style().name(), missing + missing % 2))
