"""Validation rules of an indicator, as data the plan office edits."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from planwatch.core.plausibility import Bounds, default_bounds
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
    jump_factor = models.FloatField(
        null=True,
        blank=True,
        help_text="a change beyond this many times the usual one needs a remark (default 5)",
    )
    target_factor = models.FloatField(
        null=True,
        blank=True,
        help_text="a value beyond this many times the target needs a remark (default 10)",
    )
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

    def to_bounds(self) -> Bounds:
        """The indicator's plausibility: hard bounds by unit, soft factors as the office set."""
        default = default_bounds(self.indicator.to_domain())
        return Bounds(
            minimum=default.minimum,
            maximum=default.maximum,
            jump_factor=self.jump_factor if self.jump_factor is not None else default.jump_factor,
            target_factor=(
                self.target_factor if self.target_factor is not None else default.target_factor
            ),
        )
