"""Linux desktop integration: .desktop entry, MIME type and AppStream metadata."""

import configparser
import os
import shutil
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from evalir_desktop.domain.commune import Commune
from evalir_desktop.store import Store
from tests.packaging.conftest import PACKAGING

LINUX = PACKAGING / "linux"
DESKTOP = LINUX / "evalir-desktop.desktop"
MIME = LINUX / "evalir-mime.xml"
METAINFO = LINUX / "org.evalir.Desktop.metainfo.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils absent")
def test_desktop_file_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream absent")
def test_metainfo_validates():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_opens_evalir_files():
    entry = desktop_entry()
    assert entry["Exec"].split() == ["evalir-desktop", "%f"]
    assert entry["MimeType"] == "application/x-evalir;"
    assert entry["Icon"] == "evalir-desktop"
    mime_types = [node.get("type") for node in ET.parse(MIME).getroot()]
    assert mime_types == ["application/x-evalir"]


def test_metainfo_names_this_version_and_the_desktop_entry(project):
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("releases/release").get("version") == project["version"]
    assert root.findtext("project_license") == project["license"]["text"]
    assert root.findtext("provides/mediatype") == "application/x-evalir"


def test_mime_magic_matches_the_store_application_id():
    from evalir_desktop.store import APPLICATION_ID

    inner = ET.parse(MIME).getroot().find(f"{MIME_NS}mime-type/{MIME_NS}magic/*/*")
    assert (inner.get("type"), inner.get("offset")) == ("big32", "68")
    assert int(inner.get("value"), 16) == APPLICATION_ID


def test_qt_recognises_an_evalir_file_by_its_content(tmp_path):
    """With our MIME package installed, a town file is found even without its extension."""
    town = tmp_path / "mairie.evalir"
    with Store.open(town, create=True) as store:
        store.town.save_commune(Commune(nom="Saint-Étienne-de-Tinée", insee="06120"))
    (tmp_path / "copie-sans-extension").write_bytes(town.read_bytes())
    with sqlite3.connect(tmp_path / "autre.sqlite3") as other:
        other.execute("CREATE TABLE t (x)")
    (tmp_path / "mime" / "packages").mkdir(parents=True)
    shutil.copy(MIME, tmp_path / "mime" / "packages")
    code = (
        "import sys\n"
        "from PySide6.QtCore import QMimeDatabase\n"
        "db = QMimeDatabase()\n"
        "for name in sys.argv[2:]:\n"
        "    path = sys.argv[1] + '/' + name\n"
        "    print(db.mimeTypeForFile(path, QMimeDatabase.MatchContent).name())\n"
    )
    env = dict(os.environ, XDG_DATA_DIRS=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "none"))
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            str(tmp_path),
            town.name,
            "copie-sans-extension",
            "autre.sqlite3",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    evalir, copy, other = result.stdout.split()
    assert evalir == copy == "application/x-evalir"
    assert other in ("application/vnd.sqlite3", "application/x-sqlite3")  # not ours
