"""The « Produits et dossiers partagés » tab: who uses each tool, and its shared dossier."""

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from evalir_desktop.domain.slug import slug
from evalir_desktop.file_names import cut_at_word
from evalir_desktop.french import first_upper
from evalir_desktop.output_guard import OutputRefused
from evalir_desktop.product.dossier import FILE_FILTER, SUFFIX
from evalir_desktop.store import Store, StoreError
from evalir_desktop.territory.view_models import ProductRow, TerritoryView
from evalir_desktop.ui.territory import tables
from evalir_desktop.ui.widgets.save_target import ask_save_target

PRODUCT_COLUMNS = [
    QT_TRANSLATE_NOOP("TerritoryTables", "Produit"),
    QT_TRANSLATE_NOOP("TerritoryTables", "Fournisseur"),
    QT_TRANSLATE_NOOP("TerritoryTables", "Dossier partagé"),
    QT_TRANSLATE_NOOP("TerritoryTables", "Communes"),
    QT_TRANSLATE_NOOP("TerritoryTables", "Liste des communes"),
    QT_TRANSLATE_NOOP("TerritoryTables", "Évaluation la plus complète"),
]


def best_label(row: ProductRow) -> str:
    if row.best is None:
        return "Aucune réponse sur l'outil"
    answers = row.best.product_answers
    count = "1 réponse" if answers == 1 else f"{answers} réponses"
    return f"{row.best.town.nom} — {row.best.title} ({count} sur l'outil)"


def fill_products(model, view: TerritoryView) -> None:
    tables.fill(
        model,
        PRODUCT_COLUMNS,
        [
            [
                row.name,
                row.supplier,
                row.dossier,
                len(row.towns),
                ", ".join(town.nom for town in row.towns),
                best_label(row),
            ]
            for row in view.products
        ],
        keys=[row.key for row in view.products],
    )


class ProductsTab(QWidget):
    """Emits `dossier_written` once a dossier has been written and recorded."""

    dossier_written = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        intro = QLabel(
            self.tr(
                "Quand plusieurs communes utilisent le même outil, un dossier de produit "
                "partagé leur évite de répondre chacune aux questions sur le fournisseur et "
                "le fonctionnement de l'outil. Choisissez un produit, puis écrivez son dossier "
                "à partir de l'évaluation la plus complète, et envoyez-le aux communes."
            )
        )
        intro.setWordWrap(True)
        self.table, self.model = tables.table(self.tr("Produits et dossiers partagés"))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.update_button())
        self.write_button = QPushButton(
            self.tr("Écrire le &dossier de produit depuis l'évaluation la plus complète…")
        )
        self.write_button.setEnabled(False)
        self.write_button.clicked.connect(self.ask_write)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.write_button, 0, Qt.AlignLeft)

    def fill(self, view: TerritoryView) -> None:
        fill_products(self.model, view)
        tables.fit_columns(self.table)
        self.update_button()

    def current(self) -> ProductRow | None:
        index = self.table.currentIndex()
        view = self.window_.view
        if not index.isValid() or view is None:
            return None
        key = self.model.item(index.row(), 0).data(Qt.UserRole)
        return next((row for row in view.products if row.key == key), None)

    def update_button(self) -> None:
        row = self.current()
        self.write_button.setEnabled(
            row is not None and row.best is not None and not self.window_.busy
        )

    def ask_write(self) -> None:
        row = self.current()
        if row is None or row.best is None:
            return
        suggested = f"Dossier produit - {cut_at_word(slug(row.name), 60, '-')}{SUFFIX}"
        target = ask_save_target(
            self,
            self.tr("Dossier de produit partagé"),
            suggested,
            self.tr(FILE_FILTER),
            SUFFIX,
            sources=[self.window_.path],
            creates=SUFFIX,
        )
        if target:
            self.write(row, target.path)

    def write(self, row: ProductRow, path: Path) -> Path | None:
        """Write the dossier of the row's most complete assessment and record it."""
        from evalir_desktop.territory.dossiers import write_product_dossier
        from evalir_desktop.ui.dialogs.product_dossier import not_written, tell_written

        try:
            with Store.open(self.window_.path) as store:
                written, dossier = write_product_dossier(
                    store, self.window_.content, row.best.assessment_id, path
                )
        except (StoreError, OutputRefused) as error:
            self.window_.warn(first_upper(str(error)))
            return None
        except OSError as error:
            self.window_.warn(not_written(error))
            return None
        tell_written(self, dossier, written)
        self.dossier_written.emit(str(written))
        return written
