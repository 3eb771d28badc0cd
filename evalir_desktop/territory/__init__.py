"""territory package."""
