"""Build the Linux bundle with packaging/build.sh and smoke-test it (about a minute).

Set EVALIR_SKIP_BUNDLE=1 to skip it locally; CI never sets it, so CI always proves the
bundle builds and works.
"""

import os
import re
import subprocess
import sys

import pytest

from tests.packaging.conftest import PACKAGING, ROOT

pytestmark = pytest.mark.slow  # the quick run is `pytest -m "not slow"`; CI runs all

MAX_BUNDLE_BYTES = 150_000_000


@pytest.mark.skipif(
    os.environ.get("EVALIR_SKIP_BUNDLE") == "1", reason="EVALIR_SKIP_BUNDLE=1 is set"
)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="build.sh builds on Linux")
def test_bundle_builds_and_passes_its_smoke_tests():
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is missing: pip install -e '.[test]' installs it")
    env = dict(os.environ, PYTHON=sys.executable)
    result = subprocess.run(
        ["bash", str(PACKAGING / "build.sh")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    assert "== all smoke tests passed" in result.stdout
    size = int(re.search(r"^bundle size: (\d+) bytes", result.stdout, re.M).group(1))
    assert size <= MAX_BUNDLE_BYTES, f"bundle is {size / 1e6:.1f} MB"
