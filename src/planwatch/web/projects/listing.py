"""The project list: filtered, sorted and paged in the database, totals as aggregates.

Each row shows the month-end judgement of its project (completion, 序时进度,
lagging, 未报), read from :mod:`planwatch.web.projects.judged`, which runs
the core lag rule once per region, month and data version; only the rows of
the page asked for are built, so a page of a register of 10,000 projects costs
what a page of 50 costs. Money is in 万元.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, overload

from django.core.paginator import Page, Paginator
from django.db.models import Count, DecimalField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from planwatch.core.observations import Period
from planwatch.core.progress import ProjectStatus
from planwatch.core.projects import Category, Level
from planwatch.web.plan.models import Region
from planwatch.web.projects import judged
from planwatch.web.projects.models import ProgressRecord, ProjectRecord

PAGE_SIZE = 50
SORTS = {  # ?sort= (a leading "-" reverses): the database column it orders by
    "code": "code",
    "name": "name",
    "category": "category",
    "department": "department__name",
    "town": "town",
    "total": "total",
    "annual_plan": "annual_plan",
    "completed": "completed",
}


@dataclass(frozen=True)
class ProjectFilter:
    """``?category=&level=&department=&town=&lagging=1&not_reported=1&government=1&q=&sort=&page=``."""

    category: str = ""
    level: str = ""
    department: str = ""
    town: str = ""
    lagging: bool = False
    not_reported: bool = False  # 未报: no report for the month judged
    q: str = ""
    government: bool = False  # 政府投资项目 only
    sort: str = "code"
    page: str = "1"

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> ProjectFilter:
        sort = query.get("sort", "code")
        return cls(
            category=query.get("category", ""),
            level=query.get("level", ""),
            department=query.get("department", ""),
            town=query.get("town", ""),
            lagging=query.get("lagging") == "1",
            not_reported=query.get("not_reported") == "1",
            q=query.get("q", "").strip(),
            government=query.get("government") == "1",
            sort=sort if sort.removeprefix("-") in SORTS else "code",
            page=query.get("page", "1"),
        )

    def apply(
        self, records: QuerySet[ProjectRecord], month: Mapping[str, ProjectStatus]
    ) -> QuerySet[ProjectRecord]:
        """``records`` this filter keeps; ``month``: the month's judgement of each, by code."""
        exact = {
            "category": self.category,
            "level": self.level,
            "department__name": self.department,
            "town": self.town,
        }
        records = records.filter(**{k: v for k, v in exact.items() if v})
        if self.q:
            records = records.filter(Q(name__contains=self.q) | Q(code__contains=self.q))
        if self.government:
            records = records.filter(government=True)
        if self.lagging:
            records = records.filter(code__in=[c for c, s in month.items() if s.lagging])
        if self.not_reported:
            records = records.filter(code__in=[c for c, s in month.items() if s.not_reported])
        return records

    def ordering(self) -> tuple[str, str]:
        column = SORTS[self.sort.removeprefix("-")]
        return ("-" if self.sort.startswith("-") else "") + column, "code"


@dataclass(frozen=True)
class Totals:
    """Sums over the projects a filter keeps, in 万元."""

    count: int
    total: Decimal
    annual_plan: Decimal
    completed: Decimal
    lagging: int
    unit: str = "万元"

    @property
    def completion(self) -> Decimal | None:
        return None if not self.annual_plan else self.completed * 100 / self.annual_plan


class Rows:
    """The judged rows of a filtered, ordered register, built only for the slice asked for."""

    def __init__(
        self, codes: QuerySet[Any], month: Mapping[str, ProjectStatus], count: int
    ) -> None:
        self._codes, self._month, self._count = codes, month, count

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self.count()

    @overload
    def __getitem__(self, index: int) -> ProjectStatus: ...
    @overload
    def __getitem__(self, index: slice) -> list[ProjectStatus]: ...
    def __getitem__(self, index: int | slice) -> ProjectStatus | list[ProjectStatus]:
        if isinstance(index, slice):
            return [self._month[code] for code in self._codes[index]]
        return self._month[self._codes[index]]

    def __iter__(self) -> Iterator[ProjectStatus]:
        return (self._month[code] for code in self._codes)


@dataclass(frozen=True)
class ProjectList:
    period: Period
    rows: Rows  # every row the filter keeps, in order; ``page`` holds the ones shown
    page: Page  # type: ignore[type-arg]
    totals: Totals
    departments: list[str]
    towns: list[str]
    kept: ProjectFilter = field(default_factory=ProjectFilter)
    categories: list[Category] = field(default_factory=lambda: list(Category))
    levels: list[Level] = field(default_factory=lambda: list(Level))


def project_list(region: Region, period: Period, kept: ProjectFilter) -> ProjectList:
    """``region``'s register of ``period``'s year judged at the month's end, as ``kept`` asks."""
    month = judged.month(region, period)
    lagging = [code for code, status in month.items() if status.lagging]
    register = ProjectRecord.objects.filter(region=region, year=period.year)
    records = kept.apply(register, month)
    ordered = with_completed(records, period).order_by(*kept.ordering())
    summed = totals(records, period, lagging)
    rows = Rows(ordered.values_list("code", flat=True), month, summed.count)
    choices = set(register.values_list("department__name", "town").distinct())
    return ProjectList(
        period=period,
        rows=rows,
        page=Paginator(rows, PAGE_SIZE).get_page(kept.page),
        totals=summed,
        departments=sorted({department for department, _ in choices}),
        towns=sorted({town for _, town in choices if town}),
        kept=kept,
    )


def completed(period: Period) -> Coalesce:
    """A project's completed investment at the end of ``period``: its latest cumulative figure of
    the year reported by then (0 without any), as the core rule reads it."""
    latest = ProgressRecord.objects.filter(
        project=OuterRef("pk"), year=period.year, month__lte=period.month or 12
    ).order_by("-month")
    money = DecimalField(max_digits=14, decimal_places=2)
    return Coalesce(Subquery(latest.values("completed")[:1]), Value(Decimal(0)), output_field=money)


def with_completed(records: QuerySet[ProjectRecord], period: Period) -> QuerySet[ProjectRecord]:
    """``records`` with ``completed`` (:func:`completed`), to order by."""
    return records.annotate(completed=completed(period))


def totals(records: QuerySet[ProjectRecord], period: Period, lagging: list[str]) -> Totals:
    """Counts and sums of ``records``, one aggregate query."""
    sums = records.aggregate(
        count=Count("pk"),
        lagging=Count("pk", filter=Q(code__in=lagging)),
        total=Coalesce(Sum("total"), Value(Decimal(0))),
        annual_plan=Coalesce(Sum("annual_plan"), Value(Decimal(0))),
        completed=Coalesce(Sum(completed(period)), Value(Decimal(0))),
    )
    return Totals(
        count=sums["count"],
        total=Decimal(sums["total"]),
        annual_plan=Decimal(sums["annual_plan"]),
        completed=Decimal(sums["completed"]),
        lagging=sums["lagging"],
    )
