"""What the report window does, without Qt: read an assessment, build and name documents."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from evalir_desktop.content import Content
from evalir_desktop.output_guard import write_output
from evalir_desktop.report.api import ReportOptions, build, default_file_name, output_for
from evalir_desktop.report.data import ReportData, session_report_data
from evalir_desktop.report.mention import mention_text
from evalir_desktop.report.supplier import default_supplier_ids
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.store import Store


@dataclass(frozen=True)
class SupplierChoice:
    """One question the agent may tick for the supplier questionnaire."""

    question_id: str
    label: str
    ticked: bool


@dataclass(frozen=True)
class AxisChoices:
    """The questions of one axis offered for the supplier questionnaire."""

    axis_id: str
    title: str
    questions: list[SupplierChoice]


class ReportController:
    """One assessment's documents: read in the caller's thread, built anywhere.

    `read()` touches the store, so it runs in the thread that owns it; `build()` only
    works on the data read, so the window runs it in a worker thread.
    """

    def __init__(self, store: Store, content: Content, assessment_id: str):
        self.store = store
        self.session = AssessmentSession(store, content, assessment_id)

    @property
    def title(self) -> str:
        return self.session.record.title

    def read(self) -> ReportData:
        """The assessment as it is now in the file, evaluated."""
        return session_report_data(self.session)

    def build(self, data: ReportData, options: ReportOptions) -> bytes:
        return build(data, options)

    def suggested_path(self, kind: str, data: ReportData, fmt: str = "pdf") -> Path:
        """Beside the `.evalir` file, named after the document, the project and the date."""
        return self.store.path.parent / default_file_name(output_for(kind), data, fmt)

    def formats(self, kind: str) -> tuple[str, ...]:
        """The formats `kind` can be saved in: PDF, and ODT and DOCX for the editable ones."""
        return output_for(kind).formats

    def supplier_choices(self, data: ReportData) -> list[AxisChoices]:
        """The questions shown to the town, by axis; those for the supplier ticked."""
        ticked = default_supplier_ids(data)
        visible = data.visible_questions()
        groups = []
        for axis in data.content.axes:
            questions = [
                SupplierChoice(q.id, q.label, q.id in ticked)
                for q in visible
                if q.axis_id == axis.id
            ]
            if questions:
                groups.append(AxisChoices(axis.id, axis.title, questions))
        return groups

    def mention(self, data: ReportData) -> str:
        return mention_text(data)

    def save(self, path: Path, payload: bytes, replace: bool = False) -> None:
        """Write a document in one step through the output guard (never the open file,
        never an EVALIR file, an existing one only if `replace`); OSError or
        OutputRefused, `path` as it was."""
        write_output(path, payload, sources=[self.store.path], replace=replace)
