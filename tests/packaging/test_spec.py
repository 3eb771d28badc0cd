"""The PyInstaller spec keeps every Qt module the program imports."""

import ast

from tests.packaging.conftest import PACKAGING, ROOT


def spec_qt_modules() -> set[str]:
    tree = ast.parse((PACKAGING / "evalir.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and [t.id for t in node.targets] == ["QT_MODULES"]:
            return set(ast.literal_eval(node.value))
    raise AssertionError("QT_MODULES not found in evalir.spec")


def imported_qt_modules() -> dict[str, str]:
    """Each PySide6 module imported by the program, with one file that imports it."""
    found = {}
    for path in sorted((ROOT / "evalir_desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
                if node.module == "PySide6":
                    names = [f"PySide6.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                if name.startswith("PySide6."):
                    found.setdefault(name.split(".")[1], str(path.relative_to(ROOT)))
    return found


def test_every_qt_module_the_program_imports_is_bundled():
    used = imported_qt_modules()
    assert {"QtCore", "QtGui", "QtWidgets"} <= set(used)
    missing = {name: where for name, where in used.items() if name not in spec_qt_modules()}
    assert missing == {}, "add these to QT_MODULES in packaging/evalir.spec"
