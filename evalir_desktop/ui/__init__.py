"""Qt widgets only: thin views over the store, content and assessment packages."""
