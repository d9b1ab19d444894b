"""Persistence of the key-task tree and its quarterly progress."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from planwatch.core.observations import Period
from planwatch.core.targets import Target, TargetForm
from planwatch.core.tasks import Area, SubTarget, Task, TaskProgress
from planwatch.web.projects.models.fields import split_list


class TaskRecord(models.Model):
    """A key task (项) of a plan year, with its area (方面) inline."""

    region = models.ForeignKey("plan.Region", on_delete=models.PROTECT, related_name="tasks")
    year = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=20)
    area = models.CharField(max_length=10)
    area_title = models.CharField(max_length=200, blank=True)
    area_source = models.CharField(max_length=40, blank=True)
    area_note = models.CharField(max_length=300, blank=True)
    ordinal = models.CharField(max_length=10)
    title = models.CharField(max_length=200)
    source = models.CharField(max_length=40)
    lead = models.CharField(max_length=60)
    cooperating = models.CharField(max_length=300, blank=True, help_text="|-separated")

    class Meta:
        db_table = "projects_task"
        ordering = ["year", "id"]
        constraints = [models.UniqueConstraint(fields=["year", "code"], name="one_task_per_code")]

    def area_to_domain(self) -> Area:
        return Area(self.area, self.area_title, self.area_source, self.area_note)

    def to_domain(self) -> Task:
        return Task(
            code=self.code,
            area=self.area,
            ordinal=self.ordinal,
            title=self.title,
            source=self.source,
            lead=self.lead,
            cooperating=split_list(self.cooperating),
        )


class SubTargetRecord(models.Model):
    task = models.ForeignKey(TaskRecord, on_delete=models.CASCADE, related_name="sub_targets")
    code = models.CharField(max_length=20)
    subject = models.CharField(max_length=200)
    text = models.CharField(max_length=300)
    source = models.CharField(max_length=40)
    lead = models.CharField(max_length=60)
    cooperating = models.CharField(max_length=300, blank=True, help_text="|-separated")
    form = models.CharField(max_length=20, blank=True, help_text="empty for a milestone")
    value = models.FloatField(null=True, blank=True)
    unit = models.CharField(max_length=20, blank=True)
    measure = models.CharField(max_length=10, default="level")
    due = models.DateField(null=True, blank=True)

    class Meta:
        db_table = "projects_sub_target"
        constraints = [models.UniqueConstraint(fields=["task", "code"], name="one_sub_per_code")]

    def to_domain(self, task: TaskRecord) -> SubTarget:
        target = None
        if self.form:
            target = Target(
                indicator=self.code,
                year=task.year,
                form=TargetForm(self.form),
                text=self.text,
                value=self.value,
                source=self.source,
            )
        return SubTarget(
            code=self.code,
            task=task.code,
            subject=self.subject,
            text=self.text,
            source=self.source,
            lead=self.lead,
            cooperating=split_list(self.cooperating),
            target=target,
            unit=self.unit,
            measure=self.measure,
            due=self.due,
        )


class TaskProgressRecord(models.Model):
    """A quarterly report on a sub-target; every write keeps a history row (who, when, why)."""

    sub_target = models.ForeignKey(
        SubTargetRecord, on_delete=models.CASCADE, related_name="progress"
    )
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    value = models.FloatField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True)
    source = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        db_table = "projects_task_progress"
        constraints = [
            models.UniqueConstraint(
                fields=["sub_target", "year", "quarter"], name="one_task_report_per_quarter"
            )
        ]

    def to_domain(self) -> TaskProgress:
        return TaskProgress(
            sub_target=self.sub_target.code,
            period=Period(self.year, quarter=self.quarter),
            value=self.value,
            done_on=self.done_on,
            note=self.note,
            source=self.source,
        )
