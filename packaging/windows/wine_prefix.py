"""A throw-away Wine prefix with a virtual screen: run Windows programs, read the registry."""

import os
import shutil
import subprocess
import time
from pathlib import Path, PureWindowsPath

# Without these, a crash waits in Wine's debugger and Wine offers to install Mono and Gecko.
QUIET_OVERRIDES = "mscoree,mshtml=;winedbg.exe=d;winemenubuilder.exe=d"
# Test-only version.dll (standins/version.c) that restores the Windows errno of _locking.
ERRNO_FIX = "version=n,b"
USER_FOLDERS = ("Desktop", "Documents", "Downloads", "Music", "Pictures", "Videos", "Templates")


class WineError(Exception):
    """A Windows program could not be run or timed out."""


class Wine:
    """One prefix inside `work`, its own home, and an Xvfb display."""

    def __init__(self, work: Path):
        self.work = work
        self.prefix = work / "prefix"
        self.home = work / "home"
        self.display = None
        self._xvfb = None
        self._programs: list[subprocess.Popen] = []

    # -- environment -------------------------------------------------------------------

    def env(self, errno_fix: bool = False, **extra: str) -> dict:
        overrides = f"{ERRNO_FIX};{QUIET_OVERRIDES}" if errno_fix else QUIET_OVERRIDES
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PYTHON", "QT_", "WINE", "XDG_", "DISPLAY", "LC_"))
        }
        env.update(
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_DATA_HOME=str(self.home / ".local/share"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
            WINEPREFIX=str(self.prefix),
            WINEARCH="win64",
            WINEDEBUG="-all",
            WINEDLLOVERRIDES=overrides,
            LANG="C.UTF-8",  # Wine turns arguments and paths into UTF-16 from UTF-8
        )
        if self.display:
            env["DISPLAY"] = self.display
        env.update(extra)
        return env

    @property
    def user(self) -> str:
        return next(p.name for p in (self.prefix / "drive_c/users").iterdir() if p.name != "Public")

    @property
    def user_dir(self) -> Path:
        return self.prefix / "drive_c/users" / self.user

    def windows_path(self, unix: Path) -> str:
        inside = Path(unix).resolve().relative_to((self.prefix / "drive_c").resolve())
        return str(PureWindowsPath("C:\\", *inside.parts))

    # -- running -----------------------------------------------------------------------

    def run(
        self, program: str, *args: str, timeout: int = 600, errno_fix: bool = False, cwd=None
    ) -> subprocess.CompletedProcess:
        """Run a Windows program to its end; output as bytes.

        Standard streams are pipes: under Wine 8.0 a console program whose stream is a
        regular file aborts (init_sys_streams, WinError 6).
        """
        try:
            return subprocess.run(
                ["wine", program, *args],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                env=self.env(errno_fix),
                cwd=cwd,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired as error:
            raise WineError(f"{program} did not finish within {timeout} s") from error

    def start(self, program: str, *args: str, errno_fix: bool = False) -> subprocess.Popen:
        """Start a (windowed) program in the background; `stop_all` ends it."""
        process = subprocess.Popen(
            ["wine", program, *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=self.env(errno_fix),
        )
        self._programs.append(process)
        return process

    def stop_all(self) -> None:
        """End the programs started in the background, then every process of the prefix."""
        for process in self._programs:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)
        self._programs.clear()
        if self.prefix.is_dir() and shutil.which("wineserver"):
            subprocess.run(["wineserver", "-k"], env=self.env(), capture_output=True, timeout=60)
            subprocess.run(["wineserver", "-w"], env=self.env(), capture_output=True, timeout=60)

    def reg_query(self, key: str) -> str | None:
        """`reg query KEY /s` as text, None when the key does not exist."""
        result = self.run("reg", "query", key, "/s", timeout=120)
        if result.returncode != 0:
            return None
        return result.stdout.decode("cp850", "replace").replace("\r\n", "\n")

    # -- set-up ------------------------------------------------------------------------

    def create(self) -> None:
        """Make the prefix; the user's folders become real folders inside it.

        Wine links Documents and the like to the Unix home: unlinked, nothing the
        programs write ever leaves the prefix.
        """
        self.home.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            ["wineboot", "-i"], env=self.env(), capture_output=True, timeout=600
        )
        subprocess.run(["wineserver", "-w"], env=self.env(), capture_output=True, timeout=600)
        if result.returncode != 0 or not (self.prefix / "drive_c/windows").is_dir():
            raise WineError(
                "wineboot could not create the prefix: " + result.stderr.decode()[-2000:]
            )
        for name in USER_FOLDERS:
            folder = self.user_dir / name
            if folder.is_symlink():
                folder.unlink()
            folder.mkdir(exist_ok=True)

    def install_system_dlls(self, dlls: list[Path]) -> None:
        """Put test-only stand-in DLLs into the prefix's system32 (never into a bundle)."""
        for dll in dlls:
            shutil.copy2(dll, self.prefix / "drive_c/windows/system32" / dll.name)

    def start_display(self) -> None:
        """Start Xvfb on a free display number."""
        read, write = os.pipe()
        self._xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise WineError("Xvfb did not start")
        self.display = f":{number}"

    def stop_display(self) -> None:
        if self._xvfb is not None and self._xvfb.poll() is None:
            self._xvfb.terminate()
            self._xvfb.wait(timeout=30)
        self._xvfb = None

    # -- the screen --------------------------------------------------------------------

    def window_titles(self, pattern: str) -> list[str]:
        """Titles of the visible windows whose title matches the regular expression."""
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", pattern],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        titles = []
        for window in found.stdout.split():
            name = subprocess.run(
                ["xdotool", "getwindowname", window],
                env=self.env(),
                capture_output=True,
                text=True,
                timeout=60,
            )
            titles.append(name.stdout.strip())
        return titles

    def wait_for_window(self, pattern: str, count: int = 1, timeout: int = 120) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            titles = self.window_titles(pattern)
            if len(titles) >= count:
                return titles
            time.sleep(1)
        return self.window_titles(pattern)

    def screenshot(self, path: Path) -> bool:
        path.parent.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            ["import", "-window", "root", str(path)],
            env=self.env(),
            capture_output=True,
            timeout=120,
        )
        return result.returncode == 0 and path.is_file() and path.stat().st_size > 0
