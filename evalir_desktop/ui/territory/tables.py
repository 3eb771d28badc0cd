"""Fill the territory window's tables and tree from the pure territory views."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from evalir_desktop.territory.views import AssessmentRow, TerritoryView

ROW_COLUMNS = [
    ("Commune", lambda r: r.commune),
    ("Projet", lambda r: r.title),
    ("Type d'IA", lambda r: r.ai_type_label),
    ("Fournisseur", lambda r: r.supplier),
    ("Statut", lambda r: r.status_label),
    ("Complétude (%)", lambda r: r.completion),
    ("Obligations", lambda r: r.obligation_count),
    ("« Je ne sais pas »", lambda r: r.unknown_count),
    ("Décision", lambda r: r.decision_label),
]


def item(value) -> QStandardItem:
    """A read-only cell; numbers keep their type so that sorting is numeric."""
    cell = QStandardItem()
    if isinstance(value, int | float):
        cell.setData(value, Qt.DisplayRole)
    else:
        cell.setText("" if value is None else str(value))
    cell.setEditable(False)
    return cell


def fill(model: QStandardItemModel, headers: list[str], rows: list[list]) -> None:
    model.clear()
    model.setHorizontalHeaderLabels(headers)
    for values in rows:
        model.appendRow([item(value) for value in values])


def fill_assessments(model: QStandardItemModel, rows: list[AssessmentRow]) -> None:
    fill(
        model, [name for name, _ in ROW_COLUMNS], [[get(r) for _, get in ROW_COLUMNS] for r in rows]
    )


def fill_obligations(model: QStandardItemModel, view: TerritoryView) -> None:
    fill(
        model,
        ["Obligation", "Niveau", "Référence", "Communes", "Évaluations", "Liste des communes"],
        [
            [
                o.title,
                o.level_label,
                o.reference,
                o.town_count,
                o.assessment_count,
                ", ".join(t.nom for t in o.towns),
            ]
            for o in view.obligations
        ],
    )


def score(value: float | None) -> str | float:
    return "—" if value is None else value


def fill_maturity(model: QStandardItemModel, view: TerritoryView) -> None:
    headers = ["Commune", "Évaluations", *(axis.title for axis in view.axes)]
    average = {a.id: a.average for a in view.averages}
    rows = [["Moyenne du territoire", len(view.rows), *(score(average[a.id]) for a in view.axes)]]
    rows += [
        [m.town.nom, m.assessment_count, *(score(m.scores[a.id]) for a in view.axes)]
        for m in view.maturity
    ]
    fill(model, headers, rows)


def fill_unknowns(model: QStandardItemModel, view: TerritoryView) -> None:
    fill(
        model,
        ["Question", "À demander à", "Communes", "Évaluations"],
        [[u.label, u.role_label, u.town_count, u.assessment_count] for u in view.unknowns],
    )


def fill_groups(tree: QTreeWidget, view: TerritoryView) -> None:
    """One top-level item per group (kind, title, towns), its towns and projects below."""
    tree.clear()
    tree.setHeaderLabels(["Opportunité de mutualisation", "Communes"])
    for index, group in enumerate(view.opportunities):
        top = QTreeWidgetItem([f"{group.kind_label} : {group.title}", str(group.town_count)])
        top.setData(0, Qt.UserRole, index)
        top.setToolTip(0, group.explanation)
        for member in group.members:
            label = member.town.nom + (f" — {member.title}" if member.title else "")
            child = QTreeWidgetItem([label, member.town.insee])
            child.setData(0, Qt.UserRole, index)
            top.addChild(child)
        tree.addTopLevelItem(top)
    tree.resizeColumnToContents(1)
