"""The Inno Setup script, checked statically (it is compiled on Windows only)."""

import re

from tests.packaging.conftest import PACKAGING

ISS = PACKAGING / "evalir.iss"


def sections() -> dict[str, list[str]]:
    text = ISS.read_bytes().decode("utf-8-sig")
    found: dict[str, list[str]] = {"": []}
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            found[current] = []
        else:
            found[current].append(line)
    return found


def parameters(line: str) -> dict[str, str]:
    return dict(part.strip().split(": ", 1) for part in line.split("; ") if ": " in part)


def defines() -> dict[str, str]:
    return dict(re.findall(r'#define (\w+) "([^"]*)"', ISS.read_bytes().decode("utf-8-sig")))


def expand(value: str) -> str:
    for name, text in defines().items():
        value = value.replace("{#" + name + "}", text)
    return value


def test_script_is_utf8_with_bom():
    """Inno Setup reads a script with accented French text correctly only with a BOM."""
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf")


def test_version_and_executables_match_the_project(project):
    values = defines()
    assert values["AppVersion"] == project["version"]
    assert values["AppExe"] == project["name"] + ".exe"
    assert values["CliExe"] == next(iter(project["scripts"])) + ".exe"


def test_per_user_french_install_with_association():
    setup = dict(line.split("=", 1) for line in sections()["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"].startswith("{autopf}\\")
    assert setup["ChangesAssociations"] == "yes"
    assert (PACKAGING / setup["SetupIconFile"].replace("\\", "/")).is_file()
    [language] = sections()["Languages"]
    assert parameters(language) == {
        "Name": '"french"',
        "MessagesFile": '"compiler:Languages\\French.isl"',
    }


def test_files_name_both_executables_and_the_bundle_folder():
    sources = [expand(parameters(line)["Source"].strip('"')) for line in sections()["Files"]]
    assert sources == [
        "..\\dist\\evalir-desktop\\evalir-desktop.exe",
        "..\\dist\\evalir-desktop\\evalir.exe",
        "..\\dist\\evalir-desktop\\_internal\\*",
    ]
    assert "recursesubdirs" in sections()["Files"][2]


def test_start_menu_entry():
    icons = [parameters(line) for line in sections()["Icons"]]
    assert icons[0]["Name"] == '"{autoprograms}\\{#AppName}"'
    assert expand(icons[0]["Filename"]) == '"{app}\\evalir-desktop.exe"'


def test_association_is_registered_for_the_current_user_only():
    entries = [parameters(line) for line in sections()["Registry"]]
    assert entries
    for entry in entries:
        assert entry["Root"] == "HKCU"
        assert entry["Subkey"].startswith('"Software\\Classes\\')
    commands = [e for e in entries if e["Subkey"].endswith('\\shell\\open\\command"')]
    assert [expand(e["ValueData"]) for e in commands] == ['"""{app}\\evalir-desktop.exe"" ""%1"""']
    icons = [e for e in entries if e["Subkey"].endswith('\\DefaultIcon"')]
    assert [expand(e["ValueData"]) for e in icons] == ['"{app}\\evalir-desktop.exe,0"']


def test_uninstall_removes_only_what_setup_created():
    """No deletion sections; the shared .evalir key keeps other programs' values."""
    assert not {"UninstallDelete", "InstallDelete", "Code", "UninstallRun"} & set(sections())
    for line in sections()["Registry"]:
        entry = parameters(line)
        if entry["Subkey"].startswith('"Software\\Classes\\.evalir'):
            assert "uninsdeletekey " not in entry.get("Flags", "") + " "
            assert "uninsdeletevalue" in entry["Flags"]
