"""Dialogs of the main window: about, crash report, new assessment, trash."""
