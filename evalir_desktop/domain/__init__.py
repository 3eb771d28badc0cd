"""What the program knows, whatever keeps it: the town, answers, the records of a file and
their French labels, annexes and the rules of attachments, the origin of a reused answer.

No Qt, no SQL: `store/` reads and writes these records, every other layer reads them from
here (see the import-layer test in tests/test_architecture.py)."""
