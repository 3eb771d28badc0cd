"""Exit codes and the error a command raises for refused input."""

EXIT_OK = 0
EXIT_REFUSED = 2
EXIT_BROKEN_PIPE = 141  # what a shell reports for a program stopped by SIGPIPE


class UserError(Exception):
    """Refused input: the message is French and says what to do."""
