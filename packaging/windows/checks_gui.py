"""The window under Xvfb, and `--verifier-installation` on the bundle and on broken copies."""

import re
import shutil
import time
from pathlib import Path

from checklog import CheckLog
from wine_prefix import Wine

STARTED = "EVALIR Desktop .* starting"
PROBLEMS = re.compile(r" (ERROR|CRITICAL) |WARNING evalir:|Traceback")
# What a broken copy lacks, and the failure the self-check must report.
BROKEN_PARTS = [
    ("_internal/PySide6/translations/qtbase_fr.qm", "« Cancel » traduit par « Cancel »"),
    ("_internal/PySide6/plugins/imageformats/qjpeg.dll", "formats absents : jpeg"),
]


def log_file(wine: Wine) -> Path:
    return wine.user_dir / "AppData/Local/EVALIR/EVALIR Desktop/logs/evalir-desktop.log"


def log_lines(wine: Wine) -> list[str]:
    path = log_file(wine)
    return path.read_text(encoding="utf-8").splitlines() if path.is_file() else []


def starts(wine: Wine) -> int:
    return sum(bool(re.search(STARTED, line)) for line in log_lines(wine))


def start_window(
    log: CheckLog, wine: Wine, label: str, exe: str, *args: str, errno_fix=False, expected=None
):
    """Start the window; PASS once it has logged its start and is still up 3 s later.

    Its log lines must show no problem, but for the `expected` text.
    """
    before, seen = starts(wine), len(log_lines(wine))
    process = wine.start(exe, *args, errno_fix=errno_fix)
    deadline = time.monotonic() + 180
    while starts(wine) == before and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.5)
    time.sleep(3)
    up = starts(wine) > before and process.poll() is None
    problems = [
        line
        for line in log_lines(wine)[seen:]
        if PROBLEMS.search(line) and not (expected and expected in line)
    ]
    log.check(f"{label}: the window starts and stays up", up, f"exit code {process.poll()}")
    log.check(f"{label}: no error in the log", not problems, "\n".join(problems))
    return process


def first_start(log: CheckLog, wine: Wine, bundle: Path, cli: str, artifacts: Path) -> None:
    """No argument: the default file is created in the Windows Documents folder."""
    exe = wine.windows_path(bundle / "evalir-desktop.exe")
    process = start_window(log, wine, "bundle, first start", exe)
    default = wine.user_dir / "Documents/EVALIR/evaluations-ia.evalir"
    titles = wine.wait_for_window("evaluations-ia.evalir — EVALIR Desktop")
    log.check("bundle, first start: the window shows the default file", titles, "no such window")
    shot = artifacts / "premier-demarrage.png"
    log.check(f"bundle, first start: screenshot {shot.name}", wine.screenshot(shot))
    process.kill()
    process.wait(timeout=60)
    log.check(f"bundle, first start: {wine.windows_path(default)} created", default.is_file())
    checked = wine.run(cli, "check", wine.windows_path(default))
    log.check("bundle, first start: the default file passes evalir check", checked.returncode == 0)


def self_check(wine: Wine, exe: str) -> tuple[int, list[str]]:
    """Run `--verifier-installation`; its exit code and the lines it logged."""
    seen = len(log_lines(wine))
    result = wine.run(exe, "--verifier-installation", timeout=300)
    lines = [
        line.split("Self-check: ", 1)[1]
        for line in log_lines(wine)[seen:]
        if "Self-check: " in line
    ]
    return result.returncode, lines


def check_self_check(log: CheckLog, wine: Wine, label: str, exe: str) -> None:
    code, lines = self_check(wine, exe)
    log.check(
        f"{label}: --verifier-installation passes",
        code == 0 and lines[-1:] == ["Installation vérifiée."],
        f"exit code {code}: " + " | ".join(lines),
    )


def broken_copies(log: CheckLog, wine: Wine, bundle: Path) -> None:
    """A copy missing a translation, then an image plugin, must fail its self-check."""
    copy = wine.prefix / "drive_c/paquet abîmé/evalir-desktop"
    shutil.copytree(bundle, copy)
    exe = wine.windows_path(copy / "evalir-desktop.exe")
    for part, reason in BROKEN_PARTS:
        removed = copy / part
        aside = removed.with_name(removed.name + ".retiré")
        removed.rename(aside)
        code, lines = self_check(wine, exe)
        aside.rename(removed)
        log.check(
            f"broken copy without {Path(part).name}: --verifier-installation fails",
            code == 1 and f"ÉCHEC : {reason}" in lines and lines[-1].endswith("en échec."),
            f"exit code {code}: " + " | ".join(lines),
        )
    shutil.rmtree(copy.parent)
