"""Pictures of the dossier documents: `python scripts/screenshots_documents.py [DIR]`.

The report window with the explanation letter (under Xvfb, at 1024 × 768 and 1366 × 768),
then the first page of the deliberation (PDF), the letter and the request form (PDF), and
the full report written as DOCX and ODT then opened by LibreOffice (pdftoppm, soffice).
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def ensure_display() -> None:
    if os.environ.get("DISPLAY") or os.environ.get("EVALIR_SCREENSHOTS_CHILD"):
        return
    env = {**os.environ, "EVALIR_SCREENSHOTS_CHILD": "1", "QT_QPA_PLATFORM": "xcb"}
    command = ["xvfb-run", "-a", "-s", "-screen 0 1400x800x24 -dpi 96", sys.executable]
    sys.exit(subprocess.call([*command, *sys.argv], env=env))


def page_png(pdf: Path, out: Path, page: int = 1) -> None:
    stem = out.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", str(page), "-l", str(page), "-singlefile"]
        + [str(pdf), str(stem)],
        check=True,
    )
    print(out)


def find_page(pdf: Path, text: str) -> int:
    """The first page whose text starts a line with `text` (pdftotext)."""
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for number, page in enumerate(pages.split("\f")[1:], 2):
        if any(line.startswith(text) for line in page.splitlines()):
            return number
    return 1


def documents(path: Path, assessment_id: str, out: Path, work: Path) -> None:
    from datetime import date

    from evalir_desktop.report import ReportOptions, build
    from evalir_desktop.report.inhabitants import LetterFields
    from evalir_desktop.store import Store

    person = LetterFields(
        nom="Mme Josiane Martin",
        adresse="3 rue des Lilas\n38000 Saint-Martin",
        date_demande=date(2026, 11, 10),
        decision="Réponse à la demande d'aide du 2 octobre 2026 (réf. AS-2026-114)",
        parametres="Quotient familial : poids 40 % ; distance : poids 60 %",
        signataire="Le maire",
    )
    from evalir_desktop.report import report_data

    with Store.open(path, readonly=True) as store:
        data = report_data(store, assessment_id)
    for kind, name in (("deliberation", "projet-deliberation"), ("lettre", "lettre-explication")):
        pdf = work / f"{name}.pdf"
        pdf.write_bytes(build(data, ReportOptions(kind, letter=person)))
        page_png(pdf, out / f"{name}.png")
    editable = []
    for fmt in ("docx", "odt"):
        target = work / f"rapport-{fmt}.{fmt}"
        target.write_bytes(build(data, ReportOptions("complet", format=fmt)))
        editable.append(target)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{work}/lo", "--headless", "--convert-to"]
        + ["pdf", "--outdir", str(work), *map(str, editable)],
        check=True,
        capture_output=True,
    )
    for fmt, heading in (("docx", "Évaluation"), ("odt", "4. Maturité par axe")):
        pdf = work / f"rapport-{fmt}.pdf"
        page = 1 if fmt == "docx" else find_page(pdf, heading)
        page_png(pdf, out / f"rapport-{fmt}-libreoffice.png", page)


def window_shots(path: Path, assessment_id: str, out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from evalir_desktop.ui.main_window import MainWindow
    from evalir_desktop.ui.report.dialog import open_report_dialog

    app = QApplication.instance()
    window = MainWindow()
    window.show()
    window.open_path(path)
    for _ in range(30):
        app.processEvents()
    for width in (1024, 1366):
        dialog = open_report_dialog(
            window, window.store, window.load_content(), assessment_id, "lettre"
        )
        dialog.resize(width, 768)
        dialog.letter.nom.setText("Mme Josiane Martin")
        dialog.letter.has_date.setChecked(True)
        dialog.letter.parametres.setPlainText("Quotient familial : poids 40 %")
        dialog.refresh()
        dialog.wait()
        for _ in range(40):
            app.processEvents()
        dialog.grab().save(str(out / f"fenetre-lettre-{width}.png"))
        print(out / f"fenetre-lettre-{width}.png")
        dialog.close()
    window.close()


def main() -> int:
    ensure_display()
    from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
    from PySide6.QtWidgets import QApplication

    from scripts.demo_report import make_demo

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="evalir-documents-"))
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("EVALIR-captures")
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(work / "settings"))
    QApplication(sys.argv[:1])
    path = work / "Mairie de Saint-Martin" / "évaluations IA.evalir"
    path.parent.mkdir(parents=True)
    assessment_id = make_demo(path)
    window_shots(path, assessment_id, out)
    documents(path, assessment_id, out, work)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
