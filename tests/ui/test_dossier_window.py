"""The dossier in the window: a reviewer's opinion marks the step in the side panel and
the results, attachments on a question card and on the assessment (attached, opened from
a read-only copy, refused beyond the limits), the literacy record from the home, the
comparison of versions, the share dialog that never ticks attachments by default."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QRadioButton

from evalir_desktop.content import load_content
from evalir_desktop.domain import attachment_rules as rules
from evalir_desktop.domain.annexes import OpinionRecord
from evalir_desktop.french import spaced
from evalir_desktop.store import Store
from evalir_desktop.ui.assessment import attachments_panel
from evalir_desktop.ui.assessment.comparison import ComparisonDialog
from evalir_desktop.ui.assessment.review_panel import OpinionDialog
from evalir_desktop.ui.home.literacy import LiteracyDialog, TrainingDialog
from evalir_desktop.ui.territory.share_dialog import ShareDialog
from tests.ui.helpers import open_window, when_dialog_opens
from tests.ui.test_undo_trash_versions import make_file, open_assessment


@pytest.fixture
def opened(qtbot, tmp_path, commune):
    path = tmp_path / "dossier.evalir"
    (assessment_id,) = make_file(path, commune)
    window = open_window(qtbot, path, create=False)
    view = open_assessment(qtbot, window, assessment_id)
    return window, view, path, assessment_id


def step_text(view, step_id: str) -> str:
    row = [step.id for step in view.steps].index(step_id)
    return view.step_list.item(row).text()


def test_an_opinion_to_correct_marks_the_step_and_lists_what_to_revise(opened, qtbot):
    window, view, path, assessment_id = opened
    view.go_to_step("donnees")
    panel = view.review_panels["donnees"]
    assert panel.button.isEnabled() and "Aucun avis" in panel.lines.itemAt(0).widget().text()

    def fill(dialog: OpinionDialog) -> None:
        dialog.role.setCurrentIndex(dialog.role.findData("dpd"))
        dialog.name.setText("Jon Etxeberria")
        next(b for b in dialog.findChildren(QRadioButton) if b.text() == "À corriger").click()
        dialog.save()  # refused: « à corriger » says what to correct
        assert "ce qu'il faut corriger" in dialog.problem.text()
        dialog.comment.setPlainText("Préciser la durée de conservation.")
        dialog.save()

    when_dialog_opens(fill)
    qtbot.mouseClick(panel.button, Qt.LeftButton)
    assert "⚠" in step_text(view, "donnees") and "À corriger" in step_text(view, "donnees")
    texts = [panel.lines.itemAt(i).widget().text() for i in range(panel.lines.count())]
    assert any("À revoir" in text and "Préciser la durée" in text for text in texts)
    view.go_to_step("resultats")
    results = view.pages[view.stack.currentIndex()]
    labels = [w.text() for w in results.widget().findChildren(type(panel.lines.itemAt(0).widget()))]
    assert any(spaced("Étape « Données » : à corriger") in text for text in labels)
    with Store.open(path, readonly=True) as store:
        (opinion,) = store.opinions.of(assessment_id)
        assert (opinion.reviewer_role, opinion.verdict) == ("dpd", "a_corriger")


def test_attachments_on_a_question_card(opened, qtbot, tmp_path, monkeypatch):
    window, view, path, assessment_id = opened
    view.go_to_step("donnees")
    card = next(iter(view.step_pages["donnees"].cards.values()))
    assert card.attachments_button.text() == "Joindre un document"
    qtbot.mouseClick(card.attachments_button, Qt.LeftButton)
    panel = card.attachments_panel
    assert panel.isVisible() and panel.list.accessibleName()
    contract = tmp_path / "contrat.pdf"
    contract.write_bytes(b"%PDF-1.4 contrat")
    program = tmp_path / "installer.exe"
    program.write_bytes(b"MZ")
    panel.attach_files([contract, program])
    assert panel.list.count() == 1 and "programme ou un script" in panel.message.text()
    assert card.attachments_button.text() == "Pièces jointes (1)"
    opened_urls = []
    monkeypatch.setattr(
        attachments_panel.QDesktopServices, "openUrl", lambda url: opened_urls.append(url)
    )
    panel.open_selected()
    (url,) = opened_urls
    assert Path(url.toLocalFile()).read_bytes() == contract.read_bytes()
    assert "lecture seule" in panel.message.text()
    with Store.open(path, readonly=True) as store:
        (record,) = store.attachments.of(assessment_id)
        assert record.question_id == card.question.id


def test_a_file_over_the_limit_is_refused_in_the_window(opened, tmp_path, monkeypatch):
    window, view, path, assessment_id = opened
    monkeypatch.setattr(rules, "MAX_FILE_BYTES", 10)
    big = tmp_path / "devis.pdf"
    big.write_bytes(b"x" * 11)
    dialog = attachments_panel.AttachmentsDialog(view.store, assessment_id, str, view)
    dialog.panel.attach_files([big])
    assert "disque partagé" in dialog.panel.message.text() and dialog.panel.list.count() == 0


def test_the_literacy_record_from_the_home(qtbot, tmp_path, commune):
    path = tmp_path / "formation.evalir"
    make_file(path, commune)
    window = open_window(qtbot, path, create=False)
    label = window.home.literacy_label
    assert "aucune formation enregistrée" in label.text()
    dialog = LiteracyDialog(window.store)

    def fill(edit: TrainingDialog) -> None:
        edit.title.setText("Sensibilisation à l'IA générative")
        edit.people.setValue(12)
        edit.audience.setCurrentIndex(edit.audience.findData("agents_et_elus"))
        edit.save()

    when_dialog_opens(fill)
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == "12"
    dialog.close()
    window.home.refresh_literacy()
    assert "1 formation, 12 personnes formées" in label.text()


def test_the_comparison_shows_the_opinions(qtbot, tmp_path, commune):
    path = tmp_path / "versions.evalir"
    first, second = make_file(path, commune, titles=("Version 1", "Version 2"))
    with Store.open(path) as store:
        store.opinions.save(
            OpinionRecord(
                assessment_id=first,
                step_id="donnees",
                reviewer_role="dpd",
                verdict="a_corriger",
                comment="Durée de conservation.",
                given_on=date(2026, 11, 2),
            )
        )
        store.opinions.save(
            OpinionRecord(
                assessment_id=second,
                step_id="donnees",
                reviewer_role="dpd",
                verdict="acceptable",
                given_on=date(2026, 11, 20),
            )
        )
        dialog = ComparisonDialog(store, load_content(), second)
        qtbot.addWidget(dialog)
        rows = []
        for index in range(dialog.tree.topLevelItemCount()):
            group = dialog.tree.topLevelItem(index)
            rows += [[group.child(i).text(c) for c in range(3)] for i in range(group.childCount())]
        assert ["Données — DPD", "À corriger", "Acceptable"] in rows


def test_share_dialog_never_ticks_attachments(opened, qtbot, tmp_path):
    window, view, path, assessment_id = opened
    contract = tmp_path / "contrat.pdf"
    contract.write_bytes(b"%PDF-1.4 contrat")
    view.store.attachments.add(assessment_id, contract)
    dialog = ShareDialog(view.store, view)
    qtbot.addWidget(dialog)
    assert dialog.attachments.isVisibleTo(dialog) and not dialog.attachments.isChecked()
    dialog.anonymise.setChecked(True)
    assert not dialog.attachments.isChecked()
    assert dialog.result() != QDialog.Accepted


def test_the_territory_window_counts_the_literacy_records(qtbot, tmp_path, commune):
    from tests.dossier_factory import add_dossier
    from tests.ui.test_territory_window import open_window as open_territory

    town = tmp_path / "mairie.evalir"
    (assessment_id,) = make_file(town, commune)
    with Store.open(town) as store:
        add_dossier(store, assessment_id)
    window = open_territory(qtbot, tmp_path / "territoire.evalir")
    window.add_paths([town])
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    tab = window.literacy_tab
    assert tab.summary.text().startswith("1 commune sur 1 a inscrit au moins une formation")
    assert [tab.model.item(0, c).text() for c in (0, 2, 3)] == ["Saint-Étienne-de-Tinée", "2", "15"]
