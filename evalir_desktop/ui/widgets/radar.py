"""The radar chart of axis maturities (0–100) on screen: the printed report's chart, as SVG."""

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QSizePolicy, QWidget

from evalir_desktop.french import spaced


class RadarChart(QSvgWidget):
    """One spoke per axis, each labelled with its score (« non évalué » without answer).

    The drawing is `evalir_desktop.report.radar`'s, so the screen and the paper agree;
    reportlab is imported the first time a chart is shown, not at start-up.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.scores: list[tuple[str, float | None]] = []
        self.setMinimumSize(QSize(320, 230))
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.setAccessibleName(self.tr("Graphique radar de la maturité par axe"))
        self.renderer().setAspectRatioMode(Qt.KeepAspectRatio)
        palette = self.palette()
        palette.setColor(QPalette.Window, QColor("white"))  # black ink, as on paper
        self.setPalette(palette)
        self.setAutoFillBackground(True)

    def set_scores(self, scores: list[tuple[str, float | None]]) -> None:
        from evalir_desktop.report.radar import radar_svg

        self.scores = scores
        lines = [
            spaced(
                self.tr("%s : non évalué") % label
                if score is None
                else self.tr("%s : %s sur 100") % (label, f"{score:.0f}")
            )
            for label, score in scores
        ]
        self.setAccessibleDescription(spaced(" ; ".join(lines)))
        self.setToolTip("\n".join(lines))
        self.load(QByteArray(radar_svg(list(scores))))
        self.renderer().setAspectRatioMode(Qt.KeepAspectRatio)

    def sizeHint(self) -> QSize:
        return QSize(520, 360)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(width * 11 / 16)
