"""The offline user guide: one page per screen, each with a title, its screenshots present."""

from pathlib import Path

from evalir_desktop.guide import guide_folder, guide_pages, whole_guide


def test_every_page_has_a_title_and_its_images_exist():
    pages = guide_pages()
    ids = [page.id for page in pages]
    for screen in (
        "accueil",
        "nouvelle_evaluation",
        "questions",
        "resultats",
        "plan_action",
        "decision",
        "rapports",
        "partage",
        "territoire",
        "aide",
    ):
        assert screen in ids
    for page in pages:
        assert page.title and page.title != page.id
        for image in page.images():
            assert (guide_folder() / image).is_file(), image
    assert sum(len(page.images()) for page in pages) >= 8
    assert all(page.html in whole_guide(pages) for page in pages)


def test_both_screen_sizes_were_captured():
    images = guide_folder() / "images"  # shipped; the 1024 ones are for the README
    docs = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
    for name in ("accueil-vide", "accueil-liste", "question", "resultats", "plan-action"):
        assert (images / f"{name}-1366.png").is_file()
        assert (docs / f"{name}-1024.png").is_file()
