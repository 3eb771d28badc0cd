"""Logic behind the guided assessment screens (no Qt): steps, starting, plan, versions."""
