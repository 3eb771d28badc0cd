"""The intercommunality's territory window: import town files, see the territory."""
