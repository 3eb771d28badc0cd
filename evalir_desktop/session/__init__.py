"""Working on one stored assessment (no Qt): its session, steps, start, plan and versions."""
