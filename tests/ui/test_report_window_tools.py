"""The report window's tools: the supplier questions by axis (filter, « Tout cocher »), the
preview's pages and zoom (nothing kept from one document to the next), and after saving,
the offer to open the file or its folder."""

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox

from evalir_desktop.french import matches
from evalir_desktop.ui.report.dialog import KINDS
from evalir_desktop.ui.report.preview import FIT_WIDTH
from tests.ui.test_report_view import assessment, open_dialog, wait_built  # noqa: F401


def test_supplier_questions_by_axis_with_a_filter_and_tout_cocher(qtbot, store, assessment):  # noqa: F811
    dialog = open_dialog(qtbot, store, assessment, "fournisseur")
    picker = dialog.questions
    expected = dialog.controller.supplier_choices(dialog.data)
    assert [group.group.title for group in picker.groups] == [axis.title for axis in expected]
    data = next(group for group in picker.groups if group.group.axis_id == "donnees")
    count = sum(box.isChecked() for box in data.boxes.values())
    assert count and f"{count} cochée" in data.title.text()  # questions for the supplier
    picker.filter.setText("securite")  # accents and case aside
    for group in picker.groups:
        for choice in group.group.questions:
            shown = not group.isHidden() and not group.rows[choice.question_id].isHidden()
            assert shown == matches(f"{group.group.title} {choice.label}", "securite")
    security = next(group for group in picker.groups if group.group.axis_id == "securite")
    assert not security.isHidden() and security.questions.isVisibleTo(security)
    picker.filter.clear()
    assert all(not group.isHidden() for group in picker.groups)
    data.all_button.click()
    assert all(box.isChecked() for box in data.boxes.values())
    assert data.all_button.text() == "Tout décocher"
    ticked, _ = dialog.ticked_questions()
    assert set(data.boxes) <= set(ticked)
    assert "Aperçu" in dialog.status.text()
    data.all_button.click()
    assert not any(box.isChecked() for box in data.boxes.values())
    assert not picker.scroll.horizontalScrollBar().isVisible()


def test_preview_pages_and_zoom_start_afresh_with_each_document(qtbot, store, assessment):  # noqa: F811
    dialog = open_dialog(qtbot, store, assessment, "complet")
    preview = dialog.preview
    pages = dialog.document.pageCount()
    assert preview.total.text() == f"sur {pages}" and preview.page.value() == 1
    assert not preview.previous.isEnabled() and preview.next.isEnabled()
    preview.next.click()
    assert preview.page.value() == 2 and preview.current() == 1
    preview.page.setValue(5)
    assert preview.current() == 4
    preview.zoom_in.click()
    assert preview.zoom.currentData() != FIT_WIDTH
    zoomed = dialog.view.zoomFactor()
    preview.zoom_in.click()
    assert dialog.view.zoomFactor() > zoomed
    preview.zoom_out.click()
    assert dialog.view.zoomFactor() == zoomed
    dialog.kind.setCurrentIndex(KINDS.index("synthese"))
    assert dialog.document.pageCount() == 0  # the report is not shown as the summary
    wait_built(qtbot, dialog)
    assert preview.page.value() == 1 and preview.current() == 0
    assert preview.zoom.currentData() == FIT_WIDTH
    assert preview.total.text() == f"sur {dialog.document.pageCount()}"


def test_after_saving_the_file_or_its_folder_can_be_opened(
    qtbot,
    store,
    assessment,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    dialog = open_dialog(qtbot, store, assessment, "synthese")
    target = tmp_path / "pour le conseil" / "synthèse.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(
        "evalir_desktop.ui.widgets.save_target.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), ""),
    )
    opened = []
    monkeypatch.setattr(
        "evalir_desktop.ui.widgets.saved_file.QDesktopServices.openUrl",
        lambda url: opened.append(url) or True,
    )
    dialog.save_button.click()
    box = dialog.saved_box
    assert box.isVisible() and str(target) in box.text()
    labels = {button.text().replace("&", ""): button for button in box.buttons()}
    assert {"Ouvrir le fichier", "Ouvrir le dossier"} <= set(labels)
    labels["Ouvrir le dossier"].click()
    assert opened == [QUrl.fromLocalFile(str(target.parent))]
    monkeypatch.setattr(  # the file exists now: the agent confirms replacing it
        "evalir_desktop.ui.widgets.save_target.confirm_replace", lambda *args: True
    )
    dialog.save_button.click()
    dialog.saved_box.buttons()[0].click()  # « Ouvrir le fichier », the default
    assert opened[-1] == QUrl.fromLocalFile(str(target))
    assert isinstance(dialog.saved_box, QMessageBox)
