"""The `evalir` command under Wine: the whole chain on an accented path, UTF-8 when piped."""

import json
import re
from pathlib import Path

from checklog import CheckLog
from pypdf import PdfReader
from wine_prefix import Wine

TOWN = "Saint-Étienne-de-Tinée"
INSEE = "06120"
TITLE = "Agent conversationnel de l'accueil"
ANSWER = "besoin.origine=elus"


def utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return None


def json_of(data: bytes):
    """The UTF-8 JSON document in `data`, or None."""
    try:
        return json.loads(utf8(data) or "")
    except json.JSONDecodeError:
        return None


def pdf_text(path: Path) -> str:
    """The text of every page, or "" when the file is not a readable PDF."""
    try:
        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    except Exception:  # pypdf raises many kinds of errors on broken files
        return ""


def check_pdf(log: CheckLog, label: str, path: Path) -> None:
    text = pdf_text(path) if path.is_file() else ""
    joined = "".join(text.split())  # a table cell may wrap the name over two lines
    log.check(f"{label}: {path.name} is a valid PDF that names {TOWN}", TOWN in joined, text[:200])


def run_chain(log: CheckLog, wine: Wine, label: str, command: str, folder: Path) -> None:
    """`evalir init/new/answer/evaluate/report/share/consolidate` with `command`.

    `folder` is a Unix path inside the prefix; every output goes to a pipe.
    """

    def evalir(*arguments: str):
        return wine.run(command, *arguments, timeout=600)

    def win(path: Path) -> str:
        return wine.windows_path(path)

    def failed(result) -> str:
        return (result.stdout + result.stderr).decode("utf-8", "replace")[-1500:]

    town_file = folder / "Mairie de Saint-Étienne" / "évaluations IA.evalir"
    town_file.parent.mkdir(parents=True, exist_ok=True)
    version = evalir("--version")
    log.check(f"{label}: evalir --version", version.returncode == 0, failed(version))

    made = evalir("init", win(town_file), "--nom", TOWN, "--insee", INSEE, "--population", "4800")
    text = utf8(made.stdout)
    log.require(
        f"{label}: evalir init on « {win(town_file)} », output in UTF-8",
        made.returncode == 0
        and town_file.is_file()
        and text == f"Fichier créé : {win(town_file)}\n",
        failed(made),
    )
    checked = evalir("check", win(town_file))
    log.check(f"{label}: evalir check", checked.returncode == 0, failed(checked))

    content = json_of(evalir("content", "--json").stdout) or {}
    template = content["templates"][0]["id"] if content.get("templates") else ""
    new = evalir("new", win(town_file), "--titre", TITLE, "--modele", template)
    assessment = (utf8(new.stdout) or "").strip()
    log.require(
        f"{label}: evalir new --modele {template}",
        re.fullmatch(r"[0-9a-f-]{36}", assessment),
        failed(new),
    )
    answered = evalir("answer", win(town_file), "--assessment", assessment, ANSWER)
    log.check(
        f"{label}: evalir answer {ANSWER}",
        answered.returncode == 0 and "1 réponse enregistrée." in (utf8(answered.stdout) or ""),
        failed(answered),
    )

    evaluated = evalir("evaluate", win(town_file), "--assessment", assessment)
    text = utf8(evaluated.stdout) or ""
    log.check(
        f"{label}: evalir evaluate piped writes UTF-8 (« → », accents)",
        evaluated.returncode == 0 and "→" in text and "Ce que le droit prévoit" in text,
        failed(evaluated),
    )
    as_json = evalir("evaluate", win(town_file), "--assessment", assessment, "--json")
    result = json_of(as_json.stdout) or {}
    obligations = result.get("obligations") or []
    log.check(
        f"{label}: evalir evaluate --json is UTF-8 JSON with obligations and axes",
        as_json.returncode == 0 and result.get("axes") and any(o["reference"] for o in obligations),
        failed(as_json),
    )

    report = folder / "rapport du conseil.pdf"
    written = evalir("report", win(town_file), "--assessment", assessment, "-o", win(report))
    log.check(f"{label}: evalir report", written.returncode == 0, failed(written))
    check_pdf(log, label, report)

    outbox = folder / "envoi à l'EPCI"
    outbox.mkdir()
    shared = evalir("share", win(town_file), "-o", win(outbox), "--anonymiser")
    copies = list(outbox.glob(f"{INSEE}-*.evalir"))
    log.check(
        f"{label}: evalir share --anonymiser", shared.returncode == 0 and copies, failed(shared)
    )

    territory = folder / "territoire.evalir"
    merged = evalir("consolidate", win(outbox), "-o", win(territory), "--json")
    statuses = [item.get("status") for item in (json_of(merged.stdout) or {}).get("files", [])]
    log.check(
        f"{label}: evalir consolidate imports the copy",
        merged.returncode == 0 and statuses == ["imported"],
        failed(merged),
    )
    territory_report = folder / "rapport du territoire.pdf"
    written = evalir("report", win(territory), "--territoire", "-o", win(territory_report))
    log.check(f"{label}: evalir report --territoire", written.returncode == 0, failed(written))
    check_pdf(log, label, territory_report)
