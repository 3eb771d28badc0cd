"""Issue 11, point 10: every string that comes from a file is shown as plain text."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItemIterator

from evalir_desktop.domain.records import DecisionRecord
from evalir_desktop.store import Store
from evalir_desktop.territory.importing import consolidate
from evalir_desktop.ui.territory.window import TerritoryWindow
from tests.hostile.make_hostile import MARKUP, base_file
from tests.ui.helpers import open_window

RAW = "<img"


def markup_file(path, insee="42087"):
    base_file(path, insee=insee)
    with Store.open(path) as store:
        record = store.assessments.all()[0]
        store.assessments.update(
            record.id, title=MARKUP, description=MARKUP, service=MARKUP, supplier=MARKUP
        )
        store.plan.save_decision(
            DecisionRecord(
                assessment_id=record.id,
                validated_by=MARKUP,
                validated_role=MARKUP,
                validated_on="2026-10-02",
            )
        )
    return path, record.id


def rich_labels(widget) -> list[str]:
    return [
        label.text()
        for label in widget.findChildren(QLabel)
        if RAW in label.text() and label.textFormat() != Qt.PlainText
    ]


def raw_tooltips(widget) -> list[str]:
    found = [w.toolTip() for w in widget.findChildren(object) if hasattr(w, "toolTip")]
    for tree in widget.findChildren(QTreeWidget):
        iterator = QTreeWidgetItemIterator(tree)
        while iterator.value():
            item = iterator.value()
            found += [item.toolTip(column) for column in range(tree.columnCount())]
            iterator += 1
    return [tip for tip in found if RAW in tip]


def test_markup_from_a_town_file_is_never_rendered(qtbot, tmp_path):
    path, assessment_id = markup_file(tmp_path / "balises.evalir")
    window = open_window(qtbot, path, create=False)
    assert rich_labels(window) == []
    assert raw_tooltips(window) == []
    window.open_assessment(assessment_id)
    view = window.assessment_view
    qtbot.waitUntil(view.isVisible)
    for step in view.steps:
        view.go_to_step(step.id)
        assert rich_labels(window) == [], step.id
        assert raw_tooltips(window) == [], step.id
    window.close()


def test_markup_in_the_territory_is_never_rendered(qtbot, tmp_path):
    towns = [markup_file(tmp_path / f"c{i}.evalir", insee=i)[0] for i in ("42087", "42218")]
    territory = tmp_path / "territoire.evalir"
    consolidate(territory, towns)
    window = TerritoryWindow(territory)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    tree = window.groups_tree
    for index in range(tree.topLevelItemCount()):
        tree.setCurrentItem(tree.topLevelItem(index))
        assert rich_labels(window) == []
        assert RAW not in window.group_text.text()
    assert raw_tooltips(window) == []
    window.close()
