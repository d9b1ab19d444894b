"""What the reminder job has done, so that it never does it twice.

Both tables are append-only records of the job's own acts; the problems it
opens keep their history in the problem list (``ProblemEventRecord``).
"""

from __future__ import annotations

from django.db import models

from planwatch.web.plan.models import IndicatorRecord
from planwatch.web.submissions.models import ReportingPeriod


class SentReminder(models.Model):
    """One reminder stage sent for one obligation (a period's value of one indicator).

    ``stage`` is the day the stage begins counted from the due date
    (:func:`planwatch.core.reminders.stage_on`); the unique constraint makes a
    second send of the same stage fail, even from two workers at once.
    """

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(IndicatorRecord, on_delete=models.CASCADE, related_name="+")
    department = models.CharField(max_length=100)
    stage = models.SmallIntegerField()
    sent_at = models.DateTimeField()
    recipients = models.TextField(blank=True, help_text="e-mail addresses, comma-separated")

    class Meta:
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "indicator", "stage"], name="one_reminder_per_stage"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.indicator} stage {self.stage:+d}"


class OverdueProblem(models.Model):
    """The problem an obligation became when it stayed open too long: one per obligation."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(IndicatorRecord, on_delete=models.CASCADE, related_name="+")
    problem_code = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "indicator"], name="one_problem_per_obligation"
            )
        ]

    def __str__(self) -> str:
        return self.problem_code
