"""Attachments are stored in the file with their SHA-256, refused beyond the limits with
nothing written, moved to the trash and purged with it, and copied out to be viewed."""

import hashlib
import os

import pytest

from evalir_desktop.domain import attachment_rules as rules
from evalir_desktop.domain.attachment_rules import AttachmentRefused, clean_name, size_label
from evalir_desktop.store import Store, StoreError


@pytest.fixture
def contract(tmp_path):
    path = tmp_path / "Contrat signé – Exemple SAS.pdf"
    path.write_bytes(b"%PDF-1.4 contrat " * 1000)
    return path


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_an_attachment_survives_closing_and_reopening_with_its_hash(
    store, make_assessment, contract, town_path
):
    record = make_assessment()
    attached = store.attachments.add(record.id, contract, kind="contrat", comment="Version signée")
    question = store.attachments.add(record.id, contract, question_id="donnees.hebergement")
    assert attached.sha256 == sha(contract.read_bytes())
    assert (attached.name, attached.size, attached.who) == (
        contract.name,
        contract.stat().st_size,
        "Hélène Dupré",
    )
    assert store.attachments.total() == contract.stat().st_size  # one content, two rows
    store.close()
    with Store.open(town_path) as reopened:
        rows = reopened.attachments.of(record.id)
        assert [(r.id, r.question_id) for r in rows] == [
            (attached.id, ""),
            (question.id, "donnees.hebergement"),
        ]
        assert rows[0].kind_label == "Contrat"
        assert reopened.attachments.data(attached.id) == contract.read_bytes()
        assert reopened.check_rows() == []


def file_of(tmp_path, name: str, size: int):
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def test_a_file_over_25_mo_is_refused_and_nothing_changes(
    store, make_assessment, tmp_path, town_path
):
    record = make_assessment()
    big = file_of(tmp_path, "devis complet.pdf", rules.MAX_FILE_BYTES + 1)
    before_source = big.stat()
    revision = store.revision
    with pytest.raises(AttachmentRefused, match="ne peut pas dépasser 25,0 Mo") as refused:
        store.attachments.add(record.id, big)
    assert "disque partagé" in str(refused.value)
    assert store.attachments.of(record.id) == [] and store.revision == revision
    assert big.stat().st_size == before_source.st_size
    assert big.stat().st_mtime == before_source.st_mtime


def test_the_total_is_limited_to_250_mo(store, make_assessment, tmp_path, monkeypatch):
    monkeypatch.setattr(rules, "MAX_TOTAL_BYTES", 3000)
    record = make_assessment()
    store.attachments.add(record.id, file_of(tmp_path, "a.pdf", 2000))
    with pytest.raises(AttachmentRefused, match="leur total ne peut pas dépasser") as refused:
        store.attachments.add(record.id, file_of(tmp_path, "b.pdf", 1500))
    assert "vider la corbeille" in str(refused.value)
    assert [r.name for r in store.attachments.of(record.id)] == ["a.pdf"]


@pytest.mark.parametrize(
    "name", ["setup.exe", "facture.pdf.exe", "lancer.BAT", "x.ps1", "macro.vbs", "lien.lnk", "a.js"]
)
def test_programs_are_refused(store, make_assessment, tmp_path, name):
    record = make_assessment()
    path = tmp_path / name
    path.write_bytes(b"MZ")
    with pytest.raises(AttachmentRefused, match="programme ou un script"):
        store.attachments.add(record.id, path)
    assert store.attachments.of(record.id) == []


def test_documents_with_macros_are_attached_but_flagged():
    assert rules.needs_warning("tableau.xlsm") and not rules.needs_warning("contrat.pdf")
    assert not rules.is_executable("tableau.xlsm")


def test_names_are_cleaned():
    assert clean_name("C:\\Users\\agent\\contrat\x1b[31m.pdf") == "contrat.pdf"
    assert clean_name("../../etc/passwd") == "passwd"
    assert clean_name('a<b>c:"d|e?.pdf') == "a_b_c__d_e_.pdf"
    assert clean_name("") == "piece-jointe"
    assert len(clean_name("x" * 400 + ".pdf")) == 255
    assert size_label(1536) == "2 ko" and size_label(3 * rules.MEGABYTE // 2) == "1,5 Mo"


def test_trash_restore_and_purge(store, make_assessment, contract, town_path):
    record = make_assessment()
    kept = make_assessment("Autre projet")
    attached = store.attachments.add(record.id, contract)
    store.attachments.add(kept.id, contract)
    store.attachments.trash(attached.id)
    assert store.attachments.of(record.id) == []
    assert [r.id for r in store.attachments.trashed()] == [attached.id]
    store.attachments.restore(attached.id)
    assert [r.id for r in store.attachments.of(record.id)] == [attached.id]
    store.attachments.trash(attached.id)
    store.assessments.empty_trash()
    assert store.attachments.trashed() == []
    assert store.attachments.total() == contract.stat().st_size  # still used by the other
    store.assessments.delete(kept.id)
    store.assessments.empty_trash()
    assert store.attachments.total() == 0
    store.close()
    assert contract.read_bytes()[:40] not in town_path.read_bytes()  # no trace left


def test_a_new_version_keeps_the_attachments(store, make_assessment, contract):
    record = make_assessment()
    store.attachments.add(record.id, contract)
    copy = store.assessments.copy(record.id, record.title, as_new_version=True)
    (copied,) = store.attachments.of(copy.id)
    assert copied.sha256 == sha(contract.read_bytes())
    assert store.attachments.total() == contract.stat().st_size


def test_viewing_copy_is_read_only_and_removed_on_close(store, make_assessment, contract):
    record = make_assessment()
    attached = store.attachments.add(record.id, contract)
    copy = store.attachments.copy_out(attached.id)
    assert copy.read_bytes() == contract.read_bytes() and copy.name == contract.name
    assert not os.access(copy, os.W_OK) or os.geteuid() == 0
    store.close()
    assert not copy.exists()


def test_an_altered_content_is_refused(store, make_assessment, contract):
    record = make_assessment()
    attached = store.attachments.add(record.id, contract)
    store.unit.conn.execute("UPDATE attachment_blob SET data = ?", (b"autre chose",))
    with pytest.raises(StoreError, match="abîmée"):
        store.attachments.data(attached.id)
    assert store.attachments.damaged()
