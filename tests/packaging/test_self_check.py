"""`evalir-desktop --verifier-installation` and the checks it runs."""

import os
import subprocess
import sys

from PySide6.QtCore import qWarning
from PySide6.QtPdf import QPdfDocument

from evalir_desktop.ui import self_check


def test_print_to_pdf_then_preview(qapp, tmp_path):
    assert self_check.check_print_and_preview(tmp_path) == "impression en PDF et aperçu"
    document = QPdfDocument()
    document.load(str(tmp_path / "epreuve.pdf"))
    assert "EVALIR" in document.getAllText(0).text()


def test_a_failed_check_is_reported_in_french_and_fails_the_run(qapp, monkeypatch):
    monkeypatch.setattr(self_check, "IMAGE_FORMATS", {"png", "format-inconnu"})
    lines = []
    assert self_check.run_self_check(say=lines.append) == 1
    assert "ÉCHEC : formats absents : format-inconnu" in lines
    assert lines[-1].endswith("vérifications en échec.")


def test_a_qt_warning_during_a_check_fails_it(qapp, monkeypatch):
    """A missing plugin or file often shows only as a Qt warning."""

    def warns() -> str:
        qWarning("Cannot load library qsvgicon.dll")
        return "contenu d'évaluation"

    monkeypatch.setattr(self_check, "check_content", warns)
    lines = []
    assert self_check.run_self_check(say=lines.append) == 1
    assert (
        "ÉCHEC : contenu d'évaluation : message de Qt : Cannot load library qsvgicon.dll" in lines
    )


def test_checks_still_fail_when_asserts_are_stripped(tmp_path):
    """Bundles are built with optimize=1, which strips `assert` statements."""
    script = (
        "from PySide6.QtWidgets import QApplication\n"
        "from evalir_desktop.ui import self_check\n"
        "app = QApplication([])\n"
        "self_check.IMAGE_FORMATS = {'format-inconnu'}\n"
        "raise SystemExit(self_check.run_self_check())\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-O", "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "ÉCHEC : formats absents : format-inconnu" in result.stdout


def test_command_line_option_checks_the_installation(tmp_path):
    env = dict(os.environ, HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "evalir_desktop", "--verifier-installation"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "Installation vérifiée."
    assert all(line.startswith("ok : ") for line in lines[:-1]) and len(lines) == 7
