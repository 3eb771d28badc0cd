"""The home list: filled one page of rows per query, summaries read in batches, and the
French reasons of the rows set aside on opening shown in a banner (issue 11)."""

import math
import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from evalir_desktop.domain.answers import Answer
from evalir_desktop.store import Store
from evalir_desktop.ui.home.assessment_list import BATCH, PAGE
from tests.hostile.make_hostile import make_hostile
from tests.ui.helpers import open_window

COUNT = 2 * PAGE + 50


def many_assessments(path, commune) -> None:
    with Store.create(path, who="Agent") as store, store.batch():
        store.town.save_commune(commune)
        for index in range(COUNT):
            record = store.assessments.create(
                f"Projet {index:03d}", content_id="evalir-test", content_version="0"
            )
            store.answers.save(record.id, "contexte.usagers", Answer(value="oui"))


def test_the_list_is_filled_one_query_per_page(qtbot, tmp_path, commune):
    path = tmp_path / "grande commune.evalir"
    many_assessments(path, commune)
    statements: list[str] = []
    window = open_window(qtbot, path, create=False)
    home = window.home.assessments
    home.store.unit.conn.set_trace_callback(statements.append)
    home.refresh()
    assert home.tree.topLevelItemCount() == PAGE  # the first page at once
    qtbot.waitUntil(home.summaries_done, timeout=60_000)
    assert home.tree.topLevelItemCount() == COUNT
    pages = [s for s in statements if s.startswith("SELECT * FROM assessment WHERE deleted_at")]
    answers = [s for s in statements if "FROM answer" in s]
    assert len(pages) == math.ceil(COUNT / PAGE) + (COUNT % PAGE == 0)
    # one per batch (a batch may end with a page), never one per row
    assert len(answers) <= math.ceil(COUNT / BATCH) + len(pages) < COUNT / 4
    titles = [home.tree.topLevelItem(i).text(0) for i in range(COUNT)]
    assert len(set(titles)) == COUNT
    last = home.tree.topLevelItem(COUNT - 1)
    assert last.text(2).endswith("%") and last.data(2, Qt.UserRole) is not None
    window.close_store()


def test_a_clean_file_shows_no_banner(qtbot, tmp_path, store):
    store.close()
    window = open_window(qtbot, store.path, create=False)
    assert window.home.problems_banner.isHidden()
    window.close_store()


def test_rows_set_aside_are_named_in_a_banner(qtbot, tmp_path, monkeypatch):
    hostile = make_hostile(tmp_path / "hostiles")
    path = tmp_path / "reçu.evalir"
    shutil.copy(hostile["json-nan"], path)
    window = open_window(qtbot, path, create=False)
    home = window.home
    qtbot.waitUntil(home.assessments.summaries_done, timeout=60_000)
    banner = home.problems_banner
    assert banner.isVisible()
    assert "écarté" in banner.label.text()
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    qtbot.mouseClick(banner.details_button, Qt.LeftButton)
    assert shown and "Réponse « gouvernance.elu_referent » écartée" in shown[0]
    window.close_store()


def test_an_assessment_set_aside_at_opening_is_in_the_banner(qtbot, tmp_path):
    hostile = make_hostile(tmp_path / "hostiles")
    path = tmp_path / "reçu.evalir"
    shutil.copy(hostile["titre-1-mo"], path)
    window = open_window(qtbot, path, create=False)
    banner = window.home.problems_banner
    assert banner.isVisible() and "Un élément" in banner.label.text()
    assert window.home.assessments.tree.topLevelItemCount() == 0
    window.close_store()
