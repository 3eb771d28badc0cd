"""The rows beside the answers, as one mixin of `Store`: attachments, reviewers'
opinions and the AI literacy record (schema v3)."""

from evalir_desktop.store.attachment_records import AttachmentRecords
from evalir_desktop.store.opinion_records import OpinionRecords
from evalir_desktop.store.training_records import TrainingRecords


class AnnexRecords(AttachmentRecords, OpinionRecords, TrainingRecords):
    """Attachments, opinions and trainings of one file (mixed into `Store`)."""
