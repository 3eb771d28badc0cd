"""Shared product dossiers: the answers that describe a tool, carried from town to town."""
