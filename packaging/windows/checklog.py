"""The log of a Windows check run: one PASS or FAIL line per check, and timed steps."""

import sys
import time
from contextlib import contextmanager


class Unreachable(Exception):
    """A dependency of the Windows chain could not be downloaded or installed today."""


class StepFailed(Exception):
    """A step failed so that the checks after it cannot run."""


class CheckLog:
    """Collect the results; the run fails when one check fails."""

    def __init__(self, out=sys.stdout):
        self.out = out
        self.passed: list[str] = []
        self.failed: list[str] = []
        self.durations: dict[str, float] = {}  # seconds, by group of steps
        self.figures: dict[str, str] = {}

    def say(self, line: str) -> None:
        print(line, file=self.out, flush=True)

    def check(self, name: str, condition: object, detail: str = "") -> bool:
        """Record one check; `detail` says what was seen when it fails."""
        if condition:
            self.passed.append(name)
            self.say(f"PASS: {name}")
        else:
            self.failed.append(name)
            self.say(f"FAIL: {name}" + (f" -- {detail}" if detail else ""))
        return bool(condition)

    def require(self, name: str, condition: object, detail: str = "") -> None:
        """A check that the next steps need: stop the run when it fails."""
        if not self.check(name, condition, detail):
            raise StepFailed(name)

    def figure(self, name: str, value: str) -> None:
        self.figures[name] = value
        self.say(f"FIGURE: {name}: {value}")

    @contextmanager
    def step(self, name: str, group: str):
        """A timed step; its time adds to the `group`'s (in French, for RESULTS.md)."""
        self.say(f"== {name}")
        start = time.monotonic()
        try:
            yield
        finally:
            seconds = time.monotonic() - start
            self.durations[group] = self.durations.get(group, 0.0) + seconds
            self.say(f"   ({seconds:.0f} s)")
