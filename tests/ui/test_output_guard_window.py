"""Issue 21, point 1, in the window: every save path goes through the output guard.

Each save path is driven with the save dialog answering the open file itself, then another
town's `.evalir` file: the window says why in a French message, and both files stay
byte-identical. An existing ordinary file is replaced only after our own confirmation,
shown for the real name (the extension the window adds included), « Annuler » by default.
"""

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from evalir_desktop.content import load_content
from evalir_desktop.report.controller import ReportController
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.territory.importing import consolidate
from evalir_desktop.ui.assessment.attachments_panel import AttachmentsPanel
from evalir_desktop.ui.assessment.plan_export import PlanExportButton
from evalir_desktop.ui.dialogs.method import save_method
from evalir_desktop.ui.dialogs.product_dossier import save_dossier_as
from evalir_desktop.ui.report.dialog import ReportDialog
from evalir_desktop.ui.territory.window import TerritoryWindow
from evalir_desktop.ui.widgets import save_target
from tests.report.factories import demo_assessment
from tests.ui.helpers import open_window


class Said:
    """What the window told the agent: refusals and confirmations asked."""

    def __init__(self, monkeypatch, answer_dialog):
        self.refusals: list[str] = []
        self.confirmations: list[Path] = []
        self.replace = False
        self.answer = answer_dialog
        monkeypatch.setattr(
            QMessageBox, "warning", lambda _p, _t, text, *a, **k: self.refusals.append(text)
        )
        monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
        monkeypatch.setattr(save_target, "confirm_replace", self.confirm)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self.dialog)
        self.options = []

    def confirm(self, _parent, path):
        self.confirmations.append(path)
        return self.replace

    def dialog(self, *args, **kwargs):
        self.options.append(kwargs.get("options"))
        return str(self.answer()), ""


@pytest.fixture
def town(store, tmp_path):
    assessment_id = demo_assessment(store, comment_length=20, actions=2)
    other = tmp_path / "autre-commune.evalir"
    store.close()
    shutil.copyfile(store.path, other)
    return store.path, other, assessment_id


def save_paths(qtbot, town, window):
    """Each window save path as a function that triggers it once."""
    source, _, assessment_id = town
    store = window.store
    content = load_content()
    dialog = ReportDialog(ReportController(store, content, assessment_id), "synthese")
    qtbot.addWidget(dialog)
    dialog.pdf = b"%PDF-1.4 test"
    dialog.built_kind = "synthese"
    dialog.data = dialog.controller.read()
    plan = PlanExportButton(AssessmentSession(store, content, assessment_id))
    qtbot.addWidget(plan)
    # an attachment named like another town's file: saving it beside that file is refused
    attachment = tmp_path_file(source.parent / "autre-commune.evalir", b"note")
    record = store.attachments.add(assessment_id, attachment)
    panel = AttachmentsPanel(store, assessment_id, None, "")
    qtbot.addWidget(panel)
    panel.selected = lambda: record.id
    return {
        "rapport PDF": dialog.ask_save,
        "document modifiable": lambda: dialog.ask_editable("odt"),
        "export": lambda: dialog.ask_export("reponses-csv"),
        "plan": lambda: plan.ask("plan-csv", ".csv", "*.csv"),
        "méthode": lambda: save_method(window),
        "dossier de produit": lambda: save_dossier_as(window, store, content, assessment_id),
        "copie": window.ask_save_copy,
        "pièce jointe": panel.save_selected,
    }


def tmp_path_file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_every_window_save_path_refuses_the_open_file_and_evalir_files(qtbot, town, monkeypatch):
    source, other, _ = town
    window = open_window(qtbot, source, create=False)
    paths = save_paths(qtbot, town, window)
    before = {source: source.read_bytes(), other: other.read_bytes()}
    for target in (source, other):
        said = Said(monkeypatch, lambda t=target: t)
        for name, trigger in paths.items():
            monkeypatch.setattr(
                QFileDialog, "getExistingDirectory", lambda *a, t=target, **k: str(t.parent)
            )
            said.refusals.clear()
            trigger()
            qtbot.wait(10)
            assert said.refusals, name
            assert all("EVALIR" in text or "origine" in text for text in said.refusals), name
        assert {p: p.read_bytes() for p in before} == before
    # the save dialog's own confirmation is never relied on: ours is always asked
    assert set(said.options) == {QFileDialog.Option.DontConfirmOverwrite}


def test_the_confirmation_is_asked_for_the_name_with_its_added_extension(
    qtbot, store, monkeypatch, tmp_path
):
    assessment_id = demo_assessment(store, comment_length=20, actions=2)
    plan = PlanExportButton(AssessmentSession(store, load_content(), assessment_id))
    qtbot.addWidget(plan)
    existing = tmp_path / "plan.csv"
    existing.write_bytes(b"le plan du conseil")
    said = Said(monkeypatch, lambda: tmp_path / "plan")  # typed without « .csv »
    plan.ask("plan-csv", ".csv", "*.csv")
    assert said.confirmations == [existing]
    assert existing.read_bytes() == b"le plan du conseil"  # « Annuler »
    said.replace = True
    plan.ask("plan-csv", ".csv", "*.csv")
    assert existing.read_bytes().startswith("\ufeffN°".encode())
    plan.saved_box.close()


def test_the_territory_window_refuses_its_own_file(qtbot, town, monkeypatch, tmp_path):
    source, other, _ = town
    path = tmp_path / "territoire.evalir"
    consolidate(path, [source])
    territory = TerritoryWindow(path)
    qtbot.addWidget(territory)
    territory.show()
    qtbot.waitUntil(lambda: territory.view is not None and not territory.busy, timeout=60_000)
    before = {p: p.read_bytes() for p in (path, other)}
    for target in (path, other):
        said = Said(monkeypatch, lambda t=target: t)
        for trigger in (territory.ask_export, territory.ask_report):
            said.refusals.clear()
            trigger()
            assert said.refusals
        territory.products_tab.table.selectRow(0)
        territory.products_tab.ask_write()
        assert said.refusals
    assert {p: p.read_bytes() for p in before} == before


def test_the_confirmation_defaults_to_cancel(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = {}

    def look() -> None:
        box = parent.findChild(QMessageBox)
        seen["default"] = box.defaultButton().text()
        box.defaultButton().click()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, look)
    assert save_target.confirm_replace(parent, tmp_path / "x.pdf") is False
    assert seen["default"] == "Annuler"
