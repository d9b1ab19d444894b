"""The project register: list with filters and totals, one project, monthly progress, changes."""

from dataclasses import asdict
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from planwatch.core.observations import Period
from planwatch.core.progress import ProgressReport, ProjectStatus
from planwatch.core.projects import MILESTONE_NAMES, Category, Level
from planwatch.services import projects, regions
from planwatch.services.project_entry import ProgressEntry
from planwatch.web.api.kept import kept
from planwatch.web.api.types import (
    Day,
    Flag,
    Justification,
    Key,
    Month,
    Number,
    Page,
    RegionCode,
    Text,
    Version,
    Year,
)
from planwatch.web.editing.history import InvalidField
from planwatch.web.plan.models import Region
from planwatch.web.projects import listing, pages

router = Router(tags=["projects"])
ProjectCode = Annotated[Key, Field(examples=["2025-ZF-001"])]
MilestoneName = Literal["开工", "主体完工", "竣工"]
Sort = Literal[
    "code",
    "-code",
    "name",
    "-name",
    "category",
    "-category",
    "department",
    "-department",
    "town",
    "-town",
    "total",
    "-total",
    "annual_plan",
    "-annual_plan",
    "completed",
    "-completed",
]  # listing.SORTS
Money = Number  # 万元, sent as a number; stored exactly to the fen (two decimals)


class MilestoneOut(Schema):
    name: str
    planned: date


class StatusOut(Schema):
    month: str = Field(description="judged at the end of this month")
    completed: float = Field(description="cumulative completed investment of the year, 万元")
    completion: float | None = Field(description="completed ÷ annual plan, %")
    time_progress: float = Field(description="序时进度, %")
    lagging: bool
    behind_by_rate: bool
    overdue: list[str] = Field(description="milestones planned by the month and not reached")
    reported: bool = Field(description="a report of this very month exists")


class ProjectOut(Schema):
    code: str
    name: str
    year: int
    category: Category
    level: Level
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
    status: StatusOut


class ProgressOut(Schema):
    month: str
    completed: float = Field(description="万元")
    reached: dict[str, date]
    narrative: str
    evidence: list[str]
    source: str


class ProjectDetailOut(ProjectOut):
    version: int
    progress: list[ProgressOut]
    problems: list[str] = Field(description="codes of the problems linked to the project")


class TotalsOut(Schema):
    month: str
    count: int
    total: float
    annual_plan: float
    completed: float
    completion: float | None
    lagging: int


class PagedProjectOut(Schema):
    """A page of :func:`list_projects`, as :class:`Page` answers it."""

    items: list[ProjectOut]
    count: int


class ProjectFilter(Schema):
    region: RegionCode = None
    year: Year | None = Field(None, description="default: the latest year with projects")
    month: Month | None = Field(
        None,
        description="judge as of this month (default: the month of the plan's default as-of "
        "period, as on the dashboard); a project without this month's report is not reported",
    )
    category: Category | None = None
    level: Level | None = None
    department: Text | None = Field(None, max_length=100)
    town: Text | None = Field(None, max_length=100)
    lagging: bool = Field(False, description="only the lagging projects")
    not_reported: bool = Field(False, description="only the projects without the month's report")
    q: Text | None = Field(None, max_length=100, description="part of the name or code")
    sort: Sort = Field("code", description="order by this column; a leading - reverses")

    def region_seen(self, actor: Any) -> int:
        """The id of the region listed, after checking that ``actor`` may see it."""
        return regions.region(self.region, actor=actor).pk

    def listed(self, actor: Any) -> listing.ProjectList:
        region = regions.region(self.region, actor=actor)
        return listing.project_list(region, self.period(region), self.kept())

    def period(self, region: Region) -> Period:
        if self.month is None:
            return pages.project_period(
                None if self.year is None else str(self.year), region=region
            )
        month = Period.parse(self.month)
        if self.year is not None and self.year != month.year:
            raise InvalidField("month", f"{self.month} is not in {self.year}")
        pages.project_period(str(month.year), region=region)  # NotFound without projects
        return month

    def kept(self) -> listing.ProjectFilter:
        return listing.ProjectFilter(
            category=self.category or "",
            level=self.level or "",
            department=self.department or "",
            town=self.town or "",
            lagging=self.lagging,
            not_reported=self.not_reported,
            q=self.q or "",
            sort=self.sort,
        )


class ProgressIn(Schema):
    month: Month = Field(examples=["2025-11"])
    completed: Money = Field(
        le=1e11, description="cumulative completed investment, 万元", examples=[3100]
    )
    reached: dict[MilestoneName, Day] = Field({}, description="milestones reached, by date")
    narrative: Text = Field("", max_length=2000)
    reason: Text = Field(
        "",
        max_length=500,
        description="required for a month already reported, a cumulative below the previous "
        "month's, or more than the annual plan; kept in the history",
    )


