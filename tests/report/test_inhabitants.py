"""Documents for inhabitants: explanation letter (R311-3-1-2) and request form."""

from datetime import date

import pytest
from pydantic import ValidationError

from evalir_desktop.cli import main as evalir
from evalir_desktop.report import ReportOptions, build
from evalir_desktop.report.inhabitants import LetterFields, form_document, letter_document
from evalir_desktop.report.model import plain_text
from tests.report.conftest import norm
from tests.report.editable import convert_to_pdf, docx_text, needs_libreoffice, odt_text
from tests.report.factories import demo_assessment
from tests.report.pdftext import body_text

PERSON = LetterFields(
    nom="Mme Josiane Martinez-Ibáñez",
    adresse="3 rue des Lilas\n06660 Saint-Étienne-de-Tinée",
    date_demande=date(2026, 11, 10),
    decision="Refus d'aide au transport scolaire du 2 octobre 2026 (réf. AS-2026-114)",
    donnees="Quotient familial transmis par la CAF ; adresse du foyer",
    parametres="Quotient familial : poids 40 % ; distance à l'école : poids 60 %",
    operations="Le score a été comparé au seuil de 50 fixé par le conseil.",
    signataire="Le maire, Jean Dupont",
)
TYPED = [PERSON.nom, "AS-2026-114", "Quotient familial transmis", "seuil de 50 fixé"]


def test_letter_has_the_four_items_the_person_and_the_cada(demo):
    text = norm(plain_text(letter_document(demo.data, PERSON).blocks))
    for item in (
        "1. Le degré et le mode de contribution du traitement à la décision",
        "2. Les données traitées et leurs sources",
        "3. Les paramètres du traitement et leur pondération, appliqués à votre situation",
        "4. Les opérations effectuées par le traitement",
        "R311-3-1-2",
        "Commission d'accès aux documents administratifs (CADA)",
        "délai d'un mois",
        "Par votre demande du 10 novembre 2026",
    ):
        assert norm(item) in text
    for typed in TYPED + ["06660 Saint-Étienne-de-Tinée", "Le maire, Jean Dupont"]:
        assert norm(typed) in text
    assert norm(demo.data.text_answer("donnees.sources"))[:40] in text  # from the assessment
    assert PERSON.answer_by() == date(2026, 12, 10)


def test_letter_without_the_person_marks_every_blank(demo):
    text = plain_text(letter_document(demo.data).blocks)
    for blank in ("nom et prénom", "date de votre demande", "paramètres retenus"):
        assert f"[à compléter : {blank}" in text


def test_fields_are_validated_like_input():
    with pytest.raises(ValidationError):
        LetterFields(nom="x" * 201)
    with pytest.raises(ValidationError):
        LetterFields(date_demande="10/11/2026")
    assert LetterFields(nom="  Jo\x07sé\x1b  ").nom == "José"


def test_request_form_lists_what_can_be_asked(demo):
    text = norm(plain_text(form_document(demo.data).blocks))
    assert "Demande d'explication sur une décision prise à l'aide d'un algorithme" in text
    for item in ("Le degré et le mode de contribution", "Les données traitées et leurs sources"):
        assert item in text
    assert "CADA" in text and "Nom et prénom" in text and norm(demo.data.project) in text


@pytest.mark.parametrize(("fmt", "reader"), [("odt", odt_text), ("docx", docx_text)])
def test_letter_in_editable_formats(demo, fmt, reader):
    payload = build(demo.data, ReportOptions("lettre", format=fmt, letter=PERSON))
    text = norm(reader(payload))
    assert norm(PERSON.nom) in text and "R311-3-1-2" in text


def test_letter_fields_from_the_command_line_are_never_stored(store, tmp_path, capsys):
    assessment_id = demo_assessment(store, comment_length=20, actions=2)
    path = store.path
    store.close()
    out = tmp_path / "lettre.pdf"
    args = ["report", str(path), "--assessment", assessment_id, "--type", "lettre"]
    args += [f"--champ=nom={PERSON.nom}", "--champ=decision=Réf. AS-2026-114"]
    args += ["--champ=date_demande=2026-11-10", "-o", str(out)]
    assert evalir(args) == 0, capsys.readouterr().err
    text = norm(body_text(out.read_bytes()))
    assert norm(PERSON.nom) in text and "AS-2026-114" in text
    share = tmp_path / "envoi"
    share.mkdir()
    assert evalir(["share", str(path), "-o", str(share)]) == 0
    for stored in [path, *share.iterdir(), *path.parent.glob("*journal*")]:
        content = stored.read_bytes()
        for typed in (PERSON.nom, "AS-2026-114"):
            assert typed.encode("utf-8") not in content, stored
            assert typed.encode("utf-16-le") not in content, stored


@pytest.mark.parametrize(
    ("champ", "message"),
    [("age=12", "CLE parmi nom"), ("date_demande=hier", "date attendue"), ("nom", "CLE=VALEUR")],
)
def test_bad_letter_fields_are_refused(store, tmp_path, capsys, champ, message):
    demo_assessment(store, comment_length=20, actions=0)
    path = store.path
    store.close()
    out = tmp_path / "l.pdf"
    assert evalir(["report", str(path), "--type", "lettre", "--champ", champ, "-o", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


@needs_libreoffice
def test_inhabitant_documents_convert(demo, tmp_path):
    files = []
    for kind in ("lettre", "formulaire"):
        for fmt in ("odt", "docx"):
            path = tmp_path / f"{kind}.{fmt}"
            path.write_bytes(build(demo.data, ReportOptions(kind, format=fmt, letter=PERSON)))
            files.append(path)
    for source, pdf in convert_to_pdf(files, tmp_path / "pdf").items():
        text = norm(body_text(pdf.read_bytes()))
        assert "CADA" in text, source.name
