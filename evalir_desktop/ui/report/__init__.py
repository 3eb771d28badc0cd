"""The report window: preview, print, save, exports; and the « Rapport » menu."""
