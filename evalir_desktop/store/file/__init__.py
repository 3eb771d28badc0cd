"""The file itself: opening and inspection, the lock, atomic writes and snapshots, the
transaction helper, the schema and its migrations, the journal of changes."""
