"""GUI tests: Qt's standard paths and settings point to a temporary test area."""

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths


@pytest.fixture(autouse=True)
def isolated_qt_settings(qapp, tmp_path):
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("EVALIR-tests")
    QCoreApplication.setApplicationName("EVALIR Desktop tests")
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings().clear()
    yield
