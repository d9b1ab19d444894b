"""The project register and the problem list with every step taken (read-only for now)."""

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from planwatch.core.problems import State
from planwatch.web.api.types import Page, Text, Year
from planwatch.web.projects import problem_services, services

router = Router(tags=["projects"])


class MilestoneOut(Schema):
    name: str
    planned: date


class ProjectOut(Schema):
    code: str
    name: str
    year: int
    category: str
    level: str
    department: str
    unit: str
    leader: str
    town: str
    total: float = Field(description="万元")
    annual_plan: float = Field(description="万元")
    start: date
    end: date
    government: bool
    milestones: list[MilestoneOut]
    source: str


class EventOut(Schema):
    action: str
    before: str
    after: str
    actor: str
    at: datetime
    note: str
    evidence: list[str]


class ProblemOut(Schema):
    code: str
    source: str
    link_kind: str
    link: str
    description: str
    department: str
    deadline: date
    severity: str
    found_at: datetime
    state: str
    history: list[EventOut]


class ProjectFilter(Schema):
    year: Year | None = None
    department: Text | None = Field(None, max_length=100)


class ProblemFilter(Schema):
    state: State | None = None
    department: Text | None = Field(None, max_length=100)


@router.get("/projects", response=list[ProjectOut])
@paginate(Page)
def list_projects(request: HttpRequest, filters: Query[ProjectFilter]) -> Any:
    found = services.register(filters.year)
    return [p for p in found if filters.department in (None, p.department)]


@router.get("/problems", response=list[ProblemOut])
@paginate(Page)
def list_problems(request: HttpRequest, filters: Query[ProblemFilter]) -> Any:
    found = problem_services.problems(state=filters.state)
    return [p for p in found if filters.department in (None, p.department)]
