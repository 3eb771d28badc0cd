"""The Aide menu: user guide, example assessment, keyboard shortcuts, problem report."""
