"""The window under Xvfb, and `--verifier-installation` on the bundle and on broken copies."""

import re
import shutil
import time
from pathlib import Path

from checklog import CheckLog
from wine_prefix import Wine

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


def start_window(
    log: CheckLog, wine: Wine, label: str, command: list[str], title: str, **options
) -> None:
    """Start the window on `command`; PASS once `title` shows and it is up 3 s later.

    The title names the file once it is open. Options: `count`, the windows with that
    title expected then; `errno_fix` (see Wine.env); `expected`, a text its log may hold
    (otherwise no error, no warning of ours).
    """
    seen = len(log_lines(wine))
    process = wine.start(*command, errno_fix=options.get("errno_fix", False))
    titles = wine.wait_for_window(title, count=options.get("count", 1), timeout=180)
    time.sleep(3)
    log.check(
        f"{label}: the window starts on the file and stays up",
        len(titles) >= options.get("count", 1) and process.poll() is None,
        f"exit code {process.poll()}, windows {titles}",
    )
    expected = options.get("expected")
    problems = [
        line
        for line in log_lines(wine)[seen:]
        if PROBLEMS.search(line) and not (expected and expected in line)
    ]
    log.check(f"{label}: no error in the log", not problems, "\n".join(problems))


def first_start(log: CheckLog, wine: Wine, bundle: Path, cli: str, artifacts: Path) -> None:
    """No argument: the default file is created in the Windows Documents folder."""
    exe = wine.windows_path(bundle / "evalir-desktop.exe")
    title = "evaluations-ia.evalir — EVALIR Desktop"
    start_window(log, wine, "bundle, first start", [exe], title)
    default = wine.user_dir / "Documents/EVALIR/evaluations-ia.evalir"
    shot = artifacts / "premier-demarrage.png"
    log.check(f"bundle, first start: screenshot {shot.name}", wine.screenshot(shot))
    wine.stop_all()
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