class ProjectChange(Schema):
    version: Version
    reason: Justification
    name: Text | None = Field(None, min_length=1, max_length=200)
    category: Category | None = None
    level: Level | None = None
    government: Flag | None = None
    department: Text | None = Field(None, max_length=60)
    unit: Text | None = Field(None, max_length=100)
    leader: Text | None = Field(None, max_length=60)
    town: Text | None = Field(None, max_length=40)
    total: Annotated[Money, Field(ge=0, le=1e11)] | None = None
    annual_plan: Annotated[Money, Field(ge=0, le=1e11)] | None = None
    start: Day | None = None
    end: Day | None = None
    milestones: dict[MilestoneName, Day] | None = Field(None, description="replaces them all")


class _Rows:
    """API rows of a page of :class:`listing.Rows`, built for the slice the pager asks for."""

    def __init__(self, rows: listing.Rows) -> None:
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index: slice) -> list[dict[str, Any]]:
        return [_row(s) for s in self._rows[index]]


def _row(status: ProjectStatus) -> dict[str, Any]:
    return {**asdict(status.project), "status": _status(status)}


def _status(s: ProjectStatus) -> dict[str, Any]:
    return {
        "month": str(s.period),
        "completed": s.completed,
        "completion": s.completion,
        "time_progress": s.time_progress,
        "lagging": s.lagging,
        "behind_by_rate": s.behind_by_rate,
        "overdue": list(s.overdue),
        "reported": s.reported,
    }


def _progress(r: ProgressReport) -> dict[str, Any]:
    return {
        "month": str(r.period),
        "completed": r.completed,
        "reached": r.reached,
        "narrative": r.narrative,
        "evidence": [e.filename for e in r.evidence],
        "source": r.source,
    }


def _detail(found: projects.ProjectDetail) -> dict[str, Any]:
    page = found.page
    return {
        **_row(page.status),
        "version": found.version,
        "progress": [_progress(r) for r in page.reports],
        "problems": [p.code for p in page.problems],
    }


def _money(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _listed_region(request: HttpRequest, filters: ProjectFilter, **_: Any) -> int:
    return filters.region_seen(request.user)


def _project_seen(
    request: HttpRequest, project_code: str, region: str | None = None, **_: Any
) -> int:
    return projects.project_record(project_code, region, actor=request.user).pk


@router.get("/projects", response=list[ProjectOut])
@kept("api-projects", _listed_region, PagedProjectOut)
@paginate(Page)
def list_projects(request: HttpRequest, filters: Query[ProjectFilter]) -> Any:
    """A region's register of a year judged at a month, filtered and sorted as on the project
    page; paged in the database."""
    return _Rows(filters.listed(request.user).rows)


@router.get("/project-totals", response=TotalsOut)
@kept("api-project-totals", _listed_region, TotalsOut)
def project_totals(request: HttpRequest, filters: Query[ProjectFilter]) -> Any:
    """Counts and sums (万元) over the projects the same filters keep."""
    found = filters.listed(request.user)
    return {
        "month": str(found.period),
        **asdict(found.totals),
        "completion": found.totals.completion,
    }


@router.get("/projects/{project_code}", response=ProjectDetailOut)
@kept("api-project", _project_seen, ProjectDetailOut)
def get_project(
    request: HttpRequest,
    project_code: ProjectCode,
    month: Month | None = None,
    region: RegionCode = None,
) -> Any:
    """One project of ``region`` (codes are unique within a region; default: the only project
    of that code, else the user's district's or the first region's) with its milestones,
    monthly reports and linked problems."""
    period = None if month is None else Period.parse(month)
    return _detail(projects.project_detail(project_code, period, region=region, actor=request.user))


@router.patch("/projects/{project_code}", response=ProjectDetailOut)
def change_project(
    request: HttpRequest,
    project_code: ProjectCode,
    change: ProjectChange,
    region: RegionCode = None,
) -> Any:
    """Change fields of a project (of ``region``) at the version read (plan office)."""
    fields = change.model_dump(exclude_unset=True, exclude_none=True, exclude={"version", "reason"})
    for name in ("total", "annual_plan"):
        if name in fields:
            fields[name] = _money(fields[name])
    changed = projects.change_project(
        project_code,
        actor=request.user,
        changes=fields,
        version=change.version,
        reason=change.reason,
        region=region,
    )
    return _detail(changed)


@router.post("/projects/{project_code}/progress", response={201: ProgressOut})
def report_progress(
    request: HttpRequest, project_code: ProjectCode, report: ProgressIn, region: RegionCode = None
) -> Any:
    """A month's report of a project of ``region`` (the owning department's clerk of that region
    or the plan office); a month already reported is revised with a ``reason`` and kept in the
    history."""
    entry = ProgressEntry(
        month=str(Period.parse(report.month)),
        completed=Decimal(str(report.completed)),
        reached={str(name): day for name, day in report.reached.items()},
        narrative=report.narrative,
        reason=report.reason,
    )
    try:
        stored = projects.report_project_progress(
            actor=request.user, code=project_code, entry=entry, via="api", region=region
        )
    except projects.ProgressRefused as refused:
        if refused.field in MILESTONE_NAMES:
            raise InvalidField("reached", refused.message) from None
        raise
    return 201, _progress(stored)
