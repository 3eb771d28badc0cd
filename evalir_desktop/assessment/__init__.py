"""assessment package."""
