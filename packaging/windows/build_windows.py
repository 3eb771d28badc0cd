"""Inside the prefix: Windows CPython, the wheels, the project, the bundle, the installers."""

import shutil
import subprocess
import zipfile
from pathlib import Path

from checklog import StepFailed
from wine_prefix import Wine

STAND_INS = Path(__file__).resolve().parent / "standins"
# Where Wine 8.0 cannot expand {autopf} for a per-user install; Windows can (it is
# %LOCALAPPDATA%\Programs there too). Only the installer tested under Wine uses it.
WINE_INSTALL_ROOT = "{localappdata}\\Programs"


def output(result: subprocess.CompletedProcess) -> str:
    return (result.stdout + result.stderr).decode("utf-8", "replace")


def build_stand_ins(folder: Path) -> list[Path]:
    """Compile the test-only DLLs that stand in for what Wine 8.0 lacks (never shipped)."""
    folder.mkdir(parents=True, exist_ok=True)
    dlls = []
    for source in sorted(STAND_INS.glob("*.c")):
        dll = folder / f"{source.stem}.dll"
        command = ["x86_64-w64-mingw32-gcc", "-O2", "-Wall", "-Werror", "-shared", "-o", str(dll)]
        result = subprocess.run(
            [*command, str(source), str(source.with_suffix(".def"))],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise StepFailed(f"stand-in {source.name} does not compile: {result.stderr}")
        dlls.append(dll)
    return dlls


def install_python(wine: Wine, embedded: Path, pip_wheel: Path) -> str:
    """Copy the embeddable CPython into C:\\Python311 with `site` and pip; python.exe's path."""
    target = wine.prefix / "drive_c/Python311"
    shutil.copytree(embedded, target)
    pth = target / "python311._pth"
    pth.write_text(pth.read_text().replace("#import site", "import site"))
    with zipfile.ZipFile(pip_wheel) as wheel:
        wheel.extractall(target / "Lib/site-packages")
    return "C:\\Python311\\python.exe"


def pip_install(wine: Wine, python: str, wheels: Path, *arguments: str) -> None:
    result = wine.run(
        python,
        "-m",
        "pip",
        "install",
        "--no-index",
        "--find-links",
        f"Z:{wheels}",
        "--no-warn-script-location",
        *arguments,
        timeout=1800,
    )
    if result.returncode != 0:
        raise StepFailed("pip install " + " ".join(arguments) + ":\n" + output(result)[-3000:])


def copy_source(root: Path, target: Path) -> None:
    """The project's files as git sees them (committed or not, ignored ones left out)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = root / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def build_bundle(wine: Wine, python: str, source: Path) -> Path:
    """Run PyInstaller on packaging/evalir.spec in the source copy; the bundle folder."""
    result = wine.run(
        python,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        wine.windows_path(source / "dist"),
        "--workpath",
        wine.windows_path(source / "build"),
        "packaging\\evalir.spec",
        cwd=source,
        timeout=2400,
    )
    bundle = source / "dist/evalir-desktop"
    if result.returncode != 0 or not (bundle / "evalir-desktop.exe").is_file():
        raise StepFailed("PyInstaller failed:\n" + output(result)[-4000:])
    return bundle


def compile_installer(wine: Wine, iscc: Path, source: Path, for_wine: bool = False) -> Path:
    """Compile packaging/evalir.iss, or its copy for Wine; the installer's path."""
    script = source / "packaging/evalir.iss"
    arguments = ["/Q"]
    if for_wine:
        text = script.read_text(encoding="utf-8-sig")
        if "DefaultDirName={autopf}\\" not in text:
            raise StepFailed("evalir.iss: DefaultDirName no longer starts with {autopf}")
        script = script.with_name("evalir-wine.iss")
        text = text.replace("DefaultDirName={autopf}\\", f"DefaultDirName={WINE_INSTALL_ROOT}\\")
        script.write_text(text, encoding="utf-8-sig")
        arguments.append("/Fevalir-desktop-installation-wine")
    before = set((source / "dist").glob("*.exe"))
    result = wine.run(f"Z:{iscc}", *arguments, wine.windows_path(script), timeout=1800)
    made = set((source / "dist").glob("*.exe")) - before
    if result.returncode != 0 or len(made) != 1:
        raise StepFailed(f"ISCC {script.name} failed:\n" + output(result)[-4000:])
    return made.pop()


def versions(wine: Wine, python: str) -> str:
    """The versions the bundle is built with, as the Windows CPython reports them."""
    script = (
        "import platform, PySide6, PyInstaller; print(f'CPython {platform.python_version()} "
        "pour Windows, PySide6 {PySide6.__version__}, PyInstaller {PyInstaller.__version__}')"
    )
    result = wine.run(python, "-c", script, timeout=300)
    if result.returncode != 0:
        raise StepFailed("the Windows CPython cannot import PySide6:\n" + output(result))
    return result.stdout.decode().strip()


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and number of files under `folder`."""
    files = [path for path in folder.rglob("*") if path.is_file()]
    return sum(path.stat().st_size for path in files), len(files)
