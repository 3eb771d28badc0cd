"""Sub-commands on a town file: init, check, info."""


def register(subparsers) -> None:
    """Filled in by the Foundation work."""
