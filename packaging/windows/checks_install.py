"""Silent per-user install, the `.evalir` association, the lock, then silent uninstall."""

import json
import re
import time
from pathlib import Path

from checklog import CheckLog, StepFailed
from checks_gui import check_self_check, log_lines, start_window
from wine_prefix import Wine

PROG_ID = "EVALIR.Fichier"
APP_ID = "{39EEEE9D-E3F4-4D55-B6F2-3B7049FADAAA}_is1"
CLASSES = "Software\\Classes"
UNINSTALL = "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall"
SETTINGS = "HKCU\\Software\\EVALIR"
UNLOCKED = "Cannot lock"  # what lock.py logs when locking fails unexpectedly


class Installed:
    """Where the installed program and its traces are, for the prefix's user."""

    def __init__(self, wine: Wine):
        self.wine = wine
        self.folder = wine.user_dir / "AppData/Local/Programs/EVALIR Desktop"
        self.gui = wine.windows_path(self.folder / "evalir-desktop.exe")
        self.shortcut = (
            wine.user_dir
            / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs/EVALIR Desktop.lnk"
        )

    def keys(self, root: str) -> dict[str, str | None]:
        return {
            name: self.wine.reg_query(f"{root}\\{name}")
            for name in (f"{CLASSES}\\.evalir", f"{CLASSES}\\{PROG_ID}", f"{UNINSTALL}\\{APP_ID}")
        }


def install(log: CheckLog, wine: Wine, installer: Path) -> Installed:
    installed = Installed(wine)
    setup_log = wine.prefix / "drive_c/installation.log"
    result = wine.run(
        wine.windows_path(installer),
        "/VERYSILENT",
        "/SUPPRESSMSGBOXES",
        "/CURRENTUSER",
        "/NORESTART",
        f"/LOG={wine.windows_path(setup_log)}",
        timeout=600,
    )
    text = (
        setup_log.read_text(encoding="utf-8-sig", errors="replace") if setup_log.is_file() else ""
    )
    log.require("silent install succeeds", result.returncode == 0, text[-2000:])
    log.check("install: no administrative mode", "Administrative install mode: No" in text)
    log.check(
        "install: files under the user's programs folder (%LOCALAPPDATA%\\Programs)",
        (installed.folder / "evalir-desktop.exe").is_file()
        and (installed.folder / "evalir.exe").is_file()
        and (installed.folder / "_internal/base_library.zip").is_file(),
    )
    user_keys, machine_keys = installed.keys("HKCU"), installed.keys("HKLM")
    log.check(
        "install: .evalir association and uninstall entry under HKCU",
        all(user_keys.values()),
        ", ".join(name for name, value in user_keys.items() if not value),
    )
    log.check("install: nothing under HKLM", not any(machine_keys.values()))
    association = user_keys[f"{CLASSES}\\.evalir"] or ""
    log.check(f"install: .evalir opens with {PROG_ID}", f"REG_SZ    {PROG_ID}" in association)
    log.check("install: Start-menu shortcut", installed.shortcut.is_file())
    check_self_check(log, wine, "installed program", installed.gui)
    return installed


def open_command(wine: Wine) -> list[str]:
    """The registered `open` command of the ProgID, split at its quotes as Windows does."""
    text = wine.reg_query(f"HKCU\\{CLASSES}\\{PROG_ID}\\shell\\open\\command") or ""
    line = next((line for line in text.splitlines() if "REG_SZ" in line), "")
    command = line.split("REG_SZ", 1)[-1].strip()
    return [quoted or bare for quoted, bare in re.findall(r'"([^"]*)"|(\S+)', command)]


def lock_owner(evalir_file: Path) -> dict:
    lock = evalir_file.with_name(f"~{evalir_file.name}.lock")
    try:
        return json.loads(lock.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def open_and_lock(log: CheckLog, wine: Wine, evalir_file: Path, artifacts: Path) -> None:
    """Double-click, as Wine cannot: run the registered command; then a second instance.

    Double-clicking cannot be tested (Wine ignores per-user associations). The second
    instance runs with the test-only errno fix (standins/version.c).
    """
    command = open_command(wine)
    path = wine.windows_path(evalir_file)
    log.require(
        "association: the registered command names the installed program and %1",
        command[-1:] == ["%1"] and command[0].endswith("evalir-desktop.exe"),
        repr(command),
    )
    opened = [part.replace("%1", path) for part in command]
    title = f"{evalir_file.name} — EVALIR Desktop"
    start_window(log, wine, "opened through the registered command", opened, title)
    holder = lock_owner(evalir_file)
    log.check("association: the file is opened for writing (lock taken)", holder.get("pid"))

    seen = len(log_lines(wine))
    start_window(log, wine, "second instance", opened, title, count=2, errno_fix=True)
    log.check(
        "second instance: read-only (the lock stays with the first)",
        lock_owner(evalir_file) == holder and holder,
        f"lock now {lock_owner(evalir_file)}, was {holder}",
    )
    unexpected = [line for line in log_lines(wine)[seen:] if UNLOCKED in line]
    log.check("second instance: no unexpected locking error", not unexpected, "\n".join(unexpected))
    shot = artifacts / "deuxieme-fenetre-lecture-seule.png"
    log.check(f"second instance: screenshot {shot.name}", wine.screenshot(shot))

    seen = len(log_lines(wine))
    label = "third instance, without the errno fix"
    start_window(log, wine, label, opened, title, count=3, expected=UNLOCKED)
    logged = [line for line in log_lines(wine)[seen:] if UNLOCKED in line]
    log.check(
        "without the errno fix (Wine's errno 0), the unexpected locking error is logged",
        logged,
        "no « Cannot lock » line in the log",
    )
    wine.stop_all()


def uninstall(log: CheckLog, wine: Wine, installed: Installed, kept: list[Path]) -> None:
    """Silent uninstall removes program, keys and shortcut, keeps the user's files."""
    settings_before = wine.reg_query(SETTINGS)
    log.check("before uninstall: the program saved its settings (HKCU)", settings_before)
    uninstaller = wine.windows_path(installed.folder / "unins000.exe")
    result = wine.run(uninstaller, "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", timeout=600)
    deadline = time.monotonic() + 180  # the uninstaller goes on in a copy of itself
    while installed.folder.exists() and time.monotonic() < deadline:
        time.sleep(1)
    wine.stop_all()
    if result.returncode != 0:
        raise StepFailed(f"uninstaller exit code {result.returncode}")
    log.check("uninstall: the program folder is gone", not installed.folder.exists())
    remaining = {name: value for name, value in installed.keys("HKCU").items() if value}
    log.check("uninstall: association and uninstall keys are gone", not remaining, repr(remaining))
    log.check("uninstall: the Start-menu shortcut is gone", not installed.shortcut.exists())
    log.check(
        "uninstall: the user's .evalir files are kept",
        all(path.is_file() for path in kept),
        ", ".join(str(path) for path in kept if not path.is_file()),
    )
    log.check("uninstall: the settings are kept", wine.reg_query(SETTINGS) == settings_before)
    log.check("uninstall: the logs are kept", log_lines(wine))
