"""The problem list (问题清单): list, read one with its events, report one, take a step.

A problem's code is unique within its region: ``?region=`` names the region (default: the
only problem of that code, else the user's district's or the first region's)."""

from datetime import date, datetime
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field, WithJsonSchema

from planwatch.core.problems import Action, LinkKind, Problem, Severity, Source, State
from planwatch.services import problems as problem_service
from planwatch.services import regions
from planwatch.web.api.types import Day, Key, Page, RegionCode, Text

router = Router(tags=["problems"])
ProblemCode = Annotated[Key, Field(examples=["WT-2025-007"])]
# file names are stored |-separated in 500 characters: five names of up to 95 fit
# The problem's state, inline: the submission's State enum is another component of that name.
ProblemState = Annotated[
    State,
    WithJsonSchema({"type": "string", "enum": [s.value for s in State], "title": "ProblemState"}),
]
FileName = Annotated[Text, Field(min_length=1, max_length=95, pattern=r"^[^|\r\n]+$")]


class EventOut(Schema):
    action: Action
    before: ProblemState
    after: ProblemState
    actor: str
    at: datetime
    note: str
    evidence: list[str]


class ProblemOut(Schema):
    code: str
    source: Source
    link_kind: LinkKind
    link: str
    description: str
    department: str
    deadline: date
    severity: Severity
    found_at: datetime
    state: ProblemState
    history: list[EventOut]


class ProblemFilter(Schema):
    region: RegionCode = None
    state: ProblemState | None = None
    department: Text | None = Field(None, max_length=100)


class ProblemIn(Schema):
    code: Key = Field(examples=["WT-2025-901"])
    source: Source
    link_kind: LinkKind
    link: Text = Field(
        min_length=1,
        max_length=60,
        description="project, task or indicator code",
        examples=["2025-ZF-001"],
    )
    description: Text = Field(min_length=1, max_length=5000, examples=["开工滞后"])
    department: Text = Field(
        min_length=1, max_length=60, description="who rectifies it", examples=["区应急管理局"]
    )
    deadline: Day = Field(examples=["2099-01-31"])
    severity: Severity = Severity.MEDIUM


class StepIn(Schema):
    action: Action
    note: Text = Field("", max_length=2000, description="needed to send a problem back")
    evidence: list[FileName] = Field([], max_length=5, description="needed to submit for check")


@router.get("/problems", response=list[ProblemOut])
@paginate(Page)
def list_problems(request: HttpRequest, filters: Query[ProblemFilter]) -> Any:
    found = problem_service.problems(
        state=filters.state, region=regions.region(filters.region, actor=request.user)
    )
    return [p for p in found if filters.department in (None, p.department)]


@router.get("/problems/{problem_code}", response=ProblemOut)
def get_problem(
    request: HttpRequest, problem_code: ProblemCode, region: RegionCode = None
) -> Problem:
    """One problem of ``region`` with every step taken, oldest first."""
    return problem_service.problem(problem_code, region, actor=request.user)


@router.post("/problems", response={201: ProblemOut})
def report_problem(request: HttpRequest, problem: ProblemIn, region: RegionCode = None) -> Any:
    """Enter a new problem of ``region`` (default: the region of the project or key task it
    concerns, else the user's district or the first region), state 发现 (plan office)."""
    new = Problem(**problem.model_dump(), found_at=timezone.now())
    chosen = None if region is None else regions.region(region, actor=request.user)
    return 201, problem_service.report_problem(new, actor=request.user, region=chosen)


@router.post("/problems/{problem_code}/steps", response=ProblemOut)
def take_step(
    request: HttpRequest, problem_code: ProblemCode, step: StepIn, region: RegionCode = None
) -> Problem:
    """One step of the closed loop on a problem of ``region``: assign, send_back and close are
    the plan office's, start and submit the responsible department's; 409 when the state does
    not allow it."""
    return problem_service.take_problem_step(
        problem_code,
        step.action,
        actor=request.user,
        region=region,
        note=step.note.strip(),
        evidence=tuple(name.strip() for name in step.evidence if name.strip()),
    )
