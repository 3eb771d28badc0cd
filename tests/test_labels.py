"""Every stored code has its French label, kept beside the `Literal` that names the codes."""

from typing import get_args

import pytest

from evalir_desktop.content.models import (
    LEVEL_LABELS,
    PRIORITY_LABELS,
    ROLE_LABELS,
    Level,
    Priority,
    Role,
)
from evalir_desktop.domain.annexes import (
    ATTACHMENT_KIND_LABELS,
    AUDIENCE_LABELS,
    REVIEWER_ROLE_LABELS,
    REVIEWER_ROLE_SHORT,
    VERDICT_LABELS,
    AttachmentKind,
    ReviewerRole,
    TrainingAudience,
    Verdict,
)
from evalir_desktop.domain.commune import DPD_LABELS, DpdChoice
from evalir_desktop.domain.records import (
    ACTION_PRIORITY_LABELS,
    ACTION_STATUS_LABELS,
    OUTCOME_LABELS,
    STATUS_LABELS,
    ActionPriority,
    ActionStatus,
    AssessmentStatus,
    DecisionOutcome,
)
from evalir_desktop.territory.models import FILE_STATUS_LABELS, FileStatus


@pytest.mark.parametrize(
    ("codes", "labels"),
    [
        (AssessmentStatus, STATUS_LABELS),
        (ActionStatus, ACTION_STATUS_LABELS),
        (ActionPriority, ACTION_PRIORITY_LABELS),
        (Level, LEVEL_LABELS),
        (Priority, PRIORITY_LABELS),
        (Role, ROLE_LABELS),
        (DpdChoice, DPD_LABELS),
        (FileStatus, FILE_STATUS_LABELS),
        (AttachmentKind, ATTACHMENT_KIND_LABELS),
        (ReviewerRole, REVIEWER_ROLE_LABELS),
        (ReviewerRole, REVIEWER_ROLE_SHORT),
        (Verdict, VERDICT_LABELS),
        (TrainingAudience, AUDIENCE_LABELS),
    ],
)
def test_each_code_has_exactly_one_label(codes, labels):
    assert set(labels) == set(get_args(codes))
    assert all(label.strip() for label in labels.values())


def test_every_decision_outcome_has_a_label():
    assert set(OUTCOME_LABELS) == set(get_args(DecisionOutcome)) - {""}


def test_one_spelling_for_each_role():
    from evalir_desktop.domain.annexes import REVIEWER_ROLE_LABELS

    for code, label in REVIEWER_ROLE_LABELS.items():
        assert label == ROLE_LABELS[code]
    assert ROLE_LABELS["elu"] == "Élu"
