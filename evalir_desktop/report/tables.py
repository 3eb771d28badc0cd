"""CSV writing for French spreadsheets: through the one spreadsheet writer (`spreadsheet`)."""

from evalir_desktop.spreadsheet import csv_bytes

__all__ = ["csv_bytes"]
