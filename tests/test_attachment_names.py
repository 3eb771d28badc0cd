"""Issue 21, point 9 and its P2: attachment names decide their real type, hidden
programs are never attached nor opened, and long names are shortened on the way out."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evalir_desktop.attachment_names import (
    BIDI_CONTROLS,
    outgoing_name,
)
from evalir_desktop.domain.attachment_rules import (
    EXECUTABLE_SUFFIXES,
    AttachmentRefused,
    check_type,
    is_executable,
)

DISGUISED = [
    "facture.exe\u202e",  # a trailing override: the extension looked unknown
    "facture\u202efdp.exe",  # reads « factureexe.pdf »
    "facture.exe\u200b",  # a zero-width space after the extension
    "facture.exe\ufeff",
    "facture\uff0e\uff45\uff58\uff45",  # full-width « .exe »
    "facture\u2024exe",  # one-dot leader, a dot once normalised
    "facture.EXE. ",  # Windows drops trailing dots and spaces
    "facture.exe\u3164",  # a Hangul filler: shows nothing
    "facture.js\u2066",
    "dossier/facture.bat",
    "facture.exe:flux",
]


@pytest.mark.parametrize("name", DISGUISED)
def test_a_disguised_program_is_refused(name):
    with pytest.raises(AttachmentRefused) as refused:
        check_type(name)
    text = str(refused.value)
    assert "programme" in text or "sens de l'écriture" in text
    assert not any(char in BIDI_CONTROLS for char in text)


@pytest.mark.parametrize("name", ["rapport\u202e.pdf", "\u200fcontrat.pdf", "note\u2067.txt"])
def test_a_name_with_bidi_controls_is_refused_whatever_its_type(name):
    with pytest.raises(AttachmentRefused, match="sens de l'écriture"):
        check_type(name)


@settings(max_examples=150, deadline=None)
@given(
    st.text(max_size=30),
    st.sampled_from(sorted(EXECUTABLE_SUFFIXES)),
    st.lists(
        st.sampled_from(["\u200b", "\u200d", "\ufeff", "\u3164", " ", ".", "\u2060"]),
        max_size=3,
    ),
)
def test_property_a_program_extension_is_found_behind_invisible_characters(stem, suffix, tail):
    """Property: a program's extension followed by any invisible characters, dots or
    spaces is still a program."""
    name = stem.replace(".", "_") + suffix + "".join(tail)
    assert is_executable(name)


def test_the_window_never_hands_a_program_to_the_system(tmp_path):
    pytest.importorskip("PySide6")
    from evalir_desktop.ui.assessment.attachments_panel import may_open

    assert not may_open("facture.exe\u202e")
    assert not may_open("rapport\u202e.pdf")
    program = tmp_path / "rapport.pdf"
    program.write_bytes(b"MZ\x90\x00" + bytes(60))
    assert not may_open(program.name, program)  # a PE program named like a PDF
    document = tmp_path / "vrai.pdf"
    document.write_bytes(b"%PDF-1.4")
    assert may_open(document.name, document)


def test_a_254_character_name_opens_and_saves_with_its_name_kept_for_display(
    store, make_assessment, tmp_path
):
    record = make_assessment()
    name = "Compte rendu du conseil " + "tres long " * 26
    name = name[: 254 - len(".pdf")] + ".pdf"
    assert len(name) == 254
    source = tmp_path / "source"
    source.mkdir()
    path = source / name
    path.write_bytes(b"%PDF-1.4 compte rendu")
    attachment = store.attachments.add(record.id, path)
    assert store.attachments.get(attachment.id).name == name  # the original, for display
    opened = store.attachments.copy_out(attachment.id)
    assert opened.read_bytes() == b"%PDF-1.4 compte rendu"
    assert opened.suffix == ".pdf" and len(opened.name.encode()) <= 200
    out = tmp_path / "copie"
    out.mkdir()
    saved = store.attachments.copy_out(attachment.id, out)
    assert saved.parent == out and saved.name.endswith("….pdf")
    assert saved.name.startswith("Compte rendu du conseil tres long")


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_property_outgoing_names_fit_every_file_system(name):
    out = outgoing_name(name)
    assert out and len(out.encode("utf-8")) <= 200
    assert "/" not in out and "\\" not in out and not any(c in BIDI_CONTROLS for c in out)


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=400), st.sampled_from([".pdf", ".docx", ".odt", ".png"]))
def test_property_a_shortened_name_keeps_its_extension(stem, suffix):
    out = outgoing_name(stem.replace("/", "_").replace("\\", "_") + suffix)
    assert out.endswith(suffix) and len(out.encode("utf-8")) <= 200


def test_a_name_too_long_for_the_disk_is_said_in_french():
    import errno

    from evalir_desktop.store.errors import describe

    text = describe(OSError(errno.ENAMETOOLONG, "File name too long"))
    assert "trop long" in text and "File name" not in text
