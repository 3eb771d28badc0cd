"""Issue 21, point 1: every CLI command with -o goes through the one output guard.

For each writer: the source file, another town's `.evalir`, a new name ending in `.evalir`
(for a writer that does not make one), an existing file without `--remplacer`, and a
symbolic link are refused with exit code 2 and a French message, every file byte-identical.
"""

import os
import shutil

import pytest

from evalir_desktop.cli import main as evalir
from evalir_desktop.cli.report import ASSESSMENT_FORMATS
from tests.report.factories import demo_assessment

REPORT_WRITERS = [
    ["report", "--type", "synthese"],
    ["report", "--type", "plan", "--format", "odt"],
    ["dossier"],
    ["share"],
    *(["export", "--format", fmt] for fmt in ASSESSMENT_FORMATS),
]
TERRITORY_WRITERS = [["report", "--territoire"], ["export", "--format", "territoire-csv"]]


@pytest.fixture
def town(store, tmp_path):
    """A closed town file with one assessment, and another town's file beside it."""
    demo_assessment(store, comment_length=20, actions=2)
    store.close()
    other = tmp_path / "autre-commune.evalir"
    shutil.copyfile(store.path, other)
    return store.path, other


@pytest.fixture
def territory(town, tmp_path):
    source, _ = town
    path = tmp_path / "territoire.evalir"
    assert evalir(["consolidate", str(source), "-o", str(path)]) == 0
    return path


def run(command, source, output, *extra):
    return evalir([command[0], str(source), *command[1:], "-o", str(output), *extra])


def snapshot(*paths):
    return {path: path.read_bytes() for path in paths}


def assert_refused(code, capsys, *words):
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    assert err.startswith("evalir : ")
    for word in words:
        assert word in err


def writers(town, territory):
    source, _ = town
    return [(c, source) for c in REPORT_WRITERS] + [(c, territory) for c in TERRITORY_WRITERS]


def test_every_writer_refuses_its_source(town, territory, capsys):
    for command, source in writers(town, territory):
        before = snapshot(source)
        assert_refused(run(command, source, source), capsys, "fichier d'origine")
        assert snapshot(source) == before, command


def test_every_writer_refuses_the_source_under_another_spelling(town, territory, capsys):
    for command, source in writers(town, territory):
        before = snapshot(source)
        other_spelling = source.parent / "." / source.name
        assert_refused(run(command, source, other_spelling), capsys)
        link = source.parent / f"lien-{command[-1]}"
        os.link(source, link)  # a hard link: the same file under another name
        assert_refused(run(command, source, link, "--remplacer"), capsys)
        assert snapshot(source) == before, command
        wal = source.with_name(source.name + "-wal")
        assert_refused(run(command, source, wal, "--remplacer"), capsys)
        assert not wal.exists()


def test_every_writer_refuses_an_existing_evalir_file(town, territory, capsys):
    _, other = town
    for command, source in writers(town, territory):
        for spelling in (other, other.with_name("AUTRE-COMMUNE.EVALIR")):
            if not spelling.exists():
                shutil.copyfile(other, spelling)
            before = snapshot(source, spelling)
            assert_refused(run(command, source, spelling, "--remplacer"), capsys, "EVALIR")
            assert snapshot(source, spelling) == before, command


def test_an_evalir_file_under_another_name_is_recognised_by_its_content(town, capsys):
    source, other = town
    disguised = other.with_name("rapport.pdf")
    shutil.copyfile(other, disguised)
    before = snapshot(disguised)
    assert_refused(run(["report"], source, disguised, "--remplacer"), capsys, "EVALIR")
    assert snapshot(disguised) == before


@pytest.mark.parametrize("name", ["nouveau.evalir", "nouveau.Evalir. ", "n.evalir-produit"])
def test_a_report_is_never_named_like_an_evalir_file(town, tmp_path, capsys, name):
    source, _ = town
    target = tmp_path / name
    assert_refused(run(["report"], source, target), capsys, "réservé")
    assert not target.exists()


def test_an_existing_file_needs_remplacer(town, territory, tmp_path, capsys):
    for command, source in writers(town, territory):
        if command[0] in ("share", "dossier"):
            continue  # their outputs are EVALIR files: covered above
        target = tmp_path / "existe-deja.txt"
        target.write_bytes(b"a garder")
        assert_refused(run(command, source, target), capsys, "existe déjà", "--remplacer")
        assert target.read_bytes() == b"a garder", command
        assert run(command, source, target, "--remplacer") == 0, capsys.readouterr().err
        assert target.read_bytes() != b"a garder"
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_every_writer_refuses_a_symbolic_link(town, territory, tmp_path, capsys):
    for command, source in writers(town, territory):
        victim = tmp_path / "ailleurs.txt"
        victim.write_bytes(b"intact")
        link = tmp_path / f"lien-{command[-1]}.pdf"
        link.unlink(missing_ok=True)
        link.symlink_to(victim)
        assert_refused(run(command, source, link, "--remplacer"), capsys, "lien")
        assert victim.read_bytes() == b"intact"
        assert link.is_symlink()


def test_share_and_dossier_into_a_folder_never_replace_an_earlier_copy(town, tmp_path, capsys):
    source, _ = town
    out = tmp_path / "envois"
    out.mkdir()
    for command in (["share"], ["dossier"]):
        assert run(command, source, out) == 0, capsys.readouterr().err
        first = snapshot(*out.iterdir())
        assert run(command, source, out) == 0, capsys.readouterr().err
        assert snapshot(*first) == first  # the first copy is untouched; a -2 was written
    assert len(list(out.iterdir())) == 4


def test_consolidate_refuses_a_territory_that_is_one_of_its_inputs(town, capsys):
    source, other = town
    before = snapshot(source, other)
    assert_refused(evalir(["consolidate", str(source), str(other), "-o", str(other)]), capsys)
    assert snapshot(source, other) == before


def test_a_name_too_long_is_refused_in_french(town, tmp_path, capsys):
    source, _ = town
    assert_refused(run(["report"], source, tmp_path / ("r" * 300 + ".pdf")), capsys, "trop long")


def test_a_file_system_without_file_identity_does_not_make_every_file_the_source(
    tmp_path, monkeypatch
):
    """Wine (and some network drives) give every file inode 0: two files are not one."""
    import os

    from evalir_desktop import output_guard

    source = tmp_path / "mairie.evalir"
    other = tmp_path / "rapport du conseil.pdf"
    source.write_bytes(b"a")
    other.write_bytes(b"b")
    real_stat = os.stat

    def stat_without_identity(path, *args, **kwargs):
        result = real_stat(path, *args, **kwargs)
        values = list(result)
        values[1] = 0  # st_ino
        return os.stat_result(values)

    monkeypatch.setattr(output_guard.os, "stat", stat_without_identity)
    assert not output_guard._same_place(other, source)
    assert output_guard._same_place(source, tmp_path / "." / "mairie.evalir")


def test_windows_paths_keep_their_drive_and_only_the_file_loses_its_stream():
    """« C: » is a drive: two files of one Windows disk are not the same name."""
    from evalir_desktop.output_guard import comparable_name, protected_kind

    report = comparable_name(r"C:\users\agent\Documents\rapport du conseil.pdf")
    town = comparable_name(r"C:\users\agent\Documents\mairie.evalir")
    assert report != town
    assert comparable_name(r"C:\Docs\Mairie.EVALIR:flux") == comparable_name(
        r"c:\docs\mairie.evalir"
    )
    assert protected_kind(r"C:\users\agent\rapport.pdf") == ""
    assert protected_kind(r"C:\users\agent\copie.evalir:flux") == ".evalir"
