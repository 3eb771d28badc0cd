"""Only `evalir_desktop/ui/` imports Qt; the window paints before the data layer loads; the program
opens no network socket."""

import ast
import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "evalir_desktop"
NETWORK_MODULES = {"socket", "http", "urllib", "ftplib", "smtplib", "requests", "ssl"}


def test_domain_modules_import_without_qt():
    modules = sorted(
        "evalir_desktop." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts
        and path.name not in ("__main__.py", "app.py")
    )
    modules = [name.removesuffix(".__init__") for name in modules]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_network_module_imported_by_our_code():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {name}"
                for name in names
                if name.split(".")[0] in NETWORK_MODULES or "QtNetwork" in name
            ]
    assert offenders == []


def lines_matching(pattern: str, outside) -> list[str]:
    """`file:line` of each line matching `pattern` in the modules for which `outside` holds."""
    found = re.compile(pattern)
    return [
        f"{path.relative_to(PACKAGE).as_posix()}:{number}: {line.strip()}"
        for path in PACKAGE.rglob("*.py")
        if outside(path.relative_to(PACKAGE))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if found.search(line)
    ]


def outside_store(relative: Path) -> bool:
    return relative.parts[0] != "store"


def test_only_the_store_runs_sql():
    """Every SQL statement on a file lives in `store/`: nobody else reaches the connection."""
    pattern = r"store\.conn|store\.db|\.conn\.execute|\._conn\b|\._db\b|\bunit\.(conn|db)\b"
    assert lines_matching(pattern, outside_store) == []


def test_no_sqlite_outside_the_store():
    pattern = r"^\s*(import|from) (sqlite3|sqlite_utils)\b"
    assert lines_matching(pattern, outside_store) == []


def test_files_are_written_in_one_way():
    """Outside `store/file/atomic.py` (the file's own writes) and `output_guard.py` (every
    output, checked then written in one step) nobody writes a file by hand: a crash never
    leaves half. (`store/file/snapshot.py` copies files into a private temporary folder.)"""
    pattern = r"os\.replace\(|\.write_bytes\(|\.write_text\(|shutil\.copy"
    allowed = {"store/file/atomic.py", "store/file/snapshot.py", "output_guard.py"}
    assert lines_matching(pattern, lambda p: p.as_posix() not in allowed) == []


MAX_MODULE_LINES = 400


def test_no_module_of_the_program_is_over_400_lines():
    long = {
        str(path.relative_to(PACKAGE)): count
        for path in PACKAGE.rglob("*.py")
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}, f"split these modules: {long}"


def test_the_window_is_painted_before_the_data_layer_is_loaded():
    """Start-up paints the main window first (benchmarks/bench_startup.py): importing the
    window must not load the store, the content or pydantic, which come with the file."""
    code = (
        "import sys\n"
        "import evalir_desktop.app, evalir_desktop.ui.main_window\n"
        "heavy = ('pydantic', 'sqlite_utils', 'reportlab', 'evalir_desktop.store',\n"
        "         'evalir_desktop.content', 'evalir_desktop.session.session')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(heavy))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
