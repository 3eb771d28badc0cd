"""ruff (lint, complexity ≤ 15, format) is clean over the whole tree, as pyproject.toml sets it."""

import subprocess
import sys

from tests.packaging.conftest import ROOT


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "."], cwd=ROOT, capture_output=True, text=True
    )


def test_ruff_check_is_clean():
    result = ruff("check")
    assert result.returncode == 0, result.stdout[-4000:]


def test_ruff_format_is_clean():
    result = ruff("format", "--check")
    assert result.returncode == 0, result.stdout[-4000:]
