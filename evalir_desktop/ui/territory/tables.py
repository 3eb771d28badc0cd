"""Fill the territory window's tables and tree from the pure territory views."""

from collections import Counter

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
)

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


def table(name: str) -> tuple[QTableView, QStandardItemModel]:
    view, model = QTableView(), QStandardItemModel()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setMaximumSectionSize(340)  # long project titles wrap instead of hiding the rest
    header.setStretchLastSection(True)
    view.setAccessibleName(name)
    return view, model


def fit_columns(view: QTableView) -> None:
    """Size columns to their text (capped), then rows to the wrapped text."""
    view.resizeColumnsToContents()
    view.resizeRowsToContents()


def item(value) -> QStandardItem:
    """A read-only cell; numbers keep their type so that sorting is numeric."""
    cell = QStandardItem()
    if isinstance(value, int | float):
        cell.setData(value, Qt.DisplayRole)
    else:
        cell.setText("" if value is None else str(value))
    cell.setEditable(False)
    return cell


def fill(
    model: QStandardItemModel, headers: list[str], rows: list[list], keys: list | None = None
) -> None:
    """Fill a table; `keys[i]` (what a double-click on line i opens) goes with its first cell,
    so that it follows the line when the table is sorted."""
    model.clear()
    model.setHorizontalHeaderLabels([QCoreApplication.translate(CONTEXT, h) for h in headers])
    for index, values in enumerate(rows):
        cells = [item(value) for value in values]
        if keys is not None and cells:
            cells[0].setData(keys[index], Qt.UserRole)
        model.appendRow(cells)


def fill_assessments(model: QStandardItemModel, rows: list[AssessmentRow]) -> None:
    fill(
        model,
        [name for name, _ in ROW_COLUMNS],
        [[get(r) for _, get in ROW_COLUMNS] for r in rows],
        keys=[r.assessment_id for r in rows],
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
                ", ".join(t.shown for t in o.towns),
            ]
            for o in view.obligations
        ],
        keys=[o.id for o in view.obligations],
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
        [m.town.shown, m.assessment_count, *(score(m.scores[a.id]) for a in view.axes)]
        for m in view.maturity
    ]
    fill(model, headers, rows, keys=[None, *(m.town.commune_id for m in view.maturity)])


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
        keys=[u.question_id for u in view.unknowns],
    )


def wrapping_tree(name: str) -> QTreeWidget:
    """A tree whose long titles wrap in the first column (not « Même pro… »)."""
    tree = QTreeWidget()
    tree.setAccessibleName(name)
    tree.setColumnCount(2)
    tree.setWordWrap(True)
    tree.setUniformRowHeights(False)
    tree.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
    return tree


def projects_label(titles: list[str]) -> str:
    """« Chatbot ; Caméras (2) »: each title once, with how many projects bear it."""
    counts = Counter(titles)
    return "\u202f; ".join(
        title if count == 1 else f"{title} ({count})" for title, count in counts.items()
    )


def fill_groups(tree: QTreeWidget, view: TerritoryView) -> None:
    """One top-level item per group (kind, title, number of towns), then each of its towns
    once, with its projects concerned: as many town rows as the number shown."""
    tree.clear()
    tree.setHeaderLabels(
        [
            QCoreApplication.translate(CONTEXT, "Opportunité de mutualisation"),
            QCoreApplication.translate(CONTEXT, "Communes"),
        ]
    )
    for index, group in enumerate(view.opportunities):
        top = QTreeWidgetItem([f"{group.kind_label}\u202f: {group.title}", str(group.town_count)])
        top.setData(0, Qt.UserRole, index)
        top.setToolTip(0, plain_tooltip(group.explanation))
        for position, member in enumerate(group.members):
            projects = projects_label([project.title for project in member.projects])
            label = member.town.shown + (f" — {projects}" if projects else "")
            child = QTreeWidgetItem([label, member.town.insee])
            child.setData(0, Qt.UserRole, index)
            child.setData(1, Qt.UserRole, position)
            child.setToolTip(0, plain_tooltip(label))
            top.addChild(child)
        tree.addTopLevelItem(top)


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
            towns = ", ".join(town.shown for town in obligation.towns)
            child = QTreeWidgetItem(
                [f"{obligation.title} ({obligation.level_label})", str(len(obligation.towns))]
            )
            child.setToolTip(0, plain_tooltip(towns))
            child.addChild(QTreeWidgetItem([towns, ""]))
            top.addChild(child)
        tree.addTopLevelItem(top)
        top.setExpanded(True)
    tree.resizeColumnToContents(1)
