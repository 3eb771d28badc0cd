"""Real small and read-only disks for the tests (a tmpfs mounted in the test's folder).

Mounting needs root on Linux: elsewhere the tests that need a medium are skipped with
the reason.
"""

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["mount", *args], capture_output=True, text=True)


@contextmanager
def small_disk(folder: Path, kilobytes: int = 512) -> Iterator[Path]:
    """A real file system of `kilobytes` at `folder`, unmounted afterwards."""
    if sys.platform != "linux":
        pytest.skip("a small test disk is a Linux tmpfs")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        mounted = _mount("-t", "tmpfs", "-o", f"size={kilobytes}k", "evalir-test", str(folder))
    except FileNotFoundError:
        pytest.skip("no mount command to make a small test disk")
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small test disk here (needs root): {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def make_readonly(folder: Path) -> None:
    """Remount a `small_disk` read-only, as a CD or a write-protected key."""
    result = _mount("-o", "remount,ro", str(folder))
    assert result.returncode == 0, result.stderr


def fill(folder: Path) -> None:
    """Fill the disk at `folder` to the last byte."""
    with open(folder / "remplissage.bin", "wb", buffering=0) as handle:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError:
                continue
