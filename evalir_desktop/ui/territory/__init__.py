"""The intercommunality's territory window: import town files, see the territory."""

from evalir_desktop.ui.territory.window import TerritoryWindow

__all__ = ["TerritoryWindow"]
