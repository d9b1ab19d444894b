"""The header's search: indicators, projects, key tasks and problems by name or code.

Every government role may read all four (see :mod:`planwatch.web.accounts.roles`),
so the search is offered to them only and searches everything they may open;
the public, who may read the published report alone, get no search. A query
shorter than :data:`SHORTEST` finds nothing (one character matches everything).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.urls import reverse

from planwatch.web.accounts.roles import regions_of
from planwatch.web.plan.models import IndicatorRecord
from planwatch.web.projects.models import ProblemRecord, ProjectRecord, TaskRecord

SHORTEST = 2
LIMIT = 20  # per kind: a search is for finding one thing, not for listing


@dataclass(frozen=True)
class Hit:
    code: str
    name: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class Found:
    query: str
    indicators: list[Hit] = field(default_factory=list)
    projects: list[Hit] = field(default_factory=list)
    tasks: list[Hit] = field(default_factory=list)
    problems: list[Hit] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.indicators) + len(self.projects) + len(self.tasks) + len(self.problems)


def search(query: str, *, actor: Any = None) -> Found:
    """What matches ``query`` (case-insensitive, anywhere in the name or code), four queries;
    of the ``actor``'s regions only (a district's users find their district's)."""
    text = query.strip()
    if len(text) < SHORTEST:
        return Found(text)
    seen = None if actor is None else regions_of(actor)
    within = Q() if seen is None else Q(region__in=seen)
    return Found(
        text,
        _indicators(text, within),
        _projects(text, within),
        _tasks(text, within),
        _problems(text, within),
    )


def _indicators(text: str, within: Q) -> list[Hit]:
    found = IndicatorRecord.objects.filter(
        within,
        Q(name__icontains=text)
        | Q(code__icontains=text)
        | Q(name_en__icontains=text)
        | Q(aliases__icontains=text),
    ).select_related("region")
    return [
        Hit(
            i.code,
            i.name,
            reverse("plan:indicator", args=[i.code]) + f"?region={i.region.code}",
            i.region.name,
        )
        for i in found.order_by("region__code", "position")[:LIMIT]
    ]


def _projects(text: str, within: Q) -> list[Hit]:
    found = ProjectRecord.objects.filter(within, Q(name__icontains=text) | Q(code__icontains=text))
    return [
        Hit(
            p.code,
            p.name,
            reverse("projects:detail", args=[p.code]) + f"?region={p.region.code}",
            str(p.year),
        )
        for p in found.select_related("region").order_by("-year", "code")[:LIMIT]
    ]


def _tasks(text: str, within: Q) -> list[Hit]:
    found = TaskRecord.objects.filter(within, Q(title__icontains=text) | Q(code__icontains=text))
    return [
        Hit(t.code, t.title, reverse("projects:task", args=[t.code]) + f"?year={t.year}", t.lead)
        for t in found.order_by("-year", "code")[:LIMIT]
    ]


def _problems(text: str, within: Q) -> list[Hit]:
    found = ProblemRecord.objects.filter(
        within, Q(description__icontains=text) | Q(code__icontains=text)
    )
    return [
        Hit(
            p.code,
            p.description,
            reverse("projects:problem", args=[p.code]) + f"?region={p.region.code}",
            p.deadline.isoformat(),
        )
        for p in found.select_related("region").order_by("-found_at")[:LIMIT]
    ]
