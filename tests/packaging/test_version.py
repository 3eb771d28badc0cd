"""The program states the version that pyproject.toml gives, everywhere it is shown."""

import evalir_desktop
from tests.packaging.conftest import ROOT


def test_the_package_version_is_the_project_version():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert evalir_desktop.__version__ == project["version"]
