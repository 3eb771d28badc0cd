"""`evalir-desktop` with no argument starts, creates its default file and stays up."""

import os
import subprocess
import sys
import time


def test_starts_on_default_file_without_error_output(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("XDG_DOCUMENTS_DIR", None)
    env["XDG_CONFIG_HOME"] = str(tmp_path / ".config")
    env["XDG_DATA_HOME"] = str(tmp_path / ".local" / "share")
    process = subprocess.Popen(
        [sys.executable, "-m", "evalir_desktop"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    default = tmp_path / "Documents" / "EVALIR" / "evaluations-ia.evalir"
    deadline = time.monotonic() + 20
    while not default.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.5)
    still_running = process.poll() is None
    process.terminate()
    out, err = process.communicate(timeout=10)
    assert still_running, err
    assert default.exists()
    assert err == ""
