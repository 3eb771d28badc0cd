"""One way to write a file: the old file or the finished new one, never half of it."""

import pytest

from evalir_desktop.store.file.atomic import remove_leftovers, replacing, write_atomically


def test_write_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "rapport.pdf"
    target.write_bytes(b"ancien")
    write_atomically(target, b"nouveau")
    assert target.read_bytes() == b"nouveau"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]


def test_a_failed_write_leaves_the_old_file_intact(tmp_path):
    target = tmp_path / "export.csv"
    target.write_bytes(b"ancien")
    with pytest.raises(RuntimeError), replacing(target) as temporary:
        temporary.write_bytes(b"moiti")
        raise RuntimeError("coupure")
    assert target.read_bytes() == b"ancien"
    assert [p.name for p in tmp_path.iterdir()] == ["export.csv"]


def test_a_missing_folder_raises_oserror_without_trace(tmp_path):
    with pytest.raises(OSError):
        write_atomically(tmp_path / "absent" / "x.pdf", b"x")
    assert list(tmp_path.iterdir()) == []


def test_leftovers_of_an_interrupted_write_are_removed(tmp_path):
    ours = tmp_path / ".42218-Ville-2025-01-01.evalir.0a1b2c3d.tmp"
    other_target = tmp_path / ".rapport.pdf.0a1b2c3d.tmp"
    foreign = tmp_path / ".cache.tmp"
    for path in (ours, other_target, foreign):
        path.write_bytes(b"x")
    assert remove_leftovers(tmp_path, suffix=".evalir") == [ours]
    assert remove_leftovers(tmp_path, name="rapport.pdf") == [other_target]
    assert foreign.exists()
