"""The assessment content: models, loader, condition language and answer checks."""

from evalir_desktop.content.conditions import (
    Condition,
    Context,
    Fact,
    facts,
    holds,
    parse_condition,
)
from evalir_desktop.content.errors import ContentError
from evalir_desktop.content.loader import load_archived_content, load_content, load_content_from
from evalir_desktop.content.models import (
    BINDING_LEVELS,
    LEVEL_LABELS,
    PRIORITY_LABELS,
    ROLE_LABELS,
    Axis,
    Content,
    GlossaryEntry,
    Option,
    Question,
    Recommendation,
    Rule,
    RuleCase,
    Template,
)
from evalir_desktop.content.validation import (
    UNKNOWN_LABEL,
    display_answer,
    display_value,
    parse_value,
    validate_answer,
)
from evalir_desktop.content.visibility import effective_answers, is_visible, visible_questions

__all__ = [
    "BINDING_LEVELS",
    "LEVEL_LABELS",
    "PRIORITY_LABELS",
    "ROLE_LABELS",
    "UNKNOWN_LABEL",
    "Axis",
    "Condition",
    "Content",
    "ContentError",
    "Context",
    "Fact",
    "GlossaryEntry",
    "Option",
    "Question",
    "Recommendation",
    "Rule",
    "RuleCase",
    "Template",
    "display_answer",
    "display_value",
    "effective_answers",
    "facts",
    "holds",
    "is_visible",
    "load_archived_content",
    "load_content",
    "load_content_from",
    "parse_condition",
    "parse_value",
    "validate_answer",
    "visible_questions",
]
