"""A department's submission of one indicator value for one period, and its review."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from planwatch.core.observations import Status
from planwatch.web.plan.models import IndicatorRecord, ObservationRecord, Region


class State(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待审核"
    APPROVED = "approved", "已通过"
    RETURNED = "returned", "已退回"


class Submission(models.Model):
    """draft → submitted → approved (an ``ObservationRecord``) or returned → submitted again.

    ``department`` is the indicator's owner at the time of writing; the
    approved value's origin is ``submission:<id>``.
    """

    indicator = models.ForeignKey(
        IndicatorRecord, on_delete=models.CASCADE, related_name="submissions"
    )
    period = models.CharField(max_length=10, help_text="2024, 2024-Q3 or 2024-07")
    year = models.PositiveSmallIntegerField()
    value = models.FloatField()
    status = models.CharField(
        max_length=10, choices=[(s.value, s.label_zh) for s in Status], default=Status.ACTUAL
    )
    note = models.TextField(blank=True)
    department = models.CharField(max_length=100)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="submissions"
    )
    updated_at = models.DateTimeField(auto_now=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(blank=True)
    observation = models.OneToOneField(
        ObservationRecord, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    corrects = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
        help_text="the approved submission this one corrects",
    )
    reason = models.TextField(blank=True, help_text="why a correction was needed")
    corrects_origin = models.CharField(
        max_length=200,
        blank=True,
        help_text="the origin of the published value this corrects (submission:12, document:3)",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["state", "department"])]

    def __str__(self) -> str:
        return f"{self.indicator} {self.period} = {self.value:g} ({self.state})"

    @property
    def is_correction(self) -> bool:
        """A correction of a published value: its period and status are fixed, closed ones too."""
        return bool(self.corrects_origin)

    @property
    def editable(self) -> bool:
        return self.state in (State.DRAFT, State.RETURNED)


class ReportingPeriod(models.Model):
    """A month, quarter or year the plan office opened for a region's departments to report.

    Departments owe a value for every indicator whose reporting frequency
    matches the period's granularity (see :mod:`planwatch.web.submissions.periods`);
    a value not submitted by ``due`` is overdue. Once closed, nothing more is
    submitted into it except corrections of approved values.
    """

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="reporting_periods")
    period = models.CharField(max_length=10, help_text="2025, 2025-Q3 or 2025-06")
    year = models.PositiveSmallIntegerField()
    due = models.DateField()
    is_open = models.BooleanField(default=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField()
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["region", "-year", "-period"]
        constraints = [
            models.UniqueConstraint(fields=["region", "period"], name="one_reporting_period")
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.period}"
