"""A progress bar painted in a list cell: no widget per row, so long lists stay fast."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionProgressBar


class ProgressDelegate(QStyledItemDelegate):
    """Paints the cell's `Qt.UserRole` value (0 to 100) as a bar, with the cell's text
    (« 40 % ») on it; a cell without a value is painted as usual."""

    def paint(self, painter, option, index) -> None:
        value = index.data(Qt.UserRole)
        if value is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.minimum, bar.maximum, bar.progress = 0, 100, int(value)
        bar.text = index.data(Qt.DisplayRole) or f"{int(value)} %"
        bar.textVisible = True
        bar.textAlignment = Qt.AlignCenter
        bar.state = QStyle.State_Enabled | QStyle.State_Horizontal
        bar.palette = option.palette
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.CE_ProgressBar, bar, painter, option.widget)
