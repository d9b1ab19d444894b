"""Persistence of the problem list; problem events are append-only."""

from __future__ import annotations

from django.db import models

from planwatch.core.problems import Action, Event, LinkKind, Problem, Severity, Source, State
from planwatch.web.projects.models.fields import enum_choices, split_list
from planwatch.web.projects.models.projects import Department


class ProblemRecord(models.Model):
    """An entry of a region's problem list; ``state`` mirrors its last event for queries."""

    region = models.ForeignKey("plan.Region", on_delete=models.PROTECT, related_name="problems")
    code = models.CharField(max_length=40, db_index=True, help_text="unique within its region")
    source = models.CharField(max_length=20, choices=enum_choices(Source))
    link_kind = models.CharField(max_length=20, choices=[(k.value, k.value) for k in LinkKind])
    link = models.CharField(max_length=60)
    description = models.TextField()
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="problems")
    deadline = models.DateField()
    severity = models.CharField(max_length=10, choices=enum_choices(Severity))
    found_at = models.DateTimeField()
    state = models.CharField(max_length=20, choices=enum_choices(State), default=State.FOUND.value)

    class Meta:
        db_table = "projects_problem"
        ordering = ["deadline", "code"]
        indexes = [models.Index(fields=["state", "deadline"])]
        constraints = [
            models.UniqueConstraint(fields=["region", "code"], name="one_problem_code_per_region")
        ]

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
            history=tuple(e.to_domain() for e in self.events.all()),
        )


class ProblemEventRecord(models.Model):
    """One step of a problem's history. Rows are only ever added."""

    problem = models.ForeignKey(ProblemRecord, on_delete=models.PROTECT, related_name="events")
    sequence = models.PositiveIntegerField()
    action = models.CharField(max_length=20, choices=enum_choices(Action))
    before = models.CharField(max_length=20, choices=enum_choices(State))
    after = models.CharField(max_length=20, choices=enum_choices(State))
    actor = models.CharField(max_length=150)
    at = models.DateTimeField()
    note = models.TextField(blank=True)
    evidence = models.CharField(max_length=500, blank=True, help_text="|-separated file names")

    class Meta:
        db_table = "projects_problem_event"
        ordering = ["sequence"]  # a problem's history in order, also through a prefetch
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
            evidence=split_list(self.evidence),
        )
