"""Validation rules of an indicator, as data the plan office edits."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from planwatch.core.validation import Rules
from planwatch.web.plan.models import IndicatorRecord


class ValidationRule(models.Model):
    """What a value of one indicator may be (see :class:`planwatch.core.validation.Rules`).

    An indicator without a row uses :func:`~planwatch.core.validation.default_rules`.
    """

    indicator = models.OneToOneField(
        IndicatorRecord, on_delete=models.CASCADE, related_name="validation_rule"
    )
    minimum = models.FloatField(null=True, blank=True)
    maximum = models.FloatField(null=True, blank=True)
    max_jump = models.FloatField(
        null=True, blank=True, help_text="largest change from the previous period without a remark"
    )
    monotone_cumulative = models.BooleanField(default=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"rules of {self.indicator}"

    def to_domain(self) -> Rules:
        return Rules(
            minimum=self.minimum,
            maximum=self.maximum,
            max_jump=self.max_jump,
            monotone_cumulative=self.monotone_cumulative,
        )
