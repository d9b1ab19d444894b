"""Persistence of departments, projects, milestones and monthly progress (money in 万元)."""

from __future__ import annotations

from datetime import date

from django.db import models
from simple_history.models import HistoricalRecords

from planwatch.core.observations import Period
from planwatch.core.progress import Evidence, ProgressReport
from planwatch.core.projects import Category, Level, Milestone, Project
from planwatch.web.projects.models.fields import enum_choices


class Department(models.Model):
    """A department that owns projects, leads tasks and rectifies problems."""

    name = models.CharField(max_length=60, unique=True)

    class Meta:
        db_table = "projects_department"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProjectRecord(models.Model):
    """A project of a region's register; every list, total and page is scoped by its region."""

    region = models.ForeignKey("plan.Region", on_delete=models.PROTECT, related_name="projects")
    code = models.CharField(max_length=40, db_index=True, help_text="unique within its region")
    name = models.CharField(max_length=200)
    year = models.PositiveSmallIntegerField(db_index=True)
    category = models.CharField(max_length=20, choices=enum_choices(Category))
    level = models.CharField(max_length=20, choices=enum_choices(Level))
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
        constraints = [
            models.UniqueConstraint(fields=["region", "code"], name="one_project_code_per_region")
        ]

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
    """A monthly report: cumulative completed investment of the year, milestones reached.

    Every write by a user keeps a history row (who, when, why); dataset loads
    write none, and the state they left is recorded just before its first revision.
    """

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
    history = HistoricalRecords(excluded_fields=["submitted_at"])  # history_date says when

    class Meta:
        db_table = "projects_progress"
        constraints = [
            models.UniqueConstraint(
                fields=["project", "year", "month"], name="one_report_per_month"
            )
        ]
        indexes = [models.Index(fields=["year", "month"])]

    def __str__(self) -> str:
        return f"{self.project_id} {self.year}-{self.month:02d}"

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
