"""A small radar chart of axis maturities (0–100), drawn with QPainter."""

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

RINGS = (25, 50, 75, 100)


class RadarChart(QWidget):
    """Draws one spoke per axis; an axis without score is drawn at 0 with « ? »."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.scores: list[tuple[str, float | None]] = []
        self.setMinimumSize(QSize(320, 280))
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.setAccessibleName(self.tr("Graphique radar de la maturité par axe"))

    def set_scores(self, scores: list[tuple[str, float | None]]) -> None:
        self.scores = scores
        described = "; ".join(
            f"{label} : {'non évalué' if score is None else f'{score:.0f} sur 100'}"
            for label, score in scores
        )
        self.setAccessibleDescription(described)
        self.setToolTip(described.replace("; ", "\n"))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(460, 360)

    def heightForWidth(self, width: int) -> int:
        return int(width * 0.75)

    def point(self, center: QPointF, radius: float, index: int, value: float) -> QPointF:
        angle = -math.pi / 2 + 2 * math.pi * index / max(1, len(self.scores))
        r = radius * value / 100
        return QPointF(center.x() + r * math.cos(angle), center.y() + r * math.sin(angle))

    def paintEvent(self, _event) -> None:
        if len(self.scores) < 3:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        metrics = painter.fontMetrics()
        label_width = max(metrics.horizontalAdvance(label) for label, _ in self.scores)
        margin = min(label_width + 12, self.width() / 4)
        radius = max(
            20.0, min(self.width() / 2 - margin, self.height() / 2 - 2.2 * metrics.height())
        )
        center = QPointF(self.width() / 2, self.height() / 2)
        grid = QPen(QColor("#9aa5b1"), 1)
        painter.setPen(grid)
        count = len(self.scores)
        for ring in RINGS:
            painter.drawPolygon(
                QPolygonF([self.point(center, radius, i, ring) for i in range(count)])
            )
        for index in range(count):
            painter.drawLine(center, self.point(center, radius, index, 100))
        shape = QPolygonF(
            [self.point(center, radius, i, score or 0) for i, (_, score) in enumerate(self.scores)]
        )
        painter.setPen(QPen(QColor("#1f4e8c"), 2))
        painter.setBrush(QColor(31, 78, 140, 70))
        painter.drawPolygon(shape)
        painter.setPen(QColor("#1b1b1b"))
        for index, (label, score) in enumerate(self.scores):
            text = f"{label} ({'?' if score is None else f'{score:.0f}'})"
            anchor = self.point(center, radius + 8, index, 100)
            width = metrics.horizontalAdvance(text)
            x = anchor.x() - width / 2
            if anchor.x() > center.x() + 5:
                x = anchor.x()
            elif anchor.x() < center.x() - 5:
                x = anchor.x() - width
            y = anchor.y() - metrics.height() / 2
            if anchor.y() < center.y() - radius * 0.9:
                y -= metrics.height() / 2
            box = QRectF(x, y, width, metrics.height())
            painter.drawText(box, Qt.AlignCenter, text)
        painter.end()
