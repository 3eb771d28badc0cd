"""Fill the territory window's tables and tree from the pure territory views."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from evalir_desktop.assessment.calendar import months_text
from evalir_desktop.territory.view_models import AssessmentRow, TerritoryView
from evalir_desktop.ui.widgets.plain import plain_tooltip

CONTEXT = "TerritoryTables"  # titles below are marked with it for lupdate


ROW_COLUMNS = [
    (QT_TRANSLATE_NOOP("TerritoryTables", "Commune"), lambda r: r.commune),
    (QT_TRANSLATE_NOOP("TerritoryTables", "Projet"), lambda r: r.title),
    (QT_TRANSLATE_NOOP("TerritoryTables", "Type d'IA"), lambda r: r.ai_type_label),
    (QT_TRANSLATE_NOOP("TerritoryTables", "Fournisseur"), lambda r: r.supplier),
    (QT_TRANSLATE_NOOP("TerritoryTables", "Statut"), lambda r: r.status_label),
    (QT_TRANSLATE_NOOP("TerritoryTables", "Complétude (%)"), lambda r: r.completion),
    (QT_TRANSLATE_NOOP("TerritoryTables", "Obligations"), lambda r: r.obligation_count),
    (QT_TRANSLATE_NOOP("TerritoryTables", "« Je ne sais pas »"), lambda r: r.unknown_count),
    (QT_TRANSLATE_NOOP("TerritoryTables", "Décision"), lambda r: r.decision_label),
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
    model.setHorizontalHeaderLabels([QCoreApplication.translate(CONTEXT, h) for h in headers])
    for values in rows:
        model.appendRow([item(value) for value in values])


def fill_assessments(model: QStandardItemModel, rows: list[AssessmentRow]) -> None:
    fill(
        model, [name for name, _ in ROW_COLUMNS], [[get(r) for _, get in ROW_COLUMNS] for r in rows]
    )


def fill_obligations(model: QStandardItemModel, view: TerritoryView) -> None:
    fill(
        model,
        [
            QT_TRANSLATE_NOOP("TerritoryTables", "Obligation"),
            QT_TRANSLATE_NOOP("TerritoryTables", "Niveau"),
            QT_TRANSLATE_NOOP("TerritoryTables", "Référence"),
            QT_TRANSLATE_NOOP("TerritoryTables", "Communes"),
            QT_TRANSLATE_NOOP("TerritoryTables", "Évaluations"),
            QT_TRANSLATE_NOOP("TerritoryTables", "Liste des communes"),
        ],
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
    headers = [
        QT_TRANSLATE_NOOP("TerritoryTables", "Commune"),
        QT_TRANSLATE_NOOP("TerritoryTables", "Évaluations"),
        *(axis.title for axis in view.axes),
    ]
    average = {a.id: a.average for a in view.averages}
    average_label = QCoreApplication.translate(CONTEXT, "Moyenne du territoire")
    rows = [[average_label, len(view.rows), *(score(average[a.id]) for a in view.axes)]]
    rows += [
        [m.town.nom, m.assessment_count, *(score(m.scores[a.id]) for a in view.axes)]
        for m in view.maturity
    ]
    fill(model, headers, rows)


def fill_unknowns(model: QStandardItemModel, view: TerritoryView) -> None:
    fill(
        model,
        [
            QT_TRANSLATE_NOOP("TerritoryTables", "Question"),
            QT_TRANSLATE_NOOP("TerritoryTables", "À demander à"),
            QT_TRANSLATE_NOOP("TerritoryTables", "Communes"),
            QT_TRANSLATE_NOOP("TerritoryTables", "Évaluations"),
        ],
        [[u.label, u.role_label, u.town_count, u.assessment_count] for u in view.unknowns],
    )


def fill_groups(tree: QTreeWidget, view: TerritoryView) -> None:
    """One top-level item per group (kind, title, towns), its towns and projects below."""
    tree.clear()
    tree.setHeaderLabels(
        [
            QCoreApplication.translate(CONTEXT, "Opportunité de mutualisation"),
            QCoreApplication.translate(CONTEXT, "Communes"),
        ]
    )
    for index, group in enumerate(view.opportunities):
        top = QTreeWidgetItem([f"{group.kind_label} : {group.title}", str(group.town_count)])
        top.setData(0, Qt.UserRole, index)
        top.setToolTip(0, plain_tooltip(group.explanation))
        for member in group.members:
            label = member.town.nom + (f" — {member.title}" if member.title else "")
            child = QTreeWidgetItem([label, member.town.insee])
            child.setData(0, Qt.UserRole, index)
            top.addChild(child)
        tree.addTopLevelItem(top)
    tree.resizeColumnToContents(1)


def fill_upcoming(tree: QTreeWidget, view: TerritoryView) -> None:
    """The timeline: one top-level item per date, its obligations and towns below."""
    tree.clear()
    tree.setHeaderLabels(
        [
            QCoreApplication.translate(CONTEXT, "Date et obligation"),
            QCoreApplication.translate(CONTEXT, "Communes"),
        ]
    )
    for entry in view.upcoming:
        left = months_text(entry.months_left)
        top = QTreeWidgetItem([f"{entry.label} ({left})", str(entry.town_count)])
        for obligation in entry.obligations:
            towns = ", ".join(town.nom for town in obligation.towns)
            child = QTreeWidgetItem(
                [f"{obligation.title} ({obligation.level_label})", str(len(obligation.towns))]
            )
            child.setToolTip(0, plain_tooltip(towns))
            child.addChild(QTreeWidgetItem([towns, ""]))
            top.addChild(child)
        tree.addTopLevelItem(top)
        top.setExpanded(True)
    tree.resizeColumnToContents(1)
