"""Persistence of projects, progress, key tasks and problems.

Models hold data and translate to core objects (``to_domain``); rules live in
``planwatch.core``. Money is ``DecimalField`` in 万元. Problem events are
append-only: a problem's history is its events, never edited.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from simple_history.models import HistoricalRecords

from planwatch.core.observations import Period
from planwatch.core.problems import (
    Action,
    Event,
    LinkKind,
    Problem,
    Severity,
    Source,
    State,
)
from planwatch.core.progress import Evidence, ProgressReport
from planwatch.core.projects import Category, Level, Milestone, Project
from planwatch.core.targets import Target, TargetForm
from planwatch.core.tasks import Area, SubTarget, Task, TaskProgress


def _choices(enum: type) -> list[tuple[str, str]]:
    return [(member.value, member.label_zh) for member in enum]  # type: ignore[attr-defined]


def _split(text: str) -> tuple[str, ...]:
    return tuple(item for item in text.split("|") if item)


class Department(models.Model):
    """A department that owns projects, leads tasks and rectifies problems."""

    name = models.CharField(max_length=60, unique=True)

    class Meta:
        db_table = "projects_department"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProjectRecord(models.Model):
    code = models.CharField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    year = models.PositiveSmallIntegerField(db_index=True)
    category = models.CharField(max_length=20, choices=_choices(Category))
    level = models.CharField(max_length=20, choices=_choices(Level))
    government = models.BooleanField(default=True, help_text="政府投资项目")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="projects")
    unit = models.CharField(max_length=100, blank=True)
    leader = models.CharField(max_length=60, blank=True)
    town = models.CharField(max_length=40, blank=True)
    total = models.DecimalField(max_digits=14, decimal_places=2, help_text="万元")
    annual_plan = models.DecimalField(max_digits=14, decimal_places=2, help_text="万元")
    start = models.DateField()
    end = models.DateField()
    source = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        db_table = "projects_project"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def to_domain(self, milestones: list[Milestone] | None = None) -> Project:
        """The core project; pass ``milestones`` when they were fetched in bulk."""
        if milestones is None:
            milestones = [m.to_domain() for m in self.milestones.all()]
        return Project(
            code=self.code,
            name=self.name,
            year=self.year,
            category=Category(self.category),
            level=Level(self.level),
            department=self.department.name,
            unit=self.unit,
            leader=self.leader,
            town=self.town,
            total=self.total,
            annual_plan=self.annual_plan,
            start=self.start,
            end=self.end,
            government=self.government,
            milestones=tuple(milestones),
            source=self.source,
        )


class MilestoneRecord(models.Model):
    project = models.ForeignKey(ProjectRecord, on_delete=models.CASCADE, related_name="milestones")
    name = models.CharField(max_length=20)
    planned = models.DateField()

    class Meta:
        db_table = "projects_milestone"
        constraints = [
            models.UniqueConstraint(fields=["project", "name"], name="one_milestone_per_name")
        ]

    def to_domain(self) -> Milestone:
        return Milestone(self.name, self.planned)


class ProgressRecord(models.Model):
    """A monthly report: cumulative completed investment of the year, milestones reached."""

    project = models.ForeignKey(ProjectRecord, on_delete=models.CASCADE, related_name="progress")
    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField()
    completed = models.DecimalField(max_digits=14, decimal_places=2, help_text="万元")
    reached = models.JSONField(default=dict, blank=True, help_text="milestone → ISO date")
    narrative = models.TextField(blank=True)
    evidence = models.JSONField(default=list, blank=True, help_text="[name, type, bytes]")
    source = models.CharField(max_length=200)
    submitted_by = models.CharField(max_length=150)
    submitted_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "projects_progress"
        constraints = [
            models.UniqueConstraint(
                fields=["project", "year", "month"], name="one_report_per_month"
            )
        ]
        indexes = [models.Index(fields=["year", "month"])]

    def to_domain(self, code: str) -> ProgressReport:
        return ProgressReport(
            project=code,
            period=Period(self.year, month=self.month),
            completed=self.completed,
            reached={name: date.fromisoformat(day) for name, day in self.reached.items()},
            narrative=self.narrative,
            evidence=tuple(Evidence(n, t, s) for n, t, s in self.evidence),
            source=self.source,
        )


class TaskRecord(models.Model):
    """A key task (项) of a plan year, with its area (方面) inline."""

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
            cooperating=_split(self.cooperating),
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
            cooperating=_split(self.cooperating),
            target=target,
            unit=self.unit,
            measure=self.measure,
            due=self.due,
        )


class TaskProgressRecord(models.Model):
    sub_target = models.ForeignKey(
        SubTargetRecord, on_delete=models.CASCADE, related_name="progress"
    )
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    value = models.FloatField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True)
    source = models.CharField(max_length=200)

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


class ProblemRecord(models.Model):
    """An entry of the problem list; ``state`` mirrors its last event for queries."""

    code = models.CharField(max_length=40, unique=True)
    source = models.CharField(max_length=20, choices=_choices(Source))
    link_kind = models.CharField(max_length=20, choices=[(k.value, k.value) for k in LinkKind])
    link = models.CharField(max_length=60)
    description = models.TextField()
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="problems")
    deadline = models.DateField()
    severity = models.CharField(max_length=10, choices=_choices(Severity))
    found_at = models.DateTimeField()
    state = models.CharField(max_length=20, choices=_choices(State), default=State.FOUND.value)

    class Meta:
        db_table = "projects_problem"
        ordering = ["deadline", "code"]
        indexes = [models.Index(fields=["state", "deadline"])]

    def to_domain(self) -> Problem:
        return Problem(
            code=self.code,
            source=Source(self.source),
            link_kind=LinkKind(self.link_kind),
            link=self.link,
            description=self.description,
            department=self.department.name,
            deadline=self.deadline,
            severity=Severity(self.severity),
            found_at=self.found_at,
            history=tuple(e.to_domain() for e in self.events.order_by("sequence")),
        )


class ProblemEventRecord(models.Model):
    """One step of a problem's history. Rows are only ever added."""

    problem = models.ForeignKey(ProblemRecord, on_delete=models.PROTECT, related_name="events")
    sequence = models.PositiveIntegerField()
    action = models.CharField(max_length=20, choices=_choices(Action))
    before = models.CharField(max_length=20, choices=_choices(State))
    after = models.CharField(max_length=20, choices=_choices(State))
    actor = models.CharField(max_length=150)
    at = models.DateTimeField()
    note = models.TextField(blank=True)
    evidence = models.CharField(max_length=500, blank=True, help_text="|-separated file names")

    class Meta:
        db_table = "projects_problem_event"
        constraints = [
            models.UniqueConstraint(fields=["problem", "sequence"], name="one_event_per_step")
        ]

    def to_domain(self) -> Event:
        return Event(
            action=Action(self.action),
            before=State(self.before),
            after=State(self.after),
            actor=self.actor,
            at=self.at,
            note=self.note,
            evidence=_split(self.evidence),
        )
