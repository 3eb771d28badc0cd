"""A file of an older schema opened read-only is read as it is: it has no attachments,
opinions or trainings, and says so by empty lists rather than an error."""

import shutil
from pathlib import Path

from evalir_desktop.content import load_content
from evalir_desktop.report.data import report_data
from evalir_desktop.store import Store

V2 = Path(__file__).parents[1] / "fixtures" / "schema-v2.evalir"


def test_a_v2_file_read_only_reads_without_the_new_tables(tmp_path):
    path = tmp_path / "ancienne.evalir"
    shutil.copy(V2, path)
    with Store.open(path, readonly=True) as store:
        assert store.schema_version == 2
        record = store.assessments.all()[0]
        assert store.attachments.of(record.id) == [] and store.opinions.of(record.id) == []
        assert store.trainings.of() == [] and store.attachments.total() == 0
        assert store.check_rows() == []
        data = report_data(store, record.id, load_content())
        assert data.attachments == [] and data.reviews == [] and data.trainings == []
