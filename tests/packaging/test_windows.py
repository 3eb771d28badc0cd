"""Build the Windows bundle and installer under Wine and check them (5 to 10 minutes).

packaging/windows/wine_check.py does the work and prints one PASS or FAIL line per
check; the test shows those lines in the run's output and keeps the whole log, the
screenshots and the installer in build/windows/. It is skipped, with the reason, only
when a dependency of the Windows chain cannot be reached today (apt, npm, PyPI), or when
EVALIR_SKIP_WINDOWS=1 is set locally (CI never sets it).
"""

import importlib
import os
import re
import subprocess
import sys
import threading

import pytest
from packaging.requirements import Requirement

from tests.packaging.conftest import PACKAGING, ROOT

pytestmark = pytest.mark.slow  # the quick run is `pytest -m "not slow"`; CI runs all

SCRIPT = PACKAGING / "windows" / "wine_check.py"
ARTIFACTS = ROOT / "build" / "windows"
EXIT_UNREACHABLE = 77
TIMEOUT = 70 * 60  # CI's whole run has 90 minutes
MAX_BUNDLE_BYTES = 100_000_000
SHOWN = ("PASS: ", "FAIL: ", "SKIP: ", "FIGURE: ", "== ")


def windows_module(name: str):
    """A module of packaging/windows/, which its script imports by plain name."""
    if str(SCRIPT.parent) not in sys.path:
        sys.path.insert(0, str(SCRIPT.parent))
    return importlib.import_module(name)


def test_windows_wheels_are_pyside6_611_with_qtpdf_from_addons():
    """Windows CPython 3.11 must not get PySide6 6.12 (its reference-count bug on 3.11)."""
    provision = windows_module("provision")
    wanted = {
        Requirement(line).name: Requirement(line) for line in provision.windows_requirements(ROOT)
    }
    assert "PySide6-Pdf" not in wanted
    assert not wanted["PySide6-Essentials"].specifier.contains("6.12.0")
    assert wanted["PySide6-Addons"].specifier.contains("6.11.3")
    assert {"pyinstaller", "pefile", "pywin32-ctypes", "colorama"} <= set(wanted)


def test_a_registry_that_cannot_be_reached_skips_the_check_a_real_failure_fails_it():
    provision, checklog = windows_module("provision"), windows_module("checklog")
    failing, working = [sys.executable, "-c", "exit(3)"], [sys.executable, "-c", "exit(0)"]
    with pytest.raises(checklog.Unreachable, match="npm install failed"):
        provision.run_or_unreachable("npm install", failing, probe=failing)
    with pytest.raises(checklog.StepFailed, match="npm install failed"):
        provision.run_or_unreachable("npm install", failing, probe=working)


@pytest.mark.skipif(
    os.environ.get("EVALIR_SKIP_WINDOWS") == "1", reason="EVALIR_SKIP_WINDOWS=1 is set"
)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Wine check runs on Linux")
def test_windows_bundle_and_installer_under_wine(capsys):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        [sys.executable, str(SCRIPT), "--artifacts", str(ARTIFACTS)],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    watchdog = threading.Timer(TIMEOUT, process.kill)
    watchdog.start()
    lines = []
    with capsys.disabled():
        print(f"\nWindows check under Wine ({SCRIPT.relative_to(ROOT)}):", flush=True)
        for line in process.stdout:
            lines.append(line)
            if line.startswith(SHOWN):
                print("  " + line, end="", flush=True)
    code = process.wait()
    watchdog.cancel()
    output = "".join(lines)
    (ARTIFACTS / "wine-check.log").write_text(output, encoding="utf-8")
    if code == EXIT_UNREACHABLE:
        pytest.skip(next(line for line in lines if line.startswith("SKIP: ")).strip())
    failures = [line for line in lines if line.startswith("FAIL: ")]
    assert code == 0, "".join(failures) or output[-6000:]
    assert not failures and "PASS: " in output
    size = int(re.search(r"^FIGURE: bundle: (\d+) bytes", output, re.M).group(1))
    assert size <= MAX_BUNDLE_BYTES, f"Windows bundle is {size / 1e6:.1f} MB"
