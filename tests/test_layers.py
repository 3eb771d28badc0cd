"""Every import of the program runs downwards, in the order of DESIGN.md §3: the base
modules, `domain/`, `content/`, `store/` (its `file/` below its repositories),
`assessment/`, `session/`, `product/`, `territory/` and `sharing/`, `report/`, then the
front ends. Nothing imports upward; record models live in `domain/` only."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "evalir_desktop"

# Lowest first; a unit imports only units of a lower layer (or itself).
LAYERS: list[set[str]] = [
    {"__init__", "french", "text", "resources", "paths", "plurals", "french_argparse", "file_sync"},
    {"output_guard", "attachment_names", "bounded_json", "file_names", "spreadsheet"},  # helpers
    {"domain"},
    {"content"},
    {"store.file"},
    {"store"},
    {"assessment"},
    {"session"},
    {"product"},
    {"territory", "sharing"},  # peers: the territory and the share it receives
    {"report"},
    {"about", "guide", "screen_fit", "diagnostic", "example"},
    {"cli", "ui"},
    {"app", "__main__"},
]
LEVEL = {unit: level for level, units in enumerate(LAYERS) for unit in units}


def unit_of(parts: list[str]) -> str:
    """The layer unit of a module given by its parts below `evalir_desktop`."""
    if parts[:2] in (["store", "file"], ["store", "errors"]):  # the file and its errors
        return "store.file"
    return parts[0] if parts else "__init__"


def imported_modules(path: Path) -> list[list[str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "evalir_desktop":
                found += [[alias.name] for alias in node.names]
            elif node.module.startswith("evalir_desktop."):
                found.append(node.module.split(".")[1:])
        elif isinstance(node, ast.Import):
            found += [
                alias.name.split(".")[1:]
                for alias in node.names
                if alias.name.startswith("evalir_desktop.")
            ]
    return found


def upward_imports(package: Path = PACKAGE) -> list[str]:
    upward = []
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package).with_suffix("").parts)
        source = unit_of(parts)
        for target_parts in imported_modules(path):
            target = unit_of(["__init__"] if target_parts == ["__version__"] else target_parts)
            if LEVEL[target] > LEVEL[source]:
                upward.append(f"{'/'.join(parts)}.py ({source}) -> {'.'.join(target_parts)}")
    return upward


def test_every_unit_of_the_program_has_a_layer():
    units = {
        unit_of(list(p.relative_to(PACKAGE).with_suffix("").parts)) for p in PACKAGE.rglob("*.py")
    }
    assert units - set(LEVEL) == set()


def test_no_module_imports_upward():
    assert upward_imports() == []


def test_the_layer_check_sees_an_upward_import(tmp_path):
    """The check itself: a domain module importing the store is reported."""
    package = tmp_path / "evalir_desktop"
    (package / "domain").mkdir(parents=True)
    (package / "domain" / "bad.py").write_text("from evalir_desktop.store import Store\n")
    assert upward_imports(package) == ["domain/bad.py (domain) -> store"]


def record_models_outside_the_domain(package: Path = PACKAGE) -> list[str]:
    """Classes outside `domain/` that define a record model: a subclass of the domain's
    `Record`, or any pydantic model in `store/` (persistence keeps rows, not models)."""
    found = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package).parts
        if parts[0] == "domain":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {ast.unparse(base).split(".")[-1] for base in node.bases}
            if "Record" in bases or (parts[0] == "store" and "BaseModel" in bases):
                found.append(f"{'/'.join(parts)}: {node.name}")
    return found


def test_record_models_live_in_the_domain():
    assert record_models_outside_the_domain() == []


def test_the_record_check_sees_a_record_model_elsewhere(tmp_path):
    package = tmp_path / "evalir_desktop"
    (package / "store").mkdir(parents=True)
    (package / "ui").mkdir()
    (package / "store" / "rows.py").write_text("class Row(BaseModel):\n    id: str\n")
    (package / "ui" / "form.py").write_text("class Line(Record):\n    id: str\n")
    assert record_models_outside_the_domain(package) == ["store/rows.py: Row", "ui/form.py: Line"]
